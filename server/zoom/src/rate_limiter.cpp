#include "fakezoom/zoom/rate_limiter.hpp"

#include <cstdio>

#include "fakezoom/zoom/access.hpp"
#include "fakezoom/model/iso8601.hpp"
#include "fakezoom/model/wire_errors.hpp"

namespace fakezoom {

namespace {

using namespace std::chrono;

constexpr long long kDay = 86'400;

long long floor_to(long long seconds, long long period) {
  const long long q = seconds / period;
  return (q * period > seconds ? q - 1 : q) * period;  // floor, also before 1970
}

}  // namespace

std::optional<RateLimitDecision> RateLimiter::admit(const std::string& account, std::string_view label,
                                                    system_clock::time_point now) {
  const auto limits = documented_limits(plan_, label);
  if (!limits) return std::nullopt;
  const long long now_s = floor<seconds>(now).time_since_epoch().count();
  const long long period = limits->window.period.count();
  const long long short_start = floor_to(now_s, period);
  const long long day_start = floor_to(now_s, kDay);

  RateLimitDecision decision;
  decision.category = limits->category;
  std::lock_guard lock(mutex_);
  // A count from an earlier window is worth nothing: fixed windows, one entry per key.
  auto current = [&](const std::string& key, long long start) -> Count& {
    Count& count = counts_[key];
    if (count.window_start != start) count = Count{start, 0};
    return count;
  };
  Count& short_count = current(account + '\n' + limits->category + "\nqps", short_start);
  Count* daily_count = limits->daily ? &current(account + '\n' + limits->daily->pool + "\ndaily", day_start) : nullptr;

  auto refuse = [&](RateLimitWindow window, long long limit, long long window_end_s) {
    decision.allowed = false;
    decision.window = window;
    decision.limit = limit;
    decision.remaining = 0;
    decision.window_end = system_clock::time_point{seconds{window_end_s}};
    decision.retry_after = duration_cast<seconds>(decision.window_end - now);
    if (decision.window_end - now > decision.retry_after) ++decision.retry_after;  // round up
    if (decision.retry_after < seconds{1}) decision.retry_after = seconds{1};
    return decision;
  };
  // The daily limit first: when both are reached, the longer wait is the one to tell.
  if (daily_count && daily_count->requests >= limits->daily->requests)
    return refuse(RateLimitWindow::daily, limits->daily->requests, day_start + kDay);
  if (short_count.requests >= limits->window.requests)
    return refuse(RateLimitWindow::qps, limits->window.requests, short_start + period);

  ++short_count.requests;
  if (daily_count) {
    ++daily_count->requests;
    decision.window = RateLimitWindow::daily;
    decision.limit = limits->daily->requests;
    decision.remaining = limits->daily->requests - daily_count->requests;
    decision.window_end = system_clock::time_point{seconds{day_start + kDay}};
  } else {
    decision.window = RateLimitWindow::qps;
    decision.limit = limits->window.requests;
    decision.remaining = limits->window.requests - short_count.requests;
    decision.window_end = system_clock::time_point{seconds{short_start + period}};
  }
  return decision;
}

void RateLimiter::reset() {
  std::lock_guard lock(mutex_);
  counts_.clear();
}

std::string rate_limit_account(const HttpRequest& request, const TokenAuthority& tokens) {
  if (auto token = bearer_token(request.headers))
    if (auto account = tokens.account_of_token(*token)) return *account;
  return kSharedRateLimitAccount;
}

void add_rate_limit_headers(HttpResponse& response, const RateLimitDecision& decision) {
  response.headers.set("X-RateLimit-Category", decision.category);
  response.headers.set("X-RateLimit-Type", decision.window == RateLimitWindow::daily ? "Daily-limit" : "QPS");
  response.headers.set("X-RateLimit-Limit", std::to_string(decision.limit));
  response.headers.set("X-RateLimit-Remaining", std::to_string(decision.remaining));
}

HttpResponse too_many_requests(const RateLimitDecision& decision) {
  const bool daily = decision.window == RateLimitWindow::daily;
  HttpResponse response = daily ? wire::daily_rate_limit_reached() : wire::per_second_rate_limit_reached();
  add_rate_limit_headers(response, decision);
  response.headers.set("Retry-After",
                       daily ? to_iso8601_seconds(decision.window_end) : std::to_string(decision.retry_after.count()));
  return response;
}

}  // namespace fakezoom
