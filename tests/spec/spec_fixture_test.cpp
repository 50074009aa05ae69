// A spec as a fixture (issue 15, point 1): every operation a route, every documented response
// status an example, bodies made from schemas where the spec documents none; hostile specs
// refused with the pointer; Zoom's 2026 Users spec served on its own; a collection and a
// spec together (point 2): one route with both sides' examples, provenance, one-sided notes.
#include <catch2/catch.hpp>

#include <filesystem>

#include "fakezoom/engine/engine.hpp"
#include "fakezoom/fixtures/lint.hpp"
#include "fakezoom/spec/spec.hpp"
#include "temp_dir.hpp"
#include "test_paths.hpp"
#include "unit_support.hpp"

using namespace fakezoom;
using namespace fakezoom::test;

namespace {

json openapi(json paths) {
  return {{"openapi", "3.0.3"}, {"servers", {{{"url", "https://api.zoom.us/v2"}}}}, {"paths", std::move(paths)},
          {"components", {{"schemas", {{"Node", {{"type", "object"},
                                                 {"properties", {{"name", {{"type", "string"}}},
                                                                 {"children", {{"type", "array"},
                                                                               {"items", {{"$ref", "#/components/schemas/Node"}}}}}}}}}}}}}};
}

json one_response(json response) {
  return openapi({{"/things", {{"get", {{"summary", "List things"}, {"responses", {{"200", std::move(response)}}}}}}}});
}

FixtureDocument read(const json& document, std::optional<std::string> base = std::nullopt) {
  auto read = read_spec_fixture("spec.json", document.dump(), base);
  REQUIRE(read);
  return std::move(*read);
}

// The body fakezoom makes for a 200 with this schema.
json made_from(json schema) {
  auto document = read(one_response({{"description", "OK"}, {"content", {{"application/json", {{"schema", schema}}}}}}));
  INFO((document.problems.empty() ? "" : document.problems[0].message));
  REQUIRE(document.problems.empty());
  REQUIRE(document.routes.size() == 1);
  REQUIRE(document.routes[0].examples.size() == 1);
  return json::parse(document.routes[0].examples[0].body);
}

}  // namespace

TEST_CASE("a body is made from the schema when the spec documents none", "[spec][fixtures]") {
  const auto [what, schema, expected] = GENERATE(table<std::string, json, json>({
      {"the schema's example", {{"type", "string"}, {"example", "abc"}}, "abc"},
      {"3.1's examples, the first", {{"type", "integer"}, {"examples", {7, 8}}}, 7},
      {"default before enum", {{"type", "string"}, {"default", "b"}, {"enum", {"a", "b"}}}, "b"},
      {"the first enum value", {{"type", "string"}, {"enum", {"scheduled", "live"}}}, "scheduled"},
      {"a plain string", {{"type", "string"}}, "string"},
      {"date-time", {{"type", "string"}, {"format", "date-time"}}, "2019-08-24T14:15:22Z"},
      {"email", {{"type", "string"}, {"format", "email"}}, "user@example.com"},
      {"uri", {{"type", "string"}, {"format", "uri"}}, "http://example.com"},
      {"uuid", {{"type", "string"}, {"format", "uuid"}}, "095be615-a8ad-4c33-8e9c-c7612fbf6c9f"},
      {"minLength pads", {{"type", "string"}, {"minLength", 8}}, "stringxx"},
      {"maxLength cuts", {{"type", "string"}, {"maxLength", 3}}, "str"},
      {"an integer", {{"type", "integer"}}, 0},
      {"int64 needs more than 32 bits", {{"type", "integer"}, {"format", "int64"}}, 4294967296LL},
      {"minimum", {{"type", "integer"}, {"minimum", 30}}, 30},
      {"exclusive minimum (3.0)", {{"type", "integer"}, {"minimum", 30}, {"exclusiveMinimum", true}}, 31},
      {"maximum below zero", {{"type", "number"}, {"maximum", -2}}, -2.0},
      {"a boolean", {{"type", "boolean"}}, true},
      {"3.1's type list", {{"type", {"null", "string"}}}, "string"},
      {"an object, every property, writeOnly left out",
       {{"type", "object"}, {"properties", {{"id", {{"type", "string"}}}, {"password", {{"type", "string"}, {"writeOnly", true}}}}}},
       {{"id", "string"}}},
      {"an array: one item", {{"type", "array"}, {"items", {{"type", "integer"}}}}, {0}},
      {"an array: minItems items", {{"type", "array"}, {"minItems", 3}, {"items", {{"type", "boolean"}}}}, {true, true, true}},
      {"allOf merged", {{"allOf", {{{"type", "object"}, {"properties", {{"a", {{"type", "integer"}}}}}}, {{"type", "object"}, {"properties", {{"b", {{"type", "boolean"}}}}}}}}}, {{"a", 0}, {"b", true}}},
      {"oneOf: the first", {{"oneOf", {{{"type", "string"}}, {{"type", "integer"}}}}}, "string"},
      {"anyOf: the first", {{"anyOf", {{{"type", "boolean"}}, {{"type", "integer"}}}}}, true},
      {"a recursive $ref ends", {{"$ref", "#/components/schemas/Node"}}, {{"name", "string"}, {"children", json::array()}}},
  }));
  INFO(what);
  CHECK(made_from(schema) == expected);
}

TEST_CASE("each operation is a route and each documented status an example, sourced in the spec", "[spec][fixtures]") {
  auto document = read(openapi({{"/users/{userId}", {{"get", {
      {"summary", "Get a user"},
      {"responses", {
          {"200", {{"description", "User returned."}, {"content", {{"application/json", {{"example", {{"id", "u1"}}}}}}}}},
          {"404", {{"description", "**HTTP Status Code:** `404` <br>\n **Error Code:** `1001` <br>\n User does not exist: $userId."}}},
          {"default", {{"description", "anything else"}}},
      }}}}}}}));
  REQUIRE(document.problems.empty());
  REQUIRE(document.routes.size() == 1);
  const Route& route = document.routes[0];
  CHECK(route.method == "GET");
  CHECK(route.path.to_string() == "/v2/users/{userId}");
  CHECK(route.base_path == "/v2");
  CHECK(route.name == "Get a user");
  CHECK(route.source.pointer == "/paths/~1users~1{userId}/get");
  REQUIRE(route.examples.size() == 2);  // "default" is no status
  CHECK(route.examples[0].status == 200);
  CHECK(json::parse(route.examples[0].body) == json{{"id", "u1"}});
  CHECK(route.examples[0].headers.get("Content-Type") == "application/json");
  CHECK(route.examples[0].source.pointer == "/paths/~1users~1{userId}/get/responses/200/content/application~1json/example");
  CHECK(route.examples[1].status == 404);
  CHECK(route.examples[1].body.empty());
  CHECK(document.rules.size() == 1);

  SECTION("--base-path replaces the spec's") {
    CHECK(read(openapi({{"/users", {{"get", {{"responses", json::object()}}}}}}), "/zoom").routes[0].path.to_string() ==
          "/zoom/users");
  }
}

TEST_CASE("served, a spec route answers its example, Zoom's error shape from a description, and its rules",
          "[spec][fixtures]") {
  TempDir dir;
  const json paths = json::parse(R"({"/things/{thingId}": {"get": {
      "parameters": [{"name": "thingId", "in": "path", "required": true, "schema": {"type": "integer"}}],
      "responses": {
        "200": {"description": "OK", "content": {"application/json": {"schema":
                {"type": "object", "properties": {"id": {"type": "integer", "minimum": 5}}}}}},
        "404": {"description": "**HTTP Status Code:** `404` <br>\n **Error Code:** `3001` <br>\n Thing does not exist: {thingId}."}}}}})");
  const std::string file = dir.write("things.openapi.json", openapi(paths).dump());
  Engine engine(std::make_shared<const FixtureSet>(load_fixtures_with_specs({file}, {}, {})), EngineOptions{});
  SECTION("the made body") {
    auto answer = engine.handle(zoom_request("GET", "/v2/things/7"));
    CHECK(answer.status == 200);
    CHECK(body_json(answer) == json{{"id", 5}});
  }
  SECTION("an error status asked for answers Zoom's {code, message}") {
    auto answer = engine.handle(with_header(zoom_request("GET", "/v2/things/7"), "x-mock-response-code", "404"));
    CHECK(answer.status == 404);
    CHECK(body_json(answer)["code"] == 3001);
  }
  SECTION("the spec's parameter rule") {
    auto answer = engine.handle(zoom_request("GET", "/v2/things/abc"));
    CHECK(answer.status == 400);
    CHECK(body_json(answer)["code"] == 300);
  }
}

TEST_CASE("a hostile spec is refused with the pointer, not looped on", "[spec][fixtures]") {
  SECTION("nesting deeper than the bound") {
    json schema = {{"type", "string"}};
    for (int i = 0; i < 200; ++i) schema = {{"type", "array"}, {"items", schema}};
    auto document = read(one_response({{"description", "OK"}, {"content", {{"application/json", {{"schema", schema}}}}}}));
    REQUIRE(document.problems.size() == 1);
    CHECK_THAT(document.problems[0].message, Catch::Contains("levels"));
    CHECK_THAT(document.problems[0].pointer, Catch::StartsWith("/paths/~1things/get/responses/200/content/application~1json/schema/items"));
  }
  SECTION("minItems past the bound") {
    auto document = read(one_response({{"description", "OK"}, {"content", {{"application/json",
        {{"schema", {{"type", "array"}, {"minItems", 1000000000}, {"items", {{"type", "integer"}}}}}}}}}}));
    REQUIRE(document.problems.size() == 1);
    CHECK(document.problems[0].pointer == "/paths/~1things/get/responses/200/content/application~1json/schema/minItems");
  }
  SECTION("a wide tree that would grow past the bound") {
    json level = {{"type", "string"}};
    for (int i = 0; i < 8; ++i) level = {{"type", "array"}, {"minItems", 30}, {"items", level}};
    auto document = read(one_response({{"description", "OK"}, {"content", {{"application/json", {{"schema", level}}}}}}));
    REQUIRE(document.problems.size() == 1);
    CHECK_THAT(document.problems[0].message, Catch::Contains("values"));
  }
  SECTION("a $ref to nowhere") {
    auto document = read(one_response({{"description", "OK"}, {"content", {{"application/json",
        {{"schema", {{"$ref", "#/components/schemas/Missing"}}}}}}}}));
    REQUIRE_FALSE(document.problems.empty());
    CHECK(document.problems[0].pointer == "/paths/~1things/get/responses/200/content/application~1json/schema/$ref");
  }
}

TEST_CASE("a Postman collection is not mistaken for a spec", "[spec][fixtures]") {
  CHECK_FALSE(read_spec_fixture("c.json", collection(json::array()).dump(), std::nullopt));
}

TEST_CASE("Zoom's 2026 Users spec served on its own: every operation, me from its Get a user example",
          "[spec][fixtures][zoom-data]") {
  const std::string spec = std::string(FAKEZOOM_ZOOM_DATA_DIR) + "/zoom-users-openapi3-2026-02.json";
  if (!std::filesystem::exists(spec)) {
    WARN("skipped: " << spec << " not found (Zoom's data lives in ../shared/zoom-data)");
    CHECK_FALSE(std::filesystem::exists(spec));
    return;
  }
  auto fixtures = std::make_shared<const FixtureSet>(load_fixtures_with_specs({spec}, {}, {}));
  CHECK(fixtures->routes.routes().size() == 71);
  CHECK(fixtures->example_count() == 274);
  Engine engine(fixtures, EngineOptions{});
  auto me = engine.handle(zoom_request("GET", "/v2/users/me"));
  CHECK(me.status == 200);
  CHECK(body_json(me)["email"] == "jchill@example.com");
  auto groups = engine.handle(zoom_request("GET", "/v2/contacts/groups"));
  CHECK(groups.status == 200);
  CHECK(body_json(groups).contains("groups"));
}

TEST_CASE("a collection and a spec that describe one route serve it once, with both sides' examples",
          "[spec][fixtures]") {
  TempDir dir;
  const auto collection_file = dir.write("a.postman_collection.json", collection(json::array({
      request_item("Get a thing", "GET", {"things", ":id"},
                   json::array({saved_example("Thing returned.", 200, R"({"id":"from-postman"})", "application/json")})),
      request_item("Old route", "GET", {"legacy"}, json::array({saved_example("OK", 200)})),
  })).dump());
  const json paths = json::parse(R"({
      "/things/{thingId}": {"get": {"responses": {
        "200": {"description": "OK", "content": {"application/json": {"example": {"id": "from-spec"}}}},
        "404": {"description": "**HTTP Status Code:** `404` <br>\n **Error Code:** `3001` <br>\n No such thing."}}}},
      "/new": {"get": {"responses": {"204": {"description": "Nothing."}}}}})");
  const auto spec_file = dir.write("b.openapi.json", openapi(paths).dump());
  const auto loaded = std::make_shared<const FixtureSet>(load_fixtures_with_specs({collection_file, spec_file}, {}, {}));
  const FixtureSet& fixtures = *loaded;
  const auto& routes = fixtures.routes.routes();
  REQUIRE(routes.size() == 3);

  const Route& thing = routes[0];
  CHECK(thing.path.to_string() == "/v2/things/{id}");  // the collection's name for the segment
  REQUIRE(thing.examples.size() == 2);
  CHECK(json::parse(thing.examples[0].body) == json{{"id", "from-postman"}});  // the collection's 200 wins
  CHECK(thing.examples[1].status == 404);
  CHECK(thing.examples[1].source.file == spec_file);
  REQUIRE(thing.merged.size() == 1);
  CHECK(thing.merged[0].pointer == "/paths/~1things~1{thingId}/get");
  CHECK_FALSE(thing.from_supplement);
  CHECK(routes[2].from_supplement);  // /new
  CHECK(lint(fixtures).empty());

  SECTION("lint notes each route only one side documents") {
    const auto notes = one_sided_routes(fixtures);
    REQUIRE(notes.size() == 2);
    CHECK_THAT(notes[0].message, Catch::EndsWith("GET /v2/legacy: no spec documents it"));
    CHECK_THAT(notes[1].message, Catch::EndsWith("GET /v2/new: only the spec documents it"));
  }
  SECTION("served, the spec's 404 answers when asked for") {
    Engine engine(loaded, EngineOptions{});
    auto answer = engine.handle(with_header(zoom_request("GET", "/v2/things/x"), "x-mock-response-code", "404"));
    CHECK(answer.status == 404);
    CHECK(body_json(answer) == json{{"code", 3001}, {"message", "No such thing."}});
  }
}
