// fakezoom::Server: the convenience that loads the fixtures, builds the engine with a loader for
// reloads, reads the overrides file, puts the engine on a socket and watches the files.
#include "fakezoom/server.hpp"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <iostream>
#include <sstream>
#include <stdexcept>

#include "fakezoom/engine/app_subscriptions.hpp"
#include "fakezoom/engine/engine.hpp"
#include "fakezoom/fixtures/loader.hpp"
#include "fakezoom/spec/events_spec.hpp"
#include "fakezoom/spec/spec.hpp"
#include "fakezoom/spec/response_check.hpp"
#include "fakezoom/state/state_document.hpp"
#include "fakezoom/state/state_file.hpp"
#include "fakezoom/webhooks/outbox.hpp"
#include "fixture_watcher.hpp"

namespace fakezoom {

namespace {

// A reload: the fixtures and specs, and the accounts fixture's subscriptions checked against
// the events known at start.
FixtureLoad load(const std::vector<std::string>& paths, const LoadOptions& options,
                 const std::vector<std::string>& specs, const webhooks::EventCatalog& events) {
  try {
    auto fixtures = std::make_shared<const FixtureSet>(load_fixtures_with_specs(paths, options, specs));
    if (auto problems = app_subscriptions(fixtures->accounts, events).problems; !problems.empty())
      return {nullptr, std::move(problems)};
    return {std::move(fixtures), {}};
  } catch (const FixtureError& error) {
    return {nullptr, error.diagnostics()};
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

http::SocketOptions socket_options(const ServerOptions& options) {
  return {.host = options.host,
          .port = options.port,
          .tls_cert = options.tls_cert,
          .tls_key = options.tls_key,
          .proxy_cert = options.proxy_cert,
          .proxy_key = options.proxy_key,
          .max_body_bytes = options.max_body_bytes,
          .threads = options.threads,
          .max_connections = options.max_connections,
          .read_timeout = options.read_timeout,
          .max_header_count = options.max_header_count,
          .log = options.log,
          .log_sink = options.log_sink};
}

}  // namespace

struct Server::Impl {
  ServerOptions options;
  std::optional<ResponseCheck> response_check;  // before the engine, whose hook reads it
  Engine engine;
  std::unique_ptr<http::HttpServer> http;
  std::unique_ptr<app::FixtureWatcher> watcher;
  bool stopped = false;

  Impl(std::shared_ptr<const FixtureSet> fixtures, ServerOptions opts, Overrides overrides, webhooks::EventCatalog events)
      : options(std::move(opts)),
        response_check(options.check_responses ? std::optional<ResponseCheck>(ResponseCheck::load(*options.check_responses))
                                               : std::nullopt),
        engine(std::move(fixtures), engine_options(std::move(overrides), std::move(events))) {}

  EngineOptions engine_options(Overrides overrides, webhooks::EventCatalog events) {
    EngineOptions engine_options{.body_mode = options.verbatim ? BodyMode::verbatim : BodyMode::zoom,
                                 .admin_prefix = options.admin_prefix,
                                 .journal_capacity = options.journal_capacity,
                                 .journal_secrets = options.journal_secrets};
    engine_options.overrides = std::move(overrides);
    if (!options.fixtures.empty()) {
      engine_options.loader = [this, paths = options.fixtures, load_options = LoadOptions{options.base_path},
                               specs = options.specs, events] {
        FixtureLoad result = load(paths, load_options, specs, events);
        report_reload(result);
        return result;
      };
    }
    // Requests arrive only once the socket is up, so `http` is set by then.
    engine_options.on_shutdown = [this] { http->request_shutdown(); };
    engine_options.admin_token = options.admin_token;
    if (options.clock) engine_options.clock = options.clock;
    engine_options.rate_limits = options.rate_limits;
    engine_options.plan = options.plan;
    engine_options.auth = options.auth;
    engine_options.stateless = options.stateless;
    engine_options.seed = options.seed;
    engine_options.webhooks = options.webhooks;
    engine_options.events = std::move(events);
    engine_options.webhook_retry.time_scale = options.webhook_time_scale;
    engine_options.webhook_validation = !options.webhook_skip_validation;
    if (response_check)
      engine_options.on_answer = [this](const HttpRequest& request, const Route& route, const HttpResponse& response) {
        report_conformance(request, route, response);
      };
    engine_options.on_webhook_validation = [this](const webhooks::Subscription& subscription,
                                                  const webhooks::Validation& validation) {
      report_validation(subscription, validation);
    };
    if (options.state_file) {
      engine_options.state_file = *options.state_file;
      engine_options.state = read_state(*options.state_file);
    }
    return engine_options;
  }

  // The state file's document, checked; nothing when the file does not exist yet.
  static std::optional<nlohmann::json> read_state(const std::string& path) {
    StateFileRead read = read_state_file(path);
    if (!read.problems.empty()) throw FixtureError(read.problems);
    if (!read.document) return std::nullopt;
    auto checked = read_state_document(*read.document, path);
    if (!checked.problems.empty()) throw FixtureError(checked.problems);
    return read.document;
  }

  void emit(const std::string& line) {
    if (options.event_sink)
      options.event_sink(line);
    else
      std::cerr << line + "\n" << std::flush;
  }

  void report_validation(const webhooks::Subscription& subscription, const webhooks::Validation& validation) {
    const bool ok = validation.state == webhooks::ValidationState::validated;
    if (options.log == LogFormat::json) {
      emit(nlohmann::json{{"event", "webhook-validation"}, {"url", subscription.endpoint_url}, {"ok", ok}, {"reason", validation.reason}}
               .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
    } else {
      emit("fakezoom: webhook endpoint " + subscription.endpoint_url +
           (ok ? " passed URL validation" : " failed URL validation, so it gets no events: " + validation.reason));
    }
  }

  // --check-responses: a line per answer that breaks the spec, naming each mismatch.
  void report_conformance(const HttpRequest& request, const Route& route, const HttpResponse& response) {
    const auto mismatches = response_check->check(route.method, route.path, response.status,
                                                  response.headers.get("Content-Type").value_or(""), response.body);
    if (!mismatches || mismatches->empty()) return;
    if (options.log == LogFormat::json) {
      nlohmann::json list = nlohmann::json::array();
      for (const auto& m : *mismatches) list.push_back({{"pointer", m.field}, {"message", m.message}});
      emit(nlohmann::json{{"event", "nonconforming-answer"}, {"method", request.method}, {"path", request.path},
                          {"status", response.status}, {"route", route.id}, {"spec", *options.check_responses},
                          {"mismatches", list}}
               .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
      return;
    }
    std::string text = "fakezoom: the answer to " + request.method + " " + request.path + " (" +
                       std::to_string(response.status) + ", " + route.id + ") breaks " + *options.check_responses + ":";
    for (const auto& m : *mismatches) text += "\n  " + m.to_string();
    emit(text);
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

  static Server launch(std::shared_ptr<const FixtureSet> fixtures, ServerOptions options, app::FileSignature signature);
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
  options = with_default_fixtures(std::move(options));
  // Taken before reading, so --watch also sees a change made while the first load runs.
  auto signature = options.watch ? app::file_signature(watched_files(options)) : app::FileSignature{};
  auto fixtures = std::make_shared<const FixtureSet>(
      load_fixtures_with_specs(options.fixtures, LoadOptions{options.base_path}, options.specs));
  return Impl::launch(std::move(fixtures), std::move(options), std::move(signature));
}

Server Server::start(std::shared_ptr<const FixtureSet> fixtures, ServerOptions options) {
  auto signature = options.watch ? app::file_signature(watched_files(options)) : app::FileSignature{};
  return Impl::launch(std::move(fixtures), std::move(options), std::move(signature));
}

Server Server::Impl::launch(std::shared_ptr<const FixtureSet> fixtures, ServerOptions options,
                            app::FileSignature signature) {
  if (options.watch && options.fixtures.empty()) throw std::invalid_argument("--watch needs fixture files to watch");
  if (!(options.webhook_time_scale > 0) || options.webhook_time_scale > 1e6)
    throw std::invalid_argument("webhook_time_scale must be a number above 0");
  auto events = options.events ? *options.events : load_events_specs(options.events_specs);
  if (auto problems = app_subscriptions(fixtures->accounts, events).problems; !problems.empty())
    throw FixtureError(std::move(problems));
  for (std::size_t i = 0; i < options.webhooks.size(); ++i)
    for (const auto& problem : webhooks::subscription_problems(options.webhooks[i], events))
      throw std::invalid_argument("webhooks[" + std::to_string(i) + "]." + problem.field + ": " + problem.message);
  Overrides overrides;
  if (options.overrides_file) overrides = read_overrides(*options.overrides_file, *fixtures);
  auto impl = std::make_unique<Impl>(std::move(fixtures), std::move(options), std::move(overrides), std::move(events));
  Impl& self = *impl;
  self.http = std::make_unique<http::HttpServer>(self.engine, socket_options(self.options));
  // POST /oauth/token answers where the API is, as Zoom's "api_url" does (without /v2).
  self.engine.tokens().set_api_url(self.http->url());
  Server server(std::move(impl));
  if (self.options.watch)
    self.watcher = std::make_unique<app::FixtureWatcher>(watched_files(self.options), std::move(signature),
                                                         self.options.watch_interval, [&self] { self.engine.reload(); });
  return server;
}

int Server::port() const { return impl_ ? impl_->http->port() : -1; }
std::string Server::url() const { return impl_->http->url(); }
std::string Server::base_url() const { return url() + impl_->engine.fixtures()->base_path(); }
Journal& Server::journal() { return impl_->engine.journal(); }
const FixtureSet& Server::fixtures() const { return *impl_->engine.fixtures(); }
Engine& Server::engine() { return impl_->engine; }
Account& Server::state() { return impl_->engine.account(); }
webhooks::Outbox& Server::webhooks() { return impl_->engine.webhooks(); }

void Server::request_shutdown() {
  if (impl_) impl_->http->request_shutdown();
}

void Server::wait() {
  if (impl_) impl_->http->wait();
}

void Server::stop() {
  if (!impl_) return;
  impl_->watcher.reset();
  impl_->http->stop();
  if (impl_->stopped) return;
  impl_->stopped = true;
  // In-flight deliveries get a second; what was still queued is logged as dropped and said.
  if (auto stopped = impl_->engine.webhooks().stop(); stopped.pending || stopped.unfinished)
    impl_->emit("fakezoom: webhooks stopped with " + std::to_string(stopped.pending) + " deliveries never sent and " +
                std::to_string(stopped.unfinished) + " cut short");
  if (auto saved = impl_->engine.save_state(); saved.available && saved.error)
    impl_->emit("fakezoom: the state was not saved: " + *saved.error);
}

}  // namespace fakezoom
