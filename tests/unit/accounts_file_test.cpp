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

TEST_CASE("an app's event subscriptions are read with its secret token, or reported with their JSON pointer", "[unit][oauth][webhooks]") {
  const std::string app_head = R"({"accounts":[{"id":"a","apps":[{"client_id":"c","client_secret":"s","scopes":[],)";
  SECTION("a usable one") {
    const auto fixtures = fixture_set_from_text(
        "accounts.json", app_head + R"("secret_token":"t","event_subscriptions":[
          {"endpoint_url":"http://127.0.0.1:9000/zoom","events":["meeting.created"]},{"endpoint_url":"http://127.0.0.1:9001/"}]}]}]})");
    const auto* app = fixtures.accounts.find_app("c").app;
    REQUIRE(app);
    CHECK(app->secret_token == "t");
    REQUIRE(app->event_subscriptions.size() == 2);
    CHECK(app->event_subscriptions[0].endpoint_url == "http://127.0.0.1:9000/zoom");
    CHECK(app->event_subscriptions[0].events == std::vector<std::string>{"meeting.created"});
    CHECK(app->event_subscriptions[1].events.empty());  // every event
    CHECK(app->event_subscriptions[1].file == "accounts.json");
    CHECK(app->event_subscriptions[1].pointer == "/accounts/0/apps/0/event_subscriptions/1");
  }
  auto [tail, pointer] = GENERATE(table<std::string, std::string>({
      {R"("event_subscriptions":[{"endpoint_url":"http://127.0.0.1/"}]}]}]})", "/accounts/0/apps/0/secret_token"},
      {R"("secret_token":"t","event_subscriptions":{}}]}]})", "/accounts/0/apps/0/event_subscriptions"},
      {R"("secret_token":"t","event_subscriptions":[{"events":[]}]}]}]})", "/accounts/0/apps/0/event_subscriptions/0/endpoint_url"},
      {R"("secret_token":"t","event_subscriptions":[7]}]}]})", "/accounts/0/apps/0/event_subscriptions/0"},
      {R"("secret_token":"t","event_subscriptions":[{"endpoint_url":"http://h/","events":"all"}]}]}]})", "/accounts/0/apps/0/event_subscriptions/0/events"},
      {R"("secret_token":"t","event_subscriptions":[{"endpoint_url":"http://h/","events":["a",""]}]}]}]})", "/accounts/0/apps/0/event_subscriptions/0/events/1"},
  }));
  INFO(tail);
  check_one_problem(app_head + tail, pointer);
}

TEST_CASE("a user-level app's redirect URIs, consent and user are read, or reported with their JSON pointer", "[unit][oauth]") {
  const std::string app_head = R"({"accounts":[{"id":"a","apps":[{"client_id":"c","client_secret":"s","scopes":[],)";
  SECTION("usable ones") {
    const auto fixtures = fixture_set_from_text(
        "accounts.json", app_head + R"("redirect_uris":["http://localhost:3000/cb","https://app.example/cb"],"consent":"deny","user":"ana@example.com"}]}]})");
    const auto* app = fixtures.accounts.find_app("c").app;
    REQUIRE(app);
    CHECK(app->redirect_uris == std::vector<std::string>{"http://localhost:3000/cb", "https://app.example/cb"});
    CHECK(app->user_denies);
    CHECK(app->user == "ana@example.com");
  }
  auto [tail, pointer] = GENERATE(table<std::string, std::string>({
      {R"("redirect_uris":"http://localhost/"}]}]})", "/accounts/0/apps/0/redirect_uris"},
      {R"("redirect_uris":["http://localhost/","ftp://x/"]}]}]})", "/accounts/0/apps/0/redirect_uris/1"},
      {R"("redirect_uris":[3]}]}]})", "/accounts/0/apps/0/redirect_uris/0"},
      {R"("consent":"maybe"}]}]})", "/accounts/0/apps/0/consent"},
      {R"("consent":false}]}]})", "/accounts/0/apps/0/consent"},
      {R"("user":""}]}]})", "/accounts/0/apps/0/user"},
      {R"("user":7}]}]})", "/accounts/0/apps/0/user"},
  }));
  INFO(tail);
  check_one_problem(app_head + tail, pointer);
}
