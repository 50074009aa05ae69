// Fuzzes the fixture loader with Postman JSON of any shape (and text that is not JSON at all):
// reading never throws and reports every problem with its JSON pointer; what loads builds a
// FixtureSet that lint can check and that answers requests made from its own routes.
#include <cstdint>
#include <string>

#include <nlohmann/json.hpp>

#include "fakezoom/engine/engine.hpp"
#include "fakezoom/fixtures/lint.hpp"
#include "fakezoom/fixtures/loader.hpp"
#include "fakezoom/fixtures/postman.hpp"
#include "fuzz_support.hpp"
#include "response_checks.hpp"

using namespace fakezoom;

namespace {

constexpr std::size_t kMaxRoutesAsked = 8;
constexpr std::size_t kMaxExamplesAsked = 4;

void check_diagnostics(const std::vector<Problem>& problems) {
  for (const auto& problem : problems) {
    FUZZ_CHECK(problem.file == "fuzz.json", "a diagnostic does not name the file");
    FUZZ_CHECK(problem.pointer.empty() || problem.pointer[0] == '/', "a diagnostic's JSON pointer is not RFC 6901");
    FUZZ_CHECK(!problem.message.empty(), "a diagnostic without a message");
  }
}

// A request for `route`: its literal segments, and for each parameter the first value the
// fixture documents for it (or "x"), with a bearer token so Zoom's auth rule lets it through.
HttpRequest request_for(const Route& route) {
  HttpRequest request;
  request.method = route.method;
  request.path.clear();
  for (const auto& segment : route.path.segments()) {
    std::string value = segment.text;
    if (segment.is_param) {
      auto documented = route.documented_params.find(segment.text);
      value = documented != route.documented_params.end() && !documented->second.empty() ? *documented->second.begin() : "x";
    }
    request.path += "/" + value;
  }
  if (request.path.empty()) request.path = "/";
  request.target = request.path;
  request.headers.add("Authorization", "Bearer fuzz");
  return request;
}

void answer_own_routes(const FixtureSet& set) {
  const auto& routes = set.routes.routes();
  for (std::size_t r = 0; r < routes.size() && r < kMaxRoutesAsked; ++r) {
    const Route& route = routes[r];
    HttpRequest request = request_for(route);
    for (const BodyMode mode : {BodyMode::zoom, BodyMode::verbatim}) {
      const Outcome outcome = respond(set, request, mode);
      fuzz::check_outcome(set, request, outcome, mode);
    }
    // x-mock-response-id always reaches the example it names, on the route that answers.
    for (std::size_t e = 0; e < route.examples.size() && e < kMaxExamplesAsked; ++e) {
      HttpRequest asked = request;
      asked.headers.add("x-mock-response-id", route.examples[e].id);
      const Outcome outcome = respond(set, asked, BodyMode::zoom);
      fuzz::check_outcome(set, asked, outcome, BodyMode::zoom);
      if (outcome.route_id == route.id)
        FUZZ_CHECK(outcome.example_id == route.examples[e].id, "x-mock-response-id did not choose the example it names");
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  // Must not throw: an exception escaping here is a crash (a number past double's range,
  // "1e400", once did: regressions/fixture_loader/number-overflow-*).
  const FixtureDocument document = read_fixture_text("fuzz.json", text, std::nullopt);
  check_diagnostics(document.problems);
  if (!document.problems.empty()) return 0;

  for (const auto& route : document.routes) {
    FUZZ_CHECK(!route.method.empty(), "a route without a method");
    for (const auto& example : route.examples) {
      FUZZ_CHECK(example.status >= 100 && example.status <= 599, "an example's status outside 100..599");
      fuzz::check_headers(example.headers);
      FUZZ_CHECK(is_header_value(example.folded_name), "a folded example name holds CR, LF or NUL");
    }
  }

  FixtureSet set;
  try {
    set = fixture_set_from_text("fuzz.json", text);
  } catch (const FixtureError& error) {
    // read_fixture_text found no problem in this very text a moment ago; only what is checked
    // across all documents can fail now: a parameter rule for a route no document defines, or
    // an account or client id defined twice (regressions/fixture_loader/client-id-twice.json).
    FUZZ_CHECK(!document.rules.empty() || !document.accounts.empty(),
               "fixture_set_from_text threw on a document that reads without problems");
    check_diagnostics(error.diagnostics());
    return 0;
  }
  std::size_t examples = 0;
  for (const auto& route : document.routes) examples += route.examples.size();
  FUZZ_CHECK(set.routes.routes().size() == document.routes.size() && set.example_count() == examples,
             "the FixtureSet does not hold what the document read");
  check_diagnostics(lint(set));
  answer_own_routes(set);
  return 0;
}
