// `fakezoom serve`: runs until SIGINT, SIGTERM or POST /__admin/shutdown, then exits 0.
#include <pthread.h>
#include <signal.h>

#include <atomic>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <thread>

#include <nlohmann/json.hpp>

#include "commands.hpp"
#include "help.hpp"
#include "fixture_options.hpp"
#include "tls_options.hpp"
#include "fakezoom/engine/engine.hpp"
#include "fakezoom/server.hpp"
#include "fakezoom/spec/events_spec.hpp"
#include "fakezoom/webhooks/event_catalog.hpp"
#include "fakezoom/zoom/fixture_set.hpp"

namespace fakezoom::cli {

namespace {

CommandHelp serve_help() {
  const ServerOptions defaults;
  return {
      "serve",
      "[options]",
      "Serves the fixtures' documented examples with Zoom's behaviour on top, until SIGINT, SIGTERM\n"
      "or POST /__admin/shutdown. Prints one line for people and one JSON line\n"
      "({\"event\":\"listening\",...}) on stdout once it accepts connections.",
      {fixture_options(),
       {"network",
        {{"--host", "HOST", defaults.host, "address to bind; anything beyond loopback needs --admin-token"},
         {"--port", "N", "8080", "port; 0 picks a free one"},
         {"--port-file", "FILE", "", "write the port to FILE once listening"},
         {"--threads", "N", std::to_string(defaults.threads), "worker threads, one per open connection"},
         {"--read-timeout-ms", "N", std::to_string(defaults.read_timeout.count()), "close a client that pauses longer than N ms mid-request"}}},
       {"answers",
        {{"--verbatim", "", "", "serve every example exactly as documented (no Zoom JSON error bodies)"},
         {"--spec", "FILE", "", "OpenAPI 3.0 (JSON or YAML) or Swagger 2.0 file whose parameter rules\n"
                                "the routes validate (400 code 300 \"Validation Failed.\")", true},
         {"--check-responses", "FILE", "off", "check every answer against this OpenAPI 3 / Swagger 2.0 spec as it is\n"
                                              "served: each mismatch with its JSON pointer, a line on stderr"},
         {"--auth", "MODE", "any", "any: any bearer token is accepted; strict: only tokens issued by\n"
                                   "POST /oauth/token (accounts fixture), unexpired, with one of the route's scopes"},
         {"--invalid-token-status", "N", "401", "HTTP status of code 124 answers: 401 (as Zoom answers) or\n"
                                                "400 (as Zoom's current spec lists it)"},
         {"--rate-limits", "on|off", "off", "Zoom's per-second and daily limits per rate-limit label\n"
                                            "(over a limit: 429 with X-RateLimit-* and Retry-After)"},
         {"--plan", "PLAN", "pro", "the account's plan for those limits: free, pro or business"}}},
       {"state",
        {{"--stateless", "", "", "answer users and meetings from the documented examples only, as\n"
                                 "fakezoom did before it kept an account (docs/state.md)"},
         {"--seed", "N", std::to_string(defaults.seed), "the account's ids and page tokens follow from N"},
         {"--state-file", "FILE", "", "load the account from FILE at start (when it exists); write it\n"
                                      "there atomically on SIGTERM, SIGINT and POST /__admin/state/save"}}},
       {"admin API and journal",
        {{"--admin-prefix", "PATH", defaults.admin_prefix, "where the admin API lives"},
         {"--admin-token", "T", "none", "the admin API needs `Authorization: Bearer T` (or `X-Admin-Token: T`)"},
         {"--max-request-journal-entries", "N", std::to_string(defaults.journal_capacity), "journal size; 0 turns it off"},
         {"--no-request-journal", "", "", "keep no journal (the admin API's verification answers 500)"},
         {"--journal-secrets", "", "", "keep bearer tokens in the journal instead of [REDACTED]"}}},
       {"faults and reload",
        {{"--overrides", "FILE", "", "faults and delays by route or example id, e.g.\n"
                                     "{\"faults\":[{\"id\":\"get-v2-users-userId-token-1\",\"fault\":\"EMPTY_RESPONSE\"}],\n"
                                     " \"delays\":[{\"id\":\"get-v2-users-userId-token\",\"fixedDelayMilliseconds\":200}]}"},
         {"--watch", "", "", "reload the fixtures when their files change (a broken change is\n"
                             "reported on stderr and the previous fixtures keep serving)"}}},
       {"webhooks",
        {{"--webhook-url", "URL", "", "send Zoom's event notifications to URL (http or https; docs/webhooks.md)"},
         {"--webhook-secret", "TOKEN", "", "the subscription's secret token: signs every delivery (x-zm-signature)"},
         {"--webhook-events", "LIST", "all", "comma-separated event types, e.g. meeting.created,user.created"},
         {"--webhook-skip-validation", "", "", "send events without Zoom's URL validation challenge first"},
         {"--webhook-time-scale", "F", "1", "shrink Zoom's retry (5, 20, 60 min) and revalidation (72 h) times\n"
                                            "by F: 0.001 makes the 5-minute retry 0.3 s"},
         {"--events-spec", "FILE", "Zoom's, without --fixtures",
          "Zoom's webhook events spec (OpenAPI 3.1, JSON or YAML): its events\n"
          "become known, each sent on demand over its documented example", true}}},
       tls_options(),
       {"output",
        {{"--log", "FORMAT", "text", "access log on stderr: text, json or off; tokens are redacted"}}}}};
}

bool is_loopback(const std::string& host) {
  return host == "localhost" || host == "::1" || host.rfind("127.", 0) == 0;
}

// Written whole or not at all: a reader polling for the file never sees half a number.
bool write_port_file(const std::string& path, int port) {
  const std::string temporary = path + ".tmp";
  {
    std::ofstream out(temporary);
    if (!(out << port << "\n")) return false;
  }
  return std::rename(temporary.c_str(), path.c_str()) == 0;
}

std::optional<int> parse_int(const std::string& text, int min, int max) {
  try {
    std::size_t used = 0;
    long value = std::stol(text, &used);
    if (used != text.size() || value < min || value > max) return std::nullopt;
    return static_cast<int>(value);
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

// One subscription from --webhook-url, --webhook-secret and --webhook-events; a problem names
// its flag.
std::string apply_webhook_options(const Args& args, const webhooks::EventCatalog& catalog, ServerOptions& options) {
  auto url = args.last("--webhook-url");
  auto secret = args.last("--webhook-secret");
  auto events = args.last("--webhook-events");
  if (!url && !secret && !events) return args.has("--webhook-skip-validation") ? "--webhook-skip-validation needs --webhook-url" : "";
  if (!url) return "--webhook-secret and --webhook-events need --webhook-url";
  webhooks::Subscription subscription{*url, secret.value_or(""), {}};
  if (events && *events != "all") {
    std::size_t start = 0;
    for (;;) {
      const std::size_t comma = events->find(',', start);
      subscription.events.push_back(events->substr(start, comma == std::string::npos ? std::string::npos : comma - start));
      if (comma == std::string::npos) break;
      start = comma + 1;
    }
  }
  for (const auto& problem : webhooks::subscription_problems(subscription, catalog)) {
    if (problem.field == "endpoint_url") return "--webhook-url " + problem.message;
    if (problem.field == "secret_token") return "--webhook-secret is required and " + problem.message;
    return "--webhook-events: " + problem.message;
  }
  options.webhooks.push_back(std::move(subscription));
  options.webhook_skip_validation = args.has("--webhook-skip-validation");
  return "";
}

std::string apply_webhook_time_scale(const Args& args, ServerOptions& options) {
  auto text = args.last("--webhook-time-scale");
  if (!text) return "";
  try {
    std::size_t used = 0;
    const double scale = std::stod(*text, &used);
    if (used != text->size() || !(scale > 0) || scale > 1e6) throw std::invalid_argument(*text);
    options.webhook_time_scale = scale;
  } catch (const std::exception&) {
    return "--webhook-time-scale must be a number above 0, such as 0.001";
  }
  return "";
}

// A start that fails says so on stderr and, for whoever waits for the "listening" event on
// stdout, as a "failed" event there, then exits 2.
int start_failed(const std::string& message) {
  std::cerr << "fakezoom: " << message << "\n";
  std::cout << nlohmann::json{{"event", "failed"}, {"message", message}}.dump() << std::endl;
  return kExitUsage;
}

int usage_error(const std::string& message) {
  std::cerr << usage_error_text(serve_help(), message);
  return kExitUsage;
}

}  // namespace

int serve(const std::vector<std::string>& argv) {
  const OptionSpec spec = spec_of(serve_help());
  auto parsed = parse_args(argv, spec);
  if (!parsed.error.empty()) return usage_error(parsed.error);
  if (!parsed.args.positional.empty()) return usage_error("unexpected argument " + parsed.args.positional[0]);
  const Args& args = parsed.args;
  if (args.has("--help")) {
    std::cout << help_text(serve_help());
    return kExitOk;
  }

  ServerOptions options;
  options.fixtures = args.all("--fixtures");
  options.base_path = args.last("--base-path");
  options.specs = args.all("--spec");
  options.check_responses = args.last("--check-responses");
  if (auto problem = apply_tls_options(args, options); !problem.empty()) return usage_error(problem);
  if (auto n = args.last("--threads")) {
    auto threads = parse_int(*n, 1, 4096);
    if (!threads) return usage_error("--threads must be a number from 1 to 4096");
    options.threads = static_cast<std::size_t>(*threads);
  }
  options.host = args.last("--host").value_or(options.host);
  auto port = parse_int(args.last("--port").value_or("8080"), 0, 65535);
  if (!port) return usage_error("--port must be a number from 0 to 65535");
  options.port = *port;
  options.verbatim = args.has("--verbatim");
  options.journal_secrets = args.has("--journal-secrets");
  options.admin_prefix = args.last("--admin-prefix").value_or(options.admin_prefix);
  if (auto n = args.last("--max-request-journal-entries")) {
    auto entries = parse_int(*n, 0, 100'000'000);
    if (!entries) return usage_error("--max-request-journal-entries must be a non-negative number");
    options.journal_capacity = static_cast<std::size_t>(*entries);
  }
  if (args.has("--no-request-journal")) options.journal_capacity = 0;
  options.overrides_file = args.last("--overrides");
  const std::string rate_limits = args.last("--rate-limits").value_or("off");
  if (rate_limits != "on" && rate_limits != "off") return usage_error("--rate-limits must be on or off");
  options.rate_limits = rate_limits == "on";
  if (auto plan = args.last("--plan")) {
    auto parsed_plan = parse_plan(*plan);
    if (!parsed_plan) return usage_error("--plan must be free, pro or business");
    options.plan = *parsed_plan;
  }
  options.admin_token = args.last("--admin-token");
  if (options.admin_token && options.admin_token->empty()) return usage_error("--admin-token must not be empty");
  // Beyond loopback anyone on the network could reset, reload or shut the server down.
  if (!is_loopback(options.host) && !options.admin_token)
    return usage_error("--host " + options.host + " is beyond loopback: give --admin-token to protect the admin API");
  if (auto n = args.last("--read-timeout-ms")) {
    auto ms = parse_int(*n, 1, 3'600'000);
    if (!ms) return usage_error("--read-timeout-ms must be a number from 1 to 3600000");
    options.read_timeout = std::chrono::milliseconds(*ms);
  }
  options.watch = args.has("--watch");
  options.stateless = args.has("--stateless");
  if (auto seed = args.last("--seed")) {
    try {
      std::size_t used = 0;
      options.seed = std::stoull(*seed, &used);
      if (used != seed->size() || seed->front() == '-') throw std::invalid_argument(*seed);
    } catch (const std::exception&) {
      return usage_error("--seed must be a non-negative whole number");
    }
  }
  options.state_file = args.last("--state-file");
  if (options.state_file && options.state_file->empty()) return usage_error("--state-file must name a file");
  if (options.admin_prefix.empty() || options.admin_prefix.front() != '/' || options.admin_prefix == "/")
    return usage_error("--admin-prefix must be a path such as /__admin");
  const std::string auth = args.last("--auth").value_or("any");
  if (auth == "any") options.auth.mode = AuthMode::any;
  else if (auth == "strict") options.auth.mode = AuthMode::strict;
  else return usage_error("--auth must be any or strict");
  const std::string token_status = args.last("--invalid-token-status").value_or("401");
  if (token_status != "401" && token_status != "400") return usage_error("--invalid-token-status must be 401 or 400");
  options.auth.invalid_token_status = token_status == "400" ? 400 : 401;
  // Read here too, so that --webhook-events may name the spec's events and a problem names the flag.
  options.events_specs = args.all("--events-spec");
  options = with_default_fixtures(std::move(options));
  webhooks::EventCatalog catalog;
  try {
    catalog = load_events_specs(options.events_specs);
  } catch (const FixtureError& error) {
    return start_failed(std::string("cannot load events spec: ") + error.what());
  }
  if (auto problem = apply_webhook_options(args, catalog, options); !problem.empty()) return usage_error(problem);
  options.events = std::make_shared<const webhooks::EventCatalog>(catalog);
  if (auto problem = apply_webhook_time_scale(args, options); !problem.empty()) return usage_error(problem);
  const std::string log = args.last("--log").value_or("text");
  if (log == "text") options.log = LogFormat::text;
  else if (log == "json") options.log = LogFormat::json;
  else if (log == "off") options.log = LogFormat::off;
  else return usage_error("--log must be text, json or off");

  // Block the stop signals before any thread starts, so every thread inherits the mask and
  // only sigwait below sees them.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);
  // A client that hangs up mid-answer must not take the server down with SIGPIPE.
  signal(SIGPIPE, SIG_IGN);

  std::optional<Server> server;
  try {
    server.emplace(Server::start(options));
  } catch (const FixtureError& error) {
    return start_failed(std::string("cannot load fixtures: ") + error.what());
  } catch (const std::exception& error) {
    return start_failed(error.what());
  }
  if (!is_loopback(options.host))
    std::cerr << "fakezoom: warning: listening on " << options.host
              << ", beyond loopback: anyone who can reach this machine can use it\n";
  // The port file before the listening lines: whoever reads those may look for it at once.
  if (auto file = args.last("--port-file"); file && !write_port_file(*file, server->port())) {
    std::cerr << "fakezoom: cannot write the port file " << *file << "\n";
    return kExitUsage;
  }
  const auto fixtures_now = server->engine().fixtures();
  const auto& fixtures = *fixtures_now;
  std::cout << "fakezoom listening on " << server->base_url() << " (" << fixtures.routes.routes().size() << " routes, "
            << fixtures.example_count() << " examples)\n"
            << nlohmann::json{{"event", "listening"},
                              {"url", server->base_url()},
                              {"port", server->port()},
                              {"routes", fixtures.routes.routes().size()},
                              {"examples", fixtures.example_count()}}
                   .dump()
            << std::endl;
  if (options.proxy_cert)
    std::cerr << "fakezoom: proxy for api.zoom.us and zoom.us on " << server->url() << ": HTTPS_PROXY=" << server->url()
              << " with " << *args.last("--proxy") << "/ca.pem trusted (SSL_CERT_FILE, NODE_EXTRA_CA_CERTS)\n";

  // A signal asks for the same stop as POST /__admin/shutdown; the main thread waits for
  // either. After an admin shutdown the signal thread is still in sigwait: a SIGTERM aimed at
  // it alone (blocked everywhere, so nothing else sees it) lets it go.
  std::atomic<bool> signalled{false};
  std::thread signal_thread([&] {
    int signal_number = 0;
    sigwait(&stop_signals, &signal_number);
    signalled = true;
    server->request_shutdown();
  });
  server->wait();
  server->stop();
  if (!signalled) pthread_kill(signal_thread.native_handle(), SIGTERM);
  signal_thread.join();
  return kExitOk;
}

}  // namespace fakezoom::cli
