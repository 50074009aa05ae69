// What the spec readers share about a document's text.
#pragma once

#include <cstddef>
#include <optional>
#include <string>

namespace fakezoom {

// "line 3, column 7" for a byte offset, as nlohmann's parse errors give one.
std::string line_and_column(const std::string& text, std::size_t byte);
// YAML when the name ends in .yaml or .yml, or when the text does not start with '{'.
bool looks_like_yaml(const std::string& file, const std::string& text);
// The whole file; nothing when it cannot be read, and `error` says why.
std::optional<std::string> read_file_text(const std::string& file, std::string& error);

}  // namespace fakezoom
