// StubServer: a real httplib::Server on 127.0.0.1 (port 0) that answers one canned reply and
// records what it received, so client tests can check the wire without the fakezoom server.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <utility>
#include <vector>

#include <httplib.h>

namespace fakezoom::client::test {

struct ReceivedRequest {
  std::string method;
  std::string target;  // exactly as sent, query included: "/users/a%2Bb%40x.com/token?type=zak"
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;

  std::size_t header_count(std::string_view name) const;
  std::optional<std::string> header(std::string_view name) const;
  std::string path() const;   // target before "?"
  std::string query() const;  // target after "?", "" when there is none
};

struct StubReply {
  int status = 200;
  std::string body;
  std::string content_type = "application/json";
  // Keep the handler from answering until the stub is destroyed (at most about a second):
  // the client's read timeout fires first.
  bool hold = false;
};

class StubServer {
public:
  StubServer();
  ~StubServer();
  StubServer(const StubServer&) = delete;
  StubServer& operator=(const StubServer&) = delete;

  void reply_with(StubReply reply);
  int port() const { return port_; }
  std::string base_url(std::string_view prefix = "") const;
  std::vector<ReceivedRequest> received() const;

private:
  void handle(const httplib::Request& request, httplib::Response& response);

  httplib::Server server_;
  int port_ = -1;
  std::thread thread_;
  mutable std::mutex mutex_;
  std::condition_variable released_;
  bool releasing_ = false;
  StubReply reply_;
  std::vector<ReceivedRequest> received_;
};

// A loopback port that was bound and closed again, so nothing listens there: connecting to it
// is refused.
int closed_loopback_port();

}  // namespace fakezoom::client::test
