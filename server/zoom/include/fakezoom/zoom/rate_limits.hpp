// Zoom's documented rate limits: per plan and per rate-limit label, a short window (a second,
// or a minute for Resource-intensive) and a daily one. The table and its sources are in the
// docs/rate-limits.md; this is data, the counting is RateLimiter's.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace fakezoom {

enum class Plan { free, pro, business };  // business: Zoom's "Business+" (Business, Education, Enterprise, Partners)

std::optional<Plan> parse_plan(std::string_view name);  // "free", "pro", "business", any case
std::string_view plan_name(Plan plan);

struct WindowLimit {
  long long requests = 0;
  std::chrono::seconds period{1};  // 1 s ("QPS"), 60 s for Resource-intensive
};

struct DailyLimit {
  long long requests = 0;
  // Labels with the same pool share one daily count: Zoom's Pro and Business+ share the
  // Heavy and Resource-intensive daily limit.
  std::string pool;
};

struct LabelLimits {
  std::string category;  // canonical label, as sent in X-RateLimit-Category: "Light", ..., "Resource-intensive"
  WindowLimit window;
  std::optional<DailyLimit> daily;
};

// The limits of a documented label ("Light", "LIGHT", "Resource-Intensive": case-insensitive);
// empty for "" and labels Zoom's table does not list.
std::optional<LabelLimits> documented_limits(Plan plan, std::string_view label);

}  // namespace fakezoom
