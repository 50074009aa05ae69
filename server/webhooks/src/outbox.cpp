#include "fakezoom/webhooks/outbox.hpp"

#include "outbox_shared.hpp"

namespace fakezoom::webhooks {

using namespace detail;

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

}  // namespace fakezoom::webhooks
