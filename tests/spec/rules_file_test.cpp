// The rules file: a fourth shape of fixture document, {"rules":[{method, path, parameters}]},
// applied to the routes of every document once all are read.
#include <catch2/catch.hpp>

#include "fakezoom/fixtures/postman.hpp"
#include "fakezoom/fixtures/rules_file.hpp"
#include "temp_dir.hpp"
#include "unit_support.hpp"

using namespace fakezoom;
using namespace fakezoom::test;

namespace {

json rules_document(json parameters, const std::string& path = "/users/{userId}/token", const std::string& method = "GET") {
  return {{"rules", {{{"method", method}, {"path", path}, {"parameters", std::move(parameters)}}}}};
}

json type_parameter() {
  return {{"name", "type"}, {"in", "query"}, {"schema", {{"type", "string"}, {"enum", {"token", "zak"}}}}};
}

std::vector<Problem> rules_problems(const json& document) {
  std::vector<Problem> problems;
  read_rules_document(document, "rules.json", problems);
  return problems;
}

bool has_problem(const std::vector<Problem>& problems, const std::string& pointer, const std::string& words) {
  for (const auto& problem : problems)
    if (problem.file == "rules.json" && problem.pointer == pointer && problem.message.find(words) != std::string::npos)
      return true;
  return false;
}

// The seed's item and a rules file in a folder of their own: what `--fixtures DIR` reads.
FixtureSet seed_with_rules(const json& rules, TempDir& folder) {
  folder.write("item.json", read_text(kSeedItemFile));
  folder.write("rules.json", rules.dump());
  return load_fixtures({folder.path()});
}

}  // namespace

TEST_CASE("a rules file reads into operations with their rules", "[spec][rules-file]") {
  std::vector<Problem> problems;
  const auto operations = read_rules_document(
      rules_document({type_parameter(), {{"name", "ttl"}, {"in", "query"}, {"required", true}, {"schema", {{"type", "integer"}, {"minimum", 0}, {"maximum", 10}}}}}),
      "rules.json", problems);
  CHECK(problems.empty());
  REQUIRE(operations.size() == 1);
  CHECK(operations[0].method == "GET");
  CHECK(operations[0].path == "/users/{userId}/token");
  CHECK(operations[0].pointer == "/rules/0");
  REQUIRE(operations[0].parameters.size() == 2);
  const auto& ttl = operations[0].parameters[1];
  CHECK(ttl.type == ParameterType::integer);
  CHECK(ttl.required);
  CHECK(ttl.minimum == 0);
  CHECK(ttl.maximum == 10);
  CHECK(ttl.source == "rules.json: /rules/0/parameters/1");
}

TEST_CASE("Swagger 2.0's inline parameter fields work in a rules file too", "[spec][rules-file]") {
  std::vector<Problem> problems;
  const auto operations = read_rules_document(
      rules_document({{{"name", "type"}, {"in", "query"}, {"type", "string"}, {"enum", {"token", "zak"}}}}), "rules.json", problems);
  CHECK(problems.empty());
  REQUIRE(operations.size() == 1);
  CHECK(operations[0].parameters.at(0).enum_values == std::vector<std::string>{"token", "zak"});
}

TEST_CASE("a broken rules file names the file and the JSON pointer of each problem", "[spec][rules-file]") {
  SECTION("rules that are not an array") { CHECK(has_problem(rules_problems({{"rules", 3}}), "/rules", "array")); }
  SECTION("no method, a relative path") {
    const auto problems = rules_problems({{"rules", {{{"path", "users"}, {"parameters", json::array()}}}}});
    CHECK(has_problem(problems, "/rules/0/method", "method"));
    CHECK(has_problem(problems, "/rules/0/path", "path"));
  }
  SECTION("an unknown type") {
    const auto problems = rules_problems(rules_document({{{"name", "ttl"}, {"in", "query"}, {"schema", {{"type", "int"}}}}}));
    CHECK(has_problem(problems, "/rules/0/parameters/0/schema/type", "unknown type \"int\""));
  }
  SECTION("an enum that is not an array, a bound that is not a number") {
    const auto problems = rules_problems(rules_document(
        {{{"name", "type"}, {"in", "query"}, {"schema", {{"enum", "zak"}, {"minimum", "0"}}}}}));
    CHECK(has_problem(problems, "/rules/0/parameters/0/schema/enum", "array"));
    CHECK(has_problem(problems, "/rules/0/parameters/0/schema/minimum", "number"));
  }
  SECTION("a parameter without a name or a known location") {
    const auto problems = rules_problems(rules_document({{{"in", "query"}}, {{"name", "x"}, {"in", "body2"}}}));
    CHECK(has_problem(problems, "/rules/0/parameters/0/name", "name"));
    CHECK(has_problem(problems, "/rules/0/parameters/1/in", "unknown location"));
  }
  SECTION("a header parameter, which has no rule") {
    CHECK(has_problem(rules_problems(rules_document({{{"name", "X-Trace"}, {"in", "header"}}})), "/rules/0/parameters/0/in",
                      "only path and query"));
  }
  SECTION("a path parameter the path does not have") {
    const auto problems = rules_problems(rules_document({{{"name", "user"}, {"in", "path"}, {"required", true}}}));
    CHECK(has_problem(problems, "/rules/0/parameters/0/name", "not a parameter of /users/{userId}/token"));
  }
  SECTION("a $ref that leads nowhere") {
    const auto problems = rules_problems(rules_document({{{"$ref", "#/parameters/Type"}}}));
    CHECK(has_problem(problems, "/rules/0/parameters/0/$ref", "leads nowhere"));
  }
}

TEST_CASE("a rules file in a fixtures folder gives the routes of the other files their rules", "[spec][rules-file]") {
  TempDir folder;
  const auto fixtures = seed_with_rules(rules_document({type_parameter()}, "/users/:userId/token", "get"), folder);
  const Route* route = fixtures.routes.find_by_id("get-v2-users-userId-token");
  REQUIRE(route);
  REQUIRE(route->parameter_rules.size() == 1);
  CHECK(route->parameter_rules[0].name == "type");
  SECTION("whatever the file order: the rules file read first still applies") {
    TempDir other;
    other.write("0-rules.json", rules_document({type_parameter()}).dump());
    other.write("1-item.json", read_text(kSeedItemFile));
    CHECK(load_fixtures({other.path()}).routes.find_by_id("get-v2-users-userId-token")->parameter_rules.size() == 1);
  }
  SECTION("and after --base-path moved the routes") {
    TempDir other;
    other.write("item.json", read_text(kSeedItemFile));
    other.write("rules.json", rules_document({type_parameter()}).dump());
    LoadOptions options;
    options.base_path = "/zoom/api";
    CHECK(load_fixtures({other.path()}, options).routes.routes().at(0).parameter_rules.size() == 1);
  }
}

TEST_CASE("a rule for a route no fixture has is a load error, not a silent no-op", "[spec][rules-file]") {
  TempDir folder;
  try {
    seed_with_rules(rules_document({type_parameter()}, "/users/{userId}/tokens"), folder);
    FAIL("loaded");
  } catch (const FixtureError& error) {
    REQUIRE(error.diagnostics().size() == 1);
    CHECK(error.diagnostics()[0].file == folder.file("rules.json"));
    CHECK(error.diagnostics()[0].pointer == "/rules/0");
    CHECK(error.diagnostics()[0].message.find("matches no route") != std::string::npos);
  }
}

TEST_CASE("a document that is none of the four shapes says what it could have been", "[spec][rules-file]") {
  std::vector<Problem> problems = read_fixture_text("x.json", R"({"hello":1})", std::nullopt).problems;
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].message.find("rules file") != std::string::npos);
}
