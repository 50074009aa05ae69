#include "fakezoom/admin/settings.hpp"

#include <nlohmann/json.hpp>

#include "fakezoom/admin/fault.hpp"

namespace fakezoom {

using nlohmann::json;

json to_json(const Settings& settings) { return {{"fixedDelay", settings.fixed_delay.count()}}; }

Checked<std::chrono::milliseconds> parse_delay(const json& value, const std::string& field) {
  const std::string expected =
      "must be a whole number of milliseconds from 0 to " + std::to_string(kMaxDelay.count());
  if (!value.is_number_integer()) return InputProblem{field, expected + ", got " + value.dump()};
  // Unsigned JSON numbers above INT64_MAX would wrap in get<long long>().
  if (value.is_number_unsigned() && value.get<std::uint64_t>() > static_cast<std::uint64_t>(kMaxDelay.count()))
    return InputProblem{field, expected + ", got " + value.dump()};
  const auto ms = value.get<long long>();
  if (ms < 0 || ms > kMaxDelay.count()) return InputProblem{field, expected + ", got " + value.dump()};
  return std::chrono::milliseconds(ms);
}

Checked<Settings> parse_settings(const json& body) {
  if (!body.is_object()) return InputProblem{"", "the settings must be a JSON object such as {\"fixedDelay\": 250}"};
  Settings settings;
  for (const auto& [key, value] : body.items()) {
    if (key == "fixedDelay") {
      if (value.is_null()) continue;
      auto delay = parse_delay(value, "/fixedDelay");
      if (!delay) return delay.problem();
      settings.fixed_delay = delay.value();
    } else if (key == "delayDistribution" || key == "extended" || key == "proxyPassThrough") {
      const bool unset = value.is_null() || value == false || (value.is_object() && value.empty());
      if (!unset) return InputProblem{"/" + key, "is not supported by fakezoom (only fixedDelay is)"};
    } else {
      return InputProblem{"/" + key, "unknown setting (fakezoom has fixedDelay)"};
    }
  }
  return settings;
}

}  // namespace fakezoom
