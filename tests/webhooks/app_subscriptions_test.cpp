#include <catch2/catch.hpp>

#include "fakezoom/engine/app_subscriptions.hpp"

using namespace fakezoom;

namespace {
AccountDirectory one_app(std::vector<AppEventSubscription> subscriptions) {
  OAuthApp app{"client", "secret", {}};
  app.secret_token = "token";
  app.event_subscriptions = std::move(subscriptions);
  AccountDirectory accounts;
  accounts.add({"account", {app}});
  return accounts;
}
}  // namespace

TEST_CASE("an app's event subscriptions are signed with its secret token", "[unit][webhooks]") {
  const auto got = app_subscriptions(
      one_app({{"http://127.0.0.1:9000/zoom", {"meeting.created"}, "accounts.json", "/accounts/0/apps/0/event_subscriptions/0"}}),
      webhooks::EventCatalog{});
  CHECK(got.problems.empty());
  REQUIRE(got.subscriptions.size() == 1);
  CHECK(got.subscriptions[0] == webhooks::Subscription{"http://127.0.0.1:9000/zoom", "token", {"meeting.created"}});
}

TEST_CASE("an app's subscription that cannot be used is a problem at its file and JSON pointer", "[unit][webhooks]") {
  const std::string at = "/accounts/0/apps/0/event_subscriptions/0";
  auto [url, events, pointer, says] = GENERATE_REF(table<std::string, std::vector<std::string>, std::string, std::string>({
      {"ftp://127.0.0.1/", {}, at + "/endpoint_url", "http:// or https://"},
      {"http://127.0.0.1/", {"meeting.created", "meeting.craeted"}, at + "/events/1", "did you mean meeting.created"},
  }));
  INFO(pointer);
  const auto got = app_subscriptions(one_app({{url, events, "accounts.json", at}}), webhooks::EventCatalog{});
  CHECK(got.subscriptions.empty());
  REQUIRE(got.problems.size() == 1);
  CHECK(got.problems[0].file == "accounts.json");
  CHECK(got.problems[0].pointer == pointer);
  CHECK_THAT(got.problems[0].message, Catch::Contains(says));
}
