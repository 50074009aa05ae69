#include "fakezoom/webhooks/delivery.hpp"

#include "fakezoom/webhooks/signing.hpp"

namespace fakezoom::webhooks {

std::string event_body(const Event& event) {
  // The envelope written as text around the payload's dump: the same bytes as dumping
  // {"event","event_ts","payload"} as one tree, without copying the payload into that tree.
  constexpr auto kReplace = nlohmann::ordered_json::error_handler_t::replace;
  std::string body = R"({"event":)";
  body += nlohmann::ordered_json(event.name).dump(-1, ' ', false, kReplace);
  body += R"(,"event_ts":)";
  body += std::to_string(event.event_ts);
  body += R"(,"payload":)";
  body += event.payload.dump(-1, ' ', false, kReplace);
  body += '}';
  return body;
}

std::string DeliveryRequest::header(const std::string& name) const {
  for (const auto& [key, value] : headers)
    if (key == name) return value;
  return "";
}

DeliveryRequest delivery_request(const Subscription& subscription, const Event& event, const DeliveryStamp& stamp) {
  return delivery_request(subscription, event_body(event), stamp);
}

DeliveryRequest delivery_request(const Subscription& subscription, std::string body, const DeliveryStamp& stamp) {
  DeliveryRequest request;
  request.url = subscription.endpoint_url;
  request.body = std::move(body);
  const std::string timestamp = std::to_string(stamp.timestamp);
  // The webhooks page's example headers, lower-case as Zoom sends them; host and
  // content-length are the transport's.
  request.headers = {
      {"user-agent", "Zoom Marketplace/1.0a"},
      {"content-type", "application/json; charset=utf-8"},
      {"x-zm-request-timestamp", timestamp},
      {"x-zm-signature", zoom_signature(subscription.secret_token, timestamp, request.body)},
      {"x-zm-request-id", stamp.request_id},
      {"x-zm-trackingid", stamp.tracking_id},
  };
  return request;
}

}  // namespace fakezoom::webhooks
