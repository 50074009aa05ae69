// Fuzzes the admin request-pattern parser (WireMock's request pattern, the body of
// POST /__admin/requests/find and /count) and matching a request against what it parsed.
// Input: the pattern's JSON text, then optionally a NUL byte and a request in the text form of
// fuzz_support.hpp (without one, a documented request with a bearer token is matched).
#include <cstdint>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "fakezoom/admin/request_pattern.hpp"
#include "fuzz_support.hpp"

using namespace fakezoom;

namespace {

constexpr std::string_view kDefaultRequest =
    "GET /v2/users/me/token?type=zak&ttl=3600\nAuthorization: Bearer t\nAccept: application/json\n\n";

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const auto nul = input.find('\0');
  const std::string_view json_text = input.substr(0, nul);
  const HttpRequest request =
      fuzz::parse_request_text(nul == std::string_view::npos ? kDefaultRequest : input.substr(nul + 1));

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
  // Regular expressions are matched too: libstdc++'s backtracking once took exponential time or
  // overflowed the stack (regressions/request_pattern/regex-*).
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
