// Fuzzes the spec loader (`fakezoom serve --spec`): OpenAPI 3 and Swagger 2.0 as JSON or as
// YAML (yaml-cpp), of any shape. Reading never throws and reports every problem with the file
// and a JSON pointer. Text starting with '{' is read as JSON, anything else as YAML.
#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "fakezoom/spec/spec.hpp"
#include "fuzz_check.hpp"

using namespace fakezoom;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  std::vector<Diagnostic> problems;
  Spec spec;
  // KNOWN OPEN (fuzz/README.md, regressions/spec_loader/open/): as in the fixture loader, a
  // number past double's range makes nlohmann throw out_of_range (only parse_error is caught),
  // and YAML lets bytes that are not UTF-8 into JSON strings that spec.cpp later dump()s
  // (type_error 316). Left out while fuzzing unless strict.
  try {
    spec = read_spec_text("fuzz.json", text, problems);
  } catch (const nlohmann::json::out_of_range&) {
    if (fuzz::strict()) throw;
    return 0;
  } catch (const nlohmann::json::type_error&) {
    if (fuzz::strict()) throw;
    return 0;
  }
  for (const auto& problem : problems) {
    FUZZ_CHECK(problem.file == "fuzz.json", "a spec diagnostic does not name the file");
    FUZZ_CHECK(problem.pointer.empty() || problem.pointer[0] == '/', "a spec diagnostic's pointer is not RFC 6901");
    FUZZ_CHECK(!problem.message.empty(), "a spec diagnostic without a message");
  }
  FUZZ_CHECK(spec.file == "fuzz.json", "the spec does not name its file");
  return 0;
}
