// The engine's use of the rate limiter: which requests count, and what a refusal looks like
// in the answer and the journal. The limiter's arithmetic is in rate_limiter_test.cpp.
#include <catch2/catch.hpp>

#include "fakezoom/engine/engine.hpp"
#include "unit_support.hpp"

using namespace fakezoom;
using namespace fakezoom::test;

namespace {

std::shared_ptr<const FixtureSet> shared_fixtures() {
  return std::shared_ptr<const FixtureSet>(&shipped_fixtures(), [](const FixtureSet*) {});
}

// The seed's route is labelled Light: on the free plan, 4 a second.
EngineOptions free_plan(std::shared_ptr<ManualClock> clock) {
  EngineOptions options;
  options.rate_limits = true;
  options.plan = Plan::free;
  options.clock = std::move(clock);
  return options;
}

HttpRequest token_request(QueryParams query = {{"type", "zak"}}) {
  return zoom_request("GET", "/v2/users/me/token", std::move(query));
}

// Sends `n` requests; how many were answered 429.
int refusals(Engine& engine, int n, const HttpRequest& request) {
  int refused = 0;
  for (int i = 0; i < n; ++i)
    if (engine.handle(request).status == 429) ++refused;
  return refused;
}

}  // namespace

TEST_CASE("rate limits are off unless asked for", "[unit][engine][rate-limit]") {
  Engine engine(shared_fixtures(), EngineOptions{});
  CHECK(refusals(engine, 100, token_request()) == 0);
  CHECK_FALSE(engine.handle(token_request()).headers.get("X-RateLimit-Limit"));
}

TEST_CASE("with rate limits on, a labelled route's fifth request in a second gets Zoom's 429",
          "[unit][engine][rate-limit]") {
  auto clock = std::make_shared<ManualClock>();
  Engine engine(shared_fixtures(), free_plan(clock));
  for (int i = 0; i < 4; ++i) {
    const auto ok = engine.handle(token_request());
    REQUIRE(ok.status == 200);
    CHECK(ok.headers.get("X-RateLimit-Category") == "Light");
    CHECK(ok.headers.get("X-RateLimit-Remaining") == std::to_string(6000 - 1 - i));
  }
  const auto refused = engine.handle(token_request());
  CHECK(refused.status == 429);
  CHECK(body_json(refused)["code"] == 429);
  CHECK(refused.headers.get("Retry-After") == "1");
  CHECK(refused.headers.get("Matched-Stub-Id") == "fakezoom.rate-limit.qps");

  const auto last = engine.journal().entries().back();
  CHECK(last.status == 429);
  CHECK(last.example_id == "fakezoom.rate-limit.qps");
  CHECK(last.route_id == "get-v2-users-userId-token");

  clock->advance(std::chrono::seconds{1});
  CHECK(engine.handle(token_request()).status == 200);
}

TEST_CASE("which answers count against the limits", "[unit][engine][rate-limit]") {
  auto clock = std::make_shared<ManualClock>();
  Engine engine(shared_fixtures(), free_plan(clock));

  SECTION("a 401 does not: without a token there is no account to count against") {
    HttpRequest no_token = token_request();
    no_token.headers = Headers{};
    CHECK(refusals(engine, 10, no_token) == 0);
    CHECK(engine.handle(no_token).status == 401);
    CHECK(refusals(engine, 4, token_request()) == 0);
  }
  SECTION("a validation failure does: it reached the API") {
    const auto invalid = token_request({{"type", "nonsense"}});
    CHECK(engine.handle(invalid).status == 400);
    CHECK(refusals(engine, 3, invalid) == 0);
    CHECK(engine.handle(invalid).status == 429);  // the limit comes before validation
  }
  SECTION("an unknown user's 404 does") {
    const auto ghost = zoom_request("GET", "/v2/users/ghost/token", {{"type", "zak"}});
    CHECK(engine.handle(ghost).status == 404);
    CHECK(refusals(engine, 3, ghost) == 0);
    CHECK(engine.handle(token_request()).status == 429);
  }
  SECTION("the caller's explicit example choice does not") {
    HttpRequest chosen = token_request();
    chosen.headers.add("x-mock-response-code", "404");
    CHECK(refusals(engine, 10, chosen) == 0);
    CHECK_FALSE(engine.handle(chosen).headers.get("X-RateLimit-Limit"));
    CHECK(refusals(engine, 4, token_request()) == 0);
  }
  SECTION("a request no route documents does not") {
    CHECK(refusals(engine, 10, zoom_request("GET", "/v2/nowhere")) == 0);
    CHECK(refusals(engine, 4, token_request()) == 0);
  }
  SECTION("admin requests do not") {
    HttpRequest health;
    health.method = "GET";
    health.path = health.target = "/__admin/health";
    for (int i = 0; i < 10; ++i) CHECK(engine.handle(health).status == 200);
    CHECK(refusals(engine, 4, token_request()) == 0);
  }
}

TEST_CASE("POST /__admin/reset starts every count again", "[unit][engine][rate-limit]") {
  auto clock = std::make_shared<ManualClock>();
  Engine engine(shared_fixtures(), free_plan(clock));
  CHECK(refusals(engine, 5, token_request()) == 1);
  HttpRequest reset;
  reset.method = "POST";
  reset.path = reset.target = "/__admin/reset";
  CHECK(engine.handle(reset).status == 200);
  const auto after = engine.handle(token_request());
  CHECK(after.status == 200);
  CHECK(after.headers.get("X-RateLimit-Remaining") == "5999");
}

TEST_CASE("a create refused by the rate limits stores nothing; one let through is stored", "[unit][engine][rate-limit]") {
  auto clock = std::make_shared<ManualClock>();
  Engine engine(shared_fixtures(), free_plan(clock));
  auto create = zoom_request("POST", "/v2/users/me/meetings");
  create.headers.set("Content-Type", "application/json");
  create.body = R"({"topic":"Over the limit?"})";
  const std::size_t before = engine.account().meeting_count();
  int created = 0, refused = 0;
  for (int i = 0; i < 40; ++i) {
    const auto answer = engine.handle(create);
    if (answer.status == 201) ++created;
    if (answer.status == 429) ++refused;
  }
  INFO(created << " created, " << refused << " refused");
  REQUIRE(refused > 0);
  CHECK(created + refused == 40);
  CHECK(engine.account().meeting_count() == before + static_cast<std::size_t>(created));
}
