#include "fakezoom/admin/string_matcher.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <regex>
#include <utility>
#include <nlohmann/json.hpp>

#include "fakezoom/model/http_message.hpp"

namespace fakezoom {

using nlohmann::json;

namespace {

using Kind = StringMatcher::Kind;

constexpr std::array<std::pair<std::string_view, Kind>, 6> kMatchers{{
    {"equalTo", Kind::equal_to},
    {"contains", Kind::contains},
    {"doesNotContain", Kind::does_not_contain},
    {"matches", Kind::matches},
    {"doesNotMatch", Kind::does_not_match},
    {"absent", Kind::absent},
}};
constexpr std::string_view kMatcherNames = "equalTo, contains, doesNotContain, matches, doesNotMatch or absent";

bool contains(const std::string& value, const std::string& part) { return value.find(part) != std::string::npos; }

bool holds(const StringMatcher& m, const std::string& value) {
  switch (m.kind) {
    case Kind::equal_to:
      return m.case_insensitive ? iequals(value, m.operand) : value == m.operand;
    case Kind::contains:
      return contains(value, m.operand);
    case Kind::does_not_contain:
      return !contains(value, m.operand);
    case Kind::matches:
      return regex_matches(*m.regex, value);
    case Kind::does_not_match:
      return !regex_matches(*m.regex, value);
    case Kind::absent:
    case Kind::present:
      return true;
  }
  return false;
}

}  // namespace

std::string pointer_token(const std::string& name) {
  std::string out = "/";
  for (char c : name) {
    if (c == '~')
      out += "~0";
    else if (c == '/')
      out += "~1";
    else
      out += c;
  }
  return out;
}

struct CompiledRegex {
  std::regex regex;
};

std::shared_ptr<const CompiledRegex> compile_regex(const std::string& pattern) {
  if (pattern.size() > 2000) throw std::regex_error(std::regex_constants::error_complexity);
  std::size_t digits = 0;
  bool in_braces = false;
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    const char c = pattern[i];
    if (c == '\\') {
      // What a backslash escapes is one character, or a back-reference's number, which
      // libstdc++ reads into a long without checking for overflow (undefined behaviour).
      std::size_t run = 0;
      while (i + 1 + run < pattern.size() && std::isdigit(static_cast<unsigned char>(pattern[i + 1 + run]))) ++run;
      if (run > 4) throw std::regex_error(std::regex_constants::error_backref);
      i += run == 0 ? 1 : run;
      continue;
    }
    if (c == '{') {
      in_braces = true;
      digits = 0;
    } else if (c == '}' || c == ',') {
      digits = 0;
      in_braces = in_braces && c == ',';
    } else if (in_braces && std::isdigit(static_cast<unsigned char>(c)) && ++digits > 4) {
      throw std::regex_error(std::regex_constants::error_badbrace);
    }
  }
  return std::make_shared<const CompiledRegex>(
      CompiledRegex{std::regex(pattern, std::regex::ECMAScript | std::regex_constants::__polynomial)});
}

bool regex_matches(const CompiledRegex& regex, const std::string& value) {
  try {
    return std::regex_match(value, regex.regex);
  } catch (const std::regex_error&) {
    return false;  // error_complexity / error_stack on pathological input
  }
}

Checked<StringMatcher> parse_string_matcher(const json& spec, const std::string& field) {
  if (!spec.is_object())
    return InputProblem{field, "must be a matcher object such as {\"equalTo\": \"value\"}; matchers: " +
                                   std::string(kMatcherNames)};
  StringMatcher matcher;
  std::string chosen;
  for (const auto& [key, value] : spec.items()) {
    const std::string at = field + pointer_token(key);
    if (key == "caseInsensitive") {
      if (!value.is_boolean()) return InputProblem{at, "must be true or false"};
      matcher.case_insensitive = value.get<bool>();
      continue;
    }
    auto known = std::find_if(kMatchers.begin(), kMatchers.end(), [&key = key](const auto& m) { return m.first == key; });
    if (known == kMatchers.end())
      return InputProblem{at, "unknown matcher \"" + key + "\"; fakezoom knows " + std::string(kMatcherNames)};
    if (!chosen.empty()) return InputProblem{at, "only one matcher per field (already " + chosen + ")"};
    chosen = key;
    matcher.kind = known->second;
    if (matcher.kind == Kind::absent) {
      if (!value.is_boolean()) return InputProblem{at, "must be true or false"};
      if (!value.get<bool>()) matcher.kind = Kind::present;
      continue;
    }
    if (!value.is_string()) return InputProblem{at, "must be a string, got " + value.dump()};
    matcher.operand = value.get<std::string>();
    if (matcher.kind == Kind::matches || matcher.kind == Kind::does_not_match) {
      try {
        matcher.regex = compile_regex(matcher.operand);
      } catch (const std::regex_error& error) {
        return InputProblem{at, "is not a valid regular expression: " + std::string(error.what())};
      }
    }
  }
  if (chosen.empty()) return InputProblem{field, "needs a matcher: " + std::string(kMatcherNames)};
  if (matcher.case_insensitive && matcher.kind != Kind::equal_to)
    return InputProblem{field + "/caseInsensitive", "only goes with equalTo"};
  return matcher;
}

bool matches(const StringMatcher& matcher, const std::vector<std::string>& values) {
  if (matcher.kind == Kind::absent) return values.empty();
  if (matcher.kind == Kind::present) return !values.empty();
  if (values.empty()) return false;
  if (matcher.kind == Kind::does_not_contain || matcher.kind == Kind::does_not_match)
    return std::all_of(values.begin(), values.end(), [&](const std::string& v) { return holds(matcher, v); });
  return std::any_of(values.begin(), values.end(), [&](const std::string& v) { return holds(matcher, v); });
}

}  // namespace fakezoom
