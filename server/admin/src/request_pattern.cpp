#include "fakezoom/admin/request_pattern.hpp"
#include "fakezoom/model/http_message.hpp"

#include <algorithm>
#include <array>
#include <regex>
#include <nlohmann/json.hpp>

namespace fakezoom {

using nlohmann::json;

namespace {

using Url = RequestPattern::Url;

constexpr std::array<std::pair<std::string_view, Url>, 5> kUrlFields{{
    {"url", Url::url},
    {"urlPattern", Url::url_pattern},
    {"urlPath", Url::url_path},
    {"urlPathPattern", Url::url_path_pattern},
    {"urlPathTemplate", Url::url_path_template},
}};

// WireMock fields fakezoom does not match on: refused by name rather than silently ignored,
// since ignoring one would count requests the caller meant to exclude.
constexpr std::array<std::string_view, 9> kUnsupported{"bodyPatterns",   "cookies",    "basicAuthCredentials",
                                                       "multipartPatterns", "customMatcher", "formParameters",
                                                       "host",           "port",       "scheme"};

using Matchers = std::vector<std::pair<std::string, StringMatcher>>;

std::optional<InputProblem> parse_matchers(const json& value, const std::string& field, Matchers& into) {
  if (!value.is_object()) return InputProblem{field, "must be an object of name: matcher"};
  for (const auto& [name, spec] : value.items()) {
    auto matcher = parse_string_matcher(spec, field + pointer_token(name));
    if (!matcher) return matcher.problem();
    into.emplace_back(name, std::move(matcher.value()));
  }
  return std::nullopt;
}

std::optional<InputProblem> parse_url(Url kind, const json& value, const std::string& field, RequestPattern& pattern) {
  if (!value.is_string()) return InputProblem{field, "must be a string, got " + value.dump()};
  const std::string text = value.get<std::string>();
  pattern.url_kind = kind;
  pattern.url = text;
  if (kind == Url::url_pattern || kind == Url::url_path_pattern) {
    try {
      pattern.regex = compile_regex(text);
    } catch (const std::regex_error& error) {
      return InputProblem{field, "is not a valid regular expression: " + std::string(error.what())};
    }
  }
  if (kind == Url::url_path_template) {
    if (text.empty() || text.front() != '/') return InputProblem{field, "must start with /"};
    pattern.path_template = parse_path_template(text);
  }
  return std::nullopt;
}

std::string_view path_as_sent(const HttpRequest& request) {
  std::string_view target = request.target.empty() ? std::string_view(request.path) : std::string_view(request.target);
  return target.substr(0, target.find('?'));
}

std::vector<std::string> query_values(const QueryParams& query, const std::string& name) {
  std::vector<std::string> values;
  for (const auto& [key, value] : query)
    if (key == name) values.push_back(value);
  return values;
}

bool url_matches(const RequestPattern& p, const HttpRequest& r, PathParams& params) {
  const std::string sent(path_as_sent(r));
  const std::string& target = r.target.empty() ? r.path : r.target;
  switch (p.url_kind) {
    case Url::any:
      return true;
    case Url::url:
      return target == p.url;
    case Url::url_pattern:
      return regex_matches(*p.regex, target);
    case Url::url_path:
      return sent == p.url || r.path == p.url;
    case Url::url_path_pattern:
      return regex_matches(*p.regex, sent) || regex_matches(*p.regex, r.path);
    case Url::url_path_template: {
      auto found = p.path_template.match(split_path(r.path));
      if (!found) found = p.path_template.match(split_path(sent));
      if (!found) return false;
      params = std::move(*found);
      return true;
    }
  }
  return false;
}

}  // namespace

PathTemplate parse_path_template(std::string_view text) {
  std::vector<PathSegment> segments;
  for (auto part : split_path(text)) {
    if (part.size() >= 2 && part.front() == '{' && part.back() == '}')
      segments.push_back({std::string(part.substr(1, part.size() - 2)), true});
    else
      segments.push_back({std::string(part), false});
  }
  return PathTemplate(std::move(segments));
}

Checked<RequestPattern> parse_request_pattern(const json& body) {
  if (!body.is_object()) return InputProblem{"", "a request pattern must be a JSON object such as {\"method\": \"GET\"}"};
  RequestPattern pattern;
  std::string url_field;
  for (const auto& [key, value] : body.items()) {
    const std::string at = pointer_token(key);
    auto url = std::find_if(kUrlFields.begin(), kUrlFields.end(), [&key = key](const auto& f) { return f.first == key; });
    if (key == "method") {
      if (!value.is_string() || value.get<std::string>().empty())
        return InputProblem{at, "must be an HTTP method such as \"GET\" (or \"ANY\")"};
      if (value.get<std::string>() != "ANY") pattern.method = value.get<std::string>();
    } else if (url != kUrlFields.end()) {
      if (!url_field.empty()) return InputProblem{at, "only one of url, urlPattern, urlPath, urlPathPattern, urlPathTemplate (already " + url_field + ")"};
      url_field = key;
      if (auto problem = parse_url(url->second, value, at, pattern)) return *problem;
    } else if (key == "headers") {
      if (auto problem = parse_matchers(value, at, pattern.headers)) return *problem;
    } else if (key == "queryParameters") {
      if (auto problem = parse_matchers(value, at, pattern.query_parameters)) return *problem;
    } else if (key == "pathParameters") {
      if (auto problem = parse_matchers(value, at, pattern.path_parameters)) return *problem;
    } else if (std::find(kUnsupported.begin(), kUnsupported.end(), key) != kUnsupported.end()) {
      return InputProblem{at, "is not supported by fakezoom (method, url*, headers, queryParameters, pathParameters are)"};
    } else {
      return InputProblem{at, "unknown field of a request pattern"};
    }
  }
  if (!pattern.path_parameters.empty()) {
    if (pattern.url_kind != Url::url_path_template) return InputProblem{"/pathParameters", "needs urlPathTemplate"};
    for (const auto& [name, matcher] : pattern.path_parameters) {
      const auto& segments = pattern.path_template.segments();
      if (std::none_of(segments.begin(), segments.end(), [&name = name](const PathSegment& s) { return s.is_param && s.text == name; }))
        return InputProblem{"/pathParameters" + pointer_token(name), "is not a parameter of urlPathTemplate " + pattern.url};
    }
  }
  return pattern;
}

bool matches(const RequestPattern& pattern, const HttpRequest& request) {
  if (pattern.method && *pattern.method != request.method) return false;
  PathParams params;
  if (!url_matches(pattern, request, params)) return false;
  for (const auto& [name, matcher] : pattern.headers)
    if (!matches(matcher, request.headers.get_all(name))) return false;
  for (const auto& [name, matcher] : pattern.query_parameters)
    if (!matches(matcher, query_values(request.query, name))) return false;
  for (const auto& [name, matcher] : pattern.path_parameters) {
    auto value = param_value(params, name);
    if (!matches(matcher, value ? std::vector<std::string>{*value} : std::vector<std::string>{})) return false;
  }
  return true;
}

}  // namespace fakezoom
