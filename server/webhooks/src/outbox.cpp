#include "fakezoom/webhooks/outbox.hpp"

#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <optional>
#include <random>
#include <thread>

namespace fakezoom::webhooks {

namespace {

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
  std::vector<Pending> retries;  // failed attempts waiting for their time
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
    std::size_t n = 0;
    for (auto* list : {&queue.pending}) {
      for (const auto& pending : *list) log.add(dropped(pending, queue.subscription, why));
      n += list->size();
      list->clear();
    }
    for (const auto& retry : queue.retries) log.add(dropped(retry, queue.subscription, why));
    n += queue.retries.size();
    queue.retries.clear();
    return n;
  }

  DeliveryRecord dropped(const Pending& pending, const Subscription& subscription, std::string why) const {
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
  std::string name = event.name;
  return publish(std::move(name), [event = std::move(event)] { return event; });
}

std::size_t Outbox::publish(std::string name, std::function<Event()> make) {
  const auto shared_event = std::make_shared<const QueuedEvent>(std::move(name), std::move(make));
  // Logged after the lock is released: under load many API threads publish at once.
  std::vector<DeliveryRecord> dropped;
  std::size_t queued = 0;
  {
    std::lock_guard lock(shared_->mutex);
    if (shared_->stopping) return 0;
    const std::string tracking_id = shared_->new_id();
    for (auto& queue : shared_->queues) {
      if (!queue->subscription.wants(shared_event->name())) continue;
      if (queue->pending.size() >= std::max<std::size_t>(shared_->options.queue_capacity, 1)) {
        dropped.push_back(shared_->dropped(queue->pending.front(), queue->subscription,
                                           "the queue was full: dropped as the oldest pending delivery"));
        queue->pending.pop_front();
      }
      queue->pending.push_back({shared_event, tracking_id});
      ++queued;
    }
  }
  for (auto& record : dropped) shared_->log.add(std::move(record));
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
      // A failed or disabled endpoint is asked again: the reload may be the user's fix.
      auto same = std::find_if(current.begin(), current.end(), [&](const std::shared_ptr<Queue>& queue) {
        return queue && queue->subscription == subscription && queue->validation.state != ValidationState::failed &&
               queue->validation.state != ValidationState::disabled;
      });
      next.push_back(same != current.end() ? std::move(*same) : shared_->add(shared_, std::move(subscription)));
    }
    for (auto& gone : current) {
      if (!gone) continue;
      shared_->drop_all(*gone, "a reload removed or changed its subscription");
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
  for (const auto& queue : shared_->queues)
    out.push_back({queue->subscription, queue->validation, queue->pending.size() + queue->retries.size()});
  return out;
}

DeliveryLog& Outbox::log() { return shared_->log; }
const DeliveryLog& Outbox::log() const { return shared_->log; }

std::size_t Outbox::pending() const {
  std::lock_guard lock(shared_->mutex);
  std::size_t n = 0;
  for (const auto& queue : shared_->queues) n += queue->pending.size() + queue->retries.size();
  return n;
}

OutboxStop Outbox::stop(std::chrono::milliseconds grace) {
  std::unique_lock lock(shared_->mutex);
  if (shared_->stopped) return *shared_->stopped;
  shared_->stopping = true;
  OutboxStop report;
  for (auto& queue : shared_->queues) report.pending += shared_->drop_all(*queue, "fakezoom stopped before sending it");
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
  // Delivering is background work: under load the API's own threads come first (Linux nices
  // a thread alone; elsewhere this changes nothing).
  (void)::setpriority(PRIO_PROCESS, static_cast<id_t>(::gettid()), 10);
  std::unique_lock lock(shared->mutex);
  const OutboxOptions& options = shared->options;
  // Zoom's challenge, sent without the lock; held again on return.
  const auto challenge = [&] {
    const Subscription subscription = queue->subscription;
    const std::string plain = shared->new_plain_token();
    const auto now = options.clock->now();
    const DeliveryStamp stamp{unix_seconds(now), shared->new_id(), shared->new_id()};
    lock.unlock();
    const SendResult answer = options.sender->send(
        delivery_request(subscription, url_validation_event(plain, unix_millis(now)), stamp), options.timeout);
    Validation validation = judge_validation(answer, plain, subscription.secret_token, options.timeout);
    lock.lock();
    return validation;
  };
  // Under the lock and only before stop(): whoever is told may be gone once stop() returns.
  const auto tell = [&] {
    if (!shared->stopping && options.on_validation) options.on_validation(queue->subscription, queue->validation);
  };
  const auto revalidate = [&] {
    const Validation again = challenge();
    queue->revalidate_at = options.clock->now() + options.retry.revalidation_interval();
    if (again.state == ValidationState::validated) {
      queue->validation = again;
    } else {
      Validation& v = queue->validation;
      ++v.failed_revalidations;
      v.status = again.status;
      v.reason = "failed revalidation " + std::to_string(v.failed_revalidations) + " time(s) in a row: " + again.reason;
      if (v.failed_revalidations >= options.retry.disable_after) {
        v.state = ValidationState::disabled;
        shared->drop_all(*queue, "the subscription is disabled: " + v.reason);
      }
    }
    tell();
  };

  if (queue->validation.state == ValidationState::pending && !shared->stopping && !queue->retired) {
    queue->validation = challenge();
    queue->revalidate_at = options.clock->now() + options.retry.revalidation_interval();
    tell();
  }
  for (;;) {
    // The next attempt: a new event first, then a retry whose time has come.
    std::optional<Pending> next;
    while (!next && !shared->stopping && !queue->retired) {
      const auto now = options.clock->now();
      const bool revalidating = options.validate && queue->validation.state == ValidationState::validated;
      if (revalidating && now >= queue->revalidate_at) {
        revalidate();
        continue;
      }
      if (!queue->pending.empty()) {
        next = std::move(queue->pending.front());
        queue->pending.pop_front();
        break;
      }
      auto due = std::min_element(queue->retries.begin(), queue->retries.end(),
                                  [](const Pending& a, const Pending& b) { return a.due < b.due; });
      if (due != queue->retries.end() && due->due <= now) {
        next = std::move(*due);
        queue->retries.erase(due);
        break;
      }
      if (!queue->retries.empty()) shared->wake.wait_for(lock, kRetryPoll);
      else if (revalidating) shared->wake.wait_for(lock, kRevalidationPoll);
      else shared->wake.wait(lock);
    }
    if (!next) break;
    if (queue->validation.state == ValidationState::failed || queue->validation.state == ValidationState::disabled) {
      shared->log.add(shared->dropped(*next, queue->subscription,
                                      queue->validation.state == ValidationState::failed
                                          ? "the endpoint failed URL validation: " + queue->validation.reason
                                          : "the subscription is disabled: " + queue->validation.reason));
      continue;
    }
    const Subscription subscription = queue->subscription;
    // Every attempt is signed afresh: a new timestamp and request id, the event's tracking id.
    const DeliveryStamp stamp{unix_seconds(options.clock->now()), shared->new_id(), next->tracking_id};
    lock.unlock();

    const SendResult result = options.sender->send(delivery_request(subscription, next->event->body(), stamp), options.timeout);
    DeliveryRecord record;
    record.event = next->event->name();
    record.url = subscription.endpoint_url;
    record.tracking_id = next->tracking_id;
    record.request_id = stamp.request_id;
    record.status = result.status;
    record.duration = result.duration;
    record.sent_at = stamp.timestamp;
    record.attempt = next->attempt;
    std::optional<Pending> retry;
    if (result.status >= 200 && result.status < 300 && result.duration <= options.timeout) {
      record.outcome = DeliveryOutcome::delivered;
    } else {
      record.outcome = DeliveryOutcome::failed;
      record.error = !result.error.empty() ? result.error
                     : result.status >= 200 && result.status < 300
                         ? "answered after the " + std::to_string(options.timeout.count()) + " ms Zoom allows"
                         : "answered " + std::to_string(result.status) + ", not 2xx";
      if (!options.retry.retryable(result)) {
        record.error += "; not retried (Zoom retries only 5xx and no answer)";
      } else if (auto delay = options.retry.delay_after(next->attempt)) {
        retry = std::move(*next);
        retry->attempt += 1;
        retry->due = options.clock->now() + *delay;
        record.retry_at = unix_seconds(retry->due);
      } else {
        record.error += "; given up after " + std::to_string(next->attempt - 1) + " retries";
      }
    }
    lock.lock();
    // The retry is queued before the attempt is logged, so whoever waits on the log sees it pending.
    shared->log.add(std::move(record));
    if (retry) {
      if (shared->stopping || queue->retired)
        shared->log.add(shared->dropped(*retry, subscription, "fakezoom stopped before the retry"));
      else
        queue->retries.push_back(std::move(*retry));
    }
  }
  queue->done = true;
  shared->finished.notify_all();
}

}  // namespace fakezoom::webhooks
