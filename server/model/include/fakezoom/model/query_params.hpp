// A request's query parameters as the model keeps them.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace fakezoom {

// Query parameters in the order sent, repeats kept: `?a=1&a=2` is two entries.
using QueryParams = std::vector<std::pair<std::string, std::string>>;

std::optional<std::string> first_value(const QueryParams& query, std::string_view key);

}  // namespace fakezoom
