// Specs to rules: OpenAPI 3 and Swagger 2.0, JSON and YAML, local $refs, base paths, and
// problems that name the file and the place.
#include <catch2/catch.hpp>

#include "fakezoom/engine/engine.hpp"
#include "fakezoom/spec/spec.hpp"
#include "temp_dir.hpp"
#include "unit_support.hpp"

using namespace fakezoom;
using namespace fakezoom::test;

namespace {

// OpenAPI 3 with the ways Zoom's spec and others write parameters: inline, a $ref to
// components/parameters, a schema $ref, and a path item's shared parameters.
json openapi3() {
  return json::parse(R"({
    "openapi": "3.0.0",
    "servers": [{"url": "https://api.zoom.us/v2"}],
    "paths": {
      "/users/{userId}/token": {
        "parameters": [{"$ref": "#/components/parameters/UserId"}],
        "get": {
          "parameters": [
            {"name": "type", "in": "query", "schema": {"$ref": "#/components/schemas/TokenType"}},
            {"name": "ttl", "in": "query", "schema": {"type": "integer", "minimum": 0, "maximum": 100000000}},
            {"name": "X-Trace", "in": "header", "schema": {"type": "string"}}
          ]
        },
        "delete": {}
      },
      "x-extension": {}
    },
    "components": {
      "parameters": {"UserId": {"name": "userId", "in": "path", "required": true, "schema": {"type": "string"}}},
      "schemas": {"TokenType": {"type": "string", "enum": ["token", "zak", "onbehalf"]}}
    }
  })");
}

json swagger2() {
  return json::parse(R"({
    "swagger": "2.0",
    "basePath": "/v2",
    "paths": {
      "/users/{userId}/token": {
        "get": {"parameters": [{"$ref": "#/parameters/UserId"},
                               {"in": "query", "name": "type", "type": "string", "enum": ["token", "zpk", "zak"]},
                               {"in": "body", "name": "body", "schema": {"type": "object"}}]}
      }
    },
    "parameters": {"UserId": {"in": "path", "name": "userId", "type": "string", "required": true}}
  })");
}

Spec read(const json& document, std::vector<Problem>& problems) { return read_spec_json("spec.json", document, problems); }

const OperationRules& operation(const Spec& spec, const std::string& method) {
  for (const auto& op : spec.operations)
    if (op.method == method) return op;
  FAIL("no " << method << " operation");
  throw;
}

bool has_problem(const std::vector<Problem>& problems, const std::string& file, const std::string& pointer,
                 const std::string& words) {
  for (const auto& problem : problems)
    if (problem.file == file && problem.pointer == pointer && problem.message.find(words) != std::string::npos) return true;
  return false;
}

std::vector<Problem> problems_loading(const std::string& file) {
  try {
    load_spec(file);
  } catch (const FixtureError& error) {
    return error.diagnostics();
  }
  return {};
}

const Route& seed_route(const FixtureSet& fixtures) { return *fixtures.routes.find_by_id("get-v2-users-userId-token"); }

}  // namespace

TEST_CASE("an OpenAPI 3 spec gives each operation its path and query rules", "[spec][openapi]") {
  std::vector<Problem> problems;
  const Spec spec = read(openapi3(), problems);
  CHECK(problems.empty());
  CHECK(spec.format == "OpenAPI 3.0.0");
  CHECK(spec.base_path == "/v2");
  REQUIRE(spec.operations.size() == 2);
  const auto& get = operation(spec, "GET");
  CHECK(get.path == "/users/{userId}/token");
  CHECK(get.pointer == "/paths/~1users~1{userId}~1token/get");
  REQUIRE(get.parameters.size() == 3);  // the header has none
  CHECK(get.parameters[0].name == "userId");  // from the path item, through its $ref
  CHECK(get.parameters[0].location == ParameterLocation::path);
  CHECK(get.parameters[0].required);
  CHECK(get.parameters[0].source == "spec.json: /components/parameters/UserId");
  CHECK(get.parameters[1].enum_values == std::vector<std::string>{"token", "zak", "onbehalf"});  // through the schema $ref
  CHECK(get.parameters[2].type == ParameterType::integer);
  CHECK(get.parameters[2].maximum == 100000000);
  CHECK(operation(spec, "DELETE").parameters.size() == 1);  // the shared userId
}

TEST_CASE("an operation's parameter overrides its path item's of the same name", "[spec][openapi]") {
  auto document = openapi3();
  document["paths"]["/users/{userId}/token"]["get"]["parameters"].push_back(
      {{"name", "userId"}, {"in", "path"}, {"required", true}, {"schema", {{"type", "integer"}}}});
  std::vector<Problem> problems;
  const auto spec = read(document, problems);
  const auto& get = operation(spec, "GET");
  REQUIRE(get.parameters.size() == 3);
  CHECK(get.parameters[0].type == ParameterType::integer);
}

TEST_CASE("a Swagger 2.0 spec reads #/parameters refs, inline types and its basePath", "[spec][swagger]") {
  std::vector<Problem> problems;
  const auto spec = read(swagger2(), problems);
  CHECK(problems.empty());
  CHECK(spec.format == "Swagger 2.0");
  CHECK(spec.base_path == "/v2");
  const auto& get = operation(spec, "GET");
  REQUIRE(get.parameters.size() == 2);  // the body parameter has none
  CHECK(get.parameters[0].name == "userId");
  CHECK(get.parameters[1].enum_values == std::vector<std::string>{"token", "zpk", "zak"});
}

TEST_CASE("a Swagger 2.0 string enum of numbers is kept as text", "[spec][swagger]") {
  auto document = swagger2();
  document["paths"]["/users/{userId}/token"]["get"]["parameters"][1] =
      json{{"in", "query"}, {"name", "login_type"}, {"type", "string"}, {"enum", {0, 1, 99}}};
  std::vector<Problem> problems;
  const Spec spec = read(document, problems);
  const auto& rule = operation(spec, "GET").parameters.at(1);
  CHECK(rule.enum_values == std::vector<std::string>{"0", "1", "99"});
  CHECK_FALSE(rule_violation(rule, "99"));
  CHECK(rule_violation(rule, "2"));
}

TEST_CASE("the spec's base path comes from servers[0].url or basePath", "[spec]") {
  auto with_server = [](const std::string& url) {
    auto document = openapi3();
    document["servers"] = {{{"url", url}}};
    std::vector<Problem> problems;
    return read(document, problems).base_path;
  };
  CHECK(with_server("https://api.zoom.us/v2/") == "/v2");
  CHECK(with_server("/v2") == "/v2");
  CHECK(with_server("https://api.zoom.us") == "");
  auto document = openapi3();
  document.erase("servers");
  std::vector<Problem> problems;
  CHECK(read(document, problems).base_path == "");
}

TEST_CASE("an invalid spec names the file and the place of every problem", "[spec][problems]") {
  std::vector<Problem> problems;
  SECTION("neither OpenAPI 3 nor Swagger 2.0") {
    read(json{{"info", {}}}, problems);
    CHECK(has_problem(problems, "spec.json", "", "not an OpenAPI 3 document"));
  }
  SECTION("OpenAPI 2 or Swagger 1.2") {
    read(json{{"openapi", "2.0"}}, problems);
    CHECK(has_problem(problems, "spec.json", "/openapi", "not supported"));
  }
  SECTION("no paths") {
    read(json{{"openapi", "3.0.3"}}, problems);
    CHECK(has_problem(problems, "spec.json", "/paths", "missing"));
  }
  SECTION("a $ref that leads nowhere") {
    auto document = openapi3();
    document["components"]["parameters"].erase("UserId");
    read(document, problems);
    CHECK(has_problem(problems, "spec.json", "/paths/~1users~1{userId}~1token/parameters/0/$ref", "leads nowhere"));
  }
  SECTION("a $ref to another file") {
    auto document = openapi3();
    document["paths"]["/users/{userId}/token"]["get"]["parameters"][0]["schema"] = {{"$ref", "types.json#/TokenType"}};
    read(document, problems);
    CHECK(has_problem(problems, "spec.json", "/paths/~1users~1{userId}~1token/get/parameters/0/schema/$ref", "only local"));
  }
  SECTION("$refs in a circle") {
    auto document = openapi3();
    document["components"]["schemas"]["TokenType"] = {{"$ref", "#/components/schemas/TokenType"}};
    read(document, problems);
    CHECK(has_problem(problems, "spec.json", "/components/schemas/TokenType/$ref", "circle"));
  }
  SECTION("a bad enum, where the $ref leads") {
    auto document = openapi3();
    document["components"]["schemas"]["TokenType"]["enum"] = "zak";
    read(document, problems);
    CHECK(has_problem(problems, "spec.json", "/components/schemas/TokenType/enum", "array"));
  }
  SECTION("parameters that are not a list, an operation that is not an object") {
    auto document = swagger2();
    document["paths"]["/users/{userId}/token"]["get"]["parameters"] = {{"a", 1}};
    document["paths"]["/users"] = {{"post", 7}};
    read(document, problems);
    CHECK(has_problem(problems, "spec.json", "/paths/~1users~1{userId}~1token/get/parameters", "array"));
    CHECK(has_problem(problems, "spec.json", "/paths/~1users/post", "operation"));
  }
}

TEST_CASE("an unreadable or unparsable spec file names the file, and the line for syntax", "[spec][problems]") {
  TempDir folder;
  SECTION("no such file") {
    const auto problems = problems_loading(folder.file("missing.json"));
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].file == folder.file("missing.json"));
    CHECK(problems[0].message.find("cannot read spec") != std::string::npos);
  }
  SECTION("broken JSON") {
    const auto file = folder.write("broken.json", "{\n  \"openapi\": \"3.0.0\",\n  \"paths\": {,}\n}");
    const auto problems = problems_loading(file);
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].file == file);
    CHECK(problems[0].message.find("invalid JSON at line 3") != std::string::npos);
  }
  SECTION("broken YAML") {
    const auto file = folder.write("broken.yaml", "openapi: 3.0.0\npaths:\n  /a: [1, 2\n");
    const auto problems = problems_loading(file);
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].file == file);
    CHECK(problems[0].message.find("invalid YAML at line") != std::string::npos);
  }
  SECTION("apply_specs lists the problems of every file and leaves the fixtures as they were") {
    const auto bad = folder.write("bad.json", R"({"swagger":"2.0","paths":{"/users/{userId}/token":{"get":{"parameters":[{"in":"query"}]}}}})");
    FixtureSet fixtures = load_fixtures({kFixturesDir});
    try {
      apply_specs(fixtures, {bad, folder.file("missing.yaml")});
      FAIL("applied");
    } catch (const FixtureError& error) {
      CHECK(has_problem(error.diagnostics(), bad, "/paths/~1users~1{userId}~1token/get/parameters/0/name", "name"));
      CHECK(has_problem(error.diagnostics(), folder.file("missing.yaml"), "", "cannot read"));
      CHECK(std::string(error.what()).find(bad) != std::string::npos);
    }
    CHECK(seed_route(fixtures).parameter_rules.size() == 3);  // the rules file's, untouched
  }
}

TEST_CASE("a YAML spec with a byte that is not UTF-8 is a spec problem at its line, not a crash", "[spec][problems][yaml]") {
  // fuzz/regressions/spec_loader/yaml-version-not-utf8.yaml, yaml-openapi-latin1-byte.yaml:
  // nlohmann's dump() threw type_error 316 on such a string and `fakezoom serve --spec` aborted.
  TempDir folder;
  const auto [text, line] = GENERATE(table<std::string, std::string>({
      {"openapi: \xA2" "3.0.0\npaths: {}\n", "line 1, column 10"},
      {"openapi: \"\xFF\"\npaths: {}\n", "line 1, column 10"},
      {"openapi: 3.0.0\npaths:\n  /caf\xE9: {}\n", "line 3, column 3"},
  }));
  INFO(text);
  const auto file = folder.write("latin1.yaml", text);
  const auto problems = problems_loading(file);
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].file == file);
  CHECK_THAT(problems[0].message, Catch::Contains("invalid YAML at " + line) && Catch::Contains("not valid UTF-8"));
}

TEST_CASE("a YAML spec with UTF-8 text beyond ASCII loads", "[spec][yaml]") {
  std::vector<Problem> problems;
  const auto spec = read_spec_text("utf8.yaml", "openapi: 3.0.0\ninfo: {title: \"\xE2\x80\x9CZoom\xE2\x80\x9D \xF0\x9F\x93\xB9\"}\npaths: {}\n", problems);
  CHECK(problems.empty());
  CHECK(spec.format == "OpenAPI 3.0.0");
}

TEST_CASE("a YAML spec reads like its JSON twin", "[spec][yaml]") {
  TempDir folder;
  const auto file = folder.write("users.yaml", R"(openapi: 3.0.3
servers:
  - url: https://api.zoom.us/v2
paths:
  /users/{userId}/token:
    parameters:
      - $ref: '#/components/parameters/UserId'
    get:
      parameters:
        - name: type
          in: query
          schema:
            type: string
            enum: [token, zak, onbehalf]
        - name: ttl
          in: query
          required: false
          schema: {type: integer, minimum: 0, maximum: 1e8}
        - name: code
          in: query
          schema:
            type: string
            enum: ["200", 'null', true, 404]
components:
  parameters:
    UserId: &user
      name: userId
      in: path
      required: true
      schema:
        type: string
)");
  const Spec spec = load_spec(file);
  CHECK(spec.format == "OpenAPI 3.0.3");
  CHECK(spec.base_path == "/v2");
  REQUIRE(spec.operations.size() == 1);
  const auto& parameters = spec.operations[0].parameters;
  REQUIRE(parameters.size() == 4);
  CHECK(parameters[0].name == "userId");
  CHECK(parameters[0].required);
  CHECK(parameters[1].enum_values == std::vector<std::string>{"token", "zak", "onbehalf"});
  CHECK(parameters[2].type == ParameterType::integer);
  CHECK(parameters[2].maximum == 100000000);
  // Quoted scalars stay text; plain ones follow YAML 1.2's core schema.
  CHECK(parameters[3].enum_values == std::vector<std::string>{"200", "null", "true", "404"});

  SECTION("and gives the seed's route its rules") {
    FixtureSet fixtures = load_fixtures({kSeedItemFile});
    const auto coverage = apply_specs(fixtures, {file});
    REQUIRE(coverage.size() == 1);
    CHECK(coverage[0].routes == std::vector<std::string>{"get-v2-users-userId-token"});
    CHECK(coverage[0].concessions.empty());
    const auto outcome =
        respond(fixtures, zoom_request("GET", "/v2/users/me/token", {{"type", "onbehalf"}, {"ttl", "100000001"}}), BodyMode::zoom);
    CHECK(outcome.response.status == 400);
    CHECK(body_json(outcome.response)["errors"] == json{{{"field", "ttl"}, {"message", "must be at most 100000000"}}});
  }
}

TEST_CASE("a spec's rule replaces the rules file's for the same parameter, the others stay", "[spec]") {
  TempDir folder;
  const auto file = folder.write("openapi.json", openapi3().dump());
  const FixtureSet fixtures = load_fixtures_with_specs({kFixturesDir}, {}, {file});
  const auto& rules = seed_route(fixtures).parameter_rules;
  REQUIRE(rules.size() == 3);
  CHECK(rules[1].enum_values->size() == 3);  // the spec's type: onbehalf allowed
  CHECK(rules[2].maximum == 100000000);      // the spec's ttl
  auto answer = [&](QueryParams query) {
    return respond(fixtures, zoom_request("GET", "/v2/users/me/token", std::move(query)), BodyMode::zoom).response.status;
  };
  CHECK(answer({{"type", "onbehalf"}}) == 200);
  CHECK(answer({{"type", "zak"}, {"ttl", "68423085"}}) == 200);
  CHECK(answer({{"type", "foo"}}) == 400);
  SECTION("ids and shadowing stay as loaded") {
    const auto plain = load_fixtures({kFixturesDir});
    REQUIRE(plain.routes.routes().size() == fixtures.routes.routes().size());
    for (std::size_t i = 0; i < plain.routes.routes().size(); ++i)
      CHECK(plain.routes.routes()[i].id == fixtures.routes.routes()[i].id);
  }
}

TEST_CASE("load_fixtures_with_specs reports fixture and spec problems together", "[spec][problems]") {
  TempDir folder;
  const auto broken_fixture = folder.write("broken.json", "{");
  const auto broken_spec = folder.write("broken.yaml", "openapi: [");
  try {
    load_fixtures_with_specs({broken_fixture}, {}, {broken_spec});
    FAIL("loaded");
  } catch (const FixtureError& error) {
    CHECK(has_problem(error.diagnostics(), broken_fixture, "", "invalid JSON"));
    CHECK(has_problem(error.diagnostics(), broken_spec, "", "invalid YAML"));
  }
}
