#include <catch2/catch.hpp>

#include "fakezoom/webhooks/event_catalog.hpp"
#include "fakezoom/webhooks/subscription.hpp"

using namespace fakezoom::webhooks;

namespace {
std::vector<std::string> fields(const std::vector<SubscriptionProblem>& problems) {
  std::vector<std::string> out;
  for (const auto& problem : problems) out.push_back(problem.field);
  return out;
}
}  // namespace

TEST_CASE("a subscription without events wants every event; with a list, only those", "[unit][webhooks]") {
  CHECK(Subscription{"http://127.0.0.1/", "s", {}}.wants("meeting.created"));
  const Subscription some{"http://127.0.0.1/", "s", {"meeting.created", "user.created"}};
  CHECK(some.wants("user.created"));
  CHECK_FALSE(some.wants("meeting.deleted"));
  CHECK_FALSE(some.wants("meeting"));
}

TEST_CASE("a usable subscription has an http(s) URL with a host, a secret, and event names it knows", "[unit][webhooks]") {
  const EventCatalog catalog;
  CHECK(subscription_problems({"http://127.0.0.1:9000/zoom", "s", {}}, catalog).empty());
  CHECK(subscription_problems({"https://hooks.example.com", "s", {"user.created"}}, catalog).empty());
  auto [url, secret, events, expected] = GENERATE(table<std::string, std::string, std::vector<std::string>, std::vector<std::string>>({
      {"ftp://example.com/", "s", {}, {"endpoint_url"}},
      {"127.0.0.1:9000", "s", {}, {"endpoint_url"}},
      {"http://", "s", {}, {"endpoint_url"}},
      {"http:///path", "s", {}, {"endpoint_url"}},
      {"http://127.0.0.1/", "", {}, {"secret_token"}},
      {"http://127.0.0.1/", "s", {"user.created", "meeting.nope"}, {"events/1"}},
      {"http://127.0.0.1/", "s", {""}, {"events/0"}},
      {"", "", {}, {"endpoint_url", "secret_token"}},
  }));
  INFO(url << " / " << secret);
  CHECK(fields(subscription_problems({url, secret, events}, catalog)) == expected);
}
