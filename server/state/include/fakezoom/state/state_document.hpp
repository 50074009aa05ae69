// The account as a JSON document, for GET/PUT /__admin/state and the state file:
//   {"users": [<Zoom user object>, ...], "meetings": [<Zoom meeting object>, ...]}
// in the order they were created. Reading one checks every record and names each problem by
// its JSON pointer ("/meetings/3/host_id: no user has this id").
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "fakezoom/model/input_problem.hpp"
#include "fakezoom/model/problem.hpp"
#include "fakezoom/state/account_records.hpp"

namespace fakezoom {

struct StateDocument {
  std::vector<AccountUser> users;
  std::vector<Meeting> meetings;
};

nlohmann::json to_json(const StateDocument& state);
struct StateDocumentRead {
  StateDocument state;
  std::vector<Problem> problems;  // every one; `state` is only meant for use when there are none
};
StateDocumentRead read_state_document(const nlohmann::json& document, const std::string& file = "");

}  // namespace fakezoom
