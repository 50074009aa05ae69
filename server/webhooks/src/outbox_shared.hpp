// The outbox's inside, shared by outbox.cpp (publishing, subscriptions, stop) and
// outbox_worker.cpp (each subscription's worker). Internal to fakezoom::webhooks.
#pragma once

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <optional>
#include <random>
#include <thread>

#include "fakezoom/webhooks/outbox.hpp"

namespace fakezoom::webhooks {

namespace detail {

// An event as it waits, shared by every subscription's queue and every attempt. Its body is
// made once, by the first worker that sends it: under load most events are dropped unsent, and
// making their JSON on the API's threads was most of what a subscription cost a request.
class QueuedEvent {
public:
  QueuedEvent(std::string name, std::function<Event()> make) : name_(std::move(name)), make_(std::move(make)) {}
  const std::string& name() const { return name_; }
  const std::string& body() const {
    std::call_once(made_, [this] {
      body_ = event_body(make_());
      make_ = nullptr;  // what it captured is not needed again
    });
    return body_;
  }

private:
  std::string name_;
  mutable std::function<Event()> make_;
  mutable std::once_flag made_;
  mutable std::string body_;
};

struct Pending {
  std::shared_ptr<const QueuedEvent> event;
  std::string tracking_id;  // the same on every attempt of one event
  int attempt = 1;          // 1 the first, then Zoom's retries
  Clock::time_point due{};  // a retry's time
};

// How often a worker with timed work looks at the clock: the clock may be a test's, moved by
// hand, so its time cannot be waited for directly. Retries are looked for more often than
// revalidations, which come days apart.
constexpr std::chrono::milliseconds kRetryPoll{20};
constexpr std::chrono::milliseconds kRevalidationPoll{250};

inline std::int64_t unix_seconds(Clock::time_point at) {
  return std::chrono::duration_cast<std::chrono::seconds>(at.time_since_epoch()).count();
}

inline std::int64_t unix_millis(Clock::time_point at) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(at.time_since_epoch()).count();
}

}  // namespace detail

struct Outbox::Queue {
  Subscription subscription;
  std::deque<detail::Pending> pending;
  std::vector<detail::Pending> retries;  // failed attempts waiting for their time
  Validation validation;
  Clock::time_point revalidate_at{};
  bool retired = false;  // resubscribe() took its subscription away: its worker leaves
  bool done = false;     // its worker has left its loop
};

// Owned jointly by the Outbox and its workers, so that a worker still in an attempt when stop()
// gives up on it can finish it safely after the Outbox is gone.
struct Outbox::Shared {
  OutboxOptions options;
  DeliveryLog log;
  mutable std::mutex mutex;
  std::condition_variable wake;      // a queue has work, or stopping
  std::condition_variable finished;  // a worker left its loop
  bool stopping = false;
  std::vector<std::shared_ptr<Queue>> queues;  // the subscriptions now, in their order
  std::mt19937_64 random{std::random_device{}()};
  struct Worker {
    std::thread thread;
    std::shared_ptr<Queue> queue;
  };
  std::vector<Worker> workers;  // the current ones, and retired ones not yet joined
  std::optional<OutboxStop> stopped;

  explicit Shared(OutboxOptions opts) : options(std::move(opts)), log(options.log_capacity) {}

  // Zoom's request ids look like 6009d653_d487_445d_8406_42b654974899. Lock held.
  std::string new_id() {
    static constexpr char kHex[] = "0123456789abcdef";
    const std::uint64_t bits[2] = {random(), random()};  // 32 hex digits
    std::string out;
    out.reserve(36);
    for (int i = 0; i < 32; ++i) {
      if (i == 8 || i == 12 || i == 16 || i == 20) out += '_';
      out += kHex[(bits[i / 16] >> (4 * (i % 16))) & 0x0f];
    }
    return out;
  }

  // Zoom's plainTokens look like qgg8vlvZRS6UYooatFL8Aw. Lock held.
  std::string new_plain_token() {
    static constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    std::string out;
    for (int i = 0; i < 22; ++i) out += kAlphabet[random() % 62];
    return out;
  }

  // A queue and its worker for a new subscription, validated first unless validation is off.
  std::shared_ptr<Queue> add(const std::shared_ptr<Shared>& self, Subscription subscription) {
    auto queue = std::make_shared<Queue>();
    queue->subscription = std::move(subscription);
    if (!options.validate) queue->validation.state = ValidationState::skipped;
    workers.push_back({std::thread([self, queue] { work(self, queue); }), queue});
    return queue;
  }

  // Logs every delivery the queue still holds, queued or waiting for a retry, as dropped;
  // returns how many. Lock held.
  std::size_t drop_all(Queue& queue, const std::string& why) {
    for (const auto& pending : queue.pending) log.add(dropped(pending, queue.subscription, why));
    for (const auto& retry : queue.retries) log.add(dropped(retry, queue.subscription, why));
    const std::size_t n = queue.pending.size() + queue.retries.size();
    queue.pending.clear();
    queue.retries.clear();
    return n;
  }

  DeliveryRecord dropped(const detail::Pending& pending, const Subscription& subscription, std::string why) const {
    DeliveryRecord record;
    record.event = pending.event->name();
    record.url = subscription.endpoint_url;
    record.tracking_id = pending.tracking_id;
    record.attempt = pending.attempt;
    record.outcome = DeliveryOutcome::dropped;
    record.error = std::move(why);
    return record;
  }
};

}  // namespace fakezoom::webhooks
