#include "fakezoom/engine/engine.hpp"

#include "fakezoom/zoom/authorize_endpoint.hpp"

#include "fakezoom/engine/app_subscriptions.hpp"
#include "fakezoom/model/account_change.hpp"
#include "fakezoom/webhooks/account_event.hpp"
#include "fakezoom/journal/redact.hpp"

#include "fakezoom/model/url_codec.hpp"

#include "fakezoom/zoom/access.hpp"
#include "fakezoom/admin/admin.hpp"
#include "fakezoom/zoom/token_endpoint.hpp"
#include "fakezoom/zoom/account_seed.hpp"
#include "fakezoom/state/state_file.hpp"
#include "fakezoom/model/wire_errors.hpp"

namespace fakezoom {

Engine::Engine(std::shared_ptr<const FixtureSet> fixtures, EngineOptions options)
    : fixtures_(std::move(fixtures)),
      options_(std::move(options)),
      journal_(options_.journal_capacity),
      tokens_(options_.clock),
      settings_(options_.settings),
      overrides_(options_.overrides),
      rate_limiter_(options_.plan) {
  // The account starts from the fixtures' users and documented ids; a state document given
  // at start (the state file) replaces what it holds, and reset() goes back to it.
  AccountSeed seed = account_seed(*fixtures_);
  if (options_.state) seed.document = *options_.state;
  account_ = std::make_unique<Account>(AccountOptions{options_.seed, options_.clock}, std::move(seed));
  outbox_ = std::make_unique<webhooks::Outbox>(subscriptions_for(*fixtures_),
                                               webhooks::OutboxOptions{.clock = options_.clock,
                                                                       .sender = options_.webhook_sender,
                                                                       .validate = options_.webhook_validation,
                                                                       .on_validation = options_.on_webhook_validation,
                                                                       .catalog = options_.events,
                                                                       .retry = options_.webhook_retry});
  // "/__admin/" and "/__admin" are the same prefix.
  while (options_.admin_prefix.size() > 1 && options_.admin_prefix.back() == '/') options_.admin_prefix.pop_back();
}

std::shared_ptr<const FixtureSet> Engine::fixtures() const {
  std::lock_guard lock(fixtures_mutex_);
  return fixtures_;
}

std::uint64_t Engine::generation() const {
  std::lock_guard lock(fixtures_mutex_);
  return generation_;
}

void Engine::swap_fixtures(std::shared_ptr<const FixtureSet> fixtures) {
  // The accounts fixture's subscriptions are loaded again: new and changed ones are validated.
  outbox_->resubscribe(subscriptions_for(*fixtures));
  std::shared_ptr<const FixtureSet> old;  // released outside the lock
  std::lock_guard lock(fixtures_mutex_);
  old = std::exchange(fixtures_, std::move(fixtures));
  ++generation_;
}

std::vector<webhooks::Subscription> Engine::subscriptions_for(const FixtureSet& fixtures) const {
  auto subscriptions = options_.webhooks;
  for (auto& subscription : app_subscriptions(fixtures.accounts, options_.events).subscriptions)
    subscriptions.push_back(std::move(subscription));
  return subscriptions;
}

ReloadReport Engine::reload() {
  std::lock_guard reload_lock(reload_mutex_);
  ReloadReport report;
  report.at = options_.clock->now();
  if (!options_.loader) {
    report.available = false;
    report.generation = generation();
    return report;
  }
  FixtureLoad load = options_.loader();  // slow: no lock but the reload lock held
  if (load.fixtures && load.problems.empty()) {
    swap_fixtures(std::move(load.fixtures));
    report.ok = true;
  } else {
    report.problems = std::move(load.problems);
    if (report.problems.empty()) report.problems.push_back({"", "", "the fixtures did not load"});
  }
  report.generation = generation();
  std::lock_guard lock(state_mutex_);
  last_reload_ = report;
  return report;
}

std::optional<ReloadReport> Engine::last_reload() const {
  std::lock_guard lock(state_mutex_);
  return last_reload_;
}

Settings Engine::settings() const {
  std::lock_guard lock(state_mutex_);
  return settings_;
}

void Engine::set_settings(Settings settings) {
  std::lock_guard lock(state_mutex_);
  settings_ = settings;
}

Overrides Engine::overrides() const {
  std::lock_guard lock(state_mutex_);
  return overrides_;
}

void Engine::set_fault(const std::string& id, std::optional<Fault> fault) {
  std::lock_guard lock(state_mutex_);
  if (fault)
    overrides_.faults[id] = *fault;
  else
    overrides_.faults.erase(id);
}

void Engine::set_delay(const std::string& id, std::optional<std::chrono::milliseconds> delay) {
  std::lock_guard lock(state_mutex_);
  if (delay)
    overrides_.delays[id] = *delay;
  else
    overrides_.delays.erase(id);
}

StateSave Engine::save_state() {
  StateSave saved;
  if (options_.state_file.empty()) return saved;
  saved.available = true;
  saved.path = options_.state_file;
  saved.error = write_state_file(options_.state_file, account_->dump());
  return saved;
}

void Engine::reset() {
  journal_.clear();
  outbox_->log().clear();  // the deliveries log is a journal too
  account_->reset();
  rate_limiter_.reset();
  std::lock_guard lock(state_mutex_);
  settings_ = options_.settings;
  overrides_ = options_.overrides;
}

bool Engine::request_shutdown() {
  if (!options_.on_shutdown) return false;
  options_.on_shutdown();
  return true;
}

Served Engine::serve(const HttpRequest& request) {
  const auto fixtures = this->fixtures();  // this request's one version, whatever reloads meanwhile
  const std::string& prefix = options_.admin_prefix;
  if (request.path.compare(0, prefix.size(), prefix) == 0 &&
      (request.path.size() == prefix.size() || request.path[prefix.size()] == '/')) {
    Served served;
    served.admin = true;
    if (!admin_authorized(request, options_.admin_token)) {
      served.response = wire::invalid_admin_token();
      // Lets a browser ask for the token (as the password) on the admin page.
      served.response.headers.set("WWW-Authenticate", "Basic realm=\"fakezoom admin\", charset=\"UTF-8\"");
      return served;
    }
    served.response = handle_admin(request, std::string_view(request.path).substr(prefix.size()), {*this, *fixtures});
    return served;
  }
  return answer(*fixtures, request);
}

// After routing, as Zoom's gateway does it: an answer of 401 is not counted (a request
// without a valid token has no account to count against), every other one on a labelled
// route is, and over a limit the answer becomes Zoom's 429.
void Engine::limit_rate(const HttpRequest& request, Outcome& outcome) {
  if (outcome.rate_limit_label.empty() || outcome.response.status == 401) return;
  if (auto decision = rate_limiter_.admit(rate_limit_account(request, tokens_), outcome.rate_limit_label, options_.clock->now()))
    apply_rate_decision(*decision, outcome);
}

void Engine::apply_rate_decision(const RateLimitDecision& decision, Outcome& outcome) {
  if (decision.allowed) {
    add_rate_limit_headers(outcome.response, decision);
    return;
  }
  HttpResponse limited = too_many_requests(decision);
  std::string name = "Zoom rule: " + decision.category + " rate limit reached (" +
                     limited.headers.get("X-RateLimit-Type").value_or("") + ")";
  outcome.matched = true;  // Zoom's rule on a documented route, like its 401s
  outcome.answer_by_rule(std::move(limited),
                         decision.window == RateLimitWindow::daily ? "fakezoom.rate-limit.daily" : "fakezoom.rate-limit.qps",
                         std::move(name));
}

// So that a refused request stores nothing and tells nothing: an unreadable x-mock-* header
// (the outcome is answered after respond(), as on every route) and a request over its rate
// limit (elsewhere counted after routing, limit_rate).
std::optional<Outcome> Engine::refuse_before_account(const Route& route, AccountGateState& gated) {
  const bool readable = [&] {
    std::lock_guard lock(state_mutex_);
    return static_cast<bool>(misbehaviour_for(gated.request.headers, route.id, "", overrides_, settings_));
  }();
  auto refusal = [&route] {
    Outcome refused;
    refused.route_id = route.id;
    return refused;
  };
  if (!readable) return refusal();
  if (!options_.rate_limits || route.rate_limit_label.empty()) return std::nullopt;
  gated.counted = true;
  gated.admitted = rate_limiter_.admit(rate_limit_account(gated.request, tokens_), route.rate_limit_label, options_.clock->now());
  if (!gated.admitted || gated.admitted->allowed) return std::nullopt;
  Outcome refused = refusal();
  refused.rate_limit_label = route.rate_limit_label;
  apply_rate_decision(*gated.admitted, refused);
  return refused;
}

void Engine::tell(const AccountChange& change) {
  tell(*fixtures(), {change.event, [change = std::make_shared<const AccountChange>(change)] { return change; }});
}

void Engine::tell(const FixtureSet& fixtures, ChangeNotice notice) {
  if (!notice.make || !outbox_->wants(notice.event)) return;  // nothing built when nobody listens
  // With Server-to-Server OAuth the operator is the account's owner ("me"): read now, while
  // the account is as the change left it.
  webhooks::EventOperator by{fixtures.accounts.empty() ? "fakezoom" : fixtures.accounts.accounts().front().id, "", ""};
  if (auto owner = account_->owner_id()) {
    by.id = *owner;
    by.email = account_->user_email(*owner);
  }
  const auto now = std::chrono::duration_cast<std::chrono::milliseconds>(options_.clock->now().time_since_epoch()).count();
  // The change and its event are made by the worker that first sends it, from what the answer
  // captured: under load most events are dropped unsent. The catalog lives as long as the
  // outbox's workers.
  std::string name = notice.event;
  outbox_->publish(std::move(name), [&catalog = outbox_->catalog(), make = std::move(notice.make), by = std::move(by), now] {
    const auto change = make();
    return webhooks::account_event(catalog, *change, by, now);
  });
}

Served Engine::answer(const FixtureSet& fixtures, const HttpRequest& request) {
  const auto started = std::chrono::steady_clock::now();
  const bool token_request = is_token_request(request);
  // On the account's routes a refusal comes before the account acts (refuse_before_account).
  AccountGateState gated{request};
  const AccountGate gate = [this, &gated](const Route& route) { return refuse_before_account(route, gated); };
  Outcome outcome = token_request                  ? answer_token_request(request, fixtures.accounts, tokens_)
                    : is_revoke_request(request)    ? answer_revoke_request(request, fixtures.accounts, tokens_)
                    : is_authorize_request(request) ? answer_authorize_request(request, fixtures.accounts, tokens_)
                                                    : respond(fixtures, request, options_.body_mode,
                                            caller_auth(request, options_.auth, tokens_),
                                            options_.stateless ? nullptr : account_.get(), gate);
  if (options_.rate_limits && !token_request) {
    if (!gated.counted) limit_rate(request, outcome);
    else if (gated.admitted && gated.admitted->allowed) add_rate_limit_headers(outcome.response, *gated.admitted);
  }
  if (outcome.change && outcome.response.status < 300) tell(fixtures, std::move(*outcome.change));
  Checked<Misbehaviour> misbehaviour = [&] {
    std::lock_guard lock(state_mutex_);
    return misbehaviour_for(request.headers, outcome.route_id, outcome.example_id, overrides_, settings_);
  }();
  Served served;
  if (misbehaviour) {
    served.misbehaviour = misbehaviour.value();
  } else {
    // An unreadable x-mock-* header is the caller's mistake: say so rather than guess.
    outcome.matched = false;
    outcome.answer_by_rule(wire::unreadable_mock_header(misbehaviour.problem().to_string()), "fakezoom.bad-mock-header",
                           "Unreadable " + misbehaviour.problem().field + " header");
    outcome.reason = misbehaviour.problem().to_string();
  }

  if (options_.on_answer && outcome.matched)
    if (const Route* route = fixtures.routes.find_by_id(outcome.route_id)) options_.on_answer(request, *route, outcome.response);
  // The token endpoint's answer holds the token it issued: the journal keeps it redacted.
  std::optional<HttpResponse> redacted_token_answer;
  if (token_request && !options_.journal_secrets) {
    redacted_token_answer = outcome.response;
    redacted_token_answer->body = redact_issued_token(outcome.response.body);
  }
  // Journaled before the answer is sent (or broken): a client that saw its answer can read it.
  journal_.record({.logged = options_.clock->now(),
                   .request = request,
                   .redact = !options_.journal_secrets,
                   .response = redacted_token_answer ? *redacted_token_answer : outcome.response,
                   .prepared = outcome.prepared,
                   .matched = outcome.matched,
                   .route_id = outcome.route_id,
                   .example_id = outcome.example_id,
                   .example_name = outcome.example_name,
                   .reason = outcome.reason,
                   .fault = served.misbehaviour.fault ? fault_name(*served.misbehaviour.fault) : std::string_view(),
                   .delay = served.misbehaviour.delay,
                   .process_time = std::chrono::duration_cast<std::chrono::microseconds>(
                       std::chrono::steady_clock::now() - started)});
  served.response = std::move(outcome.response);
  return served;
}

}  // namespace fakezoom
