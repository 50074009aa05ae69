// Zoom's rate limits as a client sees them: 429 with Zoom's headers, and the retry after
// Retry-After that succeeds. Time is a ManualClock the test moves; nothing sleeps.
#include <catch2/catch.hpp>

#include <memory>

#include "fakezoom/engine/engine.hpp"
#include "contract_support.hpp"

using namespace fakezoom;
using namespace fakezoom::contract;
using namespace std::chrono;

namespace {

ServerOptions rate_limited(std::optional<Plan> plan, std::shared_ptr<ManualClock> clock) {
  ServerOptions options;
  options.rate_limits = true;
  if (plan) options.plan = *plan;
  options.clock = std::move(clock);
  return options;
}

client::Result<std::optional<std::string>> get_token(FakeZoom& zoom) { return zoom.client.get_user_token("me", "zak"); }

// Calls until the first error; how many succeeded before it (at most `cap`).
int successes_before_refusal(FakeZoom& zoom, int cap) {
  for (int i = 0; i < cap; ++i)
    if (!get_token(zoom)) return i;
  return cap;
}

}  // namespace

TEST_CASE("over the per-second limit the client gets Zoom's 429, and a retry after Retry-After succeeds",
          "[contract][rate-limit]") {
  auto clock = std::make_shared<ManualClock>(ManualClock::time_point{seconds{1'767'225'600} + milliseconds{300}});
  FakeZoom zoom(rate_limited(Plan::free, clock));  // the seed's route is Light: 4 a second

  CHECK(successes_before_refusal(zoom, 10) == 4);
  // The refused answer, as the client kept it.
  const auto refused = get_token(zoom);
  REQUIRE_FALSE(refused);
  CHECK(refused.error().kind == client::ErrorKind::http);
  CHECK(refused.error().status == 429);
  CHECK(refused.error().zoom_code == 429);
  REQUIRE(zoom.client.last_response());
  const client::Response& answer = *zoom.client.last_response();
  const auto headers = client::rate_limit_headers(answer);
  CHECK(headers.category == "Light");
  CHECK(headers.type == "QPS");
  CHECK(headers.limit == 4);
  CHECK(headers.remaining == 0);
  const auto wait = client::retry_after(answer, clock->now());
  REQUIRE(wait);
  CHECK(*wait == seconds{1});

  clock->advance(*wait);
  const auto retried = get_token(zoom);
  INFO(describe(retried));
  CHECK(retried);
}

TEST_CASE("over the daily limit Retry-After names the next 00:00 GMT, and a retry then succeeds",
          "[contract][rate-limit]") {
  auto clock = std::make_shared<ManualClock>();  // 2026-01-01T00:00:00Z
  clock->advance(hours{15});
  FakeZoom zoom(rate_limited(Plan::free, clock));  // Light: 6,000 a day
  // The day's first 6,000 through the engine, no socket: 4 a second, as the limit allows.
  HttpRequest request;
  request.method = "GET";
  request.path = "/v2/users/me/token";
  request.target = "/v2/users/me/token?type=zak";
  request.query.emplace_back("type", "zak");
  request.headers.add("Authorization", "Bearer " + kToken);
  for (int i = 0; i < 6000; ++i) {
    if (i % 4 == 0 && i > 0) clock->advance(seconds{1});
    REQUIRE(zoom.server.engine().handle(request).status == 200);
  }
  clock->advance(seconds{1});

  const auto refused = get_token(zoom);
  REQUIRE_FALSE(refused);
  CHECK(refused.error().status == 429);
  const client::Response& answer = *zoom.client.last_response();
  const auto headers = client::rate_limit_headers(answer);
  CHECK(headers.type == "Daily-limit");
  CHECK(headers.limit == 6000);
  CHECK(headers.remaining == 0);
  CHECK(answer.header("Retry-After") == "2026-01-02T00:00:00Z");
  const auto wait = client::retry_after(answer, clock->now());
  REQUIRE(wait);

  clock->advance(*wait - seconds{1});
  CHECK_FALSE(get_token(zoom));  // a second early: still the same day
  clock->advance(seconds{1});
  CHECK(get_token(zoom));
}

TEST_CASE("answers under the limit carry the X-RateLimit headers", "[contract][rate-limit]") {
  auto clock = std::make_shared<ManualClock>();
  SECTION("free: the daily count") {
    FakeZoom zoom(rate_limited(Plan::free, clock));
    REQUIRE(get_token(zoom));
    const auto headers = client::rate_limit_headers(*zoom.client.last_response());
    CHECK(headers.category == "Light");
    CHECK(headers.type == "Daily-limit");
    CHECK(headers.limit == 6000);
    CHECK(headers.remaining == 5999);
  }
  SECTION("business: the second's count") {
    FakeZoom zoom(rate_limited(Plan::business, clock));
    REQUIRE(get_token(zoom));
    REQUIRE(get_token(zoom));
    const auto headers = client::rate_limit_headers(*zoom.client.last_response());
    CHECK(headers.type == "QPS");
    CHECK(headers.limit == 80);
    CHECK(headers.remaining == 78);
  }
}

TEST_CASE("each plan allows its documented number of Light requests a second", "[contract][rate-limit]") {
  auto clock = std::make_shared<ManualClock>();
  SECTION("free: 4") {
    FakeZoom zoom(rate_limited(Plan::free, clock));
    CHECK(successes_before_refusal(zoom, 100) == 4);
  }
  SECTION("pro, the default: 30") {
    FakeZoom zoom(rate_limited(std::nullopt, clock));
    CHECK(successes_before_refusal(zoom, 100) == 30);
  }
  SECTION("business: 80") {
    FakeZoom zoom(rate_limited(Plan::business, clock));
    CHECK(successes_before_refusal(zoom, 100) == 80);
  }
}

TEST_CASE("without rate limits on, no request is refused and no X-RateLimit header is sent",
          "[contract][rate-limit]") {
  FakeZoom zoom;
  CHECK(successes_before_refusal(zoom, 40) == 40);
  CHECK_FALSE(zoom.client.last_response()->header("X-RateLimit-Limit"));
}
