// Events on their way to the subscriptions: publish() queues an event for every subscription
// that wants it and returns at once; one worker per subscription sends its queue in order
// through the Sender and logs each attempt. A full queue drops its oldest pending delivery and
// logs that, so nothing is lost silently.
//   webhooks::Outbox outbox({subscription}, {.clock = clock});
//   outbox.publish({"meeting.created", payload, now_ms});
//   outbox.log().wait_for(1, 5s);
#pragma once

#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <vector>

#include "fakezoom/model/clock.hpp"
#include "fakezoom/webhooks/delivery_log.hpp"
#include "fakezoom/webhooks/event.hpp"
#include "fakezoom/webhooks/event_catalog.hpp"
#include "fakezoom/webhooks/retry_policy.hpp"
#include "fakezoom/webhooks/sender.hpp"
#include "fakezoom/webhooks/subscription.hpp"
#include "fakezoom/webhooks/url_validation.hpp"

namespace fakezoom::webhooks {

struct OutboxOptions {
  std::shared_ptr<Clock> clock = system_clock();  // x-zm-request-timestamp
  std::shared_ptr<Sender> sender;                 // empty: http_sender()
  std::size_t queue_capacity = 1000;              // pending deliveries per subscription
  // Zoom counts a delivery as delivered when the receiver answers 2xx within three seconds
  // (webhooks page, "Notification delivery").
  std::chrono::milliseconds timeout{3000};
  std::size_t log_capacity = 10000;
  // Zoom validates an endpoint before it sends it events: each worker first posts the
  // challenge; events for an endpoint that fails it are dropped and logged. false: skipped.
  bool validate = true;
  // Told each subscription's outcome, on its worker's thread, never after stop() returned; it
  // must not call back into the Outbox.
  std::function<void(const Subscription&, const Validation&)> on_validation;
  // The event types subscriptions and publishers may name, and their documented examples.
  EventCatalog catalog;
  // Zoom's retries and revalidation, on `clock`'s time.
  RetryPolicy retry;
};

// One subscription as it stands: its validation and its deliveries waiting to be sent.
struct SubscriptionState {
  Subscription subscription;
  Validation validation;
  std::size_t pending = 0;  // queued, or waiting for a retry
};

// What stop() found: deliveries still queued (logged as dropped) and attempts that did not
// end within the grace period.
struct OutboxStop {
  std::size_t pending = 0;
  std::size_t unfinished = 0;
};

class Outbox {
public:
  Outbox(std::vector<Subscription> subscriptions, OutboxOptions options = {});
  ~Outbox();  // stop() with a one-second grace
  Outbox(const Outbox&) = delete;
  Outbox& operator=(const Outbox&) = delete;

  // Queues the event for each subscription that wants it; returns how many. Never blocks on a
  // delivery. An event_ts of 0 becomes the clock's now.
  std::size_t publish(Event event);
  // The same for an event made only when it is first sent, since under load most are dropped
  // unsent: `make` runs at most once, on a worker's thread, and must not call into the Outbox.
  // Its event's name must be `name` and its event_ts set.
  std::size_t publish(std::string name, std::function<Event()> make);
  // Whether any subscription wants the event type: publishers ask before building an event.
  bool wants(std::string_view event) const;
  // Replaces the subscriptions (a reload): one equal to a current one that passed or skipped
  // validation keeps its worker, queue and outcome; any other is new and is validated first. A
  // subscription that goes away has its pending deliveries logged as dropped. Never blocks on a
  // delivery.
  void resubscribe(std::vector<Subscription> subscriptions);
  std::vector<SubscriptionState> subscriptions() const;  // in their order
  const EventCatalog& catalog() const;
  DeliveryLog& log();
  const DeliveryLog& log() const;
  std::size_t pending() const;
  // Stops taking events, lets each worker finish its attempt in flight for up to `grace`, and
  // logs what was still queued as dropped. Idempotent.
  OutboxStop stop(std::chrono::milliseconds grace = std::chrono::seconds(1));

private:
  struct Shared;
  struct Queue;
  static void work(const std::shared_ptr<Shared>& shared, const std::shared_ptr<Queue>& queue);  // its worker
  std::shared_ptr<Shared> shared_;
};

}  // namespace fakezoom::webhooks
