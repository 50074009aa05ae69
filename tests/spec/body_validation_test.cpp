// Request bodies against their operation's schema (issue 12, point 4): BodySchema on its own,
// the spec loader's requestBody and Swagger body parameters with $refs inlined and hostile
// schemas bounded, and respond() answering Zoom's 300s for broken and malformed bodies,
// before anything is stored.
#include <catch2/catch.hpp>

#include <filesystem>

#include "fakezoom/engine/engine.hpp"
#include "fakezoom/model/body_schema.hpp"
#include "fakezoom/model/wire_errors.hpp"
#include "fakezoom/spec/spec.hpp"
#include "fakezoom/zoom/account_seed.hpp"
#include "unit_support.hpp"
#include "test_paths.hpp"

using namespace fakezoom;
using namespace fakezoom::test;

namespace {

// The shape of Zoom's POST /users body (the 2026 Users spec), cut down.
const json kCreateUser = json::parse(R"({
  "type": "object", "required": ["action"],
  "properties": {
    "action": {"type": "string", "enum": ["create", "autoCreate", "custCreate", "ssoCreate"]},
    "user_info": {"type": "object", "required": ["email", "type"],
      "properties": {"email": {"type": "string", "maxLength": 128},
                     "type": {"type": "integer", "enum": [1, 2, 4, 99]},
                     "first_name": {"type": "string", "maxLength": 64}}}
  }
})");

std::vector<std::string> fields(const std::vector<InputProblem>& problems) {
  std::vector<std::string> out;
  for (const auto& problem : problems) out.push_back(problem.field);
  return out;
}

json openapi_with_body(const json& schema, const json& components = json::object()) {
  return {{"openapi", "3.0.0"},
          {"servers", {{{"url", "https://api.zoom.us/v2"}}}},
          {"paths",
           {{"/users", {{"post", {{"requestBody", {{"content", {{"application/json", {{"schema", schema}}}}}}}}}}}}},
          {"components", {{"schemas", components}}}};
}

Spec read(const json& document, std::vector<Problem>& problems) {
  return read_spec_json("spec.json", document, problems);
}

HttpRequest create_user(const std::string& body) {
  HttpRequest request = zoom_request("POST", "/v2/users");
  request.body = body;
  request.headers.set("Content-Type", "application/json");
  return request;
}

const std::string kZoomData = FAKEZOOM_ZOOM_DATA_DIR;
const std::string kUsersSpec = kZoomData + "/zoom-users-openapi3-2026-02.json";

}  // namespace

TEST_CASE("a body schema lists every broken field by its dotted name", "[spec][body]") {
  const auto schema = BodySchema::compile(kCreateUser);
  SECTION("a body that keeps the schema has no problems") {
    CHECK(schema->check(json::parse(R"({"action":"create","user_info":{"email":"a@example.com","type":1}})")).empty());
  }
  SECTION("a missing property is that property's problem") {
    const auto problems = schema->check(json::parse(R"({"user_info":{"type":1}})"));
    CHECK(fields(problems) == std::vector<std::string>{"action", "user_info.email"});
    for (const auto& problem : problems) CHECK(problem.message == "is required");
  }
  SECTION("types, enums and lengths, each field once, by field name") {
    const auto problems = schema->check(json::parse(
        R"({"action":"destroy","user_info":{"email":7,"type":3,"first_name":")" + std::string(65, 'x') + R"("}})"));
    INFO(json(fields(problems)).dump());
    CHECK(fields(problems) ==
          std::vector<std::string>{"action", "user_info.email", "user_info.first_name", "user_info.type"});
  }
  SECTION("an array item is named by its index") {
    const auto list = BodySchema::compile(
        json::parse(R"({"type":"object","properties":{"ids":{"type":"array","items":{"type":"integer"}}}})"));
    CHECK(fields(list->check(json::parse(R"({"ids":[1,"two",3]})"))) == std::vector<std::string>{"ids[1]"});
  }
}

TEST_CASE("the spec loader reads requestBody and Swagger body schemas with their $refs", "[spec][body]") {
  std::vector<Problem> problems;
  SECTION("OpenAPI 3: a $ref into components, inlined") {
    const Spec spec =
        read(openapi_with_body({{"$ref", "#/components/schemas/User"}}, {{"User", kCreateUser}}), problems);
    REQUIRE(problems.empty());
    REQUIRE(spec.operations.size() == 1);
    REQUIRE(spec.operations[0].body_schema);
    CHECK(spec.operations[0].body_source ==
          "spec.json: /paths/~1users/post/requestBody/content/application~1json/schema");
    CHECK(fields(spec.operations[0].body_schema->check(json::parse(R"({"action":"x"})"))) ==
          std::vector<std::string>{"action"});
  }
  SECTION("Swagger 2.0: the body parameter's schema") {
    const json swagger = {
        {"swagger", "2.0"},
        {"basePath", "/v2"},
        {"paths",
         {{"/users", {{"post", {{"parameters", {{{"in", "body"}, {"name", "body"}, {"schema", kCreateUser}}}}}}}}}}};
    const Spec spec = read(swagger, problems);
    REQUIRE(problems.empty());
    REQUIRE(spec.operations.at(0).body_schema);
    CHECK(spec.operations[0].body_source == "spec.json: /paths/~1users/post/parameters/0/schema");
  }
  SECTION("a recursive schema loads, and anything passes where it recurs") {
    const json node = json::parse(
        R"({"type":"object","properties":{"name":{"type":"string"},"child":{"$ref":"#/components/schemas/Node"}}})");
    const Spec spec = read(openapi_with_body({{"$ref", "#/components/schemas/Node"}}, {{"Node", node}}), problems);
    REQUIRE(problems.empty());
    const auto& schema = spec.operations.at(0).body_schema;
    REQUIRE(schema);
    CHECK(fields(schema->check(json::parse(R"({"name":5})"))) == std::vector<std::string>{"name"});
    // The schema recurs at `child`: the check stops there.
    CHECK(schema->check(json::parse(R"({"name":"root","child":{"name":5}})")).empty());
  }
  SECTION("nullable: true lets null through") {
    const Spec spec = read(
        openapi_with_body(json::parse(R"({"type":"object","properties":{"dept":{"type":"string","nullable":true}}})")),
        problems);
    REQUIRE(spec.operations.at(0).body_schema);
    CHECK(spec.operations[0].body_schema->check(json::parse(R"({"dept":null})")).empty());
    CHECK_FALSE(spec.operations[0].body_schema->check(json::parse(R"({"dept":1})")).empty());
  }
  SECTION("a $ref that leads nowhere is a problem at its pointer") {
    read(openapi_with_body({{"$ref", "#/components/schemas/Missing"}}), problems);
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].file == "spec.json");
    CHECK(problems[0].pointer == "/paths/~1users/post/requestBody/content/application~1json/schema/$ref");
  }
  SECTION("a schema that explodes once inlined is refused, not built") {
    // Each level names the next twice: 2^40 nodes if inlined naively.
    json components = json::object();
    for (int i = 0; i < 40; ++i) {
      const std::string next = "#/components/schemas/S" + std::to_string(i + 1);
      components["S" + std::to_string(i)] = {{"type", "object"},
                                             {"properties", {{"a", {{"$ref", next}}}, {"b", {{"$ref", next}}}}}};
    }
    components["S40"] = {{"type", "string"}};
    const Spec spec = read(openapi_with_body({{"$ref", "#/components/schemas/S0"}}, components), problems);
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].message.find("too large") != std::string::npos);
    CHECK_FALSE(spec.operations.at(0).body_schema);
  }
}

TEST_CASE("with Zoom's Users spec, POST /users refuses a broken body with every field, before the account stores it",
          "[spec][body][zoom]") {
  if (!std::filesystem::exists(kUsersSpec)) {
    WARN("skipped: " << kUsersSpec << " not found");
    CHECK_FALSE(std::filesystem::exists(kUsersSpec));
    return;
  }
  const FixtureSet fixtures = load_fixtures_with_specs({kFixturesDir}, {}, {kUsersSpec});
  const Route* route = fixtures.routes.find_by_id("post-v2-users");
  REQUIRE(route);
  REQUIRE(route->body_rule);
  Account account(AccountOptions{}, account_seed(fixtures));
  const std::size_t users = account.user_count();
  auto send = [&](const std::string& body) {
    return respond(fixtures, create_user(body), BodyMode::zoom, CallerAuth{}, &account);
  };

  SECTION("broken fields: 400 code 300 Validation Failed., each one listed") {
    const Outcome outcome = send(R"({"action":"delete","user_info":{"type":"one"}})");
    CHECK(outcome.response.status == 400);
    const json body = body_json(outcome.response);
    CHECK(body["code"] == wire::kValidationFailed);
    CHECK(body["message"] == "Validation Failed.");
    std::vector<std::string> named;
    for (const auto& error : body["errors"]) named.push_back(error["field"]);
    CHECK(named == std::vector<std::string>{"action", "user_info.email", "user_info.type"});
    CHECK(account.user_count() == users);
  }
  SECTION("malformed JSON: Zoom's 300 for a body that is not a JSON object") {
    const std::string text = GENERATE(as<std::string>{}, "", "{\"action\":", "[1,2]", "null");
    INFO("body: " << text);
    const Outcome outcome = send(text);
    CHECK(outcome.response.status == 400);
    CHECK(body_json(outcome.response)["code"] == 300);
    CHECK(body_json(outcome.response)["message"] == "Request Body should be a valid JSON object.");
    CHECK(account.user_count() == users);
  }
  SECTION("a body that keeps the schema is stored") {
    const Outcome outcome = send(R"({"action":"create","user_info":{"email":"kept@example.com","type":1}})");
    CHECK(outcome.response.status == 201);
    CHECK(account.user_count() == users + 1);
  }
  SECTION("a body in another media type is not the JSON schema's to judge") {
    HttpRequest form = create_user("action=create");
    form.headers.set("Content-Type", "application/x-www-form-urlencoded");
    CHECK(respond(fixtures, form, BodyMode::zoom, CallerAuth{}, &account).example_id != "fakezoom.validation-failed");
  }
}
