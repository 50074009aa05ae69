// What replay sends for a documented example.
#include <catch2/catch.hpp>

#include "fakezoom/client/request.hpp"
#include "fakezoom/fixtures/loader.hpp"
#include "fakezoom/replay/replay.hpp"

TEST_CASE("replay sends the documented request relative to the base URL", "[unit][replay]") {
  const auto fixtures = fakezoom::fixture_set_from_text("t.json", R"({
    "variable": [{"key": "baseUrl", "value": "https://api.zoom.us/v2"}],
    "item": [{"name": "x", "request": {"method": "PATCH",
      "url": {"raw": "{{baseUrl}}/users/:userId", "host": ["{{baseUrl}}"], "path": ["users", ":userId"],
              "variable": [{"key": "userId", "value": "a+b@x.com"}]},
      "body": {"mode": "formdata", "formdata": [{"key": "settings", "value": "{\"a\":1}", "type": "text"}]}},
      "response": [{"name": "**HTTP Status Code:** `204`<br>\nUpdated.", "code": 204,
                    "originalRequest": {"method": "PATCH", "url": {"raw": "{{baseUrl}}/users/:userId?x=1",
                      "host": ["{{baseUrl}}"], "path": ["users", ":userId"], "query": [{"key": "x", "value": "1"}],
                      "variable": [{"key": "userId", "value": ""}]}}}]}]})");
  const auto& route = fixtures.routes.routes().at(0);
  const auto request = fakezoom::replay::request_for(route, route.examples.at(0));
  CHECK(request.method == "PATCH");
  // The example's own userId is empty: the item's documented value stands in.
  CHECK(request.path.encoded() == "/users/a%2Bb%40x.com");
  CHECK(request.query == fakezoom::client::QueryParams{{"x", "1"}});
  REQUIRE(request.headers.size() == 1);
  CHECK(request.headers[0] == std::pair<std::string, std::string>{"x-mock-response-name", "**HTTP Status Code:** `204`<br> Updated."});
}

TEST_CASE("formdata bodies, as Zoom documents JSON, are sent as one JSON object", "[unit][replay]") {
  const auto fixtures = fakezoom::fixture_set_from_text("t.json", R"({"name": "x", "request": {"method": "POST",
      "url": "{{baseUrl}}/users", "body": {"mode": "formdata", "formdata": [
        {"key": "action", "value": "create"}, {"key": "user_info", "value": "{\"email\":\"a@b.c\"}"},
        {"key": "off", "value": "1", "disabled": true}]}},
      "response": [{"name": "created", "code": 201}]})");
  const auto& route = fixtures.routes.routes().at(0);
  const auto request = fakezoom::replay::request_for(route, route.examples.at(0));
  REQUIRE(request.raw_body);
  CHECK(nlohmann::json::parse(*request.raw_body) == nlohmann::json{{"action", "create"}, {"user_info", {{"email", "a@b.c"}}}});
  CHECK(request.raw_content_type == "application/json");
}
