#include <catch2/catch.hpp>

#include <algorithm>

#include "fakezoom/model/clock.hpp"
#include "fakezoom/fixtures/documented_facts.hpp"
#include "unit_support.hpp"

using namespace fakezoom;

TEST_CASE("scopes are read from the description's Scopes line", "[unit][documented_facts]") {
  SECTION("the seed's two scopes, in order") {
    CHECK(documented_scopes("Retrieve a token.<br>**Scopes:** `user:read:admin`, `user:read`<br>**[Rate Limit "
                            "Label](https://x):** `Light`") == std::vector<std::string>{"user:read:admin", "user:read"});
  }
  SECTION("the singular label, at the end of the text") {
    CHECK(documented_scopes("**Scope:** `sip_phone:write:admin`") == std::vector<std::string>{"sip_phone:write:admin"});
  }
  SECTION("no label: no scopes, and back quotes elsewhere are not scopes") {
    CHECK(documented_scopes("Use `type=zak` for a ZAK.").empty());
  }
  SECTION("two Scope lines give their union without repeats") {
    CHECK(documented_scopes("**Scope:** `a`\n**Scopes:** `a`, `b`") == std::vector<std::string>{"a", "b"});
  }
}

TEST_CASE("the rate limit label is read from the description", "[unit][documented_facts]") {
  CHECK(documented_rate_limit_label(
            " **[Rate Limit Label](https://marketplace.zoom.us/docs/api-reference/rate-limits#rate-limits):** `Light`") ==
        "Light");
  CHECK(documented_rate_limit_label("**Rate Limit Label:** `Resource-intensive`") == "Resource-intensive");
  CHECK(documented_rate_limit_label("**Scopes:** `user:read`").empty());
}

TEST_CASE("the seed's route carries its documented scopes and label", "[unit][documented_facts]") {
  const auto& routes = test::shipped_fixtures().routes.routes();
  auto seed = std::find_if(routes.begin(), routes.end(), [](const Route& r) { return r.id == "get-v2-users-userId-token"; });
  REQUIRE(seed != routes.end());
  const Route& route = *seed;
  CHECK(route.scopes == std::vector<std::string>{"user:read:admin", "user:read"});
  CHECK(route.rate_limit_label == "Light");
}

TEST_CASE("a manual clock moves only when told", "[unit][clock]") {
  ManualClock clock;
  const auto start = clock.now();
  CHECK(clock.now() == start);
  clock.advance(std::chrono::seconds(3600));
  CHECK(clock.now() - start == std::chrono::seconds(3600));
}
