// The state file (`--state-file`): read at start, written atomically (a temporary file in the
// same folder, flushed, then renamed over the old one), so a process killed while saving
// leaves the old file or the new one, never a torn one.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "fakezoom/model/problem.hpp"

namespace fakezoom {

struct StateFileRead {
  std::optional<nlohmann::json> document;  // empty when the file does not exist
  std::vector<Problem> problems;           // unreadable or not JSON
};

StateFileRead read_state_file(const std::string& path);
// The error, or nothing when the file was written.
std::optional<std::string> write_state_file(const std::string& path, const nlohmann::json& document);

}  // namespace fakezoom
