// A stored record answered in the shape of the route's documented example: the documented keys
// with the stored values, a documented field the account does not hold as its type's empty
// value ("", 0, false, []), `settings` keeping the documented defaults (docs/state.md).
#pragma once

#include <string>

#include <nlohmann/json_fwd.hpp>

namespace fakezoom {

// The documented value with the example's data taken out: scalars empty, objects keeping their
// keys, `settings` objects as documented (Zoom's defaults, not anyone's data).
nlohmann::json neutral(const nlohmann::json& documented);

// The record shaped like `documented` (an object, or null for none), as compact JSON text.
// The text is what dumping the merged object would give: keys in order, invalid UTF-8
// replaced. It is written in one pass, without building the merged object.
std::string shaped_json_text(const nlohmann::json* documented, const nlohmann::json& stored);

}  // namespace fakezoom
