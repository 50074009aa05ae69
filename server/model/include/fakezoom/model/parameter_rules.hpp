// Rules for a route's path and query parameters (from an OpenAPI spec or a rules file) and the
// check behind Zoom's 400 code 300 "Validation Failed.": type, enum, minimum, maximum, required.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "fakezoom/model/body_schema.hpp"
#include "fakezoom/model/query_params.hpp"
#include "fakezoom/model/input_problem.hpp"
#include "fakezoom/model/path_template.hpp"

namespace fakezoom {

enum class ParameterLocation { path, query };
enum class ParameterType { string, integer, number, boolean };

std::string_view to_string(ParameterLocation location);
std::string_view to_string(ParameterType type);

struct ParameterRule {
  std::string name;
  ParameterLocation location = ParameterLocation::query;
  ParameterType type = ParameterType::string;
  // As text: a spec may write an integer enum as numbers or as strings (Zoom's 2018 spec has
  // `"type": "string", "enum": [0, 1, 99]`), and a query value is text either way.
  std::optional<std::vector<std::string>> enum_values;
  std::optional<double> minimum;
  std::optional<double> maximum;
  bool required = false;
  // Values a documented request sends although the rule forbids them. They pass: a documented
  // request is always answered as documented (see attach_rules).
  std::set<std::string> documented;
  std::string source;  // where the rule comes from: "file: /json/pointer"
};

// Why `value` breaks the rule (type first, then enum, then bounds), or nothing when it keeps it.
std::optional<std::string> rule_violation(const ParameterRule& rule, std::string_view value);

// Every broken rule, one error per parameter, in the rules' order. A query parameter sent
// twice must keep the rule with each value.
std::vector<InputProblem> validate(const std::vector<ParameterRule>& rules, const PathParams& path,
                                   const QueryParams& query);

// Rules for one operation of a spec or rules file. `path` is relative to the API's base path,
// with `{name}` (OpenAPI) or `:name` (Postman) parameters: "/users/{userId}/token".
struct OperationRules {
  std::string method;  // upper case
  std::string path;
  std::vector<ParameterRule> parameters;
  std::string file;     // where the operation is defined,
  std::string pointer;  // for diagnostics
  // What a token needs to call the operation (any one of them); a route that documents no
  // scopes of its own takes these (--auth strict).
  std::vector<std::string> scopes = {};
  // The JSON request body's schema, compiled at load; null when the operation documents none.
  std::shared_ptr<const BodySchema> body_schema = nullptr;
  std::string body_source = {};  // "file: /json/pointer" of the schema
};

struct AttachReport {
  std::vector<std::string> routes;     // ids of the routes that got rules
  std::vector<std::size_t> unmatched;  // operations that fit no route, by index
  // Where a rule had to give way to a documented request, e.g.
  // "GET /v2/users/{userId}/token: ttl=68423085 is documented: it passes (must be at most 31536000)".
  std::vector<std::string> concessions;
};

struct Route;

// Gives each route the rules of the operations with its method and path: the route's path
// after its base path ("/v2"), or after `fallback_base` when the route has no base path of its
// own, compared segment by segment, parameters by position (the route's names win). A rule
// for a parameter the route already has a rule for replaces it, so later sources win. Then
// every documented request of a touched route must pass: a value it sends that breaks a rule
// joins the rule's `documented` values, and a required parameter it leaves out becomes
// optional. A body schema replaces the route's, and a documented request body that breaks it
// passes all the same. Each such concession is reported.
AttachReport attach_rules(std::vector<Route>& routes, const std::vector<OperationRules>& operations,
                          std::string_view fallback_base = "");

}  // namespace fakezoom
