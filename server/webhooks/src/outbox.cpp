#include "fakezoom/webhooks/outbox.hpp"

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <optional>
#include <random>
#include <thread>

namespace fakezoom::webhooks {

namespace {

struct Pending {
  Event event;
  std::string tracking_id;
};

std::int64_t unix_seconds(Clock::time_point at) {
  return std::chrono::duration_cast<std::chrono::seconds>(at.time_since_epoch()).count();
}

std::int64_t unix_millis(Clock::time_point at) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(at.time_since_epoch()).count();
}

}  // namespace

struct Outbox::Queue {
  Subscription subscription;
  std::deque<Pending> pending;
  Validation validation;
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
    std::string out;
    for (int i = 0; i < 32; ++i) {
      if (i == 8 || i == 12 || i == 16 || i == 20) out += '_';
      out += kHex[random() & 0x0f];
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

  DeliveryRecord dropped(const Pending& pending, const Subscription& subscription, std::string why) const {
    DeliveryRecord record;
    record.event = pending.event.name;
    record.url = subscription.endpoint_url;
    record.tracking_id = pending.tracking_id;
    record.outcome = DeliveryOutcome::dropped;
    record.error = std::move(why);
    return record;
  }
};

Outbox::Outbox(std::vector<Subscription> subscriptions, OutboxOptions options)
    : shared_(std::make_shared<Shared>(std::move(options))) {
  if (!shared_->options.sender) shared_->options.sender = http_sender();
  if (!shared_->options.clock) shared_->options.clock = system_clock();
  std::lock_guard lock(shared_->mutex);
  for (auto& subscription : subscriptions) shared_->queues.push_back(shared_->add(shared_, std::move(subscription)));
}

Outbox::~Outbox() { stop(); }

std::size_t Outbox::publish(Event event) {
  if (event.event_ts == 0) event.event_ts = unix_millis(shared_->options.clock->now());
  std::size_t queued = 0;
  {
    std::lock_guard lock(shared_->mutex);
    if (shared_->stopping) return 0;
    const std::string tracking_id = shared_->new_id();
    for (auto& queue : shared_->queues) {
      if (!queue->subscription.wants(event.name)) continue;
      if (queue->pending.size() >= std::max<std::size_t>(shared_->options.queue_capacity, 1)) {
        shared_->log.add(shared_->dropped(queue->pending.front(), queue->subscription,
                                          "the queue was full: dropped as the oldest pending delivery"));
        queue->pending.pop_front();
      }
      queue->pending.push_back({event, tracking_id});
      ++queued;
    }
  }
  if (queued) shared_->wake.notify_all();
  return queued;
}

bool Outbox::wants(std::string_view event) const {
  std::lock_guard lock(shared_->mutex);
  for (const auto& queue : shared_->queues)
    if (queue->subscription.wants(event)) return true;
  return false;
}

void Outbox::resubscribe(std::vector<Subscription> subscriptions) {
  std::vector<std::thread> ended;
  {
    std::lock_guard lock(shared_->mutex);
    if (shared_->stopping) return;
    std::vector<std::shared_ptr<Queue>> current = std::move(shared_->queues);
    std::vector<std::shared_ptr<Queue>> next;
    for (auto& subscription : subscriptions) {
      // A failed endpoint is asked again: the reload may be the user's fix.
      auto same = std::find_if(current.begin(), current.end(), [&](const std::shared_ptr<Queue>& queue) {
        return queue && queue->subscription == subscription && queue->validation.state != ValidationState::failed;
      });
      next.push_back(same != current.end() ? std::move(*same) : shared_->add(shared_, std::move(subscription)));
    }
    for (auto& gone : current) {
      if (!gone) continue;
      for (const auto& pending : gone->pending)
        shared_->log.add(shared_->dropped(pending, gone->subscription, "a reload removed or changed its subscription"));
      gone->pending.clear();
      gone->retired = true;
    }
    shared_->queues = std::move(next);
    auto& workers = shared_->workers;
    for (auto it = workers.begin(); it != workers.end();) {
      if (!it->queue->done) {
        ++it;
        continue;
      }
      ended.push_back(std::move(it->thread));
      it = workers.erase(it);
    }
  }
  shared_->wake.notify_all();
  for (auto& worker : ended) worker.join();
}

const EventCatalog& Outbox::catalog() const { return shared_->options.catalog; }

std::vector<SubscriptionState> Outbox::subscriptions() const {
  std::lock_guard lock(shared_->mutex);
  std::vector<SubscriptionState> out;
  for (const auto& queue : shared_->queues) out.push_back({queue->subscription, queue->validation, queue->pending.size()});
  return out;
}

DeliveryLog& Outbox::log() { return shared_->log; }
const DeliveryLog& Outbox::log() const { return shared_->log; }

std::size_t Outbox::pending() const {
  std::lock_guard lock(shared_->mutex);
  std::size_t n = 0;
  for (const auto& queue : shared_->queues) n += queue->pending.size();
  return n;
}

OutboxStop Outbox::stop(std::chrono::milliseconds grace) {
  std::unique_lock lock(shared_->mutex);
  if (shared_->stopped) return *shared_->stopped;
  shared_->stopping = true;
  OutboxStop report;
  for (auto& queue : shared_->queues) {
    for (const auto& pending : queue->pending) {
      shared_->log.add(shared_->dropped(pending, queue->subscription, "fakezoom stopped before sending it"));
      ++report.pending;
    }
    queue->pending.clear();
  }
  shared_->wake.notify_all();
  auto all_done = [&] {
    for (const auto& worker : shared_->workers)
      if (!worker.queue->done) return false;
    return true;
  };
  shared_->finished.wait_for(lock, grace, all_done);
  std::vector<Shared::Worker> workers = std::move(shared_->workers);
  std::vector<bool> done;
  for (const auto& worker : workers) {
    done.push_back(worker.queue->done);
    report.unfinished += !worker.queue->done;
  }
  shared_->stopped = report;
  lock.unlock();
  // A worker still in an attempt keeps the shared state alive and ends on its own.
  for (std::size_t i = 0; i < workers.size(); ++i) done[i] ? workers[i].thread.join() : workers[i].thread.detach();
  return report;
}

void Outbox::work(const std::shared_ptr<Shared>& shared, const std::shared_ptr<Queue>& queue) {
  std::unique_lock lock(shared->mutex);
  if (queue->validation.state == ValidationState::pending && !shared->stopping && !queue->retired) {
    const Subscription subscription = queue->subscription;
    const std::string plain = shared->new_plain_token();
    const auto now = shared->options.clock->now();
    const DeliveryStamp stamp{unix_seconds(now), shared->new_id(), shared->new_id()};
    lock.unlock();
    const SendResult answer = shared->options.sender->send(
        delivery_request(subscription, url_validation_event(plain, unix_millis(now)), stamp), shared->options.timeout);
    const Validation validation = judge_validation(answer, plain, subscription.secret_token, shared->options.timeout);
    lock.lock();
    queue->validation = validation;
    // Under the lock and only before stop(): whoever is told may be gone once stop() returns.
    if (!shared->stopping && shared->options.on_validation) shared->options.on_validation(subscription, validation);
  }
  for (;;) {
    shared->wake.wait(lock, [&] { return shared->stopping || queue->retired || !queue->pending.empty(); });
    if (shared->stopping || queue->retired) break;
    Pending next = std::move(queue->pending.front());
    queue->pending.pop_front();
    if (queue->validation.state == ValidationState::failed) {
      shared->log.add(shared->dropped(next, queue->subscription, "the endpoint failed URL validation: " + queue->validation.reason));
      continue;
    }
    const Subscription subscription = queue->subscription;
    const DeliveryStamp stamp{unix_seconds(shared->options.clock->now()), shared->new_id(), next.tracking_id};
    lock.unlock();

    const DeliveryRequest request = delivery_request(subscription, next.event, stamp);
    const SendResult result = shared->options.sender->send(request, shared->options.timeout);
    DeliveryRecord record;
    record.event = next.event.name;
    record.url = subscription.endpoint_url;
    record.tracking_id = next.tracking_id;
    record.request_id = stamp.request_id;
    record.status = result.status;
    record.duration = result.duration;
    record.sent_at = stamp.timestamp;
    if (result.status >= 200 && result.status < 300 && result.duration <= shared->options.timeout) {
      record.outcome = DeliveryOutcome::delivered;
    } else {
      record.outcome = DeliveryOutcome::failed;
      record.error = !result.error.empty() ? result.error
                     : result.status >= 200 && result.status < 300
                         ? "answered after the " + std::to_string(shared->options.timeout.count()) + " ms Zoom allows"
                         : "answered " + std::to_string(result.status) + ", not 2xx";
    }
    shared->log.add(std::move(record));
    lock.lock();
  }
  queue->done = true;
  shared->finished.notify_all();
}

}  // namespace fakezoom::webhooks
