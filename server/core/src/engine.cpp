#include "fakezoom/core/engine.hpp"

#include "fakezoom/core/url_codec.hpp"

#include "fakezoom/core/access.hpp"
#include "fakezoom/core/admin.hpp"
#include "fakezoom/core/token_endpoint.hpp"
#include "fakezoom/core/wire_errors.hpp"

namespace fakezoom {

namespace {

// Every `access_token=` parameter of the target's query, and only those: "refresh_access_token"
// is another parameter.
std::string redact_target(const std::string& target) {
  const auto question = target.find('?');
  if (question == std::string::npos) return target;
  std::string out = target.substr(0, question + 1);
  std::string_view query = std::string_view(target).substr(question + 1);
  bool first = true;
  while (true) {
    const auto amp = query.find('&');
    const std::string_view pair = query.substr(0, amp);
    if (!first) out += '&';
    first = false;
    // The key is compared decoded, as the query is read: `access%5Ftoken` is access_token too.
    const auto eq = pair.find('=');
    if (percent_decode(pair.substr(0, eq), true) == "access_token")
      out += std::string(pair.substr(0, eq)) + "=[REDACTED]";
    else
      out += pair;
    if (amp == std::string_view::npos) break;
    query.remove_prefix(amp + 1);
  }
  return out;
}

// OAuth's secrets travel in form bodies too (`grant_type=refresh_token&refresh_token=...`).
bool secret_form_field(std::string_view name) {
  return name == "access_token" || name == "refresh_token" || name == "client_secret";
}

std::string redact_form_body(const std::string& body) {
  std::string out;
  std::string_view rest = body;
  while (true) {
    const auto amp = rest.find('&');
    const std::string_view pair = rest.substr(0, amp);
    const auto eq = pair.find('=');
    if (eq != std::string_view::npos && secret_form_field(percent_decode(pair.substr(0, eq), true)))
      out += std::string(pair.substr(0, eq)) + "=[REDACTED]";
    else
      out += pair;
    if (amp == std::string_view::npos) break;
    out += '&';
    rest.remove_prefix(amp + 1);
  }
  return out;
}

// Compares every byte whatever differs first, so timing does not tell how much of a guess was right.
bool same_secret(std::string_view sent, std::string_view token) {
  if (token.empty() || sent.size() != token.size()) return false;
  unsigned char differ = 0;
  for (std::size_t i = 0; i < token.size(); ++i) differ |= static_cast<unsigned char>(sent[i] ^ token[i]);
  return differ == 0;
}

}  // namespace

bool admin_authorized(const HttpRequest& request, const std::optional<std::string>& admin_token) {
  if (!admin_token) return true;
  if (const std::string* header = request.headers.find("X-Admin-Token"); header && same_secret(*header, *admin_token))
    return true;
  const auto bearer = bearer_token(request.headers);
  return bearer && same_secret(*bearer, *admin_token);
}

// The journal packs most requests without this copy, redacting only Authorization and an
// `access_token` query value; a new kind of secret goes in needs_copying_redaction()
// (journal_record.cpp) too, so requests holding it come here.
HttpRequest redact_secrets(HttpRequest request) {
  Headers headers;
  for (const auto& [key, value] : request.headers) {
    if (iequals(key, "Authorization")) {
      auto space = value.find(' ');
      headers.add(key, (space == std::string::npos ? std::string() : value.substr(0, space + 1)) + "[REDACTED]");
    } else if (iequals(key, "X-Admin-Token")) {
      headers.add(key, "[REDACTED]");
    } else {
      headers.add(key, value);
    }
  }
  request.headers = std::move(headers);
  for (auto& [key, value] : request.query)
    if (key == "access_token") value = "[REDACTED]";
  request.target = redact_target(request.target);
  if (is_form_urlencoded(request.headers)) request.body = redact_form_body(request.body);
  return request;
}

Engine::Engine(std::shared_ptr<const FixtureSet> fixtures, EngineOptions options)
    : fixtures_(std::move(fixtures)),
      options_(std::move(options)),
      journal_(options_.journal_capacity),
      tokens_(options_.clock),
      settings_(options_.settings),
      overrides_(options_.overrides),
      rate_limiter_(options_.plan) {
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
  std::shared_ptr<const FixtureSet> old;  // released outside the lock
  std::lock_guard lock(fixtures_mutex_);
  old = std::exchange(fixtures_, std::move(fixtures));
  ++generation_;
}

ReloadReport Engine::reload() {
  std::lock_guard reload_lock(reload_mutex_);
  ReloadReport report;
  report.at = std::chrono::system_clock::now();
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

void Engine::reset() {
  journal_.clear();
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
      served.response = wire::zoom_error(401, wire::kInvalidAccessToken, "Invalid admin token.");
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
  auto decision = rate_limiter_.admit(rate_limit_account(request, tokens_), outcome.rate_limit_label, options_.clock->now());
  if (!decision) return;
  if (decision->allowed) {
    add_rate_limit_headers(outcome.response, *decision);
    return;
  }
  outcome.response = too_many_requests(*decision);
  outcome.prepared.reset();  // no longer the example's answer
  outcome.matched = true;  // Zoom's rule on a documented route, like its 401s
  outcome.example_id = decision->window == RateLimitWindow::daily ? "fakezoom.rate-limit.daily" : "fakezoom.rate-limit.qps";
  outcome.example_name = "Zoom rule: " + decision->category + " rate limit reached (" +
                         outcome.response.headers.get("X-RateLimit-Type").value_or("") + ")";
  outcome.reason = outcome.example_name;
  outcome.response.headers.set("Matched-Stub-Id", outcome.example_id);
  outcome.response.headers.set("Matched-Stub-Name", outcome.example_name);
}

Served Engine::answer(const FixtureSet& fixtures, const HttpRequest& request) {
  const auto started = std::chrono::steady_clock::now();
  const bool token_request = is_token_request(request);
  Outcome outcome = token_request ? answer_token_request(request, fixtures.accounts, tokens_)
                                  : respond(fixtures, request, options_.body_mode,
                                            caller_auth(request, options_.auth, tokens_));
  if (options_.rate_limits && !token_request) limit_rate(request, outcome);
  Checked<Misbehaviour> misbehaviour = [&] {
    std::lock_guard lock(state_mutex_);
    return misbehaviour_for(request.headers, outcome.route_id, outcome.example_id, overrides_, settings_);
  }();
  Served served;
  if (misbehaviour) {
    served.misbehaviour = misbehaviour.value();
  } else {
    // An unreadable x-mock-* header is the caller's mistake: say so rather than guess.
    outcome.response = wire::zoom_error(400, 300, misbehaviour.problem().to_string());
    outcome.prepared.reset();
    outcome.matched = false;
    outcome.example_id = "fakezoom.bad-mock-header";
    outcome.example_name = "Unreadable " + misbehaviour.problem().field + " header";
    outcome.reason = misbehaviour.problem().to_string();
    outcome.response.headers.set("Matched-Stub-Id", outcome.example_id);
    outcome.response.headers.set("Matched-Stub-Name", outcome.example_name);
  }

  // The token endpoint's answer holds the token it issued: the journal keeps it redacted.
  std::optional<HttpResponse> redacted_token_answer;
  if (token_request && !options_.journal_secrets) {
    redacted_token_answer = outcome.response;
    redacted_token_answer->body = redact_issued_token(outcome.response.body);
  }
  // Journaled before the answer is sent (or broken): a client that saw its answer can read it.
  journal_.record({.logged = std::chrono::system_clock::now(),
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
