#include "fakezoom/server.hpp"

#include <httplib.h>
#include <sys/socket.h>

#include <chrono>
#include <condition_variable>
#include <cstring>
#include <fstream>
#include <iostream>
#include <mutex>
#include <sstream>
#include <stdexcept>
#include <thread>

#include "fakezoom/core/wire_errors.hpp"
#include "fakezoom/fixtures/loader.hpp"
#include "fakezoom/spec/spec.hpp"
#include "fakezoom/http/access_log.hpp"
#include "connection_pool.hpp"
#include "fault_injection.hpp"
#include "fixture_watcher.hpp"
#include "request_guard.hpp"
#include "tls_server.hpp"

namespace fakezoom {

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

FixtureLoad load(const std::vector<std::string>& paths, const LoadOptions& options,
                 const std::vector<std::string>& specs) {
  try {
    return {std::make_shared<const FixtureSet>(load_fixtures_with_specs(paths, options, specs)), {}};
  } catch (const FixtureError& error) {
    FixtureLoad failed;
    for (const auto& d : error.diagnostics()) failed.problems.push_back({d.file, d.pointer, d.message});
    return failed;
  } catch (const std::exception& error) {
    return {nullptr, {{"", "", error.what()}}};
  }
}

// --watch reloads on a change to a fixture or a spec.
std::vector<std::string> watched_files(const ServerOptions& options) {
  auto files = options.fixtures;
  files.insert(files.end(), options.specs.begin(), options.specs.end());
  return files;
}

// Every id the overrides name must be a route or example of the fixtures: a typo would
// otherwise silently break nothing.
Overrides read_overrides(const std::string& file, const FixtureSet& fixtures) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw std::invalid_argument("cannot read the overrides file " + file + ": " + std::strerror(errno));
  std::ostringstream text;
  text << in.rdbuf();
  nlohmann::json document;
  try {
    document = nlohmann::json::parse(text.str());
  } catch (const nlohmann::json::exception& e) {  // parse_error, and out_of_range (1e400)
    throw std::invalid_argument(file + ": not valid JSON: " + e.what());
  }
  auto parsed = parse_overrides(document);
  if (!parsed) throw std::invalid_argument(file + ": " + parsed.problem().to_string());
  auto known = [&](const std::string& id) {
    for (const auto& route : fixtures.routes.routes()) {
      if (route.id == id) return true;
      for (const auto& example : route.examples)
        if (example.id == id) return true;
    }
    return false;
  };
  for (const auto& [id, fault] : parsed->faults)
    if (!known(id)) throw std::invalid_argument(file + ": faults: no route or example has the id " + id);
  for (const auto& [id, delay] : parsed->delays)
    if (!known(id)) throw std::invalid_argument(file + ": delays: no route or example has the id " + id);
  return parsed.value();
}

}  // namespace

struct Server::Impl {
  ServerOptions options;
  Engine engine;
  // An httplib::SSLServer when the options name a certificate and key.
  std::unique_ptr<httplib::Server> http_server = http::make_http_server(options);
  httplib::Server& http = *http_server;
  std::thread listener;
  std::thread stopper;  // carries out a shutdown request: never on a request's own thread
  std::unique_ptr<http::FixtureWatcher> watcher;
  int port = -1;
  int listening_socket = -1;

  std::mutex mutex;  // the flags below
  std::condition_variable changed;
  bool stopping = false;  // stop() was called
  bool shutdown_requested = false;
  bool listening_ended = false;
  bool http_stopped = false;
  std::mutex stop_mutex;  // one stop() at a time

  static Server launch(std::shared_ptr<const FixtureSet> fixtures, ServerOptions options, http::FileSignature signature);

  Impl(std::shared_ptr<const FixtureSet> fixtures, ServerOptions opts, Overrides overrides)
      : options(std::move(opts)), engine(std::move(fixtures), engine_options(std::move(overrides))) {}

  EngineOptions engine_options(Overrides overrides) {
    EngineOptions engine_options{options.verbatim ? BodyMode::verbatim : BodyMode::zoom, options.admin_prefix,
                                 options.journal_capacity, options.journal_secrets};
    engine_options.overrides = std::move(overrides);
    if (!options.fixtures.empty()) {
      engine_options.loader = [this, paths = options.fixtures, load_options = LoadOptions{options.base_path},
                               specs = options.specs] {
        FixtureLoad result = load(paths, load_options, specs);
        report_reload(result);
        return result;
      };
    }
    engine_options.on_shutdown = [this] { request_shutdown(); };
    engine_options.admin_token = options.admin_token;
    if (options.clock) engine_options.clock = options.clock;
    engine_options.rate_limits = options.rate_limits;
    engine_options.plan = options.plan;
    engine_options.auth = options.auth;
    return engine_options;
  }

  void emit(const std::string& line) {
    if (options.event_sink)
      options.event_sink(line);
    else
      std::cerr << line + "\n" << std::flush;
  }

  void report_reload(const FixtureLoad& result) {
    if (options.log == LogFormat::json) {
      nlohmann::json problems = nlohmann::json::array();
      for (const auto& p : result.problems) problems.push_back({{"file", p.file}, {"pointer", p.pointer}, {"message", p.message}});
      nlohmann::json line = {{"event", "reload"}, {"ok", result.problems.empty()}, {"problems", problems}};
      if (result.fixtures) {
        line["routes"] = result.fixtures->routes.routes().size();
        line["examples"] = result.fixtures->example_count();
      }
      emit(line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
    } else if (result.problems.empty()) {
      emit("fakezoom: fixtures reloaded (" + std::to_string(result.fixtures->routes.routes().size()) + " routes, " +
           std::to_string(result.fixtures->example_count()) + " examples)");
    } else {
      std::string text = "fakezoom: fixtures not reloaded, the previous ones keep serving:";
      for (const auto& p : result.problems)
        text += "\n  " + (p.file.empty() ? "" : p.file + ": ") + (p.pointer.empty() ? "" : p.pointer + ": ") + p.message;
      emit(text);
    }
  }

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
    http.stop();
  }

  // Sleeps without holding any lock; a stop or shutdown cuts it short.
  void pause(std::chrono::milliseconds delay) {
    std::unique_lock lock(mutex);
    changed.wait_for(lock, delay, [this] { return stopping || shutdown_requested; });
  }

  void log(const HttpRequest& request, int status, const std::string& stub_id, std::string_view fault) {
    if (options.log == LogFormat::off) return;
    const std::string line = access_log_line(options.log, request, status, stub_id, fault);
    if (options.log_sink)
      options.log_sink(line);
    else
      std::cerr << line + "\n" << std::flush;
  }

  http::RequestLimits limits() const { return {options.max_header_count}; }

  // The catch-all route: a request whose body httplib has read (body_follows).
  void handle(const httplib::Request& req, httplib::Response& res) {
    // httplib 0.11.4 applies the payload limit to Content-Length only: a chunked body arrives
    // here whole, however large. It still gets the 413 a declared one would.
    if (req.body.size() > options.max_body_bytes) return write_response(http::refusal_body(413), res);
    const auto read = http::read_request(req, limits());
    if (read.refusal) return write_response(*read.refusal, res);
    answer(read.request, req, res);
  }

  // `request` is `req` as the core sees it.
  void answer(const HttpRequest& request, const httplib::Request& req, httplib::Response& res) {
    Served served = engine.serve(request);
    if (served.misbehaviour.delay.count() > 0) pause(served.misbehaviour.delay);
    if (served.misbehaviour.fault) {
      // httplib will not run its logger for an answer it fails to write: log here.
      const auto fault = *served.misbehaviour.fault;
      if (http::inject_fault(fault, req)) {
        log(request, served.response.status, served.response.headers.get("Matched-Stub-Id").value_or(""),
            fault_name(fault));
        // httplib still "writes" its default answer (to /dev/null) and logs it: mark it so
        // the logger skips it.
        res.set_header(kFaultedMarker, "1");
        return;
      }
      served.response = wire::zoom_error(500, 500, "fakezoom could not find this connection's socket to break it.");
    }
    write_response(served.response, res);
  }
};

Server::Server(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Server::Server(Server&&) noexcept = default;
Server& Server::operator=(Server&& other) noexcept {
  if (this != &other) {
    stop();
    impl_ = std::move(other.impl_);
  }
  return *this;
}
Server::~Server() { stop(); }

Server Server::start(ServerOptions options) {
  // Taken before reading, so --watch also sees a change made while the first load runs.
  auto signature = options.watch ? http::file_signature(watched_files(options)) : http::FileSignature{};
  auto fixtures = std::make_shared<const FixtureSet>(
      load_fixtures_with_specs(options.fixtures, LoadOptions{options.base_path}, options.specs));
  return Impl::launch(std::move(fixtures), std::move(options), std::move(signature));
}

Server Server::start(std::shared_ptr<const FixtureSet> fixtures, ServerOptions options) {
  auto signature = options.watch ? http::file_signature(watched_files(options)) : http::FileSignature{};
  return Impl::launch(std::move(fixtures), std::move(options), std::move(signature));
}

Server Server::Impl::launch(std::shared_ptr<const FixtureSet> fixtures, ServerOptions options,
                            http::FileSignature signature) {
  if (options.watch && options.fixtures.empty()) throw std::invalid_argument("--watch needs fixture files to watch");
  Overrides overrides;
  if (options.overrides_file) overrides = read_overrides(*options.overrides_file, *fixtures);
  auto impl = std::make_unique<Impl>(std::move(fixtures), std::move(options), std::move(overrides));
  Impl& self = *impl;
  auto& http = self.http;

  // Without TCP_NODELAY a keep-alive request can wait ~40 ms on Nagle and delayed ACKs.
  http.set_tcp_nodelay(true);
  http.set_keep_alive_max_count(1000);
  http.set_payload_max_length(self.options.max_body_bytes);
  http.set_read_timeout(self.options.read_timeout);
  const std::size_t threads = self.options.threads == 0 ? 1 : self.options.threads;
  http.new_task_queue = [threads, max = self.options.max_connections] { return new http::ConnectionPool(threads, max); };

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
    auto read = http::read_request(req, self.limits());
    if (read.refusal) {
      write_response(*read.refusal, res);
      return httplib::Server::HandlerResponse::Handled;
    }
    if (http::body_follows(req)) return httplib::Server::HandlerResponse::Unhandled;
    self.answer(read.request, req, res);
    return httplib::Server::HandlerResponse::Handled;
  });
  // httplib's own refusals (bad request line 400, long target 414, body over the limit 413)
  // come with no header and no body; fakezoom's answers always carry Matched-Stub-Id.
  http.set_error_handler(httplib::Server::HandlerWithResponse([](const httplib::Request&, httplib::Response& res) {
    if (!res.headers.empty() || !res.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
    write_response(http::refusal_body(res.status), res);
    return httplib::Server::HandlerResponse::Handled;
  }));
  http.set_exception_handler([](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
    write_response(wire::zoom_error(500, 500, "fakezoom failed to answer this request."), res);
  });
  if (self.options.log != LogFormat::off) {
    http.set_logger([&self](const httplib::Request& req, const httplib::Response& res) {
      if (res.has_header(kFaultedMarker)) return;
      self.log(http::read_request(req, self.limits()).request, res.status, res.get_header_value("Matched-Stub-Id"), {});
    });
  }

  // httplib 0.11.4 listens with a backlog of 5: a burst of new connections (64 clients at
  // once, 1,000 idle ones) overflows it, the kernel drops SYNs, and clients resend them only
  // after 1 s. Its socket-options hook sees the listening socket; listen() again with more.
  http.set_socket_options([&self](socket_t sock) {
    httplib::default_socket_options(sock);
    self.listening_socket = sock;
  });
  const std::string& host = self.options.host;
  if (self.options.port == 0) {
    self.port = http.bind_to_any_port(host);
  } else if (http.bind_to_port(host, self.options.port)) {
    self.port = self.options.port;
  }
  if (self.port <= 0)
    throw std::runtime_error("cannot listen on " + host + ":" + std::to_string(self.options.port) + ": " +
                             std::strerror(errno));
  if (self.listening_socket >= 0) ::listen(self.listening_socket, SOMAXCONN);
  // From here on the Server owns the threads: if anything below throws, it stops them.
  Server server(std::move(impl));
  // POST /oauth/token answers where the API is, as Zoom's "api_url" does (without /v2).
  self.engine.tokens().set_api_url(server.url());
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
  if (self.options.watch)
    self.watcher = std::make_unique<http::FixtureWatcher>(watched_files(self.options), std::move(signature),
                                                          self.options.watch_interval, [&self] { self.engine.reload(); });
  return server;
}

int Server::port() const { return impl_ ? impl_->port : -1; }

std::string Server::url() const {
  const std::string& host = impl_->options.host;
  const bool ipv6 = host.find(':') != std::string::npos;
  return (impl_->options.tls_cert ? "https://" : "http://") + (ipv6 ? "[" + host + "]" : host) + ":" + std::to_string(impl_->port);
}

std::string Server::base_url() const { return url() + impl_->engine.fixtures()->base_path(); }
Journal& Server::journal() { return impl_->engine.journal(); }
const FixtureSet& Server::fixtures() const { return *impl_->engine.fixtures(); }
Engine& Server::engine() { return impl_->engine; }

void Server::request_shutdown() {
  if (impl_) impl_->request_shutdown();
}

void Server::wait() {
  if (!impl_) return;
  std::unique_lock lock(impl_->mutex);
  impl_->changed.wait(lock, [this] { return impl_->listening_ended; });
}

void Server::stop() {
  if (!impl_) return;
  Impl& self = *impl_;
  std::lock_guard serial(self.stop_mutex);
  {
    std::lock_guard lock(self.mutex);
    self.stopping = true;
  }
  self.changed.notify_all();  // delays end, the stopper leaves
  self.watcher.reset();
  if (self.stopper.joinable()) self.stopper.join();
  self.stop_listening();
  if (self.listener.joinable()) self.listener.join();
}

}  // namespace fakezoom
