#include <catch2/catch.hpp>

#include "fakezoom/model/path_template.hpp"

using namespace fakezoom;

namespace {

PathTemplate user_token_template() {
  return PathTemplate({{"v2", false}, {"users", false}, {"userId", true}, {"token", false}});
}

}  // namespace

TEST_CASE("a path splits into its non-empty segments", "[unit][routing]") {
  SECTION("leading and trailing slashes carry no meaning") {
    CHECK(split_path("/v2/users/me/") == std::vector<std::string_view>{"v2", "users", "me"});
  }
  SECTION("repeated slashes carry no meaning") {
    CHECK(split_path("//v2//users") == std::vector<std::string_view>{"v2", "users"});
  }
  SECTION("the root has no segments") {
    CHECK(split_path("/").empty());
    CHECK(split_path("").empty());
  }
}

TEST_CASE("a path template prints parameters in braces", "[unit][routing]") {
  CHECK(user_token_template().to_string() == "/v2/users/{userId}/token");
  CHECK(PathTemplate().to_string() == "/");
}

TEST_CASE("a path template binds each :name parameter to its segment", "[unit][routing]") {
  auto params = user_token_template().match(split_path("/v2/users/jchill@example.com/token"));
  REQUIRE(params);
  CHECK(*params == PathParams{{"userId", "jchill@example.com"}});
  CHECK(param_value(*params, "userId") == "jchill@example.com");
  CHECK_FALSE(param_value(*params, "meetingId"));
}

TEST_CASE("a path template rejects paths that differ in a literal or in length", "[unit][routing]") {
  const auto path = user_token_template();
  SECTION("another literal") { CHECK_FALSE(path.match(split_path("/v2/users/me/zak"))); }
  SECTION("a segment fewer") { CHECK_FALSE(path.match(split_path("/v2/users/me"))); }
  SECTION("a segment more") { CHECK_FALSE(path.match(split_path("/v2/users/me/token/extra"))); }
  SECTION("literals compare case-sensitively") { CHECK_FALSE(path.match(split_path("/v2/Users/me/token"))); }
}
