#include "fakezoom/admin/overrides.hpp"

#include <nlohmann/json.hpp>

#include "fakezoom/admin/settings.hpp"

namespace fakezoom {

using nlohmann::json;

namespace {

Checked<Fault> fault_at(const json& value, const std::string& field) {
  if (!value.is_string()) return InputProblem{field, "must be a string, one of " + std::string(kFaultNames)};
  auto fault = parse_fault(value.get<std::string>());
  if (!fault)
    return InputProblem{field, "unknown fault \"" + value.get<std::string>() + "\"; expected " + std::string(kFaultNames)};
  return *fault;
}

// Each entry: {"id": "...", <key>: ...}, nothing else.
Checked<std::string> entry_id(const json& entry, const std::string& at, const char* key) {
  if (!entry.is_object()) return InputProblem{at, std::string("must be an object {\"id\": ..., \"") + key + "\": ...}"};
  for (const auto& [name, value] : entry.items())
    if (name != "id" && name != key) return InputProblem{at + "/" + name, "unknown field"};
  if (!entry.contains("id") || !entry["id"].is_string() || entry["id"].get<std::string>().empty())
    return InputProblem{at + "/id", "must be a route or example id (a non-empty string)"};
  if (!entry.contains(key)) return InputProblem{at + "/" + key, "is missing"};
  return entry["id"].get<std::string>();
}

}  // namespace

json to_json(const Overrides& overrides) {
  json faults = json::array(), delays = json::array();
  for (const auto& [id, fault] : overrides.faults) faults.push_back({{"id", id}, {"fault", fault_name(fault)}});
  for (const auto& [id, delay] : overrides.delays)
    delays.push_back({{"id", id}, {"fixedDelayMilliseconds", delay.count()}});
  return {{"faults", faults}, {"delays", delays}};
}

Checked<Overrides> parse_overrides(const json& document) {
  if (!document.is_object()) return InputProblem{"", "must be a JSON object with \"faults\" and/or \"delays\""};
  Overrides overrides;
  for (const auto& [key, list] : document.items()) {
    if (key != "faults" && key != "delays") return InputProblem{"/" + key, "unknown field (expected faults or delays)"};
    if (!list.is_array()) return InputProblem{"/" + key, "must be an array"};
    for (std::size_t i = 0; i < list.size(); ++i) {
      const std::string at = "/" + key + "/" + std::to_string(i);
      const char* field = key == "faults" ? "fault" : "fixedDelayMilliseconds";
      auto id = entry_id(list[i], at, field);
      if (!id) return id.problem();
      if (key == "faults") {
        auto fault = fault_at(list[i][field], at + "/" + field);
        if (!fault) return fault.problem();
        overrides.faults[id.value()] = fault.value();
      } else {
        auto delay = parse_delay(list[i][field], at + "/" + field);
        if (!delay) return delay.problem();
        overrides.delays[id.value()] = delay.value();
      }
    }
  }
  return overrides;
}

Checked<Fault> parse_fault_request(const json& body) {
  if (!body.is_object()) return InputProblem{"", "must be a JSON object such as {\"fault\": \"EMPTY_RESPONSE\"}"};
  for (const auto& [name, value] : body.items())
    if (name != "fault") return InputProblem{"/" + name, "unknown field (expected fault)"};
  if (!body.contains("fault")) return InputProblem{"/fault", "is missing"};
  return fault_at(body["fault"], "/fault");
}

}  // namespace fakezoom
