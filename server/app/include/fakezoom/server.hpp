// fakezoom on a socket, for the CLI and for embedding in a C++ test:
//   auto zoom = fakezoom::Server::start({.fixtures = {"fixtures"}});   // port 0: a free port
//   zoom.base_url();  zoom.journal().entries();  zoom.stop();
#pragma once

#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "fakezoom/engine/engine_defaults.hpp"
#include "fakezoom/model/clock.hpp"
#include "fakezoom/fixtures/diagnostic.hpp"  // FixtureError, thrown by start()
#include "fakezoom/http/http_server.hpp"     // LogFormat, SocketOptions
#include "fakezoom/journal/journal.hpp"
#include "fakezoom/zoom/auth_options.hpp"
#include "fakezoom/zoom/rate_limits.hpp"
#include "fakezoom/webhooks/subscription.hpp"

namespace fakezoom {

// What engine() and state() give: include fakezoom/engine/engine.hpp to use them.
class Account;
class Engine;
struct FixtureSet;
namespace webhooks {
class Outbox;        // fakezoom/webhooks/outbox.hpp
class EventCatalog;  // fakezoom/webhooks/event_catalog.hpp
}

// Flat, so that a test names what it changes (`{.fixtures = {...}, .port = 0}`); each default
// is the socket's (http::SocketOptions) or the engine's own, written there once.
struct ServerOptions {
  // Files or folders; empty: default_fixtures() (Zoom's current API), and its events specs
  // too when events_specs is empty.
  std::vector<std::string> fixtures;
  std::string host = http::SocketOptions{}.host;
  int port = http::SocketOptions{}.port;  // 0 picks a free port
  // PEM files: with both, the server speaks only HTTPS (url() says https://). start() throws
  // std::invalid_argument naming the file when one is missing, unreadable or not the other's.
  std::optional<std::string> tls_cert;
  std::optional<std::string> tls_key;
  // PEM files from scripts/make-cert --zoom: with both, the port is also an HTTP forward proxy
  // answering CONNECT api.zoom.us:443 and zoom.us:443 itself (docs/proxy.md); not with tls_cert.
  std::optional<std::string> proxy_cert;
  std::optional<std::string> proxy_key;
  std::optional<std::string> base_path;  // replaces the prefix from `{{baseUrl}}`
  std::vector<std::string> specs;        // OpenAPI 3 / Swagger 2.0 files adding parameter rules
  // An OpenAPI 3 / Swagger 2.0 file every answer is checked against as it is served: each
  // mismatch (status, Content-Type, body schema, with the JSON pointer) is a line on
  // event_sink. start() throws FixtureError naming each problem's pointer when it is broken.
  std::optional<std::string> check_responses;
  bool verbatim = false;                 // serve examples exactly as documented
  std::string admin_prefix{kDefaultAdminPrefix};
  std::size_t journal_capacity = Journal::kDefaultCapacity;
  bool journal_secrets = false;           // keep bearer tokens in the journal
  std::size_t max_body_bytes = http::SocketOptions{}.max_body_bytes;  // larger request bodies get 413
  // httplib keeps a worker per keep-alive connection: with too few, one more client waits
  // for an idle connection's 5 s timeout (measured by scripts/bench). 64 cost ~1.5 MB RSS.
  std::size_t threads = http::SocketOptions{}.threads;
  // More threads are added while every one holds a connection, up to this many in all; then
  // new connections wait. Each thread costs little RSS; each connection a file descriptor.
  std::size_t max_connections = http::SocketOptions{}.max_connections;
  // A request must arrive without a pause longer than this; a slower client is closed
  // without an answer (httplib 0.11.4 has no whole-request deadline).
  std::chrono::milliseconds read_timeout = http::SocketOptions{}.read_timeout;
  std::size_t max_header_count = http::SocketOptions{}.max_header_count;  // more get 431 (Apache's LimitRequestFields)
  // When set, the admin API needs `Authorization: Bearer <token>`, `X-Admin-Token: <token>` or
  // HTTP Basic with the token as the password, and answers Zoom's 401 without it.
  std::optional<std::string> admin_token;
  LogFormat log = LogFormat::off;
  // Where access-log lines go (one call per request, no newline); stderr when empty.
  std::function<void(const std::string&)> log_sink;
  // Faults and delays by route or example id (`--overrides`); start() throws
  // std::invalid_argument when it cannot be read or names an id no fixture has.
  std::optional<std::string> overrides_file;
  bool watch = false;  // reload the fixtures when their files change
  std::chrono::milliseconds watch_interval{500};
  // Where server events go (fixture reloads, good or bad; one line each, JSON when `log` is
  // json); stderr when empty.
  std::function<void(const std::string&)> event_sink;
  // Time for token expiry and rate limits; empty: the system clock. Tests pass a ManualClock.
  std::shared_ptr<Clock> clock;
  // Zoom's per-second and daily rate limits by route label and plan (docs/rate-limits.md).
  bool rate_limits = false;
  Plan plan = Plan::pro;
  // --auth any|strict (tokens from POST /oauth/token and the accounts fixture), and the HTTP
  // status of code 124 answers (--invalid-token-status).
  AuthOptions auth;
  // Users and meetings are state (docs/state.md); stateless serves documented examples only.
  bool stateless = false;
  std::uint64_t seed = 1;  // the account's ids and page tokens follow from it
  // Read at start when it exists (start() throws FixtureError naming each problem's JSON
  // pointer when it is not a state document), written atomically on stop() and on
  // POST /__admin/state/save.
  std::optional<std::string> state_file;
  // Where event notifications go (docs/webhooks.md). start() throws std::invalid_argument
  // naming the field when one is not usable (not an http(s) URL, no secret, an unknown event).
  std::vector<webhooks::Subscription> webhooks;
  // Each endpoint gets Zoom's URL validation challenge first and no events if it fails
  // (`--webhook-skip-validation` turns that off); the outcome goes to event_sink.
  bool webhook_skip_validation = false;
  // Zoom's webhook events specs (OpenAPI 3.1): their events become known, each sent on demand
  // over its documented example. start() throws FixtureError naming each problem's pointer.
  std::vector<std::string> events_specs;
  // The catalog events_specs make, when the caller has read them already (the CLI does, to
  // name its flags in errors): start() then does not read them again.
  std::shared_ptr<const webhooks::EventCatalog> events;
  // Shrinks Zoom's retry and revalidation times alike (0.001: the 5-minute retry comes 0.3 s
  // later); tests move `clock` instead.
  double webhook_time_scale = 1.0;
};

// What fakezoom serves when no fixtures are given (docs/fixtures.md): the shipped fixtures
// and Zoom's 2026 REST specs, with Zoom's webhook events specs as the event catalog. Found
// in $FAKEZOOM_DATA_DIR, else share/fakezoom beside the running command's bin/, else this
// build tree, else the install prefix. Without Zoom's documents at build time
// (fixtures/zoom-api/README.md) only the shipped fixtures, and no events specs.
struct DefaultFixtures {
  std::vector<std::string> fixtures;
  std::vector<std::string> events_specs;
  // The catalog events_specs make, when the caller has read them already (the CLI does, to
  // name its flags in errors): start() then does not read them again.
  std::shared_ptr<const webhooks::EventCatalog> events;
  std::string data_dir;  // where they were found
};
DefaultFixtures default_fixtures();

// Options as start() takes them: the defaults filled in where no fixtures are given.
ServerOptions with_default_fixtures(ServerOptions options);

class Server {
public:
  // Loads the fixtures (throws FixtureError listing every problem), binds, and returns once
  // the server accepts connections. Throws std::runtime_error when it cannot bind.
  static Server start(ServerOptions options);
  static Server start(std::shared_ptr<const FixtureSet> fixtures, ServerOptions options);

  Server(Server&&) noexcept;
  Server& operator=(Server&&) noexcept;
  ~Server();  // stops

  int port() const;
  std::string url() const;       // "http://127.0.0.1:PORT", "https://..." with a certificate
  std::string base_url() const;  // url() and the API's base path: "http://127.0.0.1:PORT/v2"
  Journal& journal();
  // The fixtures serving now; a reload (--watch, POST /__admin/mappings/reset) replaces them,
  // so keep engine().fixtures() (a shared_ptr) to hold on to one version.
  const FixtureSet& fixtures() const;
  Engine& engine();
  // The account users and meetings live in: arrange it before a test, assert on it after
  // (`state().create_user(...)`, `state().meeting(id)`, `state().dump()`).
  Account& state();
  // The webhook subscriptions and every delivery attempt: `webhooks().publish(event)`,
  // `webhooks().log().wait_for(1, 5s)` (include fakezoom/webhooks/outbox.hpp).
  webhooks::Outbox& webhooks();
  // Idempotent; returns once the listening thread has ended, then writes the state file if
  // there is one. Delayed answers in flight are cut short and sent at once.
  void stop();
  // Asks for a stop and returns at once; safe from any thread, a request handler too.
  // POST /__admin/shutdown does this. The server then stops accepting and ends the requests
  // in flight; call wait() or stop() to see it done.
  void request_shutdown();
  // Blocks until the server no longer listens (after stop() or a shutdown request).
  void wait();

private:
  struct Impl;
  explicit Server(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace fakezoom
