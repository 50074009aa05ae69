// The sender against a receiver on loopback; nothing here leaves 127.0.0.1.
#include <httplib.h>

#include <catch2/catch.hpp>
#include <mutex>
#include <thread>

#include "fakezoom/webhooks/sender.hpp"
#include "webhook_receiver.hpp"

using namespace fakezoom::webhooks;
using fakezoom::test::Receiver;
using fakezoom::test::Received;
using namespace std::chrono_literals;

namespace {

DeliveryRequest request_to(const std::string& url) {
  return delivery_request({url, "secret-token", {}}, {"meeting.created", {{"account_id", "a"}}, 1}, {1739923528, "r-1", "t-1"});
}

}  // namespace

TEST_CASE("the sender posts the delivery's exact bytes and headers to the configured URL", "[webhooks]") {
  Receiver receiver(200);
  const DeliveryRequest request = request_to(receiver.url("/zoom/events"));
  const SendResult result = http_sender()->send(request, 3000ms);
  CHECK(result.error.empty());
  CHECK(result.status == 200);
  CHECK(result.body == R"({"ok":true})");
  const Received got = receiver.received();
  CHECK(got.path == "/zoom/events");
  CHECK(got.body == request.body);
  CHECK(got.signature == request.header("x-zm-signature"));
  CHECK(got.user_agent == "Zoom Marketplace/1.0a");
  CHECK(got.content_type == "application/json; charset=utf-8");
  CHECK(got.tracking_id == "t-1");
}

TEST_CASE("a URL without a path posts to /", "[webhooks]") {
  Receiver receiver(204);
  CHECK(http_sender()->send(request_to(receiver.url("")), 3000ms).status == 204);
  CHECK(receiver.received().path == "/");
}

TEST_CASE("a receiver's error status comes back as it is", "[webhooks]") {
  Receiver receiver(500);
  const SendResult result = http_sender()->send(request_to(receiver.url("/")), 3000ms);
  CHECK(result.status == 500);
  CHECK(result.error.empty());
}

TEST_CASE("a receiver that is not there is an error, not an answer", "[webhooks]") {
  std::string url;
  {
    Receiver gone(200);
    url = gone.url("/");
    gone.stop();
  }
  const SendResult result = http_sender()->send(request_to(url), 3000ms);
  CHECK(result.status == 0);
  CHECK_THAT(result.error, Catch::Contains("could not connect"));
}
