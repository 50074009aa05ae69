// The webhooks part's only socket: one POST per delivery, to the URL the user configured.
#include <httplib.h>

#include <atomic>
#include <cstdint>
#include <map>
#include <memory>

#include "fakezoom/webhooks/sender.hpp"

namespace fakezoom::webhooks {

namespace {

struct Target {
  std::string scheme_host_port;  // "http://127.0.0.1:9000"
  std::string path;              // "/webhooks", "/" when none
};

Target split(const std::string& url) {
  const std::size_t host = url.find("://");
  const std::size_t slash = host == std::string::npos ? std::string::npos : url.find('/', host + 3);
  if (slash == std::string::npos) return {url, "/"};
  return {url.substr(0, slash), url.substr(slash)};
}

std::string describe(httplib::Error error) {
  switch (error) {
    case httplib::Error::Connection: return "could not connect (connection refused or unreachable)";
    case httplib::Error::Read: return "no answer in time (read timed out or the connection closed)";
    case httplib::Error::Write: return "could not send the request";
    case httplib::Error::SSLConnection: return "TLS handshake failed";
    default: return "no answer: " + httplib::to_string(error);
  }
}

// One client per endpoint and worker thread, kept alive between deliveries: a new connection
// (and name lookup) per event cost most of a delivery's time. A connection the receiver closed
// is opened again by httplib before the next request.
// Keyed by the sender too: a connection never outlives the outbox (and receiver) it served.
httplib::Client& client_for(std::uint64_t sender, const std::string& scheme_host_port, std::chrono::milliseconds timeout) {
  struct Cached {
    std::unique_ptr<httplib::Client> client;
    std::chrono::milliseconds timeout;
  };
  thread_local std::map<std::pair<std::uint64_t, std::string>, Cached> clients;
  auto& cached = clients[{sender, scheme_host_port}];
  if (!cached.client || cached.timeout != timeout) {
    cached.client = std::make_unique<httplib::Client>(scheme_host_port);
    cached.timeout = timeout;
    const auto seconds = std::chrono::duration_cast<std::chrono::seconds>(timeout);
    const auto micros = std::chrono::duration_cast<std::chrono::microseconds>(timeout - seconds);
    cached.client->set_connection_timeout(seconds.count(), micros.count());
    cached.client->set_read_timeout(seconds.count(), micros.count());
    cached.client->set_write_timeout(seconds.count(), micros.count());
    cached.client->set_keep_alive(true);
    // Headers and body go out in two writes: without this, Nagle's algorithm holds the body
    // for the receiver's delayed ACK on a kept-alive connection (some 40 ms a delivery).
    cached.client->set_tcp_nodelay(true);
#ifdef CPPHTTPLIB_OPENSSL_SUPPORT
    cached.client->enable_server_certificate_verification(false);
#endif
  }
  return *cached.client;
}

class HttpSender final : public Sender {
public:
  HttpSender() {
    static std::atomic<std::uint64_t> next{1};
    serial_ = next++;
  }

  SendResult send(const DeliveryRequest& request, std::chrono::milliseconds timeout) override {
    const auto started = std::chrono::steady_clock::now();
    SendResult result;
    const Target target = split(request.url);
    httplib::Client& client = client_for(serial_, target.scheme_host_port, timeout);
    if (!client.is_valid()) {
      result.error = "not a URL fakezoom can send to: " + request.url;
      return result;
    }
    httplib::Headers headers;
    std::string content_type = "application/json";
    for (const auto& [name, value] : request.headers) {
      if (name == "content-type")
        content_type = value;  // httplib sets the header from this argument
      else
        headers.emplace(name, value);
    }
    auto answer = client.Post(target.path.c_str(), headers, request.body, content_type.c_str());
    result.duration =
        std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started);
    if (!answer) {
      result.error = describe(answer.error());
      client.stop();  // a fresh connection for the next attempt
      return result;
    }
    result.status = answer->status;
    result.body = answer->body;
    return result;
  }

private:
  std::uint64_t serial_ = 0;
};

}  // namespace

std::unique_ptr<Sender> http_sender() { return std::make_unique<HttpSender>(); }

}  // namespace fakezoom::webhooks
