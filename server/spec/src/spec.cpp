#include "fakezoom/spec/spec.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <memory>
#include <sstream>
#include <stdexcept>

#include "fakezoom/fixtures/documented_facts.hpp"
#include "fakezoom/fixtures/rules_file.hpp"
#include "document_text.hpp"
#include "schema_inlining.hpp"
#include "spec_routes.hpp"

namespace fakezoom {

namespace {

using nlohmann::json;

const json& field(const json& object, const char* key) { return json_field(object, key); }

// A later rule for the same parameter replaces an earlier one: an operation's own
// parameters override its path item's (OpenAPI 3 and Swagger 2.0 both say so).
void put(std::vector<ParameterRule>& rules, ParameterRule rule) {
  for (auto& existing : rules)
    if (existing.name == rule.name && existing.location == rule.location) {
      existing = std::move(rule);
      return;
    }
  rules.push_back(std::move(rule));
}

std::vector<ParameterRule> read_parameters(const json& list, const std::string& pointer, LocalRefs& refs) {
  std::vector<ParameterRule> rules;
  if (list.is_null()) return rules;
  if (!list.is_array()) {
    refs.problem(pointer, "must be an array of parameters");
    return rules;
  }
  for (std::size_t i = 0; i < list.size(); ++i)
    if (auto rule = read_parameter_rule(list[i], pointer + "/" + std::to_string(i), refs)) put(rules, std::move(*rule));
  return rules;
}

void add_scopes(std::vector<std::string>& scopes, const json& list) {
  if (!list.is_array()) return;
  for (const auto& scope : list)
    if (scope.is_string() && !scope.get_ref<const std::string&>().empty() &&
        std::find(scopes.begin(), scopes.end(), scope.get<std::string>()) == scopes.end())
      scopes.push_back(scope.get<std::string>());
}

// What a token needs for the operation, from the first source that names any: the security
// requirement's scopes (the operation's, else the document's); Zoom's own extensions
// (`x-extensions` `x-macro-scopes` and `x-granular-scopes`: its 2026 specs leave the security
// scopes empty); the description's `**Scopes:**` line.
std::vector<std::string> operation_scopes(const json& operation, const json& global_security) {
  std::vector<std::string> scopes;
  const json& security = operation.contains("security") ? operation["security"] : global_security;
  if (security.is_array())
    for (const auto& requirement : security)
      if (requirement.is_object())
        for (const auto& [scheme, list] : requirement.items()) add_scopes(scopes, list);
  if (!scopes.empty()) return scopes;
  const json& extensions = field(operation, "x-extensions");
  add_scopes(scopes, field(extensions, "x-macro-scopes"));
  add_scopes(scopes, field(extensions, "x-granular-scopes"));
  if (!scopes.empty()) return scopes;
  const json& description = field(operation, "description");
  if (description.is_string()) scopes = documented_scopes(description.get_ref<const std::string&>());
  return scopes;
}

// The JSON request body's schema: OpenAPI 3's requestBody content, or Swagger 2.0's body
// parameter (the operation's, else its path item's); nullptr with no such schema, or with a
// problem recorded when it cannot be read.
std::shared_ptr<const BodySchema> body_schema(const json& operation, const json& item, const std::string& at,
                                              LocalRefs& refs, std::string& source) {
  std::string pointer;
  const json* schema = nullptr;
  if (operation.contains("requestBody")) {
    pointer = at + "/requestBody";
    const json* body = refs.follow(operation["requestBody"], pointer);
    static const json none;
    const json& content = body ? field(*body, "content") : none;
    if (content.is_object())
      for (const auto& [type, media] : content.items())
        if (type.find("json") != std::string::npos && media.contains("schema")) {
          pointer += "/content/" + pointer_token(type) + "/schema";
          schema = &media["schema"];
          break;
        }
  } else {
    const std::string item_at = at.substr(0, at.rfind('/'));
    const std::pair<const json*, std::string> lists[] = {{&field(operation, "parameters"), at},
                                                         {&field(item, "parameters"), item_at}};
    for (const auto& [list, base] : lists) {
      if (schema || !list->is_array()) continue;
      for (std::size_t i = 0; i < list->size() && !schema; ++i) {
        std::string p = base + "/parameters/" + std::to_string(i);
        const json* parameter = refs.follow((*list)[i], p);
        if (parameter && field(*parameter, "in") == "body" && parameter->contains("schema")) {
          pointer = p + "/schema";
          schema = &(*parameter)["schema"];
        }
      }
    }
  }
  if (!schema) return nullptr;
  auto inlined = inline_schema(*schema, pointer, refs);
  if (!inlined) return nullptr;
  try {
    source = refs.file() + ": " + pointer;
    return BodySchema::compile(*inlined);
  } catch (const std::invalid_argument& e) {
    refs.problem(pointer, e.what());
    return nullptr;
  }
}

void read_paths(const json& paths, LocalRefs& refs, Spec& spec, const json& global_security) {
  if (!paths.is_object())
    return refs.problem("/paths",
                        paths.is_null() ? "missing: a spec needs \"paths\"" : "must be an object of path items");
  for (const auto& [key, item_node] : paths.items()) {
    if (key.rfind("x-", 0) == 0) continue;  // extensions
    std::string pointer = "/paths/" + pointer_token(key);
    if (key.empty() || key.front() != '/') {
      refs.problem(pointer, "a path must start with '/'");
      continue;
    }
    const json* item = refs.follow(item_node, pointer);
    if (!item) continue;
    if (!item->is_object()) {
      refs.problem(pointer, "must be a path item object");
      continue;
    }
    const auto shared = read_parameters(field(*item, "parameters"), pointer + "/parameters", refs);
    for (const char* method : kOperationMethods) {
      if (!item->contains(method)) continue;
      const std::string at = pointer + "/" + method;
      const json& operation = (*item)[method];
      if (!operation.is_object()) {
        refs.problem(at, "must be an operation object");
        continue;
      }
      OperationRules rules{upper_case(method), key, shared, spec.file, at, operation_scopes(operation, global_security)};
      for (auto& rule : read_parameters(field(operation, "parameters"), at + "/parameters", refs))
        put(rules.parameters, std::move(rule));
      rules.body_schema = body_schema(operation, *item, at, refs, rules.body_source);
      spec.operations.push_back(std::move(rules));
      spec.routes.push_back(operation_route(operation, upper_case(method), key, at, refs));
    }
  }
}

}  // namespace

Spec read_spec_json(const std::string& file, const json& document, std::vector<Problem>& problems) {
  Spec spec;
  spec.file = file;
  LocalRefs refs(document, file, problems);
  if (!document.is_object()) {
    refs.problem("", "must be an object: an OpenAPI 3 or Swagger 2.0 document");
    return spec;
  }
  const json& openapi = field(document, "openapi");
  const json& swagger = field(document, "swagger");
  if (openapi.is_string() && openapi.get<std::string>().rfind("3.", 0) == 0) {
    spec.format = "OpenAPI " + openapi.get<std::string>();
    const json& servers = field(document, "servers");
    if (servers.is_array() && !servers.empty()) {
      const json& url = field(servers[0], "url");
      if (url.is_string())
        spec.base_path = url_path(url);
      else
        refs.problem("/servers/0/url", "must be a URL string");
    } else if (!servers.is_null() && !servers.is_array()) {
      refs.problem("/servers", "must be an array of {url}");
    }
  } else if (swagger.is_string() && swagger == "2.0") {
    spec.format = "Swagger 2.0";
    const json& base = field(document, "basePath");
    if (base.is_string())
      spec.base_path = url_path(base.get<std::string>());
    else if (!base.is_null())
      refs.problem("/basePath", "must be a path string");
  } else if (!openapi.is_null()) {
    refs.problem("/openapi", "OpenAPI " + openapi.dump(-1, ' ', false, json::error_handler_t::replace) +
                                 " is not supported: fakezoom reads OpenAPI 3 and Swagger 2.0");
    return spec;
  } else if (!swagger.is_null()) {
    refs.problem("/swagger", "Swagger " + swagger.dump(-1, ' ', false, json::error_handler_t::replace) +
                                 " is not supported: fakezoom reads OpenAPI 3 and Swagger 2.0");
    return spec;
  } else {
    refs.problem("",
                 "not an OpenAPI 3 document (no \"openapi\": \"3.x\") nor a Swagger 2.0 one (no \"swagger\": \"2.0\")");
    return spec;
  }
  read_paths(field(document, "paths"), refs, spec, field(document, "security"));
  return spec;
}

Spec read_spec_text(const std::string& file, const std::string& text, std::vector<Problem>& problems) {
  auto document = parse_document(file, text, problems);
  if (!document) return Spec{file, "", "", {}};
  return read_spec_json(file, *document, problems);
}

Spec load_spec(const std::string& file) {
  std::vector<Problem> problems;
  std::string error;
  auto text = read_file_text(file, error);
  if (!text) throw FixtureError({{file, "", "cannot read spec: " + error}});
  Spec spec = read_spec_text(file, *text, problems);
  if (!problems.empty()) throw FixtureError(std::move(problems));
  return spec;
}

namespace {

// A JSON spec names its format in its first members; Postman collections start with "info".
bool may_be_spec(const std::string& file, const std::string& text) {
  if (file.ends_with(".yaml") || file.ends_with(".yml")) return true;
  const std::string_view head = std::string_view(text).substr(0, 4096);
  return head.find("\"openapi\"") != std::string_view::npos || head.find("\"swagger\"") != std::string_view::npos;
}

}  // namespace

std::optional<FixtureDocument> read_spec_fixture(const std::string& file, const std::string& text,
                                                 const std::optional<std::string>& base_path) {
  if (!may_be_spec(file, text)) return std::nullopt;
  FixtureDocument document;
  document.file = file;
  auto parsed = parse_document(file, text, document.problems);
  if (!parsed) return document;
  if (parsed->is_object() && !parsed->contains("openapi") && !parsed->contains("swagger")) return std::nullopt;
  Spec spec = read_spec_json(file, *parsed, document.problems);
  std::string base = base_path ? *base_path : spec.base_path;
  while (!base.empty() && base.back() == '/') base.pop_back();
  const auto prefix = split_path(base);
  for (auto& route : spec.routes) {
    std::vector<PathSegment> segments;
    for (auto segment : prefix) segments.push_back({std::string(segment), false});
    segments.insert(segments.end(), route.path.segments().begin(), route.path.segments().end());
    route.path = PathTemplate(std::move(segments));
    route.base_path = base;
  }
  document.routes = std::move(spec.routes);
  document.rules = std::move(spec.operations);
  document.supplement = true;
  return document;
}

LoadOptions with_spec_fixtures(LoadOptions options) {
  options.read_other = read_spec_fixture;
  return options;
}

namespace {

std::vector<Spec> load_specs(const std::vector<std::string>& files, std::vector<Problem>& problems) {
  std::vector<Spec> specs;
  for (const auto& file : files) {
    try {
      specs.push_back(load_spec(file));
    } catch (const FixtureError& error) {
      problems.insert(problems.end(), error.diagnostics().begin(), error.diagnostics().end());
    }
  }
  return specs;
}

std::vector<SpecCoverage> give_rules(FixtureSet& fixtures, const std::vector<Spec>& specs) {
  std::vector<SpecCoverage> coverage;
  if (specs.empty()) return coverage;
  // The route table is immutable once built: give a copy of its routes their rules and build
  // it again. Ids stay as they were, and so does which route shadows which.
  std::vector<Route> routes = fixtures.routes.routes();
  for (const auto& spec : specs) {
    auto report = attach_rules(routes, spec.operations, spec.base_path);
    coverage.push_back(
        {spec.file, spec.format, spec.operations.size(), std::move(report.routes), std::move(report.concessions)});
  }
  fixtures.routes = RouteTable(std::move(routes));
  return coverage;
}

}  // namespace

std::vector<SpecCoverage> apply_specs(FixtureSet& fixtures, const std::vector<std::string>& files) {
  std::vector<Problem> problems;
  auto specs = load_specs(files, problems);
  if (!problems.empty()) throw FixtureError(std::move(problems));
  return give_rules(fixtures, specs);
}

FixtureSet load_fixtures_with_specs(const std::vector<std::string>& paths, const LoadOptions& options,
                                    const std::vector<std::string>& spec_files) {
  // Both read before either fails, so one error lists the problems of fixtures and specs.
  std::vector<Problem> problems;
  FixtureSet fixtures;
  try {
    fixtures = load_fixtures(paths, with_spec_fixtures(options));
  } catch (const FixtureError& error) {
    problems = error.diagnostics();
  }
  auto specs = load_specs(spec_files, problems);
  if (!problems.empty()) throw FixtureError(std::move(problems));
  give_rules(fixtures, specs);
  return fixtures;
}

}  // namespace fakezoom
