// Turns a documented example into the answer sent.
#pragma once

#include "fakezoom/core/http_message.hpp"
#include "fakezoom/core/path_template.hpp"
#include "fakezoom/core/route.hpp"

namespace fakezoom {

enum class BodyMode {
  zoom,      // an error example with an empty body is answered in Zoom's real JSON shape
  verbatim,  // every example exactly as documented
};

HttpResponse render_example(const Example& example, const PathParams& params, BodyMode mode);

// "$userId" and "{userId}" filled from the request's path parameters.
std::string fill_placeholders(std::string text, const PathParams& params);

}  // namespace fakezoom
