#include "fakezoom/admin/fault.hpp"

#include <array>
#include <utility>

namespace fakezoom {

namespace {

constexpr std::array<std::pair<Fault, std::string_view>, 4> kNames{{
    {Fault::empty_response, "EMPTY_RESPONSE"},
    {Fault::malformed_response_chunk, "MALFORMED_RESPONSE_CHUNK"},
    {Fault::random_data_then_close, "RANDOM_DATA_THEN_CLOSE"},
    {Fault::connection_reset_by_peer, "CONNECTION_RESET_BY_PEER"},
}};

}  // namespace

std::string_view fault_name(Fault fault) {
  for (const auto& [value, name] : kNames)
    if (value == fault) return name;
  return "UNKNOWN";
}

std::optional<Fault> parse_fault(std::string_view name) {
  for (const auto& [value, known] : kNames)
    if (known == name) return value;
  return std::nullopt;
}

}  // namespace fakezoom
