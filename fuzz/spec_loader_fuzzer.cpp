// Fuzzes the spec loader (`fakezoom serve --spec`): OpenAPI 3 and Swagger 2.0 as JSON or as
// YAML (yaml-cpp), of any shape. Reading never throws and reports every problem with the file
// and a JSON pointer. Text starting with '{' is read as JSON, anything else as YAML. The same
// text is read as a webhook events spec (`--events-spec`), and every event it documents is
// built and turned into a delivery body. Read as a fixture (`--fixtures spec.json`), every
// route it gives has examples whose made bodies are JSON text, and read as a response check
// (`replay --spec`, `--check-responses`), every example of those routes is checked.
#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "fakezoom/spec/events_spec.hpp"
#include "fakezoom/spec/response_check.hpp"
#include "fakezoom/spec/spec.hpp"
#include "fuzz_check.hpp"

using namespace fakezoom;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  std::vector<Problem> problems;
  Spec spec;
  // Must not throw. Fixed: a number past double's range (out_of_range 406) and bytes that are
  // not UTF-8 in a YAML string (type_error 316 from dump()); see regressions/spec_loader/.
  spec = read_spec_text("fuzz.json", text, problems);
  for (const auto& problem : problems) {
    FUZZ_CHECK(problem.file == "fuzz.json", "a spec diagnostic does not name the file");
    FUZZ_CHECK(problem.pointer.empty() || problem.pointer[0] == '/', "a spec diagnostic's pointer is not RFC 6901");
    FUZZ_CHECK(!problem.message.empty(), "a spec diagnostic without a message");
  }
  FUZZ_CHECK(spec.file == "fuzz.json", "the spec does not name its file");

  std::vector<Problem> check_problems;
  const auto check = ResponseCheck::read("fuzz.json", text, check_problems);
  for (const auto& problem : check_problems)
    FUZZ_CHECK(problem.file == "fuzz.json" && (problem.pointer.empty() || problem.pointer[0] == '/'),
               "a response check diagnostic without the file or an RFC 6901 pointer");
  if (auto document = read_spec_fixture("fuzz.json", text, std::nullopt)) {
    for (const auto& problem : document->problems)
      FUZZ_CHECK(problem.file == "fuzz.json" && (problem.pointer.empty() || problem.pointer[0] == '/'),
                 "a spec fixture diagnostic without the file or an RFC 6901 pointer");
    for (const auto& route : document->routes)
      for (const auto& example : route.examples) {
        if (example.headers.get("Content-Type") == std::optional<std::string>("application/json"))
          FUZZ_CHECK(!nlohmann::json::parse(example.body, nullptr, false).is_discarded(),
                     "a spec example's JSON body does not parse");
        check.check(route.method, route.path, example.status, example.headers.get("Content-Type").value_or(""),
                    example.body);
      }
  }

  std::vector<Problem> event_problems;
  webhooks::EventCatalog catalog;
  read_events_spec_text("fuzz.json", text, catalog, event_problems);
  for (const auto& problem : event_problems)
    FUZZ_CHECK(problem.file == "fuzz.json" && (problem.pointer.empty() || problem.pointer[0] == '/'),
               "an events spec diagnostic without the file or an RFC 6901 pointer");
  for (const auto& name : catalog.names()) {
    // Not-UTF-8 text must be replaced, never thrown on.
    const std::string body = webhooks::event_body(catalog.event(name, nlohmann::ordered_json::object()));
    FUZZ_CHECK(!body.empty(), "an event without a body");
  }
  return 0;
}
