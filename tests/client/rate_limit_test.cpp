#include <catch2/catch.hpp>

#include "fakezoom/client/rate_limit.hpp"

using namespace fakezoom::client;
using namespace std::chrono;

namespace {

// 2020-05-30T23:59:00Z
const system_clock::time_point kNow{seconds{1'590'883'140}};

Response with_headers(std::vector<Header> headers) {
  Response response;
  response.status = 429;
  response.headers = std::move(headers);
  return response;
}

}  // namespace

TEST_CASE("Retry-After reads as whole seconds or as an instant to wait for", "[client][rate-limit]") {
  SECTION("whole seconds") {
    CHECK(parse_retry_after("1", kNow) == seconds{1});
    CHECK(parse_retry_after(" 120 ", kNow) == seconds{120});
  }
  SECTION("ISO 8601 in UTC, as Zoom documents its daily limit's") {
    CHECK(parse_retry_after("2020-05-31T00:00:00Z", kNow) == seconds{60});
    CHECK(parse_retry_after("2020-05-31T00:00:00.500Z", kNow) == seconds{60});
  }
  SECTION("an HTTP-date") { CHECK(parse_retry_after("Sun, 31 May 2020 00:00:00 GMT", kNow) == seconds{60}); }
  SECTION("an instant already past: no wait") { CHECK(parse_retry_after("2020-05-30T00:00:00Z", kNow) == seconds{0}); }
  SECTION("a part of a second still to wait rounds up") {
    CHECK(parse_retry_after("2020-05-31T00:00:00Z", kNow + milliseconds{500}) == seconds{60});
  }
  SECTION("anything else: nothing") {
    CHECK_FALSE(parse_retry_after("", kNow));
    CHECK_FALSE(parse_retry_after("-1", kNow));
    CHECK_FALSE(parse_retry_after("soon", kNow));
    CHECK_FALSE(parse_retry_after("2020-13-31T00:00:00Z", kNow));
    CHECK_FALSE(parse_retry_after("2020-05-31T00:00:00+02:00", kNow));
  }
}

TEST_CASE("a response's rate-limit headers are read by name, in any case", "[client][rate-limit]") {
  const Response response = with_headers({{"retry-after", "2020-05-31T00:00:00Z"},
                                          {"x-ratelimit-category", "Heavy"},
                                          {"x-ratelimit-limit", "30000"},
                                          {"x-ratelimit-remaining", "0"},
                                          {"x-ratelimit-type", "Daily-limit"}});
  const auto headers = rate_limit_headers(response);
  CHECK(headers.category == "Heavy");
  CHECK(headers.type == "Daily-limit");
  CHECK(headers.limit == 30000);
  CHECK(headers.remaining == 0);
  CHECK(retry_after(response, kNow) == seconds{60});

  SECTION("absent or unreadable headers are empty") {
    const auto none = rate_limit_headers(with_headers({{"X-RateLimit-Limit", "many"}}));
    CHECK_FALSE(none.category);
    CHECK_FALSE(none.limit);
    CHECK_FALSE(retry_after(with_headers({}), kNow));
  }
}
