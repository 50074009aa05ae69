// ResponseCheck (issue 15, point 3): an answer against its operation's documented statuses,
// content type and body schema, each mismatch with its JSON pointer.
#include <catch2/catch.hpp>

#include "fakezoom/spec/response_check.hpp"
#include "unit_support.hpp"

using namespace fakezoom;
using namespace fakezoom::test;

namespace {

const char* const kSpec = R"({"openapi": "3.0.0", "servers": [{"url": "https://api.zoom.us/v2"}],
  "components": {"schemas": {"User": {"type": "object", "required": ["id"],
      "properties": {"id": {"type": "string"}, "email": {"type": "string", "format": "email"}}}}},
  "paths": {"/users": {"get": {"responses": {
      "200": {"description": "OK", "content": {"application/json": {"schema": {"type": "object",
              "properties": {"users": {"type": "array", "items": {"$ref": "#/components/schemas/User"}}}}}}},
      "204": {"description": "Nothing."},
      "404": {"description": "**Error Code:** `1001`"}}}}}})";

PathTemplate users_route() { return PathTemplate({{"v2", false}, {"users", false}}); }

ResponseCheck read_check() {
  std::vector<Problem> problems;
  auto check = ResponseCheck::read("spec.json", kSpec, problems);
  REQUIRE(problems.empty());
  return check;
}

}  // namespace

TEST_CASE("an answer is checked against its operation's documentation", "[spec][conformance]") {
  const auto check = read_check();
  CHECK(check.operations() == 1);
  SECTION("a conforming body") {
    auto found = check.check("GET", users_route(), 200, "application/json; charset=utf-8", R"({"users":[{"id":"a"}]})");
    REQUIRE(found);
    CHECK(found->empty());
  }
  SECTION("a broken item, named by its JSON pointer") {
    auto found = check.check("GET", users_route(), 200, "application/json", R"({"users":[{"id":"a"},{"id":7}]})");
    REQUIRE(found);
    REQUIRE(found->size() == 1);
    CHECK((*found)[0].field == "/users/1/id");
  }
  SECTION("an undocumented status") {
    auto found = check.check("GET", users_route(), 500, "application/json", "{}");
    REQUIRE(found);
    REQUIRE(found->size() == 1);
    CHECK((*found)[0].message == "status 500 is not documented (documented: 200, 204, 404)");
  }
  SECTION("another content type") {
    auto found = check.check("GET", users_route(), 200, "text/plain", "hi");
    REQUIRE(found);
    REQUIRE(found->size() == 1);
    CHECK((*found)[0].message == "Content-Type text/plain, documented application/json");
  }
  SECTION("a body on a 204 breaks it; Zoom's JSON error on a 404 documented without content does not") {
    CHECK(check.check("GET", users_route(), 204, "application/json", "{}")->size() == 1);
    CHECK(check.check("GET", users_route(), 404, "application/json", R"({"code":1001,"message":"x"})")->empty());
  }
  SECTION("a route the spec does not document is not judged") {
    CHECK_FALSE(check.check("POST", users_route(), 201, "application/json", "{}"));
    CHECK_FALSE(check.check("GET", PathTemplate({{"v2", false}, {"users", false}, {"userId", true}}), 200, "", ""));
  }
}

TEST_CASE("a response schema's broken $ref is reported with its pointer", "[spec][conformance]") {
  std::vector<Problem> problems;
  ResponseCheck::read("spec.json", R"({"openapi":"3.0.0","paths":{"/x":{"get":{"responses":{"200":{"description":"OK",
      "content":{"application/json":{"schema":{"$ref":"#/components/schemas/Missing"}}}}}}}}})", problems);
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].pointer == "/paths/~1x/get/responses/200/content/application~1json/schema/$ref");
}
