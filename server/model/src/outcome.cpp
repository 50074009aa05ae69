#include "fakezoom/model/outcome.hpp"

namespace fakezoom {

void set_matched_stub(HttpResponse& response, const std::string& example_id, const std::string& example_name) {
  response.headers.set("Matched-Stub-Id", example_id);
  response.headers.set("Matched-Stub-Name", example_name);
}

Outcome& Outcome::answer_by_rule(HttpResponse answer, std::string id, std::string name) {
  response = std::move(answer);
  prepared.reset();
  example_id = std::move(id);
  example_name = std::move(name);
  reason = example_name;
  set_matched_stub(response, example_id, example_name);
  return *this;
}

}  // namespace fakezoom
