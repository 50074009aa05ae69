// The account as a JSON document, for GET/PUT /__admin/state and the state file:
//   {"users": [<Zoom user object>, ...], "meetings": [<Zoom meeting object>, ...]}
// in the order they were created. Reading one checks every record and names each problem by
// its JSON pointer ("/meetings/3/host_id: no user has this id").
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

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
// What is wrong with a meeting object's fields (types of the ones a meeting keeps, settings an
// object), each named by its field: the create and update routes answer them as Zoom's 300.
std::vector<InputProblem> meeting_field_problems(const nlohmann::json& fields);
// A meeting from a meeting object's fields (create, a document): the known ones as members,
// the rest into `extra`.
Meeting meeting_from_fields(const nlohmann::json& fields);

}  // namespace fakezoom
