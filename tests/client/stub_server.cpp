// The stub's socket handling. httplib 0.11.4 quirks: stop() before the listen thread runs is
// lost, so the constructor waits for is_running(); httplib's server adds pseudo-headers such
// as REMOTE_ADDR to what it received, which the recorded headers keep.
#include "stub_server.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cctype>
#include <chrono>
#include <csignal>
#include <stdexcept>

namespace fakezoom::client::test {
namespace {

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i]))) {
      return false;
    }
  }
  return true;
}

}  // namespace

std::size_t ReceivedRequest::header_count(std::string_view name) const {
  std::size_t count = 0;
  for (const auto& [key, value] : headers) count += iequals(key, name) ? 1 : 0;
  return count;
}

std::optional<std::string> ReceivedRequest::header(std::string_view name) const {
  for (const auto& [key, value] : headers) {
    if (iequals(key, name)) return value;
  }
  return std::nullopt;
}

std::string ReceivedRequest::path() const { return target.substr(0, target.find('?')); }

std::string ReceivedRequest::query() const {
  const auto mark = target.find('?');
  return mark == std::string::npos ? std::string() : target.substr(mark + 1);
}

StubServer::StubServer() {
  // httplib 0.11.4 writes with plain send(): a peer that hung up (the timeout test) would
  // raise SIGPIPE and kill the test run.
  std::signal(SIGPIPE, SIG_IGN);
  const auto handler = [this](const httplib::Request& request, httplib::Response& response) {
    handle(request, response);
  };
  server_.Get(".*", handler);
  server_.Post(".*", handler);
  server_.Put(".*", handler);
  server_.Patch(".*", handler);
  server_.Delete(".*", handler);
  port_ = server_.bind_to_any_port("127.0.0.1");
  if (port_ < 0) throw std::runtime_error("stub server could not bind 127.0.0.1");
  thread_ = std::thread([this] { server_.listen_after_bind(); });
  while (!server_.is_running()) std::this_thread::yield();
}

StubServer::~StubServer() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    releasing_ = true;
  }
  released_.notify_all();
  server_.stop();
  thread_.join();
}

void StubServer::reply_with(StubReply reply) {
  std::lock_guard<std::mutex> lock(mutex_);
  reply_ = std::move(reply);
}

std::string StubServer::base_url(std::string_view prefix) const {
  return "http://127.0.0.1:" + std::to_string(port_) + std::string(prefix);
}

std::vector<ReceivedRequest> StubServer::received() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return received_;
}

void StubServer::handle(const httplib::Request& request, httplib::Response& response) {
  std::unique_lock<std::mutex> lock(mutex_);
  ReceivedRequest record{request.method, request.target, {request.headers.begin(), request.headers.end()},
                         request.body};
  received_.push_back(std::move(record));
  const StubReply reply = reply_;
  if (reply.hold) {
    // Bounded so a broken test cannot hang; the destructor releases it at once.
    released_.wait_for(lock, std::chrono::milliseconds(900), [this] { return releasing_; });
  }
  response.status = reply.status;
  if (!reply.body.empty()) response.set_content(reply.body, reply.content_type.c_str());
  else if (!reply.content_type.empty()) response.set_header("Content-Type", reply.content_type);
}

int closed_loopback_port() {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) throw std::runtime_error("socket() failed");
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  address.sin_port = 0;
  socklen_t length = sizeof(address);
  if (::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof(address)) != 0 ||
      ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) != 0) {
    ::close(fd);
    throw std::runtime_error("could not bind a loopback port");
  }
  ::close(fd);
  return ntohs(address.sin_port);
}

}  // namespace fakezoom::client::test
