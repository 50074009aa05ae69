#include <catch2/catch.hpp>

#include "fakezoom/webhooks/delivery.hpp"
#include "fakezoom/webhooks/signing.hpp"

using namespace fakezoom::webhooks;

namespace {
Event user_created() {
  Event event;
  event.name = "user.created";
  event.event_ts = 1626230691572;
  // Zoom's documented example's order (the Users events spec): account_id, operator,
  // operator_id, creation_type, object.
  event.payload = nlohmann::ordered_json::parse(R"({"account_id":"AAAAAABBBB","operator":"admin@example.com",
    "operator_id":"z8yCxjabcdEFGHfp8uQ","creation_type":"create","object":{"id":"abcD3ojfdbjfg","email":"jchill@example.com","type":3}})");
  return event;
}
const Subscription kSubscription{"http://127.0.0.1:9000/zoom", "secret-token", {}};
}  // namespace

TEST_CASE("an event's body is compact JSON in Zoom's key order", "[unit][webhooks]") {
  CHECK(event_body(user_created()) ==
        R"({"event":"user.created","event_ts":1626230691572,"payload":{"account_id":"AAAAAABBBB","operator":"admin@example.com","operator_id":"z8yCxjabcdEFGHfp8uQ","creation_type":"create","object":{"id":"abcD3ojfdbjfg","email":"jchill@example.com","type":3}}})");
}

TEST_CASE("text that is not UTF-8 is replaced, not thrown", "[unit][webhooks]") {
  Event event = user_created();
  event.payload["object"]["first_name"] = std::string("J\xff");
  CHECK(event_body(event).find(R"("first_name":"J)") != std::string::npos);
}

TEST_CASE("the body is the bytes of the whole envelope dumped as one tree", "[unit][webhooks]") {
  Event event = user_created();
  const auto variant = GENERATE(as<std::string>{}, "a plain event", "a name and payload that need escaping",
                                "a negative time and an empty payload");
  INFO(variant);
  if (variant == "a name and payload that need escaping") {
    event.name = "odd\"name\n";
    event.payload["object"]["first_name"] = std::string("tab\there \xff");
  } else if (variant == "a negative time and an empty payload") {
    event.event_ts = -5;
    event.payload = nlohmann::ordered_json::object();
  }
  const nlohmann::ordered_json tree = {{"event", event.name}, {"event_ts", event.event_ts}, {"payload", event.payload}};
  CHECK(event_body(event) == tree.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace));
}

TEST_CASE("a delivery carries the webhooks page's headers and a signature over its exact body", "[unit][webhooks]") {
  const DeliveryRequest request =
      delivery_request(kSubscription, user_created(), {.timestamp = 1739923528, .request_id = "r-1", .tracking_id = "t-1"});
  CHECK(request.url == "http://127.0.0.1:9000/zoom");
  CHECK(request.body == event_body(user_created()));
  CHECK(request.header("user-agent") == "Zoom Marketplace/1.0a");
  CHECK(request.header("content-type") == "application/json; charset=utf-8");
  CHECK(request.header("x-zm-request-timestamp") == "1739923528");
  CHECK(request.header("x-zm-signature") == zoom_signature("secret-token", "1739923528", request.body));
  CHECK(request.header("x-zm-request-id") == "r-1");
  CHECK(request.header("x-zm-trackingid") == "t-1");
  CHECK(request.header("x-unknown").empty());
}

TEST_CASE("a retry of one event keeps its tracking id and gets a fresh time, id and signature", "[unit][webhooks]") {
  const auto first = delivery_request(kSubscription, user_created(), {1739923528, "r-1", "t-1"});
  const auto retry = delivery_request(kSubscription, user_created(), {1739923828, "r-2", "t-1"});
  CHECK(retry.header("x-zm-trackingid") == first.header("x-zm-trackingid"));
  CHECK(retry.header("x-zm-request-id") != first.header("x-zm-request-id"));
  CHECK(retry.header("x-zm-signature") != first.header("x-zm-signature"));
  CHECK(retry.body == first.body);  // event_ts is when it happened, not when it was sent
}
