// Zoom's own specs (../shared/zoom-data, never copied here): the 2026 Users OpenAPI 3 and the
// 2018 Swagger 2.0 load, give Zoom's Postman collection its rules, and no documented request
// of that collection is refused by them. Skipped, with a warning, where the folder is absent.
#include <catch2/catch.hpp>

#include <filesystem>
#include <map>

#include "fakezoom/engine/engine.hpp"
#include "fakezoom/model/url_codec.hpp"
#include "fakezoom/spec/spec.hpp"
#include "unit_support.hpp"
#include "test_paths.hpp"

using namespace fakezoom;
using namespace fakezoom::test;

namespace {

const std::string kZoomData = FAKEZOOM_ZOOM_DATA_DIR;
const std::string kOpenApi3 = kZoomData + "/zoom-users-openapi3-2026-02.json";
const std::string kSwagger2 = kZoomData + "/zoom-api-openapi.v2.swagger2-2018.json";
const std::string kCollection = kZoomData + "/zoom-api.postman_collection.v2.1.json";

// True, with a warning and an assertion about the absence, when Zoom's data is not there.
bool zoom_data_absent() {
  if (std::filesystem::exists(kZoomData)) return false;
  WARN("Zoom spec tests skipped: " << kZoomData << " not found");
  CHECK_FALSE(std::filesystem::exists(kZoomData));
  return true;
}

// Loaded once; only called once the data is known to be there.
const FixtureSet& collection_with_both_specs() {
  static const FixtureSet fixtures = load_fixtures_with_specs({kCollection}, {}, {kSwagger2, kOpenApi3});
  return fixtures;
}

// The request an example documents: its path values (the placeholder where it has none),
// its query and its body, with a bearer token, encoded as a client sends it.
HttpRequest documented_request(const Route& route, const Example& example) {
  HttpRequest request;
  request.method = route.method;
  request.path.clear();
  for (const auto& segment : route.path.segments()) {
    std::string value = segment.text;
    if (segment.is_param) {
      value = param_value(example.path_values, segment.text).value_or("");
      if (value.empty()) value = ":" + segment.text;
    }
    request.path += "/" + value;
    request.target += "/" + percent_encode(value);
  }
  request.query = example.query;
  for (std::size_t i = 0; i < example.query.size(); ++i)
    request.target +=
        (i ? "&" : "?") + percent_encode(example.query[i].first) + "=" + percent_encode(example.query[i].second);
  request.headers.add("Authorization", "Bearer zoom-specs-test");
  request.body = example.request_body;
  if (!example.request_content_type.empty()) request.headers.add("Content-Type", example.request_content_type);
  return request;
}

std::size_t routes_with_rules(const FixtureSet& fixtures) {
  std::size_t count = 0;
  for (const auto& route : fixtures.routes.routes()) count += !route.parameter_rules.empty();
  return count;
}

// A value the rule refuses, if the rule refuses any the test can make up.
std::optional<std::string> breaking_value(const ParameterRule& rule) {
  if (rule.type == ParameterType::integer || rule.type == ParameterType::number) return "not-a-number";
  if (rule.type == ParameterType::boolean) return "maybe";
  if (rule.enum_values) return "fakezoom-not-in-the-enum";
  return std::nullopt;
}

}  // namespace

TEST_CASE("Zoom's two specs load without a problem", "[spec][zoom]") {
  if (zoom_data_absent()) return;
  Spec users, api;
  REQUIRE_NOTHROW(users = load_spec(kOpenApi3));
  REQUIRE_NOTHROW(api = load_spec(kSwagger2));
  CHECK(users.format == "OpenAPI 3.0.0");
  CHECK(users.base_path == "/v2");
  CHECK(users.operations.size() == 71);  // 41 paths, as zoom-data's README says
  CHECK(api.format == "Swagger 2.0");
  CHECK(api.base_path == "/v2");
  CHECK(api.operations.size() == 155);  // 103 paths
}

TEST_CASE("Zoom's specs give the routes of Zoom's collection their rules", "[spec][zoom]") {
  if (zoom_data_absent()) return;
  SECTION("the 2026 Users OpenAPI 3") {
    FixtureSet fixtures = load_fixtures({kCollection});
    const auto coverage = apply_specs(fixtures, {kOpenApi3});
    REQUIRE(coverage.size() == 1);
    WARN("Users OpenAPI 3 covers " << coverage[0].routes.size() << " routes, " << routes_with_rules(fixtures)
                                   << " with rules, " << coverage[0].concessions.size() << " concessions");
    for (const auto& concession : coverage[0].concessions) WARN(concession);
    // 45 of its 71 operations: the 2022 collection predates divisions, contact groups and others.
    CHECK(coverage[0].routes.size() == 45);
    CHECK(routes_with_rules(fixtures) == 42);
    // The seed's ttl, and eight documented bodies the 2026 schemas refuse: POST /users's
    // user_info.type and PATCH's custom_attributes (the documentation's own drift).
    CHECK(coverage[0].concessions.size() == 9);
    const Route* token = fixtures.routes.find_by_id("get-v2-users-userId-token");
    REQUIRE(token);
    REQUIRE(token->parameter_rules.size() == 4);  // userId, type, ttl, meeting_id
    CHECK(token->parameter_rules[1].enum_values == std::vector<std::string>{"token", "zak", "onbehalf"});
    CHECK(token->parameter_rules[2].type == ParameterType::integer);
    CHECK_FALSE(token->parameter_rules[2].maximum);  // one year is prose only
  }
  SECTION("the 2018 Swagger 2.0") {
    FixtureSet fixtures = load_fixtures({kCollection});
    const auto coverage = apply_specs(fixtures, {kSwagger2});
    REQUIRE(coverage.size() == 1);
    WARN("Swagger 2.0 covers " << coverage[0].routes.size() << " routes, " << routes_with_rules(fixtures)
                               << " with rules, " << coverage[0].concessions.size() << " concessions");
    for (const auto& concession : coverage[0].concessions) WARN(concession);
    // 143 of its 155 operations; of the rest, five write "/v2" into paths under basePath "/v2".
    CHECK(coverage[0].routes.size() == 143);
    CHECK(routes_with_rules(fixtures) == 133);
    // Mostly integer meeting and webinar ids the collection documents as ":meetingId" or "";
    // 28 documented bodies the 2018 schemas refuse (recurrence.weekly_days and the like).
    CHECK(coverage[0].concessions.size() == 100);
  }
}

TEST_CASE("with both specs, every documented request of Zoom's collection passes validation", "[spec][zoom]") {
  if (zoom_data_absent()) return;
  const auto& fixtures = collection_with_both_specs();
  std::size_t sent = 0;
  for (const auto& route : fixtures.routes.routes()) {
    std::set<int> documented;
    for (const auto& example : route.examples) documented.insert(example.status);
    for (const auto& example : route.examples) {
      const auto request = documented_request(route, example);
      INFO(request.method << " " << request.target << " (example " << example.id << ")");
      const auto outcome = respond(fixtures, request, BodyMode::zoom);
      INFO("answered " << outcome.response.status << ": " << outcome.response.body);
      CHECK(outcome.example_id != "fakezoom.validation-failed");
      CHECK(outcome.route_id == route.id);
      CHECK(documented.count(outcome.response.status) == 1);
      ++sent;
    }
  }
  CHECK(sent == 827);
}

TEST_CASE("with both specs, the routes they cover refuse values their rules forbid", "[spec][zoom]") {
  if (zoom_data_absent()) return;
  const auto& fixtures = collection_with_both_specs();
  std::size_t refused = 0;
  for (const auto& route : fixtures.routes.routes()) {
    if (route.examples.empty()) continue;
    for (const auto& rule : route.parameter_rules) {
      auto bad = breaking_value(rule);
      if (!bad || rule.documented.count(*bad)) continue;
      Example example = route.examples.front();
      if (rule.location == ParameterLocation::query) {
        std::erase_if(example.query, [&](const auto& pair) { return pair.first == rule.name; });
        example.query.emplace_back(rule.name, *bad);
      } else {
        std::erase_if(example.path_values, [&](const auto& pair) { return pair.first == rule.name; });
        example.path_values.emplace_back(rule.name, *bad);
      }
      const auto request = documented_request(route, example);
      INFO(request.method << " " << request.target << " (rule " << rule.source << ")");
      const auto outcome = respond(fixtures, request, BodyMode::zoom);
      INFO("answered " << outcome.response.status << ": " << outcome.response.body);
      REQUIRE(outcome.response.status == 400);
      const auto body = body_json(outcome.response);
      CHECK(body["code"] == 300);
      CHECK(body["errors"].at(0)["field"] == rule.name);
      ++refused;
    }
  }
  WARN(refused << " rules of Zoom's specs each refused a made-up value");
  CHECK(refused > 100);
}

TEST_CASE("the seed's route follows the 2026 spec when it is given", "[spec][zoom]") {
  if (zoom_data_absent()) return;
  const FixtureSet fixtures = load_fixtures_with_specs({kFixturesDir}, {}, {kOpenApi3});
  auto status = [&](QueryParams query) {
    return respond(fixtures, zoom_request("GET", "/v2/users/me/token", std::move(query)), BodyMode::zoom)
        .response.status;
  };
  CHECK(status({{"type", "zak"}, {"ttl", "68423085"}}) == 200);
  CHECK(status({{"type", "onbehalf"}}) == 200);
  CHECK(status({{"type", "foo"}}) == 400);
  CHECK(status({{"ttl", "abc"}}) == 400);
}
