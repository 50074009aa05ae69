#include "fakezoom/zoom/rate_limits.hpp"

#include <array>

#include "fakezoom/model/http_message.hpp"

namespace fakezoom {

namespace {

struct Row {
  std::string_view category;
  std::array<LabelLimits, 3> by_plan;  // free, pro, business
};

const std::string kHeavyPool = "Heavy+Resource-intensive";

// developers.zoom.us/docs/api/rate-limits/ ("Rate limits by account type"), as docs/rate-limits.md
// quotes it. Free's Heavy and Resource-intensive daily limits are separate numbers there
// (1,000 and 30,000), so they are separate pools here.
const std::array<Row, 4>& table() {
  using std::chrono::seconds;
  static const std::array<Row, 4> rows{{
      {"Light",
       {{{"Light", {4, seconds{1}}, DailyLimit{6000, "Light"}},
         {"Light", {30, seconds{1}}, std::nullopt},
         {"Light", {80, seconds{1}}, std::nullopt}}}},
      {"Medium",
       {{{"Medium", {2, seconds{1}}, DailyLimit{2000, "Medium"}},
         {"Medium", {20, seconds{1}}, std::nullopt},
         {"Medium", {60, seconds{1}}, std::nullopt}}}},
      {"Heavy",
       {{{"Heavy", {1, seconds{1}}, DailyLimit{1000, "Heavy"}},
         {"Heavy", {10, seconds{1}}, DailyLimit{30000, kHeavyPool}},
         {"Heavy", {40, seconds{1}}, DailyLimit{60000, kHeavyPool}}}}},
      {"Resource-intensive",
       {{{"Resource-intensive", {10, seconds{60}}, DailyLimit{30000, "Resource-intensive"}},
         {"Resource-intensive", {10, seconds{60}}, DailyLimit{30000, kHeavyPool}},
         {"Resource-intensive", {20, seconds{60}}, DailyLimit{60000, kHeavyPool}}}}},
  }};
  return rows;
}

}  // namespace

std::optional<Plan> parse_plan(std::string_view name) {
  if (iequals(name, "free")) return Plan::free;
  if (iequals(name, "pro")) return Plan::pro;
  if (iequals(name, "business")) return Plan::business;
  return std::nullopt;
}

std::string_view plan_name(Plan plan) {
  switch (plan) {
    case Plan::free: return "free";
    case Plan::pro: return "pro";
    case Plan::business: return "business";
  }
  return "pro";
}

std::optional<LabelLimits> documented_limits(Plan plan, std::string_view label) {
  for (const auto& row : table())
    if (iequals(row.category, label)) return row.by_plan[static_cast<std::size_t>(plan)];
  return std::nullopt;
}

}  // namespace fakezoom
