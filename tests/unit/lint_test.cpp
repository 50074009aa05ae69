#include <catch2/catch.hpp>

#include "fakezoom/fixtures/lint.hpp"
#include "unit_support.hpp"

using namespace fakezoom;
using namespace fakezoom::test;

namespace {

std::vector<std::string> pointers_of(const std::vector<Problem>& problems) {
  std::vector<std::string> pointers;
  for (const auto& problem : problems) pointers.push_back(problem.pointer);
  return pointers;
}

}  // namespace

TEST_CASE("the shipped fixtures lint clean", "[unit][lint]") {
  CHECK(lint(shipped_fixtures()).empty());
}

TEST_CASE("lint reports a route defined twice", "[unit][lint]") {
  const auto fixtures = fixtures_from(collection({request_item("First", "GET", {"users", ":userId"}, {saved_example("a", 200)}),
                                                  request_item("Again", "GET", {"users", ":id"}, {saved_example("b", 200)})}));
  const auto problems = lint(fixtures);
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].file == "inline.json");
  CHECK(problems[0].pointer == "/item/1");
  CHECK_THAT(problems[0].message, Catch::Contains("GET /v2/users/{id}") && Catch::Contains("unreachable"));
}

TEST_CASE("lint reports a route without examples", "[unit][lint]") {
  const auto problems = lint(fixtures_from(collection({request_item("Nothing", "DELETE", {"users", ":userId"})})));
  CHECK(pointers_of(problems) == std::vector<std::string>{"/item/0"});
  CHECK_THAT(problems.at(0).message, Catch::Contains("no saved examples"));
}

TEST_CASE("lint reports example names that are the same once white space is folded", "[unit][lint]") {
  const auto fixtures = fixtures_from(collection({request_item(
      "X", "GET", {"x"}, {saved_example("Not\nfound", 404), saved_example("OK", 200), saved_example("Not   found ", 400)})}));
  const auto problems = lint(fixtures);
  CHECK(pointers_of(problems) == std::vector<std::string>{"/item/0/response/2/name"});
  CHECK_THAT(problems.at(0).message, Catch::Contains("/item/0/response/0"));
}

TEST_CASE("lint reports an example documented for another method", "[unit][lint]") {
  json example = saved_example("Posted", 201);
  example["originalRequest"] = {{"method", "POST"}, {"url", "{{baseUrl}}/x"}};
  const auto problems = lint(fixtures_from(collection({request_item("X", "GET", {"x"}, {example, saved_example("OK", 200)})})));
  CHECK(pointers_of(problems) == std::vector<std::string>{"/item/0/response/0/originalRequest/method"});
}

TEST_CASE("the same name on different routes is no problem", "[unit][lint]") {
  const auto fixtures = fixtures_from(collection({request_item("A", "GET", {"a"}, {saved_example("OK", 200)}),
                                                  request_item("B", "GET", {"b"}, {saved_example("OK", 200)})}));
  CHECK(lint(fixtures).empty());
}
