// Faults and delays for one route or example, by id: from the overrides file (`--overrides`)
// and `POST /__admin/mappings/{id}/fault`. The file's shape:
//   {"faults": [{"id": "get-v2-users-userId-token-1", "fault": "EMPTY_RESPONSE"}],
//    "delays": [{"id": "get-v2-users-userId-token", "fixedDelayMilliseconds": 200}]}
#pragma once

#include <chrono>
#include <functional>
#include <map>
#include <string>

#include <nlohmann/json_fwd.hpp>

#include "fakezoom/admin/fault.hpp"
#include "fakezoom/model/input_problem.hpp"

namespace fakezoom {

struct Overrides {
  std::map<std::string, Fault, std::less<>> faults;  // by route or example id
  std::map<std::string, std::chrono::milliseconds, std::less<>> delays;

  bool operator==(const Overrides&) const = default;
};

nlohmann::json to_json(const Overrides& overrides);  // the file's shape
Checked<Overrides> parse_overrides(const nlohmann::json& document);

// {"fault": "EMPTY_RESPONSE"}, as POST /__admin/mappings/{id}/fault takes it.
Checked<Fault> parse_fault_request(const nlohmann::json& body);

}  // namespace fakezoom
