#include <catch2/catch.hpp>

#include "unit_support.hpp"

using namespace fakezoom;
using namespace fakezoom::test;

TEST_CASE("the shipped accounts fixture has an app whose scopes cover the seed's route", "[unit][oauth]") {
  const auto& fixtures = shipped_fixtures();
  const auto found = fixtures.accounts.find_app("fakezoom-client-id");
  REQUIRE(found.app);
  CHECK(found.account->id == "fakezoom-account-1");
  const auto& route = fixtures.routes.routes().front();
  REQUIRE_FALSE(route.scopes.empty());
  bool covered = false;
  for (const auto& scope : found.app->scopes)
    covered = covered || std::find(route.scopes.begin(), route.scopes.end(), scope) != route.scopes.end();
  CHECK(covered);
}

namespace {

void check_one_problem(const std::string& text, const std::string& pointer) {
  const auto problems = problems_of(text);
  REQUIRE(problems.size() == 1);
  CHECK(problems.front().file == "broken.json");
  CHECK(problems.front().pointer == pointer);
}

}  // namespace

TEST_CASE("a broken accounts fixture is reported with its JSON pointer", "[unit][oauth]") {
  SECTION("accounts not an array") { check_one_problem(R"({"accounts":{}})", "/accounts"); }
  SECTION("an account without an id") { check_one_problem(R"({"accounts":[{"apps":[]}]})", "/accounts/0/id"); }
  SECTION("an app without a secret") {
    check_one_problem(R"({"accounts":[{"id":"a","apps":[{"client_id":"c","scopes":[]}]}]})",
                      "/accounts/0/apps/0/client_secret");
  }
  SECTION("a scope that is not a name") {
    check_one_problem(
        R"({"accounts":[{"id":"a","apps":[{"client_id":"c","client_secret":"s","scopes":["ok", "two words"]}]}]})",
        "/accounts/0/apps/0/scopes/1");
  }
  SECTION("a client id used twice") {
    check_one_problem(R"({"accounts":[{"id":"a","apps":[{"client_id":"c","client_secret":"s","scopes":[]}]},
                                      {"id":"b","apps":[{"client_id":"c","client_secret":"t","scopes":[]}]}]})",
                      "/accounts/1/apps/0/client_id");
  }
}
