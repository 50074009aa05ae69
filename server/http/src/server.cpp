#include "fakezoom/server.hpp"

#include <httplib.h>

#include <chrono>
#include <cstring>
#include <iostream>
#include <stdexcept>
#include <thread>

#include "fakezoom/core/url_codec.hpp"
#include "fakezoom/core/wire_errors.hpp"
#include "fakezoom/fixtures/loader.hpp"
#include "fakezoom/http/access_log.hpp"

namespace fakezoom {

namespace {

// httplib puts the peer's and its own address among the request headers; they were not sent.
bool synthetic_header(const std::string& name) {
  return name == "REMOTE_ADDR" || name == "REMOTE_PORT" || name == "LOCAL_ADDR" || name == "LOCAL_PORT";
}

HttpRequest to_request(const httplib::Request& req) {
  HttpRequest request;
  request.method = req.method;
  request.path = req.path;
  request.target = req.target;
  if (auto q = req.target.find('?'); q != std::string::npos) request.query = decode_query(std::string_view(req.target).substr(q + 1));
  for (const auto& [name, value] : req.headers)
    if (!synthetic_header(name)) request.headers.add(name, value);
  request.body = req.body;
  request.client_ip = req.remote_addr;
  return request;
}

void write_response(const HttpResponse& response, httplib::Response& res) {
  res.status = response.status;
  std::string content_type;
  for (const auto& [name, value] : response.headers) {
    if (iequals(name, "Content-Type"))
      content_type = value;
    else if (!iequals(name, "Content-Length") && !iequals(name, "Transfer-Encoding") && !iequals(name, "Connection"))
      res.headers.emplace(name, value);
  }
  if (!response.body.empty())
    res.set_content(response.body, content_type.empty() ? "application/octet-stream" : content_type.c_str());
  else if (!content_type.empty())
    res.set_header("Content-Type", content_type);
}

}  // namespace

struct Server::Impl {
  ServerOptions options;
  Engine engine;
  httplib::Server http;
  std::thread listener;
  int port = -1;

  Impl(std::shared_ptr<const FixtureSet> fixtures, ServerOptions opts)
      : options(std::move(opts)),
        engine(std::move(fixtures), EngineOptions{options.verbatim ? BodyMode::verbatim : BodyMode::zoom,
                                                  options.admin_prefix, options.journal_capacity,
                                                  options.journal_secrets}) {}
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
  auto fixtures = std::make_shared<const FixtureSet>(load_fixtures(options.fixtures, LoadOptions{options.base_path}));
  return start(std::move(fixtures), std::move(options));
}

Server Server::start(std::shared_ptr<const FixtureSet> fixtures, ServerOptions options) {
  auto impl = std::make_unique<Impl>(std::move(fixtures), std::move(options));
  Impl& self = *impl;
  auto& http = self.http;

  // Without TCP_NODELAY a keep-alive request can wait ~40 ms on Nagle and delayed ACKs.
  http.set_tcp_nodelay(true);
  http.set_keep_alive_max_count(1000);
  http.set_payload_max_length(self.options.max_body_bytes);
  const std::size_t threads = self.options.threads == 0 ? 1 : self.options.threads;
  http.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };

  // httplib's regex routes cannot express Postman paths: one catch-all per method hands every
  // request to the engine, which routes by itself.
  const auto handler = [&self](const httplib::Request& req, httplib::Response& res) {
    write_response(self.engine.handle(to_request(req)), res);
  };
  http.Get(".*", handler);
  http.Post(".*", handler);
  http.Put(".*", handler);
  http.Patch(".*", handler);
  http.Delete(".*", handler);
  http.Options(".*", handler);
  http.set_exception_handler([](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
    write_response(wire::zoom_error(500, 500, "fakezoom failed to answer this request."), res);
  });
  if (self.options.log != LogFormat::off) {
    http.set_logger([&self](const httplib::Request& req, const httplib::Response& res) {
      const std::string line = access_log_line(self.options.log, to_request(req), res.status,
                                               res.get_header_value("Matched-Stub-Id"));
      if (self.options.log_sink)
        self.options.log_sink(line);
      else
        std::cerr << line + "\n" << std::flush;
    });
  }

  const std::string& host = self.options.host;
  if (self.options.port == 0) {
    self.port = http.bind_to_any_port(host);
  } else if (http.bind_to_port(host, self.options.port)) {
    self.port = self.options.port;
  }
  if (self.port <= 0)
    throw std::runtime_error("cannot listen on " + host + ":" + std::to_string(self.options.port) + ": " +
                             std::strerror(errno));
  self.listener = std::thread([&http] { http.listen_after_bind(); });
  // stop() before the listen loop runs would be lost: return only once it accepts.
  while (!http.is_running()) std::this_thread::sleep_for(std::chrono::microseconds(200));
  return Server(std::move(impl));
}

int Server::port() const { return impl_ ? impl_->port : -1; }

std::string Server::url() const {
  const std::string& host = impl_->options.host;
  const bool ipv6 = host.find(':') != std::string::npos;
  return "http://" + (ipv6 ? "[" + host + "]" : host) + ":" + std::to_string(impl_->port);
}

std::string Server::base_url() const { return url() + impl_->engine.fixtures()->base_path(); }
Journal& Server::journal() { return impl_->engine.journal(); }
const FixtureSet& Server::fixtures() const { return *impl_->engine.fixtures(); }
Engine& Server::engine() { return impl_->engine; }

void Server::stop() {
  if (!impl_) return;
  impl_->http.stop();
  if (impl_->listener.joinable()) impl_->listener.join();
}

}  // namespace fakezoom
