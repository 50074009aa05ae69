// An event turned into the exact request Zoom sends: method POST, the headers of the webhooks
// page's example, the compact body, and its signature. Pure: the ids and the time come in.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "fakezoom/webhooks/event.hpp"
#include "fakezoom/webhooks/subscription.hpp"

namespace fakezoom::webhooks {

struct DeliveryRequest {
  std::string url;
  std::vector<std::pair<std::string, std::string>> headers;  // in the order they are sent
  std::string body;
  std::string header(const std::string& name) const;  // "" when absent
};

struct DeliveryStamp {
  std::int64_t timestamp = 0;  // Unix seconds: x-zm-request-timestamp, and what is signed
  std::string request_id;      // x-zm-request-id: new for every attempt
  std::string tracking_id;     // x-zm-trackingid: one per event, the same on every retry
};

DeliveryRequest delivery_request(const Subscription& subscription, const Event& event, const DeliveryStamp& stamp);
// The same for a body already made with event_body() (the outbox makes it once per event).
DeliveryRequest delivery_request(const Subscription& subscription, std::string body, const DeliveryStamp& stamp);

}  // namespace fakezoom::webhooks
