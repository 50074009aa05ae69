// The whole product without a socket: a request value in, a response value out.
// `respond` is a pure function of (fixtures, request); `Engine` adds the journal, the admin
// API, run-time settings and overrides, and swapping in freshly loaded fixtures whole.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "fakezoom/core/access.hpp"
#include "fakezoom/core/clock.hpp"
#include "fakezoom/core/fixture_set.hpp"
#include "fakezoom/core/http_message.hpp"
#include "fakezoom/core/journal.hpp"
#include "fakezoom/core/misbehaviour.hpp"
#include "fakezoom/core/overrides.hpp"
#include "fakezoom/core/rate_limiter.hpp"
#include "fakezoom/core/render.hpp"
#include "fakezoom/core/settings.hpp"
#include "fakezoom/core/token_authority.hpp"

namespace fakezoom {

struct Outcome {
  HttpResponse response;
  bool matched = false;  // a documented route answered (examples, Zoom's rules); false for 404/405 misses
  std::string route_id;
  std::string example_id;  // also sent as Matched-Stub-Id
  std::string example_name;
  std::string reason;
  // The route's `**Rate Limit Label:**` when the request reached Zoom's rules (not the
  // caller's explicit choice, not a miss); the engine counts it when rate limits are on.
  std::string rate_limit_label;
  // Set when the answer is the example's as rendered at load time (unchanged since): the
  // journal then shares it instead of copying it.
  std::shared_ptr<const PreparedAnswer> prepared;
};

Outcome respond(const FixtureSet& fixtures, const HttpRequest& request, BodyMode mode);
// The same with the caller's token as the engine's auth mode sees it (see access.hpp).
Outcome respond(const FixtureSet& fixtures, const HttpRequest& request, BodyMode mode, const CallerAuth& caller);

// Reloading reads files, which the core does not do: whoever builds the engine (the HTTP
// server) hands it a loader that reads the fixtures afresh with the paths and options it
// started with. Exactly one of `fixtures` and `problems` is set.
struct FixtureProblem {
  std::string file;
  std::string pointer;
  std::string message;
};
struct FixtureLoad {
  std::shared_ptr<const FixtureSet> fixtures;
  std::vector<FixtureProblem> problems;
};
using FixtureLoader = std::function<FixtureLoad()>;

struct ReloadReport {
  bool ok = false;
  bool available = true;         // false: the engine has no loader (fixtures given as values)
  std::uint64_t generation = 0;  // the fixtures serving after the attempt (1 at start-up)
  std::vector<FixtureProblem> problems;
  std::chrono::system_clock::time_point at;
};

struct EngineOptions {
  BodyMode body_mode = BodyMode::zoom;
  std::string admin_prefix = "/__admin";
  std::size_t journal_capacity = Journal::kDefaultCapacity;  // 0: no journal
  bool journal_secrets = false;  // keep tokens in the journal instead of "[REDACTED]"
  // When set, admin requests need `Authorization: Bearer <token>` (or `X-Admin-Token: <token>`)
  // and get Zoom's 401 without it.
  std::optional<std::string> admin_token;
  Settings settings;             // at start-up; POST /__admin/reset goes back to them
  Overrides overrides;           // likewise
  FixtureLoader loader;          // for POST /__admin/mappings/reset and --watch; empty: none
  // POST /__admin/shutdown. Called on a request thread: it must only ask for the stop, never
  // wait for it (the server cannot stop while it waits for this very request to end).
  std::function<void()> on_shutdown;
  // What token expiry and rate-limit windows count time by; tests pass a ManualClock.
  std::shared_ptr<Clock> clock = system_clock();
  // Zoom's per-second and daily limits per label and plan (`--rate-limits on`, `--plan`).
  bool rate_limits = false;
  Plan plan = Plan::pro;
  // --auth any|strict, and the HTTP status of code 124 answers.
  AuthOptions auth;
};

// An answer and how to misbehave while giving it; the HTTP adapter sleeps and breaks
// connections, the engine only decides.
struct Served {
  HttpResponse response;
  Misbehaviour misbehaviour;
  bool admin = false;
};

// Tokens out of a request before it is journaled or logged: the Authorization value after its
// scheme, `access_token` in the query, and `access_token`, `refresh_token`, `client_secret` in a
// form-encoded body.
HttpRequest redact_secrets(HttpRequest request);

// Whether an admin request carries the admin token (always true when none is set).
bool admin_authorized(const HttpRequest& request, const std::optional<std::string>& admin_token);

class Engine {
public:
  Engine(std::shared_ptr<const FixtureSet> fixtures, EngineOptions options);

  // Thread-safe. A request sees one set of fixtures from start to end, whatever reloads.
  Served serve(const HttpRequest& request);
  // The answer alone, for callers without a socket: no delay, no fault.
  HttpResponse handle(const HttpRequest& request) { return serve(request).response; }

  Journal& journal() { return journal_; }
  const Journal& journal() const { return journal_; }
  std::shared_ptr<const FixtureSet> fixtures() const;
  std::uint64_t generation() const;  // 1 at start-up, +1 for every swap
  const EngineOptions& options() const { return options_; }
  // The tokens POST /oauth/token issued; `tokens().account_of_token(t)` names a caller's account.
  TokenAuthority& tokens() { return tokens_; }
  const TokenAuthority& tokens() const { return tokens_; }

  // Swaps in a whole new set; requests already running finish on the old one.
  void swap_fixtures(std::shared_ptr<const FixtureSet> fixtures);
  // Loads through the loader and swaps only if it loaded cleanly; one reload at a time.
  ReloadReport reload();
  std::optional<ReloadReport> last_reload() const;

  Settings settings() const;
  void set_settings(Settings settings);
  Overrides overrides() const;
  void set_fault(const std::string& id, std::optional<Fault> fault);
  void set_delay(const std::string& id, std::optional<std::chrono::milliseconds> delay);
  // Journal, settings and overrides back to how they were at start-up (fixtures stay).
  void reset();
  // False when nobody can stop this engine's server.
  bool request_shutdown();

private:
  Served answer(const FixtureSet& fixtures, const HttpRequest& request);
  void limit_rate(const HttpRequest& request, Outcome& outcome);

  mutable std::mutex fixtures_mutex_;  // guards the pointer only; a FixtureSet never changes
  std::shared_ptr<const FixtureSet> fixtures_;
  std::uint64_t generation_ = 1;
  EngineOptions options_;
  Journal journal_;
  TokenAuthority tokens_;

  mutable std::mutex state_mutex_;  // settings, overrides, last reload
  Settings settings_;
  Overrides overrides_;
  std::optional<ReloadReport> last_reload_;

  std::mutex reload_mutex_;  // one reload at a time
  RateLimiter rate_limiter_;
};

}  // namespace fakezoom
