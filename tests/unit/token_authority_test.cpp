#include <catch2/catch.hpp>

#include "fakezoom/zoom/token_authority.hpp"

using namespace fakezoom;
using State = TokenStatus::State;

TEST_CASE("an issued token is valid for exactly an hour of the engine's clock", "[unit][oauth]") {
  auto clock = std::make_shared<ManualClock>();
  TokenAuthority tokens(clock);
  const auto issued = tokens.issue("acct", "client", {"user:read:admin"});
  CHECK(issued.expires_in == std::chrono::seconds(3600));
  CHECK(tokens.check(issued.access_token).state == State::valid);
  REQUIRE(tokens.check(issued.access_token).grant);
  CHECK(tokens.check(issued.access_token).grant->scopes == std::vector<std::string>{"user:read:admin"});

  SECTION("one second before the hour is up it still works") {
    clock->advance(std::chrono::seconds(3599));
    CHECK(tokens.check(issued.access_token).state == State::valid);
  }
  SECTION("at the hour it has expired") {
    clock->advance(std::chrono::seconds(3600));
    CHECK(tokens.check(issued.access_token).state == State::expired);
  }
}

TEST_CASE("a token fakezoom never issued is unknown", "[unit][oauth]") {
  TokenAuthority tokens(std::make_shared<ManualClock>());
  tokens.issue("acct", "client", {});
  CHECK(tokens.check("not-issued").state == State::unknown);
  CHECK_FALSE(tokens.check("not-issued").grant);
  CHECK_FALSE(tokens.account_of_token("not-issued"));
}

TEST_CASE("every issued token is different and names its account", "[unit][oauth]") {
  TokenAuthority tokens(std::make_shared<ManualClock>());
  const auto first = tokens.issue("acct-1", "client-1", {});
  const auto second = tokens.issue("acct-2", "client-2", {});
  CHECK(first.access_token != second.access_token);
  CHECK(tokens.account_of_token(first.access_token) == std::optional<std::string>("acct-1"));
  CHECK(tokens.account_of_token(second.access_token) == std::optional<std::string>("acct-2"));
}

TEST_CASE("tokens expired for more than a day are forgotten once many are issued", "[unit][oauth]") {
  auto clock = std::make_shared<ManualClock>();
  TokenAuthority tokens(clock);
  const auto old = tokens.issue("acct", "client", {});
  clock->advance(TokenAuthority::kLifetime + TokenAuthority::kRememberExpired + std::chrono::seconds(1));
  for (int i = 0; i < 1100; ++i) tokens.issue("acct", "client", {});
  CHECK(tokens.check(old.access_token).state == State::unknown);
  CHECK(tokens.size() == 1100);
}
