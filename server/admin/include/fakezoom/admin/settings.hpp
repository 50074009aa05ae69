// Global settings the admin API changes at run time (`GET/POST /__admin/settings`), in
// WireMock's shape: {"fixedDelay": 250} delays every answer that nothing more specific delays.
#pragma once

#include <chrono>

#include <nlohmann/json_fwd.hpp>

#include "fakezoom/model/input_problem.hpp"

namespace fakezoom {

struct Settings {
  std::chrono::milliseconds fixed_delay{0};

  bool operator==(const Settings&) const = default;
};

nlohmann::json to_json(const Settings& settings);  // {"fixedDelay": 250}

// WireMock replaces the settings whole: a field left out goes back to its default. Its Java
// client sends every field of GlobalSettings, so the ones fakezoom has no use for are accepted
// when null, false or empty; anything else unknown is refused.
Checked<Settings> parse_settings(const nlohmann::json& body);

// A delay in milliseconds from 0 to kMaxDelay; `field` names it in the problem.
Checked<std::chrono::milliseconds> parse_delay(const nlohmann::json& value, const std::string& field);

}  // namespace fakezoom
