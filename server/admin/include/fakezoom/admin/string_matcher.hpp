// WireMock's matchers for header, query and path parameter values: {"equalTo": "zak"} (with
// "caseInsensitive": true), {"contains": ...}, {"doesNotContain": ...}, {"matches": REGEX},
// {"doesNotMatch": REGEX} (the whole value, ECMAScript syntax) and {"absent": true|false}.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "fakezoom/model/input_problem.hpp"

namespace fakezoom {

// A compiled regular expression: a std::regex inside string_matcher.cpp, so that <regex> (one
// of the heaviest standard headers) stays out of every file that includes a matcher.
struct CompiledRegex;

struct StringMatcher {
  enum class Kind { equal_to, contains, does_not_contain, matches, does_not_match, absent, present };
  Kind kind = Kind::equal_to;
  std::string operand;
  bool case_insensitive = false;
  std::shared_ptr<const CompiledRegex> regex;  // for matches and doesNotMatch, compiled once
};

// `field` is the JSON pointer of `spec`, for the problem's message.
Checked<StringMatcher> parse_string_matcher(const nlohmann::json& spec, const std::string& field);

// `values`: every value the header or parameter was sent with; none means it was absent.
// A matcher on values needs one to be there: `matches` holds when any value matches, the
// negative ones when none breaks them.
bool matches(const StringMatcher& matcher, const std::vector<std::string>& values);

// Whole-value regular expression match; a pathological expression that std::regex gives up on
// does not match.
bool regex_matches(const CompiledRegex& regex, const std::string& value);

// Patterns come from callers of the admin API. libstdc++'s default (backtracking) matcher
// recurses once per character and can overflow the stack or run for minutes on a crafted
// pattern, so patterns use its polynomial (breadth-first) executor; repeat counts over 9999
// (undefined behaviour inside libstdc++) and patterns over 2000 characters are refused.
// Throws std::regex_error.
std::shared_ptr<const CompiledRegex> compile_regex(const std::string& pattern);

// "/" + name, with '~' and '/' escaped as RFC 6901 says.
std::string pointer_token(const std::string& name);

}  // namespace fakezoom
