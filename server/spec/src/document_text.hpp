// What the spec readers share about a document's text.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "fakezoom/fixtures/diagnostic.hpp"

namespace fakezoom {

// "line 3, column 7" for a byte offset, as nlohmann's parse errors give one.
std::string line_and_column(const std::string& text, std::size_t byte);
// YAML when the name ends in .yaml or .yml, or when the text does not start with '{'.
bool looks_like_yaml(const std::string& file, const std::string& text);
// The document as JSON, YAML per looks_like_yaml; nothing, with the syntax error's line and
// column in `problems`, when it is neither.
std::optional<nlohmann::json> parse_document(const std::string& file, const std::string& text,
                                             std::vector<Problem>& problems);
// OpenAPI 3 and Swagger 2.0 name the same eight operations, in lower case.
inline constexpr const char* kOperationMethods[] = {"get", "put", "post", "delete", "options", "head", "patch", "trace"};
std::string upper_case(std::string text);
// The API's base path from OpenAPI's servers[0].url or Swagger's basePath:
// "https://api.zoom.us/v2/" or "/v2" -> "/v2"; "/" or "" -> "".
std::string url_path(std::string url);
// object[key], or null when `object` is not an object or has no such key.
const nlohmann::json& json_field(const nlohmann::json& object, const char* key);
// The whole file; nothing when it cannot be read, and `error` says why.
std::optional<std::string> read_file_text(const std::string& file, std::string& error);

}  // namespace fakezoom
