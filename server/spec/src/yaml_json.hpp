// YAML text to a JSON value, so a YAML spec is read by the same code as a JSON one.
#pragma once

#include <optional>
#include <string>

#include <nlohmann/json.hpp>

namespace fakezoom {

// Plain scalars take YAML 1.2's core schema (null, true/false, integers, floats, else text);
// quoted ones stay text, so `"200"` stays a string key and `'1'` a string enum value. On a
// problem: nothing, and `error` says where ("line 3, column 7: ...").
std::optional<nlohmann::json> yaml_to_json(const std::string& text, std::string& error);

}  // namespace fakezoom
