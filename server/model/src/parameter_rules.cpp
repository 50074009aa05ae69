#include "fakezoom/model/parameter_rules.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>

#include "fakezoom/model/route.hpp"
#include "fakezoom/model/text.hpp"

namespace fakezoom {

namespace {

// An optional '-' and decimal digits, of any length: Zoom's ttl is a 64-bit number and a
// rule only needs to know that the text is an integer and roughly how large.
bool is_integer(std::string_view text) {
  if (!text.empty() && text.front() == '-') text.remove_prefix(1);
  return all_digits(text);
}

// JSON's number grammar: -?digits(.digits)?([eE][+-]?digits)?
bool is_number(std::string_view text) {
  if (!text.empty() && text.front() == '-') text.remove_prefix(1);
  auto digits = [&text]() {
    std::size_t n = 0;
    while (n < text.size() && text[n] >= '0' && text[n] <= '9') ++n;
    text.remove_prefix(n);
    return n > 0;
  };
  if (!digits()) return false;
  if (!text.empty() && text.front() == '.') {
    text.remove_prefix(1);
    if (!digits()) return false;
  }
  if (!text.empty() && (text.front() == 'e' || text.front() == 'E')) {
    text.remove_prefix(1);
    if (!text.empty() && (text.front() == '+' || text.front() == '-')) text.remove_prefix(1);
    if (!digits()) return false;
  }
  return text.empty();
}

std::optional<double> numeric_value(std::string_view text) {
  double value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  // Out of range still says which side of any bound the value lies on.
  if (error == std::errc::result_out_of_range) return text.front() == '-' ? -HUGE_VAL : HUGE_VAL;
  if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

std::string number_text(double value) {
  if (std::nearbyint(value) == value && std::fabs(value) < 1e15) return std::to_string(static_cast<long long>(value));
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%g", value);
  return buffer;
}

bool same_enum_value(const ParameterRule& rule, std::string_view value, const std::string& allowed) {
  if (value == allowed) return true;
  if (rule.type != ParameterType::integer && rule.type != ParameterType::number) return false;
  auto a = numeric_value(value);
  auto b = numeric_value(allowed);
  return a && b && *a == *b;
}

std::string join(const std::vector<std::string>& values) {
  std::string out;
  for (const auto& value : values) out += (out.empty() ? "" : ", ") + value;
  return out;
}

bool starts_with_literals(const std::vector<PathSegment>& segments, const std::vector<std::string_view>& prefix) {
  if (prefix.size() > segments.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i)
    if (segments[i].is_param || segments[i].text != prefix[i]) return false;
  return true;
}

// The route's path after its base path: what a spec's paths are written against.
std::vector<PathSegment> relative_segments(const Route& route, std::string_view fallback_base) {
  const auto& segments = route.path.segments();
  auto base = split_path(route.base_path);
  if (base.empty()) base = split_path(fallback_base);
  if (!starts_with_literals(segments, base)) base.clear();
  return {segments.begin() + static_cast<std::ptrdiff_t>(base.size()), segments.end()};
}

void merge(std::vector<ParameterRule>& rules, ParameterRule rule) {
  for (auto& existing : rules)
    if (existing.location == rule.location && existing.name == rule.name) {
      existing = std::move(rule);
      return;
    }
  rules.push_back(std::move(rule));
}

void admit(ParameterRule& rule, const std::string& value, const Route& route, std::vector<std::string>& concessions) {
  auto violation = rule_violation(rule, value);
  if (!violation) return;
  rule.documented.insert(value);
  concessions.push_back(route.method + " " + route.path.to_string() + ": " + rule.name + "=" + value +
                        " is documented, so it passes although it " + *violation);
}

// The bodies the route's documented requests send pass its body rule (see attach_rules).
void concede_bodies(Route& route, std::vector<std::string>& concessions) {
  BodyRule& rule = route.body_rule;
  if (!rule) return;
  rule.documented.clear();
  rule.documented_text.clear();
  for (const auto& example : route.examples) {
    auto parsed = nlohmann::json::parse(example.request_body, nullptr, false);
    if (!parsed.is_object()) {
      rule.documented_text.push_back(example.request_body);
      if (!example.request_body.empty())
        concessions.push_back(route.method + " " + route.path.to_string() + ": example " + example.id +
                              " sends a body that is not a JSON object, so that body passes");
      continue;
    }
    auto problems = rule.schema->check(parsed);
    if (problems.empty()) continue;
    concessions.push_back(route.method + " " + route.path.to_string() + ": example " + example.id +
                          "'s body is documented, so it passes although " + problems.front().to_string());
    rule.documented.push_back(std::move(parsed));
  }
}

// A documented request must pass its route's rules (see attach_rules).
void concede_to_documented(Route& route, std::vector<std::string>& concessions) {
  concede_bodies(route, concessions);
  for (auto& rule : route.parameter_rules) {
    if (rule.location == ParameterLocation::path) {
      auto documented = route.documented_params.find(rule.name);
      if (documented != route.documented_params.end())
        for (const auto& value : documented->second) admit(rule, value, route, concessions);
      continue;
    }
    for (const auto& example : route.examples) {
      bool sent = false;
      for (const auto& [key, value] : example.query)
        if (key == rule.name) {
          sent = true;
          admit(rule, value, route, concessions);
        }
      if (!sent && rule.required) {
        rule.required = false;
        concessions.push_back(route.method + " " + route.path.to_string() + ": " + rule.name +
                              " is optional, as example " + example.id + " leaves it out");
      }
    }
  }
}

}  // namespace

std::string_view to_string(ParameterLocation location) {
  return location == ParameterLocation::path ? "path" : "query";
}

std::string_view to_string(ParameterType type) {
  switch (type) {
    case ParameterType::integer:
      return "integer";
    case ParameterType::number:
      return "number";
    case ParameterType::boolean:
      return "boolean";
    case ParameterType::string:
      break;
  }
  return "string";
}

std::optional<std::string> rule_violation(const ParameterRule& rule, std::string_view value) {
  if (rule.documented.count(std::string(value))) return std::nullopt;
  switch (rule.type) {
    case ParameterType::integer:
      if (!is_integer(value)) return "must be an integer";
      break;
    case ParameterType::number:
      if (!is_number(value)) return "must be a number";
      break;
    case ParameterType::boolean:
      if (value != "true" && value != "false") return "must be true or false";
      break;
    case ParameterType::string:
      break;
  }
  if (rule.enum_values &&
      std::none_of(rule.enum_values->begin(), rule.enum_values->end(),
                   [&](const std::string& allowed) { return same_enum_value(rule, value, allowed); }))
    return "must be one of: " + join(*rule.enum_values);
  if ((rule.minimum || rule.maximum) && (rule.type == ParameterType::integer || rule.type == ParameterType::number)) {
    const double number = numeric_value(value).value_or(0);
    if (rule.minimum && number < *rule.minimum) return "must be at least " + number_text(*rule.minimum);
    if (rule.maximum && number > *rule.maximum) return "must be at most " + number_text(*rule.maximum);
  }
  return std::nullopt;
}

std::vector<InputProblem> validate(const std::vector<ParameterRule>& rules, const PathParams& path,
                                   const QueryParams& query) {
  std::vector<InputProblem> errors;
  for (const auto& rule : rules) {
    std::optional<std::string> broken;
    if (rule.location == ParameterLocation::path) {
      auto value = param_value(path, rule.name);
      broken = value           ? rule_violation(rule, *value)
               : rule.required ? std::optional<std::string>("is required")
                               : std::nullopt;
    } else {
      bool sent = false;
      for (const auto& [key, value] : query) {
        if (key != rule.name) continue;
        sent = true;
        if ((broken = rule_violation(rule, value))) break;
      }
      if (!sent && rule.required) broken = "is required";
    }
    if (broken) errors.push_back({rule.name, std::move(*broken)});
  }
  return errors;
}

AttachReport attach_rules(std::vector<Route>& routes, const std::vector<OperationRules>& operations,
                          std::string_view fallback_base) {
  AttachReport report;
  std::vector<bool> touched(routes.size(), false);
  std::vector<std::vector<PathSegment>> relative;
  relative.reserve(routes.size());
  for (const auto& route : routes) relative.push_back(relative_segments(route, fallback_base));

  for (std::size_t o = 0; o < operations.size(); ++o) {
    const auto& operation = operations[o];
    const auto segments = operation_segments(operation.path);
    bool matched = false;
    for (std::size_t r = 0; r < routes.size(); ++r) {
      Route& route = routes[r];
      if (!iequals(route.method, operation.method) || !same_shape(relative[r], segments)) continue;
      matched = true;
      touched[r] = true;
      if (route.scopes.empty()) route.scopes = operation.scopes;
      if (operation.body_schema) route.body_rule = BodyRule{operation.body_schema, {}, {}, operation.body_source};
      for (auto rule : operation.parameters) {
        if (rule.location == ParameterLocation::path) {
          // The spec's name for the segment may differ from the Postman variable's: the route's wins.
          auto at = std::find_if(segments.begin(), segments.end(),
                                 [&](const PathSegment& s) { return s.is_param && s.text == rule.name; });
          if (at == segments.end()) continue;  // not in the path template: nothing to check it against
          rule.name = relative[r][static_cast<std::size_t>(at - segments.begin())].text;
        }
        merge(route.parameter_rules, std::move(rule));
      }
    }
    if (!matched) report.unmatched.push_back(o);
  }
  for (std::size_t r = 0; r < routes.size(); ++r) {
    if (!touched[r]) continue;
    concede_to_documented(routes[r], report.concessions);
    report.routes.push_back(routes[r].id);
  }
  return report;
}

}  // namespace fakezoom
