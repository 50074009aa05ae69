#include "fakezoom/http/http_server.hpp"

#include "fakezoom/engine/engine.hpp"

#include <httplib.h>
#include <nlohmann/json.hpp>
#include <sys/socket.h>

#include <cerrno>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstring>
#include <iostream>
#include <mutex>
#include <stdexcept>
#include <thread>

#include "fakezoom/model/outcome.hpp"
#include "fakezoom/model/wire_errors.hpp"
#include "fakezoom/http/access_log.hpp"
#include "connection_pool.hpp"
#include "fault_injection.hpp"
#include "forward_proxy.hpp"
#include "request_guard.hpp"
#include "tls_server.hpp"

namespace fakezoom::http {

namespace {

constexpr const char* kFaultedMarker = "X-Fakezoom-Faulted";

// Straight into httplib's header map (set_content and set_header copy the type into a
// temporary). A value that could split the answer is dropped, as set_header drops it.
void write_response(const HttpResponse& response, httplib::Response& res) {
  res.status = response.status;
  res.headers.erase("Content-Type");  // an exception's answer may replace a half-written one
  const std::string* content_type = nullptr;
  for (const auto& [name, value] : response.headers) {
    if (iequals(name, "Content-Type"))
      content_type = &value;
    else if (!iequals(name, "Content-Length") && !iequals(name, "Transfer-Encoding") && !iequals(name, "Connection") &&
             is_header_value(value))
      res.headers.emplace(name, value);
  }
  if (content_type && !is_header_value(*content_type)) content_type = nullptr;
  if (!response.body.empty()) {
    res.body = response.body;
    res.headers.emplace("Content-Type", content_type ? *content_type : std::string("application/octet-stream"));
  } else if (content_type) {
    res.headers.emplace("Content-Type", *content_type);
  }
}

// The proxy the options ask for, or none; std::invalid_argument when they ask for it wrongly.
std::unique_ptr<ForwardProxy> make_proxy(const SocketOptions& options) {
  if (!options.proxy_cert && !options.proxy_key) return nullptr;
  if (!options.proxy_cert || !options.proxy_key)
    throw std::invalid_argument(options.proxy_cert ? "a proxy certificate needs its key (proxy_key)"
                                                   : "a proxy key needs its certificate (proxy_cert)");
  // Clients speak plain HTTP to a proxy (HTTPS_PROXY=http://...) and TLS only inside the tunnel.
  if (options.tls_cert) throw std::invalid_argument("the proxy needs a plain HTTP port: it cannot be combined with tls_cert");
  return std::make_unique<ForwardProxy>(*options.proxy_cert, *options.proxy_key);
}

}  // namespace

struct HttpServer::Impl {
  Engine& engine;
  SocketOptions options;
  // An httplib::SSLServer when the options name a certificate and key.
  std::unique_ptr<httplib::Server> http_server = make_http_server(options);
  httplib::Server& http = *http_server;
  std::unique_ptr<ForwardProxy> proxy = make_proxy(options);
  std::atomic<bool> closing{false};  // tunnels end when it turns true
  std::thread listener;
  std::thread stopper;  // carries out a shutdown request: never on a request's own thread
  int port = -1;
  int listening_socket = -1;

  std::mutex mutex;  // the flags below
  std::condition_variable changed;
  bool stopping = false;  // stop() was called
  bool shutdown_requested = false;
  bool listening_ended = false;
  bool http_stopped = false;
  std::mutex stop_mutex;  // one stop() at a time

  Impl(Engine& e, SocketOptions opts) : engine(e), options(std::move(opts)) {}

  void launch();

  void request_shutdown() {
    {
      std::lock_guard lock(mutex);
      shutdown_requested = true;
    }
    changed.notify_all();
  }

  // httplib's stop() asserts the listening socket is still there: call it once only.
  void stop_listening() {
    {
      std::lock_guard lock(mutex);
      if (http_stopped) return;
      http_stopped = true;
    }
    closing = true;
    http.stop();
  }

  // Sleeps without holding any lock; a stop or shutdown cuts it short.
  void pause(std::chrono::milliseconds delay) {
    std::unique_lock lock(mutex);
    changed.wait_for(lock, delay, [this] { return stopping || shutdown_requested; });
  }

  void log(const HttpRequest& request, int status, const std::string& stub_id, std::string_view fault) {
    if (options.log == LogFormat::off) return;
    write_line(access_log_line(options.log, request, status, stub_id, fault));
  }

  void write_line(const std::string& line) {
    if (options.log_sink)
      options.log_sink(line);
    else
      std::cerr << line + "\n" << std::flush;
  }

  // A line for the access log's sink whatever the log format says (JSON when it says json).
  void warn(const std::string& text, const std::string& json) {
    write_line(options.log == LogFormat::json ? json : text);
  }

  // CONNECT under --proxy: a tunnel to Zoom's hosts, answered here, or 403 for any other target.
  void connect(const HttpRequest& request, const httplib::Request& req, httplib::Response& res) {
    if (!ForwardProxy::answers(req.target)) {
      warn("fakezoom proxy: refused CONNECT " + req.target + " from " + req.remote_addr +
               " (it answers api.zoom.us:443 and zoom.us:443 itself and forwards nothing)",
           nlohmann::json{{"event", "proxy_refused"}, {"target", req.target}, {"client", req.remote_addr}}.dump());
      HttpResponse refusal = wire::refused(
          403, "fakezoom's proxy answers CONNECT api.zoom.us:443 and zoom.us:443 only; it forwards nothing.");
      set_matched_stub(refusal, "fakezoom.proxy.refused", "CONNECT to a host fakezoom does not answer");
      return write_response(refusal, res);
    }
    log(request, 200, "fakezoom.proxy", {});
    if (!proxy->tunnel(req, closing))
      return write_response(wire::internal_error("fakezoom could not find this connection's socket to open the tunnel."), res);
    res.set_header(kFaultedMarker, "1");  // logged above; httplib's answer goes to /dev/null
  }

  RequestLimits limits() const { return {options.max_header_count}; }

  // The catch-all route: a request whose body httplib has read (body_follows).
  void handle(const httplib::Request& req, httplib::Response& res) {
    // httplib 0.11.4 applies the payload limit to Content-Length only: a chunked body arrives
    // here whole, however large. It still gets the 413 a declared one would.
    if (req.body.size() > options.max_body_bytes) return write_response(refusal_body(413), res);
    const auto read = read_request(req, limits());
    if (read.refusal) return write_response(*read.refusal, res);
    answer(read.request, req, res);
  }

  // `request` is `req` as the engine sees it.
  void answer(const HttpRequest& request, const httplib::Request& req, httplib::Response& res) {
    Served served = engine.serve(request);
    if (served.misbehaviour.delay.count() > 0) pause(served.misbehaviour.delay);
    if (served.misbehaviour.fault) {
      // httplib will not run its logger for an answer it fails to write: log here.
      const auto fault = *served.misbehaviour.fault;
      if (inject_fault(fault, req)) {
        log(request, served.response.status, served.response.headers.get("Matched-Stub-Id").value_or(""),
            fault_name(fault));
        // httplib still "writes" its default answer (to /dev/null) and logs it: mark it so
        // the logger skips it.
        res.set_header(kFaultedMarker, "1");
        return;
      }
      served.response = wire::internal_error("fakezoom could not find this connection's socket to break it.");
    }
    write_response(served.response, res);
  }
};

// Nothing after the bind throws; a failed bind leaves no thread behind.
HttpServer::HttpServer(Engine& engine, SocketOptions options) : impl_(std::make_unique<Impl>(engine, std::move(options))) {
  impl_->launch();
}

HttpServer::~HttpServer() { stop(); }

void HttpServer::Impl::launch() {
  Impl& self = *this;
  auto& http = self.http;

  // Without TCP_NODELAY a keep-alive request can wait ~40 ms on Nagle and delayed ACKs.
  http.set_tcp_nodelay(true);
  http.set_keep_alive_max_count(1000);
  http.set_payload_max_length(self.options.max_body_bytes);
  http.set_read_timeout(self.options.read_timeout);
  const std::size_t threads = self.options.threads == 0 ? 1 : self.options.threads;
  http.new_task_queue = [threads, max = self.options.max_connections] { return new ConnectionPool(threads, max); };

  // httplib's regex routes cannot express Postman paths: one catch-all per method hands every
  // request with a body to the engine, which routes by itself. Not ".*": std::regex's `.` stops at a CR
  // in the path, which then got httplib's own empty 404.
  const auto handler = [&self](const httplib::Request& req, httplib::Response& res) { self.handle(req, res); };
  const char* const anything = "[\\s\\S]*";
  http.Get(anything, handler);
  http.Post(anything, handler);
  http.Put(anything, handler);
  http.Patch(anything, handler);
  http.Delete(anything, handler);
  http.Options(anything, handler);
  // Every request is read and checked in the pre-routing handler, before httplib reads a
  // body. One that has no body to read is answered there too: httplib's regex router (about
  // 4,000 instructions, a twentieth of a request) only sees requests with a body. That also
  // covers RFC 9112 6.3: a POST, PUT or PATCH with neither Content-Length nor
  // Transfer-Encoding has no body, where httplib 0.11.4 would read one until the client
  // closes (`curl -X POST .../__admin/reset` got a 400 after the 5 s read timeout); and TRACE
  // and CONNECT, which have no httplib route (it would answer an empty 400), get the
  // engine's answer like any method: 405 on a documented path.
  http.set_pre_routing_handler([&self](const httplib::Request& req, httplib::Response& res) {
    auto read = read_request(req, self.limits());
    if (read.refusal) {
      write_response(*read.refusal, res);
      return httplib::Server::HandlerResponse::Handled;
    }
    if (body_follows(req)) return httplib::Server::HandlerResponse::Unhandled;
    if (self.proxy && req.method == "CONNECT")
      self.connect(read.request, req, res);
    else
      self.answer(read.request, req, res);
    return httplib::Server::HandlerResponse::Handled;
  });
  // httplib's own refusals (bad request line 400, long target 414, body over the limit 413)
  // come with no header and no body; fakezoom's answers always carry Matched-Stub-Id.
  http.set_error_handler(httplib::Server::HandlerWithResponse([](const httplib::Request&, httplib::Response& res) {
    if (!res.headers.empty() || !res.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
    write_response(refusal_body(res.status), res);
    return httplib::Server::HandlerResponse::Handled;
  }));
  http.set_exception_handler([](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
    write_response(wire::internal_error("fakezoom failed to answer this request."), res);
  });
  if (self.options.log != LogFormat::off) {
    http.set_logger([&self](const httplib::Request& req, const httplib::Response& res) {
      if (res.has_header(kFaultedMarker)) return;
      self.log(read_request(req, self.limits()).request, res.status, res.get_header_value("Matched-Stub-Id"), {});
    });
  }

  // httplib 0.11.4 listens with a backlog of 5: a burst of new connections (64 clients at
  // once, 1,000 idle ones) overflows it, the kernel drops SYNs, and clients resend them only
  // after 1 s. Its socket-options hook sees the listening socket; listen() again with more.
  // The hook also replaces httplib's default options, which set SO_REUSEPORT: with it a second
  // fakezoom on the same port binds too and the kernel splits the connections between them.
  // SO_REUSEADDR alone still lets a restart bind while the old connections are in TIME_WAIT.
  http.set_socket_options([&self](socket_t sock) {
    int yes = 1;
    ::setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof(yes));
    self.listening_socket = sock;
  });
  const std::string& host = self.options.host;
  if (self.options.port == 0) {
    self.port = http.bind_to_any_port(host);
  } else if (http.bind_to_port(host, self.options.port)) {
    self.port = self.options.port;
  }
  if (self.port <= 0) {
    const int bind_errno = errno;
    const std::string port = std::to_string(self.options.port);
    if (bind_errno == EADDRINUSE) throw AddressInUse("port " + port + " on " + host + " is already in use");
    throw std::runtime_error("cannot listen on " + host + ":" + port + ": " + std::strerror(bind_errno));
  }
  if (self.listening_socket >= 0) ::listen(self.listening_socket, SOMAXCONN);
  self.listener = std::thread([&self] {
    self.http.listen_after_bind();
    {
      std::lock_guard lock(self.mutex);
      self.listening_ended = true;
    }
    self.changed.notify_all();
  });
  // stop() before the listen loop runs would be lost: return only once it accepts.
  while (!http.is_running()) std::this_thread::sleep_for(std::chrono::microseconds(200));
  self.stopper = std::thread([&self] {
    std::unique_lock lock(self.mutex);
    self.changed.wait(lock, [&self] { return self.stopping || self.shutdown_requested; });
    if (self.stopping) return;
    lock.unlock();
    self.stop_listening();
  });
}

int HttpServer::port() const { return impl_ ? impl_->port : -1; }

std::string HttpServer::url() const {
  const std::string& host = impl_->options.host;
  const bool ipv6 = host.find(':') != std::string::npos;
  return (impl_->options.tls_cert ? "https://" : "http://") + (ipv6 ? "[" + host + "]" : host) + ":" + std::to_string(impl_->port);
}

void HttpServer::request_shutdown() {
  if (impl_) impl_->request_shutdown();
}

void HttpServer::wait() {
  if (!impl_) return;
  std::unique_lock lock(impl_->mutex);
  impl_->changed.wait(lock, [this] { return impl_->listening_ended; });
}

void HttpServer::stop() {
  if (!impl_) return;
  Impl& self = *impl_;
  std::lock_guard serial(self.stop_mutex);
  {
    std::lock_guard lock(self.mutex);
    self.stopping = true;
  }
  self.changed.notify_all();  // delays end, the stopper leaves
  if (self.stopper.joinable()) self.stopper.join();
  self.stop_listening();
  if (self.listener.joinable()) self.listener.join();
}

}  // namespace fakezoom::http
