// The client's receiving side against fakezoom's own deliveries, and as a pure function.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "fakezoom/client/webhook.hpp"
#include "fakezoom/server.hpp"
#include "fakezoom/webhooks/delivery.hpp"
#include "fakezoom/webhooks/outbox.hpp"
#include "fakezoom/webhooks/signing.hpp"
#include "test_paths.hpp"
#include "webhook_receiver.hpp"

using fakezoom::client::url_validation_answer;
using fakezoom::client::verify_webhook;
using fakezoom::client::WebhookHeaders;
using namespace std::chrono_literals;

namespace {
const auto kAt = std::chrono::system_clock::time_point(std::chrono::seconds(1739923528));

WebhookHeaders headers_of(const fakezoom::webhooks::DeliveryRequest& request) {
  return {request.headers.begin(), request.headers.end()};
}

fakezoom::webhooks::DeliveryRequest delivery() {
  return fakezoom::webhooks::delivery_request({"http://127.0.0.1/", "secret-token", {}},
                                              {"meeting.created", {{"account_id", "a"}}, 1739923528000},
                                              {1739923528, "r", "t"});
}
}  // namespace

TEST_CASE("a delivery signed with the secret verifies; anything else says why not", "[unit][webhooks][client]") {
  const auto request = delivery();
  CHECK(verify_webhook("secret-token", headers_of(request), request.body, kAt).ok);
  SECTION("header names in any case") {
    WebhookHeaders shouting;
    for (auto [name, value] : request.headers) {
      for (auto& c : name) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      shouting.emplace_back(name, value);
    }
    CHECK(verify_webhook("secret-token", shouting, request.body, kAt).ok);
  }
  SECTION("another secret") {
    auto check = verify_webhook("other", headers_of(request), request.body, kAt);
    CHECK_FALSE(check.ok);
    CHECK_THAT(check.reason, Catch::Contains("does not match"));
  }
  SECTION("a changed body") { CHECK_FALSE(verify_webhook("secret-token", headers_of(request), request.body + " ", kAt).ok); }
  SECTION("an old timestamp, replayed") {
    auto check = verify_webhook("secret-token", headers_of(request), request.body, kAt + 6min);
    CHECK_FALSE(check.ok);
    CHECK_THAT(check.reason, Catch::Contains("timestamp"));
    CHECK(verify_webhook("secret-token", headers_of(request), request.body, kAt + 6min, 10min).ok);
  }
  SECTION("no signature") { CHECK_FALSE(verify_webhook("secret-token", {}, request.body, kAt).ok); }
}

TEST_CASE("the URL validation challenge is answered as Zoom's page says, other bodies not", "[unit][webhooks][client]") {
  auto answer = url_validation_answer(
      "secret-token", R"({"payload":{"plainToken":"qgg8vlvZRS6UYooatFL8Aw"},"event_ts":1654503849680,"event":"endpoint.url_validation"})");
  REQUIRE(answer);
  CHECK(*answer == R"({"plainToken":"qgg8vlvZRS6UYooatFL8Aw","encryptedToken":")" +
                       fakezoom::webhooks::encrypted_token("secret-token", "qgg8vlvZRS6UYooatFL8Aw") + "\"}");
  CHECK_FALSE(url_validation_answer("s", R"({"event":"meeting.created","payload":{"plainToken":"x"}})"));
  CHECK_FALSE(url_validation_answer("s", R"({"event":"endpoint.url_validation","payload":{}})"));
  CHECK_FALSE(url_validation_answer("s", "not json"));
}

TEST_CASE("a C++ receiver verifies what fakezoom sends it over loopback", "[webhooks][client]") {
  fakezoom::test::Receiver receiver(200, "secret-token");
  auto server = fakezoom::Server::start(
      {.fixtures = {FAKEZOOM_FIXTURES_DIR}, .webhooks = {{receiver.url("/zoom"), "secret-token", {}}}});
  fakezoom::webhooks::Event event;
  event.name = "user.created";
  event.payload = nlohmann::ordered_json::parse(R"({"account_id":"a","object":{"email":"caf\u00e9@example.com"}})");
  REQUIRE(server.webhooks().publish(event) == 1);
  REQUIRE(server.webhooks().log().wait_for(1, 10s).size() == 1);
  const auto got = receiver.received();
  const WebhookHeaders headers = {{"x-zm-signature", got.signature}, {"x-zm-request-timestamp", got.timestamp}};
  CHECK(verify_webhook("secret-token", headers, got.body, std::chrono::system_clock::now()).ok);
  CHECK_FALSE(verify_webhook("wrong", headers, got.body, std::chrono::system_clock::now()).ok);
}
