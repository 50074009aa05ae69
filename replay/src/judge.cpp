#include <algorithm>
#include <cctype>

#include <nlohmann/json.hpp>

#include "fakezoom/model/text.hpp"
#include "fakezoom/model/wire_errors.hpp"
#include "fakezoom/replay/replay.hpp"

namespace fakezoom::replay {

namespace {

using nlohmann::json;

std::string media_type(std::string_view content_type) {
  std::string out(content_type.substr(0, content_type.find(';')));
  out.erase(std::remove_if(out.begin(), out.end(), [](unsigned char c) { return std::isspace(c); }), out.end());
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
  return out;
}

// Same JSON types all the way down; objects need the documented keys (extra keys are fine);
// arrays' elements take the shape of the first documented element.
bool same_shape(const json& documented, const json& actual) {
  if (documented.is_number() && actual.is_number()) return true;
  if (documented.type() != actual.type()) return documented.is_null();
  if (documented.is_object()) {
    for (auto it = documented.begin(); it != documented.end(); ++it)
      if (!actual.contains(it.key()) || !same_shape(it.value(), actual[it.key()])) return false;
  }
  if (documented.is_array() && !documented.empty())
    return std::all_of(actual.begin(), actual.end(), [&](const json& e) { return same_shape(documented.front(), e); });
  return true;
}

Verdict fail(std::string why) { return {false, std::move(why)}; }

}  // namespace

Verdict judge(const Example& example, const client::Response& answer, BodyComparison comparison) {
  if (answer.status != example.status)
    return fail("status " + std::to_string(answer.status) + ", documented " + std::to_string(example.status));
  if (example.status == 204 || example.status == 304)
    return answer.body.empty() ? Verdict{true, "no body, as HTTP requires"} : fail("a body on a " + std::to_string(example.status));

  const std::string documented_type = media_type(example.headers.get("Content-Type").value_or(""));
  const std::string actual_type = media_type(answer.header("Content-Type").value_or(""));
  if (blank(example.body)) {
    // Zoom documents most errors with an empty text/plain body while it answers JSON.
    if (auto error = wire::documented_error(example.name, example.status)) {
      const json body = json::parse(answer.body, nullptr, false);
      if (actual_type == "application/json" && body.is_object() && body.value("code", json()) == error->code)
        return {true, "Zoom's JSON error with code " + std::to_string(error->code)};
      if (blank(answer.body)) return {true, "empty body, as documented"};
      return fail("documented an empty body or Zoom's error code " + std::to_string(error->code) + ", got " +
                  answer.body.substr(0, 200));
    }
    return blank(answer.body) ? Verdict{true, "empty body, as documented"} : fail("documented an empty body");
  }
  if (!documented_type.empty() && documented_type != actual_type)
    return fail("Content-Type " + actual_type + ", documented " + documented_type);
  const json documented = json::parse(example.body, nullptr, false);
  if (documented.is_discarded())
    return answer.body == example.body ? Verdict{true, "body as documented"} : fail("body differs from the documented text");
  const json actual = json::parse(answer.body, nullptr, false);
  if (actual.is_discarded()) return fail("body is not JSON");
  if (comparison == BodyComparison::exact)
    return actual == documented ? Verdict{true, "JSON body equal"} : fail("JSON body differs: " + json::diff(documented, actual).dump());
  return same_shape(documented, actual) ? Verdict{true, "JSON body of the documented shape"}
                                        : fail("JSON body is not of the documented shape");
}

}  // namespace fakezoom::replay
