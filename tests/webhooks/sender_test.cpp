// The sender against a receiver on loopback; nothing here leaves 127.0.0.1.
#include <httplib.h>

#include <catch2/catch.hpp>
#include <mutex>
#include <thread>

#include "fakezoom/webhooks/sender.hpp"

using namespace fakezoom::webhooks;
using namespace std::chrono_literals;

namespace {

struct Received {
  std::string path, body, signature, user_agent, content_type, tracking_id;
};

// A receiver on a free loopback port that answers `status` and remembers what came.
class Receiver {
public:
  explicit Receiver(int status) {
    server_.Post(".*", [this, status](const httplib::Request& req, httplib::Response& res) {
      std::lock_guard lock(mutex_);
      received_ = {req.path, req.body, req.get_header_value("x-zm-signature"), req.get_header_value("User-Agent"),
                   req.get_header_value("Content-Type"), req.get_header_value("x-zm-trackingid")};
      res.status = status;
      res.set_content(R"({"ok":true})", "application/json");
    });
    port_ = server_.bind_to_any_port("127.0.0.1");
    thread_ = std::thread([this] { server_.listen_after_bind(); });
    // httplib 0.11.4 has no wait_until_ready(); stop() before the loop runs would be lost.
    while (!server_.is_running()) std::this_thread::yield();
  }
  ~Receiver() { stop(); }
  void stop() {
    server_.stop();
    if (thread_.joinable()) thread_.join();
  }
  std::string url(const std::string& path) const { return "http://127.0.0.1:" + std::to_string(port_) + path; }
  Received received() {
    std::lock_guard lock(mutex_);
    return received_;
  }

private:
  httplib::Server server_;
  int port_ = 0;
  std::thread thread_;
  std::mutex mutex_;
  Received received_;
};

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
