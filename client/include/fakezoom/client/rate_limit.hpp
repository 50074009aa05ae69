// What a caller needs to honour Zoom's rate limits: the X-RateLimit-* headers of an answer
// and how long its Retry-After asks to wait. After a 429 the answer is in
// Client::last_response() (the Error holds only status, code and message).
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include "fakezoom/client/response.hpp"

namespace fakezoom::client {

struct RateLimitHeaders {
  std::optional<std::string> category;  // X-RateLimit-Category: "Light", "Medium", "Heavy", "Resource-intensive"
  std::optional<std::string> type;      // X-RateLimit-Type: "QPS" or "Daily-limit"
  std::optional<long long> limit;       // X-RateLimit-Limit
  std::optional<long long> remaining;   // X-RateLimit-Remaining
};

RateLimitHeaders rate_limit_headers(const Response& response);

// Retry-After as a wait from `now`: whole seconds ("1"), or an instant, either ISO 8601 in
// UTC ("2020-05-31T00:00:00Z", the form Zoom documents for its daily limit) or an HTTP-date
// ("Sun, 31 May 2020 00:00:00 GMT"). An instant already past waits 0 s (rounded up to whole
// seconds otherwise). Empty when there is no such header or it reads as neither form.
std::optional<std::chrono::seconds> parse_retry_after(std::string_view value,
                                                      std::chrono::system_clock::time_point now);
std::optional<std::chrono::seconds> retry_after(const Response& response,
                                                std::chrono::system_clock::time_point now =
                                                    std::chrono::system_clock::now());

}  // namespace fakezoom::client
