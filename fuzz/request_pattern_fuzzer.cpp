// Fuzzes the admin request-pattern parser (WireMock's request pattern, the body of
// POST /__admin/requests/find and /count) and matching a request against what it parsed.
// Input: the pattern's JSON text, then optionally a NUL byte and a request in the text form of
// fuzz_support.hpp (without one, a documented request with a bearer token is matched).
#include <cstdint>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "fakezoom/core/request_pattern.hpp"
#include "fuzz_support.hpp"

using namespace fakezoom;

namespace {

// KNOWN OPEN (fuzz/README.md, fuzz/regressions/request_pattern/open/): std::regex in
// libstdc++ backtracks (exponential time on nested quantifiers such as "/v+++++*+++o") and
// recurses once per character of the value (a stack overflow, the process dies, on a value of
// 8 KB, what a header or URL may be). While fuzzing, patterns holding a regular expression
// are parsed but not matched; FAKEZOOM_FUZZ_STRICT=1 matches them too.
bool uses_regex(const RequestPattern& pattern) {
  if (pattern.regex) return true;
  for (const auto* list : {&pattern.headers, &pattern.query_parameters, &pattern.path_parameters})
    for (const auto& [name, matcher] : *list)
      if (matcher.regex) return true;
  return false;
}

// KNOWN OPEN (fuzz/README.md, regressions/request_pattern/open/): libstdc++ 12's regex
// compiler overflows a signed long reading a repetition count of 19 digits or more
// ("{33333333333333333333}", regex_compiler.tcc:589, undefined behaviour that UBSan stops on).
// Left out while fuzzing unless strict: any run of 19 or more digits in the input.
bool long_digit_run(std::string_view text) {
  std::size_t run = 0;
  for (const char c : text) {
    run = c >= '0' && c <= '9' ? run + 1 : 0;
    if (run >= 19) return true;
  }
  return false;
}

constexpr std::string_view kDefaultRequest =
    "GET /v2/users/me/token?type=zak&ttl=3600\nAuthorization: Bearer t\nAccept: application/json\n\n";

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const auto nul = input.find('\0');
  const std::string_view json_text = input.substr(0, nul);
  const HttpRequest request =
      fuzz::parse_request_text(nul == std::string_view::npos ? kDefaultRequest : input.substr(nul + 1));

  if (!fuzz::strict() && long_digit_run(json_text)) return 0;
  // The admin API parses the body first; what is not JSON never reaches the pattern parser.
  const auto body = nlohmann::json::parse(json_text, nullptr, false);
  if (body.is_discarded()) return 0;

  // Expected failures are values: nothing may throw out of parsing or matching.
  const Checked<RequestPattern> pattern = parse_request_pattern(body);
  if (!pattern) {
    const InputProblem& problem = pattern.problem();
    FUZZ_CHECK(problem.field.empty() || problem.field[0] == '/', "a pattern problem's field is not a JSON pointer");
    FUZZ_CHECK(!problem.message.empty(), "a pattern problem without a message");
    FUZZ_CHECK(!body.is_object() || !body.empty(), "the empty pattern {} was refused");
    return 0;
  }
  FUZZ_CHECK(body.is_object(), "a pattern that is not a JSON object was accepted");
  if (!fuzz::strict() && uses_regex(pattern.value())) return 0;
  const bool matched = matches(pattern.value(), request);
  if (pattern->method) {
    FUZZ_CHECK(!matched || *pattern->method == request.method, "a pattern matched a request of another method");
    HttpRequest other = request;
    other.method = *pattern->method + "X";
    FUZZ_CHECK(!matches(pattern.value(), other), "a pattern matched a request of another method");
  }
  // Matching is a pure function of pattern and request.
  FUZZ_CHECK(matches(pattern.value(), request) == matched, "matching the same request twice gave two answers");
  return 0;
}
