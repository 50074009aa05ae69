// Where Zoom sends an app's event notifications: the endpoint URL, the secret token that signs
// them, and the event types it subscribed to (Zoom's "Event Subscriptions" feature,
// docs/webhooks.md).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace fakezoom::webhooks {

class EventCatalog;  // fakezoom/webhooks/event_catalog.hpp

struct Subscription {
  std::string endpoint_url;   // http:// or https://
  std::string secret_token;   // signs every delivery (x-zm-signature) and the URL validation
  std::vector<std::string> events;  // event types ("meeting.created"); empty: every event

  bool wants(std::string_view event) const;
  bool operator==(const Subscription&) const = default;
};

// What is wrong with a subscription, each problem naming its field ("endpoint_url",
// "secret_token", "events/2"); empty when it is usable. Its event types must be ones
// `catalog` knows; the message for one it does not names the close ones.
struct SubscriptionProblem {
  std::string field;
  std::string message;
};
std::vector<SubscriptionProblem> subscription_problems(const Subscription& subscription, const EventCatalog& catalog);

}  // namespace fakezoom::webhooks
