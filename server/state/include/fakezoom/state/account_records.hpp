// What the account stores: its users and meetings, as Zoom's objects name their fields.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "fakezoom/model/input_problem.hpp"

namespace fakezoom {

// A user: Zoom's user object as stored (`id` and `email` among its fields). Users are few,
// so every field a caller set is kept as sent.
struct AccountUser {
  std::string id;
  std::string email;  // "" for users seeded from a documented userId that names no email
  nlohmann::json fields = nlohmann::json::object();
  // Seeded from a documented path value and unchanged since: its documented example answers.
  bool documented = false;
};

// A meeting. Meetings may be many, so the fields every meeting has are members and the rest
// of what a caller sent (settings among it) is kept as one JSON text.
struct Meeting {
  std::string id;  // Zoom's numeric id as text; a documented id may be any text
  std::string uuid;
  std::string host_id;
  std::string topic;
  int type = 2;  // 1 instant, 2 scheduled, 3 recurring without a fixed time, 8 recurring
  std::string start_time;
  int duration = 0;  // minutes; 0: not set
  std::string timezone;
  std::string password;
  std::string agenda;
  std::string created_at;
  std::string status = "waiting";
  std::string extra;  // a JSON object's text: the other fields sent, or ""
  bool documented = false;
};

// Zoom's meeting object from what is stored: join_url and start_url carry the id, a numeric
// id is a number.
nlohmann::json meeting_json(const Meeting& meeting);
// A meeting object's `id` as stored: a number's digits, or a documented id's text; "" for neither.
std::string meeting_id_text(const nlohmann::json& id);
// A meeting from a meeting object's fields (create, a document): the known ones as members,
// the rest into `extra`.
Meeting meeting_from_fields(const nlohmann::json& fields);
// What is wrong with a meeting object's fields (types of the ones a meeting keeps, settings an
// object), each named by its field: the create and update routes answer them as Zoom's 300.
std::vector<InputProblem> meeting_field_problems(const nlohmann::json& fields);
// A field an update leaves as it is (id, uuid, host, links, creation time).
bool meeting_field_is_fixed(std::string_view name);

}  // namespace fakezoom
