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

#include "fakezoom/engine/engine_defaults.hpp"
#include "fakezoom/model/outcome.hpp"
#include "fakezoom/zoom/access.hpp"
#include "fakezoom/zoom/respond.hpp"
#include "fakezoom/model/clock.hpp"
#include "fakezoom/zoom/fixture_load.hpp"
#include "fakezoom/zoom/fixture_set.hpp"
#include "fakezoom/model/http_message.hpp"
#include "fakezoom/journal/journal.hpp"
#include "fakezoom/admin/admin_target.hpp"
#include "fakezoom/admin/misbehaviour.hpp"
#include "fakezoom/admin/overrides.hpp"
#include "fakezoom/zoom/rate_limiter.hpp"
#include "fakezoom/model/render.hpp"
#include "fakezoom/admin/settings.hpp"
#include "fakezoom/state/account.hpp"
#include "fakezoom/zoom/token_authority.hpp"
#include "fakezoom/webhooks/outbox.hpp"

namespace fakezoom {

struct EngineOptions {
  BodyMode body_mode = BodyMode::zoom;
  std::string admin_prefix{kDefaultAdminPrefix};
  std::size_t journal_capacity = Journal::kDefaultCapacity;  // 0: no journal
  bool journal_secrets = false;  // keep tokens in the journal instead of "[REDACTED]"
  // When set, admin requests need `Authorization: Bearer <token>` (or `X-Admin-Token: <token>`, or HTTP Basic with the token as the password, for a browser)
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
  // Users and meetings are state (docs/state.md) unless stateless; ids follow from the seed.
  bool stateless = false;
  std::uint64_t seed = AccountOptions{}.seed;
  // The account at start instead of the one seeded from the fixtures (--state-file).
  std::optional<nlohmann::json> state;
  // Where POST /__admin/state/save and save_state() write; empty: nowhere.
  std::string state_file;
  // Where event notifications go (docs/webhooks.md); none: nothing is ever sent.
  // The command line's or the embedder's; the accounts fixture's apps add theirs
  // (app_subscriptions.hpp), loaded again on reload.
  std::vector<webhooks::Subscription> webhooks;
  // The event types they may name and the documented examples events are sent over.
  webhooks::EventCatalog events;
  // How they are sent; empty: over HTTP. Tests pass their own.
  std::shared_ptr<webhooks::Sender> webhook_sender;
  // Zoom's URL validation of each endpoint before its events; false: skipped.
  bool webhook_validation = true;
  webhooks::RetryPolicy webhook_retry;  // Zoom's retries and revalidation
  std::function<void(const webhooks::Subscription&, const webhooks::Validation&)> on_webhook_validation;
  // Called with every API answer a route gave, and that route (`--check-responses`), on the
  // request's thread before the answer goes out; empty: never, and nothing is looked up.
  std::function<void(const HttpRequest&, const Route&, const HttpResponse&)> on_answer;
};

// An answer and how to misbehave while giving it; the HTTP adapter sleeps and breaks
// connections, the engine only decides.
struct Served {
  HttpResponse response;
  Misbehaviour misbehaviour;
  bool admin = false;
};

class Engine final : public AdminTarget {
public:
  Engine(std::shared_ptr<const FixtureSet> fixtures, EngineOptions options);

  // Thread-safe. A request sees one set of fixtures from start to end, whatever reloads.
  Served serve(const HttpRequest& request);
  // The answer alone, for callers without a socket: no delay, no fault.
  HttpResponse handle(const HttpRequest& request) { return serve(request).response; }

  Journal& journal() override { return journal_; }
  const Journal& journal() const { return journal_; }
  std::shared_ptr<const FixtureSet> fixtures() const override;
  std::uint64_t generation() const override;  // 1 at start-up, +1 for every swap
  const EngineOptions& options() const { return options_; }
  // The tokens POST /oauth/token issued; `tokens().account_of_token(t)` names a caller's account.
  TokenAuthority& tokens() override { return tokens_; }
  const TokenAuthority& tokens() const { return tokens_; }

  // Swaps in a whole new set; requests already running finish on the old one. Its accounts
  // fixture's event subscriptions replace the old ones (Outbox::resubscribe).
  void swap_fixtures(std::shared_ptr<const FixtureSet> fixtures);
  // Loads through the loader and swaps only if it loaded cleanly; one reload at a time.
  ReloadReport reload() override;
  std::optional<ReloadReport> last_reload() const override;

  Settings settings() const override;
  void set_settings(Settings settings) override;
  Overrides overrides() const override;
  void set_fault(const std::string& id, std::optional<Fault> fault) override;
  void set_delay(const std::string& id, std::optional<std::chrono::milliseconds> delay) override;
  // Journal, settings and overrides back to how they were at start-up (fixtures stay).
  void reset() override;
  // False when nobody can stop this engine's server.
  bool request_shutdown() override;
  Clock::time_point now() const override { return options_.clock->now(); }
  // The account users and meetings live in (the same one whether or not the engine is stateless).
  Account& account() override { return *account_; }
  const Account& account() const { return *account_; }
  StateSave save_state() override;
  webhooks::Outbox& webhooks() override { return *outbox_; }
  void tell(const AccountChange& change) override;

private:
  Served answer(const FixtureSet& fixtures, const HttpRequest& request);
  // The subscriptions of the options and of the fixtures' apps.
  std::vector<webhooks::Subscription> subscriptions_for(const FixtureSet& fixtures) const;
  void limit_rate(const HttpRequest& request, Outcome& outcome);
  static void apply_rate_decision(const RateLimitDecision& decision, Outcome& outcome);
  // What the account gate of one request decided about its rate limit.
  struct AccountGateState {
    const HttpRequest& request;
    bool counted = false;
    std::optional<RateLimitDecision> admitted;
  };
  std::optional<Outcome> refuse_before_account(const Route& route, AccountGateState& gated);
  // Publishes the event that tells a change in the account, when a subscription wants it.
  void tell(const FixtureSet& fixtures, ChangeNotice notice);

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
  std::unique_ptr<Account> account_;
  std::unique_ptr<webhooks::Outbox> outbox_;
};

}  // namespace fakezoom
