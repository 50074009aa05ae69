// Each subscription's worker: Zoom's URL validation first, then its queue in order, Zoom's
// retries when their time comes and revalidation every 72 hours.
#include <sys/resource.h>
#include <unistd.h>

#include "outbox_shared.hpp"

namespace fakezoom::webhooks {

using namespace detail;

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
