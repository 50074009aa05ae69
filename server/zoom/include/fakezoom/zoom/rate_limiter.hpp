// Counts requests against Zoom's documented rate limits (rate_limits.hpp), per account and
// label: a short window (a second; a minute for Resource-intensive) and a daily one that
// resets at 00:00 GMT, as Zoom documents. Fixed windows on the engine's clock, so tests move
// a ManualClock instead of sleeping. Thread-safe.
#pragma once

#include <chrono>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

#include "fakezoom/model/http_fwd.hpp"
#include "fakezoom/zoom/token_authority.hpp"
#include "fakezoom/zoom/rate_limits.hpp"

namespace fakezoom {

enum class RateLimitWindow { qps, daily };

// What one request did to its limits, and what the X-RateLimit-* headers say.
struct RateLimitDecision {
  bool allowed = true;
  std::string category;  // X-RateLimit-Category
  // The window the headers describe: the one that refused, or for an allowed request the
  // daily one when the plan has it for this label (Zoom's answers show the daily count),
  // else the short one.
  RateLimitWindow window = RateLimitWindow::qps;
  long long limit = 0;
  long long remaining = 0;  // after this request
  std::chrono::system_clock::time_point window_end;
  std::chrono::seconds retry_after{0};  // whole seconds until window_end, at least 1; refusals only
};

class RateLimiter {
public:
  explicit RateLimiter(Plan plan) : plan_(plan) {}

  // Counts one request of `account` on a route labelled `label`, unless a limit is already
  // reached (a refused request counts nothing). Empty when the label has no documented
  // limits: nothing is counted and no headers are due.
  std::optional<RateLimitDecision> admit(const std::string& account, std::string_view label,
                                         std::chrono::system_clock::time_point now);
  void reset();  // every count back to zero
  Plan plan() const { return plan_; }

private:
  struct Count {
    long long window_start = 0;  // seconds since the epoch
    long long requests = 0;
  };
  Plan plan_;
  std::mutex mutex_;
  std::map<std::string, Count> counts_;  // account, label or daily pool, window kind
};

// Whose limits a request counts against: the account of a token fakezoom issued
// (POST /oauth/token); every other bearer token (--auth any) shares one account.
inline constexpr const char* kSharedRateLimitAccount = "fakezoom-account";
std::string rate_limit_account(const HttpRequest& request, const TokenAuthority& tokens);

// X-RateLimit-Category, -Type ("QPS" or "Daily-limit"), -Limit and -Remaining.
void add_rate_limit_headers(HttpResponse& response, const RateLimitDecision& decision);
// Zoom's 429 {"code":429,"message":...} with the X-RateLimit-* headers and Retry-After:
// whole seconds for the short window, the ISO 8601 instant of the next 00:00:00Z for the
// daily one (Zoom's documented example: "Retry-After: 2020-05-31T00:00:00Z").
HttpResponse too_many_requests(const RateLimitDecision& decision);

}  // namespace fakezoom
