// A webhook receiver for tests: an httplib server on a free loopback port that answers a
// status the test chose and remembers what came. Nothing here leaves 127.0.0.1.
#pragma once

#include <httplib.h>

#include <atomic>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "fakezoom/client/webhook.hpp"

namespace fakezoom::test {

struct Received {
  std::string path, body, signature, user_agent, content_type, tracking_id, timestamp;
};

// A receiver on a free loopback port that answers `status` and remembers what came.
class Receiver {
public:
  // With a secret, it answers Zoom's URL validation challenge as a receiver should (200 and
  // the client's url_validation_answer) and every other delivery with `status`.
  explicit Receiver(int status, std::string secret = "") : status_(status) {
    server_.Post(".*", [this, secret](const httplib::Request& req, httplib::Response& res) {
      if (!secret.empty()) {
        if (auto answer = fakezoom::client::url_validation_answer(secret, req.body)) {
          std::lock_guard lock(mutex_);
          ++challenges_;
          res.set_content(*answer, "application/json");
          return;
        }
      }
      std::lock_guard lock(mutex_);
      ++count_;
      received_ = {req.path, req.body, req.get_header_value("x-zm-signature"), req.get_header_value("User-Agent"),
                   req.get_header_value("Content-Type"), req.get_header_value("x-zm-trackingid"),
                   req.get_header_value("x-zm-request-timestamp")};
      res.status = status_;
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
  int challenges() {
    std::lock_guard lock(mutex_);
    return challenges_;
  }
  void set_status(int status) { status_ = status; }  // for the deliveries after this
  int count() {
    std::lock_guard lock(mutex_);
    return count_;
  }

private:
  httplib::Server server_;
  std::atomic<int> status_;
  int port_ = 0;
  std::thread thread_;
  std::mutex mutex_;
  Received received_;
  int count_ = 0;
  int challenges_ = 0;
};


}  // namespace fakezoom::test
