#include <catch2/catch.hpp>

#include <filesystem>

#include "fakezoom/zoom/rate_limits.hpp"
#include "fakezoom/fixtures/loader.hpp"
#include "test_paths.hpp"

using namespace fakezoom;
using std::chrono::seconds;

TEST_CASE("each plan has Zoom's documented per-second and daily limits for each label", "[unit][rate-limit]") {
  SECTION("free: a per-second and a daily limit for every label") {
    auto light = documented_limits(Plan::free, "Light");
    REQUIRE(light);
    CHECK(light->window.requests == 4);
    CHECK(light->window.period == seconds{1});
    REQUIRE(light->daily);
    CHECK(light->daily->requests == 6000);
    auto medium = documented_limits(Plan::free, "Medium");
    REQUIRE(medium);
    CHECK(medium->window.requests == 2);
    CHECK(medium->daily->requests == 2000);
    auto heavy = documented_limits(Plan::free, "Heavy");
    REQUIRE(heavy);
    CHECK(heavy->window.requests == 1);
    CHECK(heavy->daily->requests == 1000);
  }
  SECTION("pro: no daily limit for Light and Medium; Heavy shares 30,000 a day with Resource-intensive") {
    CHECK(documented_limits(Plan::pro, "Light")->window.requests == 30);
    CHECK_FALSE(documented_limits(Plan::pro, "Light")->daily);
    CHECK(documented_limits(Plan::pro, "Medium")->window.requests == 20);
    auto heavy = documented_limits(Plan::pro, "Heavy");
    auto intensive = documented_limits(Plan::pro, "Resource-intensive");
    CHECK(heavy->window.requests == 10);
    CHECK(heavy->daily->requests == 30000);
    CHECK(intensive->daily->requests == 30000);
    CHECK(heavy->daily->pool == intensive->daily->pool);
  }
  SECTION("business: the higher limits, Heavy sharing 60,000 a day") {
    CHECK(documented_limits(Plan::business, "Light")->window.requests == 80);
    CHECK(documented_limits(Plan::business, "Medium")->window.requests == 60);
    CHECK(documented_limits(Plan::business, "Heavy")->window.requests == 40);
    CHECK(documented_limits(Plan::business, "Heavy")->daily->requests == 60000);
    CHECK(documented_limits(Plan::business, "Resource-intensive")->window.requests == 20);
  }
  SECTION("Resource-intensive counts per minute") {
    CHECK(documented_limits(Plan::free, "Resource-intensive")->window.period == seconds{60});
    CHECK(documented_limits(Plan::pro, "Resource-intensive")->window.requests == 10);
  }
  SECTION("free's Heavy and Resource-intensive daily limits are separate numbers, so separate pools") {
    CHECK(documented_limits(Plan::free, "Heavy")->daily->pool !=
          documented_limits(Plan::free, "Resource-intensive")->daily->pool);
  }
}

TEST_CASE("labels are read case-insensitively and unknown ones have no limits", "[unit][rate-limit]") {
  REQUIRE(documented_limits(Plan::pro, "LIGHT"));
  CHECK(documented_limits(Plan::pro, "LIGHT")->category == "Light");
  CHECK(documented_limits(Plan::pro, "Resource-Intensive")->category == "Resource-intensive");
  CHECK_FALSE(documented_limits(Plan::pro, ""));
  CHECK_FALSE(documented_limits(Plan::pro, "Feather"));
}

TEST_CASE("plans are named free, pro and business", "[unit][rate-limit]") {
  CHECK(parse_plan("free") == Plan::free);
  CHECK(parse_plan("Pro") == Plan::pro);
  CHECK(parse_plan("BUSINESS") == Plan::business);
  CHECK_FALSE(parse_plan("enterprise"));
  CHECK_FALSE(parse_plan(""));
  CHECK(plan_name(Plan::business) == "business");
}

TEST_CASE("every rate-limit label in Zoom's collection has documented limits", "[unit][rate-limit]") {
  const std::string collection = std::string(FAKEZOOM_ZOOM_DATA_DIR) + "/zoom-api.postman_collection.v2.1.json";
  if (!std::filesystem::exists(collection)) {
    WARN("skipped: " << collection << " not found");
    CHECK_FALSE(std::filesystem::exists(collection));
    return;
  }
  const FixtureSet fixtures = load_fixtures({collection});
  std::size_t labelled = 0;
  for (const auto& route : fixtures.routes.routes()) {
    if (route.rate_limit_label.empty()) continue;
    ++labelled;
    INFO(route.id << ": " << route.rate_limit_label);
    CHECK(documented_limits(Plan::free, route.rate_limit_label));
  }
  CHECK(labelled > 250);  // 293 of its 310 requests document a label
}
