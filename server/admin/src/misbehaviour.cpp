#include "fakezoom/admin/misbehaviour.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>

namespace fakezoom {

namespace {

std::string trimmed(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return std::string(s);
}

template <typename Map>
auto find_override(const Map& map, std::string_view example_id, std::string_view route_id)
    -> std::optional<typename Map::mapped_type> {
  if (!example_id.empty())
    if (auto it = map.find(example_id); it != map.end()) return it->second;
  if (!route_id.empty())
    if (auto it = map.find(route_id); it != map.end()) return it->second;
  return std::nullopt;
}

}  // namespace

Checked<Misbehaviour> misbehaviour_for(const Headers& headers, std::string_view route_id,
                                       std::string_view example_id, const Overrides& overrides,
                                       const Settings& settings) {
  Misbehaviour result;
  result.delay = find_override(overrides.delays, example_id, route_id).value_or(settings.fixed_delay);
  result.fault = find_override(overrides.faults, example_id, route_id);

  if (auto text = headers.get(kDelayHeader)) {
    const std::string value = trimmed(*text);
    unsigned long long ms = 0;
    auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), ms);
    if (value.empty() || end != value.data() + value.size() || (error != std::errc() && error != std::errc::result_out_of_range))
      return InputProblem{std::string(kDelayHeader),
                          "must be a whole number of milliseconds (at most " + std::to_string(kMaxDelay.count()) +
                              "), got \"" + *text + "\""};
    const auto cap = static_cast<unsigned long long>(kMaxDelay.count());
    result.delay = std::chrono::milliseconds(error == std::errc::result_out_of_range ? cap : std::min(ms, cap));
  }
  if (auto text = headers.get(kFaultHeader)) {
    std::string name = trimmed(*text);
    std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return std::toupper(c); });
    auto fault = parse_fault(name);
    if (!fault)
      return InputProblem{std::string(kFaultHeader),
                          "unknown fault \"" + *text + "\"; expected " + std::string(kFaultNames)};
    result.fault = fault;
  }
  return result;
}

}  // namespace fakezoom
