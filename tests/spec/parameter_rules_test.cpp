// validate() and attach_rules(): the pure core of validation, no files.
#include <catch2/catch.hpp>

#include "fakezoom/model/parameter_rules.hpp"
#include "fakezoom/model/route.hpp"

using namespace fakezoom;

namespace {

ParameterRule query_rule(std::string name, ParameterType type) {
  ParameterRule rule;
  rule.name = std::move(name);
  rule.location = ParameterLocation::query;
  rule.type = type;
  return rule;
}

ParameterRule type_rule() {
  auto rule = query_rule("type", ParameterType::string);
  rule.enum_values = std::vector<std::string>{"token", "zak"};
  return rule;
}

ParameterRule ttl_rule() {
  auto rule = query_rule("ttl", ParameterType::integer);
  rule.minimum = 0;
  return rule;
}

std::vector<std::string> fields(const std::vector<InputProblem>& errors) {
  std::vector<std::string> out;
  for (const auto& error : errors) out.push_back(error.field);
  return out;
}

Route token_route() {
  Route route;
  route.id = "get-v2-users-userId-token";
  route.method = "GET";
  route.base_path = "/v2";
  route.path = PathTemplate({{"v2", false}, {"users", false}, {"userId", true}, {"token", false}});
  route.documented_params["userId"] = {":userId", "quis officia in reprehenderit"};
  Example example;
  example.id = route.id + "-1";
  example.method = "GET";
  example.query = {{"type", "zak"}, {"ttl", "68423085"}};
  route.examples.push_back(example);
  return route;
}

OperationRules token_operation(std::vector<ParameterRule> parameters, std::string path = "/users/{userId}/token") {
  return {"GET", std::move(path), std::move(parameters), "spec.json", "/paths/~1users~1{userId}~1token/get"};
}

}  // namespace

TEST_CASE("a request that keeps every rule has no field errors", "[spec][validate]") {
  const std::vector<ParameterRule> rules{type_rule(), ttl_rule()};
  CHECK(validate(rules, {}, {{"type", "zak"}, {"ttl", "68423085"}}).empty());
  CHECK(validate(rules, {}, {{"type", "token"}}).empty());
  CHECK(validate(rules, {}, {}).empty());
  SECTION("parameters without rules are not looked at") { CHECK(validate(rules, {}, {{"foo", "bar"}}).empty()); }
  SECTION("no rules, nothing to break") { CHECK(validate({}, {{"userId", "x"}}, {{"type", "foo"}}).empty()); }
}

TEST_CASE("an enum takes only its values", "[spec][validate]") {
  const std::string value = GENERATE(as<std::string>{}, "foo", "", "ZAK", "zak ", "onbehalf");
  INFO("type=" << value);
  const auto errors = validate({type_rule()}, {}, {{"type", value}});
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].field == "type");
  CHECK(errors[0].message.find("token, zak") != std::string::npos);
}

TEST_CASE("an integer is optional '-' and decimal digits, of any length", "[spec][validate]") {
  const auto rule = query_rule("n", ParameterType::integer);
  for (const std::string good : {"0", "68423085", "-5", "9223372036854775807", "99999999999999999999999"}) {
    INFO("n=" << good);
    CHECK_FALSE(rule_violation(rule, good));
  }
  for (const std::string bad : {"abc", "", "1.5", "1e3", "+1", " 1", "0x10", "-", "12abc"}) {
    INFO("n=" << bad);
    CHECK(rule_violation(rule, bad) == "must be an integer");
  }
}

TEST_CASE("a number follows JSON's grammar, a boolean is true or false", "[spec][validate]") {
  const auto number = query_rule("n", ParameterType::number);
  for (const std::string good : {"0", "1.5", "-2e10", "3E-2"}) CHECK_FALSE(rule_violation(number, good));
  for (const std::string bad : {"", ".5", "1.", "NaN", "inf", "1,5"}) CHECK(rule_violation(number, bad) == "must be a number");
  const auto flag = query_rule("b", ParameterType::boolean);
  CHECK_FALSE(rule_violation(flag, "true"));
  CHECK_FALSE(rule_violation(flag, "false"));
  for (const std::string bad : {"", "1", "yes", "True"}) CHECK(rule_violation(flag, bad) == "must be true or false");
}

TEST_CASE("minimum and maximum bound numbers, inclusively", "[spec][validate]") {
  auto rule = query_rule("page_size", ParameterType::integer);
  rule.minimum = 1;
  rule.maximum = 300;
  CHECK_FALSE(rule_violation(rule, "1"));
  CHECK_FALSE(rule_violation(rule, "300"));
  CHECK(rule_violation(rule, "0") == "must be at least 1");
  CHECK(rule_violation(rule, "301") == "must be at most 300");
  CHECK(rule_violation(rule, "99999999999999999999999999") == "must be at most 300");
  CHECK(rule_violation(rule, "-99999999999999999999999999") == "must be at least 1");
  SECTION("the type is checked before the bounds") { CHECK(rule_violation(rule, "abc") == "must be an integer"); }
  SECTION("bounds say nothing about a string") {
    auto text = query_rule("s", ParameterType::string);
    text.maximum = 3;
    CHECK_FALSE(rule_violation(text, "12345"));
  }
}

TEST_CASE("an integer enum compares numbers, a string enum compares text", "[spec][validate]") {
  auto login = query_rule("login_type", ParameterType::integer);
  login.enum_values = std::vector<std::string>{"0", "1", "99"};
  CHECK_FALSE(rule_violation(login, "99"));
  CHECK_FALSE(rule_violation(login, "-0"));
  CHECK(rule_violation(login, "2"));
  auto text = query_rule("login_type", ParameterType::string);
  text.enum_values = std::vector<std::string>{"0", "1"};
  CHECK(rule_violation(text, "00"));
}

TEST_CASE("a missing required parameter is an error, a missing optional one is not", "[spec][validate]") {
  auto rule = query_rule("from", ParameterType::string);
  rule.required = true;
  CHECK(validate({rule}, {}, {}) == std::vector<InputProblem>{{"from", "is required"}});
  CHECK(validate({rule}, {}, {{"from", ""}}).empty());
  rule.required = false;
  CHECK(validate({rule}, {}, {}).empty());
}

TEST_CASE("every broken field is listed once, in the rules' order", "[spec][validate]") {
  auto from = query_rule("from", ParameterType::string);
  from.required = true;
  const std::vector<ParameterRule> rules{type_rule(), ttl_rule(), from};
  const auto errors = validate(rules, {}, {{"ttl", "-1"}, {"type", "foo"}, {"ttl", "abc"}});
  CHECK(fields(errors) == std::vector<std::string>{"type", "ttl", "from"});
  CHECK(errors[1].message == "must be at least 0");  // the first broken value of ttl
  SECTION("a repeated parameter is checked in each value") {
    CHECK(fields(validate(rules, {}, {{"from", "x"}, {"type", "zak"}, {"type", "nope"}})) == std::vector<std::string>{"type"});
  }
}

TEST_CASE("path parameters are checked by name from the matched route", "[spec][validate]") {
  ParameterRule meeting;
  meeting.name = "meetingId";
  meeting.location = ParameterLocation::path;
  meeting.type = ParameterType::integer;
  CHECK(validate({meeting}, {{"meetingId", "85746065"}}, {}).empty());
  CHECK(validate({meeting}, {{"meetingId", "abc"}}, {}) == std::vector<InputProblem>{{"meetingId", "must be an integer"}});
  SECTION("a query parameter of the same name is another parameter") {
    CHECK(validate({meeting}, {{"meetingId", "1"}}, {{"meetingId", "abc"}}).empty());
  }
}

TEST_CASE("documented values pass whatever the rule says", "[spec][validate]") {
  auto rule = ttl_rule();
  rule.maximum = 31536000;  // Zoom's one-year prose, were it a schema
  rule.documented.insert("68423085");
  CHECK_FALSE(rule_violation(rule, "68423085"));
  CHECK(rule_violation(rule, "68423086") == "must be at most 31536000");
}

TEST_CASE("attach_rules matches method and path after the base path", "[spec][attach]") {
  std::vector<Route> routes{token_route()};
  SECTION("a matching operation gives the route its rules") {
    auto report = attach_rules(routes, {token_operation({type_rule(), ttl_rule()})});
    CHECK(report.routes == std::vector<std::string>{"get-v2-users-userId-token"});
    CHECK(report.unmatched.empty());
    CHECK(routes[0].parameter_rules.size() == 2);
  }
  SECTION("Postman's :name spelling matches too, and the method's case does not matter") {
    auto operation = token_operation({type_rule()}, "/users/:userId/token");
    operation.method = "get";
    CHECK(attach_rules(routes, {operation}).routes.size() == 1);
  }
  SECTION("another method, a literal for a parameter, or another length match nothing") {
    auto post = token_operation({type_rule()});
    post.method = "POST";
    auto report = attach_rules(routes, {post, token_operation({type_rule()}, "/users/me/token"),
                                        token_operation({type_rule()}, "/users/{userId}"),
                                        token_operation({type_rule()}, "/v2/users/{userId}/token")});
    CHECK(report.unmatched == std::vector<std::size_t>{0, 1, 2, 3});
    CHECK(routes[0].parameter_rules.empty());
  }
  SECTION("a route without a base path of its own is matched after the spec's") {
    routes[0].base_path.clear();
    CHECK(attach_rules(routes, {token_operation({type_rule()})}).unmatched.size() == 1);
    CHECK(attach_rules(routes, {token_operation({type_rule()})}, "/v2").routes.size() == 1);
  }
  SECTION("a base path moved with --base-path still matches") {
    routes[0].base_path = "/zoom/api";
    routes[0].path = PathTemplate({{"zoom", false}, {"api", false}, {"users", false}, {"userId", true}, {"token", false}});
    CHECK(attach_rules(routes, {token_operation({type_rule()})}).routes.size() == 1);
  }
}

TEST_CASE("attach_rules names path rules as the route does, by position", "[spec][attach]") {
  std::vector<Route> routes{token_route()};
  ParameterRule id;
  id.name = "id";
  id.location = ParameterLocation::path;
  ParameterRule stray = id;
  stray.name = "notInThePath";
  attach_rules(routes, {token_operation({id, stray}, "/users/{id}/token")});
  REQUIRE(routes[0].parameter_rules.size() == 1);
  CHECK(routes[0].parameter_rules[0].name == "userId");
}

TEST_CASE("a later rule for the same parameter replaces the earlier one, others stay", "[spec][attach]") {
  std::vector<Route> routes{token_route()};
  attach_rules(routes, {token_operation({type_rule(), ttl_rule()})});
  auto newer = type_rule();
  newer.enum_values = std::vector<std::string>{"token", "zak", "onbehalf"};
  attach_rules(routes, {token_operation({newer})});
  REQUIRE(routes[0].parameter_rules.size() == 2);
  CHECK(routes[0].parameter_rules[0].enum_values->size() == 3);
  CHECK(routes[0].parameter_rules[1].name == "ttl");
}

TEST_CASE("a documented request always passes its route's rules", "[spec][attach]") {
  std::vector<Route> routes{token_route()};
  SECTION("a documented value that breaks a bound is let through, and only that value") {
    auto ttl = ttl_rule();
    ttl.maximum = 31536000;
    auto report = attach_rules(routes, {token_operation({ttl})});
    REQUIRE(report.concessions.size() == 1);
    CHECK(report.concessions[0].find("ttl=68423085") != std::string::npos);
    CHECK(validate(routes[0].parameter_rules, {}, {{"ttl", "68423085"}}).empty());
    CHECK(fields(validate(routes[0].parameter_rules, {}, {{"ttl", "68423086"}})) == std::vector<std::string>{"ttl"});
  }
  SECTION("a required parameter a documented request leaves out becomes optional") {
    auto from = query_rule("from", ParameterType::string);
    from.required = true;
    auto report = attach_rules(routes, {token_operation({from})});
    CHECK(report.concessions.size() == 1);
    CHECK_FALSE(routes[0].parameter_rules[0].required);
  }
  SECTION("documented path values, the ':name' placeholder among them, pass an integer rule") {
    ParameterRule id;
    id.name = "userId";
    id.location = ParameterLocation::path;
    id.type = ParameterType::integer;
    attach_rules(routes, {token_operation({id})});
    CHECK(validate(routes[0].parameter_rules, {{"userId", ":userId"}}, {}).empty());
    CHECK(validate(routes[0].parameter_rules, {{"userId", "quis officia in reprehenderit"}}, {}).empty());
    CHECK(fields(validate(routes[0].parameter_rules, {{"userId", "abc"}}, {})) == std::vector<std::string>{"userId"});
  }
  SECTION("rules the documented requests keep need no concession") {
    CHECK(attach_rules(routes, {token_operation({type_rule(), ttl_rule()})}).concessions.empty());
  }
}
