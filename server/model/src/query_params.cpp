#include "fakezoom/model/query_params.hpp"

namespace fakezoom {

std::optional<std::string> first_value(const QueryParams& query, std::string_view key) {
  for (const auto& [k, v] : query)
    if (k == key) return v;
  return std::nullopt;
}

}  // namespace fakezoom
