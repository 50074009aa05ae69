#include "fakezoom/state/state_document.hpp"

#include <cctype>
#include <set>

namespace fakezoom {

namespace {

std::string lower(std::string_view text) {
  std::string out(text);
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

}  // namespace

nlohmann::json to_json(const StateDocument& state) {
  nlohmann::json users = nlohmann::json::array();
  for (const auto& user : state.users) users.push_back(user.fields);
  nlohmann::json meetings = nlohmann::json::array();
  for (const auto& meeting : state.meetings) meetings.push_back(meeting_json(meeting));
  return {{"users", std::move(users)}, {"meetings", std::move(meetings)}};
}

StateDocumentRead read_state_document(const nlohmann::json& document, const std::string& file) {
  StateDocumentRead read;
  auto problem = [&](std::string pointer, std::string message) {
    read.problems.push_back({file, std::move(pointer), std::move(message)});
  };
  if (!document.is_object()) {
    problem("", "must be an object with \"users\" and \"meetings\" arrays");
    return read;
  }
  for (const auto& [key, value] : document.items())
    if (key != "users" && key != "meetings") problem("/" + key, "is not part of a state document (users, meetings)");

  std::set<std::string> ids;
  std::set<std::string> emails;
  if (document.contains("users")) {
    const auto& users = document["users"];
    if (!users.is_array()) problem("/users", "must be an array of user objects");
    for (std::size_t i = 0; users.is_array() && i < users.size(); ++i) {
      const std::string at = "/users/" + std::to_string(i);
      const auto& user = users[i];
      if (!user.is_object()) {
        problem(at, "must be a user object");
        continue;
      }
      const bool has_id = user.contains("id") && user["id"].is_string() && !user["id"].get<std::string>().empty();
      if (!has_id) problem(at + "/id", "must be a non-empty string");
      if (user.contains("email") && !user["email"].is_string()) problem(at + "/email", "must be a string");
      for (const char* name : {"first_name", "last_name", "status"})
        if (user.contains(name) && !user[name].is_string()) problem(at + "/" + name, "must be a string");
      if (user.contains("type") && !user["type"].is_number_integer()) problem(at + "/type", "must be an integer");
      if (!has_id) continue;
      AccountUser stored;
      stored.id = user["id"];
      stored.email = user.contains("email") && user["email"].is_string() ? user["email"].get<std::string>() : "";
      stored.fields = user;
      if (!ids.insert(stored.id).second) problem(at + "/id", "another user has the id \"" + stored.id + "\"");
      if (!stored.email.empty() && !emails.insert(lower(stored.email)).second)
        problem(at + "/email", "another user has the email \"" + stored.email + "\"");
      read.state.users.push_back(std::move(stored));
    }
  }

  std::set<std::string> meeting_ids;
  if (document.contains("meetings")) {
    const auto& meetings = document["meetings"];
    if (!meetings.is_array()) problem("/meetings", "must be an array of meeting objects");
    for (std::size_t i = 0; meetings.is_array() && i < meetings.size(); ++i) {
      const std::string at = "/meetings/" + std::to_string(i);
      const auto& meeting = meetings[i];
      if (!meeting.is_object()) {
        problem(at, "must be a meeting object");
        continue;
      }
      const std::string id = meeting.contains("id") ? meeting_id_text(meeting["id"]) : "";
      if (id.empty()) problem(at + "/id", "must be a meeting number or a non-empty string");
      bool ok = !id.empty();
      for (auto& field : meeting_field_problems(meeting)) {
        problem(at + "/" + field.field, std::move(field.message));
        ok = false;
      }
      if (!meeting.contains("host_id")) {
        problem(at + "/host_id", "is required: the id of the user who hosts it");
        ok = false;
      } else if (meeting["host_id"].is_string() && !ids.count(meeting["host_id"].get<std::string>())) {
        problem(at + "/host_id", "no user in /users has the id \"" + meeting["host_id"].get<std::string>() + "\"");
        ok = false;
      }
      if (!ok) continue;
      if (!meeting_ids.insert(id).second) problem(at + "/id", "another meeting has the id " + id);
      read.state.meetings.push_back(meeting_from_fields(meeting));
    }
  }
  return read;
}

}  // namespace fakezoom
