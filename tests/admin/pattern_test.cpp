// The pure parts of the admin API, without a socket: request patterns and string matchers,
// faults and delays from headers and overrides, ISO 8601 dates, and near misses.
#include <catch2/catch.hpp>

#include "fakezoom/model/iso8601.hpp"
#include "fakezoom/admin/misbehaviour.hpp"
#include "fakezoom/admin/near_miss.hpp"
#include "fakezoom/admin/request_pattern.hpp"
#include "admin_support.hpp"
#include "fakezoom/fixtures/loader.hpp"

using namespace fakezoom;
using nlohmann::json;
using namespace std::chrono_literals;

namespace {

HttpRequest request(std::string method, std::string target, Headers headers = {}) {
  HttpRequest r;
  r.method = std::move(method);
  r.target = target;
  r.path = target.substr(0, target.find('?'));
  if (auto q = target.find('?'); q != std::string::npos) {
    std::string_view query = std::string_view(target).substr(q + 1);
    while (!query.empty()) {
      auto amp = query.find('&');
      auto pair = query.substr(0, amp);
      auto eq = pair.find('=');
      r.query.emplace_back(std::string(pair.substr(0, eq)), eq == std::string_view::npos ? "" : std::string(pair.substr(eq + 1)));
      query = amp == std::string_view::npos ? std::string_view{} : query.substr(amp + 1);
    }
  }
  r.headers = std::move(headers);
  return r;
}

bool fits(const json& pattern, const HttpRequest& r) {
  auto parsed = parse_request_pattern(pattern);
  INFO(parsed.problem().to_string());
  REQUIRE(parsed);
  return matches(parsed.value(), r);
}

}  // namespace

TEST_CASE("a urlPathTemplate matches one segment per parameter", "[unit][admin]") {
  const auto r = request("GET", "/v2/users/a@b.c/token?type=zak");
  CHECK(fits({{"urlPathTemplate", "/v2/users/{userId}/token"}}, r));
  CHECK_FALSE(fits({{"urlPathTemplate", "/v2/users/{userId}"}}, r));
  CHECK_FALSE(fits({{"urlPathTemplate", "/v2/users/{userId}/token/{more}"}}, r));
  CHECK(fits({{"urlPathTemplate", "/v2/{what}/{userId}/token"}, {"pathParameters", {{"userId", {{"contains", "@"}}}}}}, r));
  CHECK_FALSE(fits({{"urlPathTemplate", "/v2/users/{userId}/token"}, {"pathParameters", {{"userId", {{"equalTo", "me"}}}}}}, r));
}

TEST_CASE("paths match as sent or as decoded", "[unit][admin]") {
  HttpRequest r = request("GET", "/v2/users/a%40b.c/token");
  r.path = "/v2/users/a@b.c/token";
  CHECK(fits({{"urlPath", "/v2/users/a%40b.c/token"}}, r));
  CHECK(fits({{"urlPath", "/v2/users/a@b.c/token"}}, r));
  CHECK(fits({{"urlPathPattern", "/v2/users/a@.*"}}, r));
  CHECK(fits({{"url", "/v2/users/a%40b.c/token"}}, r));
  CHECK_FALSE(fits({{"url", "/v2/users/a@b.c/token"}}, r));
}

TEST_CASE("a value matcher needs the value, absent needs none", "[unit][admin]") {
  const auto with = request("GET", "/x?type=zak&type=token", {{"Accept", "application/json"}});
  const auto without = request("GET", "/x");
  const json cases = json::array({
      {{"queryParameters", {{"type", {{"equalTo", "token"}}}}}},  // any of the repeated values
      {{"queryParameters", {{"type", {{"absent", false}}}}}},
      {{"headers", {{"accept", {{"matches", "application/.+"}}}}}},
      {{"headers", {{"Accept", {{"doesNotContain", "xml"}}}}}},
  });
  for (const auto& pattern : cases) {
    INFO(pattern.dump());
    CHECK(fits(pattern, with));
    CHECK_FALSE(fits(pattern, without));
  }
  CHECK(fits({{"queryParameters", {{"type", {{"absent", true}}}}}}, without));
  CHECK_FALSE(fits({{"queryParameters", {{"type", {{"absent", true}}}}}}, with));
  CHECK_FALSE(fits({{"queryParameters", {{"type", {{"doesNotMatch", "zak"}}}}}}, with));  // one value breaks it
}

TEST_CASE("a matcher's regular expression must match the whole value", "[unit][admin]") {
  const auto r = request("GET", "/x", {{"X-Id", "abc-123"}});
  CHECK(fits({{"headers", {{"X-Id", {{"matches", "[a-z]+-[0-9]+"}}}}}}, r));
  CHECK_FALSE(fits({{"headers", {{"X-Id", {{"matches", "[0-9]+"}}}}}}, r));
}

TEST_CASE("faults and delays: the request's headers, then the example, then the route, then the settings",
          "[unit][admin][faults]") {
  Overrides overrides;
  overrides.faults["route"] = Fault::empty_response;
  overrides.faults["route-1"] = Fault::connection_reset_by_peer;
  overrides.delays["route"] = 30ms;
  const Settings settings{.fixed_delay = 5ms};

  auto for_example = [&](const char* example, Headers headers = {}) {
    auto result = misbehaviour_for(headers, "route", example, overrides, settings);
    REQUIRE(result);
    return result.value();
  };
  CHECK(for_example("route-1").fault == Fault::connection_reset_by_peer);
  CHECK(for_example("route-2").fault == Fault::empty_response);
  CHECK(for_example("route-2").delay == 30ms);
  CHECK(misbehaviour_for({}, "other", "other-1", overrides, settings).value().delay == 5ms);
  CHECK_FALSE(misbehaviour_for({}, "other", "other-1", overrides, settings).value().fault);

  const auto by_header = for_example("route-1", {{"x-mock-fault", " malformed_response_chunk "}, {"X-Mock-Delay-Ms", "7"}});
  CHECK(by_header.fault == Fault::malformed_response_chunk);
  CHECK(by_header.delay == 7ms);
  CHECK(for_example("route-1", {{"x-mock-delay-ms", "999999999999999999999999"}}).delay == kMaxDelay);
}

TEST_CASE("an unreadable x-mock header is a problem naming it", "[unit][admin][faults]") {
  for (const auto& [name, value] : std::vector<std::pair<std::string, std::string>>{
           {"x-mock-delay-ms", "soon"}, {"x-mock-delay-ms", "-5"}, {"x-mock-delay-ms", ""}, {"x-mock-delay-ms", "1.5"},
           {"x-mock-fault", "TIMEOUT"}, {"x-mock-fault", ""}}) {
    INFO(name << ": '" << value << "'");
    auto result = misbehaviour_for({{name, value}}, "", "", {}, {});
    REQUIRE_FALSE(result);
    CHECK(result.problem().field == name);
  }
}

TEST_CASE("ISO 8601 dates read as WireMock writes them, offsets and all", "[unit][admin]") {
  const auto t = std::chrono::system_clock::time_point(1700000000123ms);
  CHECK(to_iso8601(t) == "2023-11-14T22:13:20.123Z");
  CHECK(parse_iso8601("2023-11-14T22:13:20.123Z") == t);
  CHECK(parse_iso8601("2023-11-14T23:13:20.123+01:00") == t);
  CHECK(parse_iso8601("2023-11-14T22:13:20.123456") == t);
  CHECK(parse_iso8601("2023-11-14") == std::chrono::system_clock::time_point(1699920000000ms));
  CHECK(to_iso8601(std::chrono::system_clock::time_point(-1ms)) == "1969-12-31T23:59:59.999Z");
  for (const char* bad : {"", "yesterday", "2023-13-01", "2023-11-14T25:00:00Z", "2023-11-14T10:00:00Zjunk", "2023-11-1"}) {
    INFO(bad);
    CHECK_FALSE(parse_iso8601(bad));
  }
}

TEST_CASE("near misses rank routes by what differs", "[unit][admin]") {
  const auto fixtures = load_fixtures(admin_test::seed_fixtures().fixtures);
  const auto misses = near_misses(fixtures, request("DELETE", "/v2/users/me/tokens/extra"));
  REQUIRE(misses.size() == 1);
  std::vector<std::string> fields;
  for (const auto& d : misses[0].differences) fields.push_back(d.field);
  CHECK(fields == std::vector<std::string>{"method", "path segment 4", "path"});
  CHECK(misses[0].distance == Approx(0.5 * 2 / 5 + 0.3));
  CHECK(to_json(misses[0])["stubMapping"]["id"] == "get-v2-users-userId-token-1");
}
