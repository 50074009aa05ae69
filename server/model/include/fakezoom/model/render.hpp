// Turns a documented example into the answer sent.
#pragma once

#include <memory>
#include <string>

#include "fakezoom/model/http_message.hpp"
#include "fakezoom/model/path_template.hpp"
#include "fakezoom/model/route.hpp"

namespace fakezoom {

enum class BodyMode {
  zoom,      // an error example with an empty body is answered in Zoom's real JSON shape
  verbatim,  // every example exactly as documented
};

HttpResponse render_example(const Example& example, const PathParams& params, BodyMode mode);

// An example's answer rendered once, when the route table is built, its Matched-Stub-* headers
// included: answering copies it, and the journal shares it instead of keeping a copy per
// request. Immutable; journal entries keep it alive across fixture reloads.
struct PreparedAnswer {
  HttpResponse response;
  std::string route_id;
  std::string example_id;
  std::string example_name;  // folded
};

// Sets the example's prepared answers (null where the answer depends on the request's path).
void prepare_answers(const std::string& route_id, Example& example);
const std::shared_ptr<const PreparedAnswer>& prepared_answer(const Example& example, BodyMode mode);

// "$userId" and "{userId}" filled from the request's path parameters.
std::string fill_placeholders(std::string text, const PathParams& params);

}  // namespace fakezoom
