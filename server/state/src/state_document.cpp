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

std::string meeting_id_text(const nlohmann::json& id) {
  if (id.is_number_unsigned()) return std::to_string(id.get<std::uint64_t>());
  if (id.is_number_integer()) return std::to_string(id.get<std::int64_t>());
  if (id.is_string()) return id.get<std::string>();
  return "";
}

// The fields a meeting keeps as members, with the JSON type each must have.
struct Member {
  const char* name;
  nlohmann::json::value_t type;
};
constexpr Member kMeetingMembers[] = {
    {"uuid", nlohmann::json::value_t::string},       {"host_id", nlohmann::json::value_t::string},
    {"topic", nlohmann::json::value_t::string},      {"type", nlohmann::json::value_t::number_integer},
    {"start_time", nlohmann::json::value_t::string}, {"duration", nlohmann::json::value_t::number_integer},
    {"timezone", nlohmann::json::value_t::string},   {"password", nlohmann::json::value_t::string},
    {"agenda", nlohmann::json::value_t::string},     {"created_at", nlohmann::json::value_t::string},
    {"status", nlohmann::json::value_t::string},
};

bool has_type(const nlohmann::json& value, nlohmann::json::value_t type) {
  if (type == nlohmann::json::value_t::number_integer) return value.is_number_integer();
  return value.type() == type;
}

std::string type_name(nlohmann::json::value_t type) {
  return type == nlohmann::json::value_t::number_integer ? "an integer" : "a string";
}

}  // namespace

std::vector<InputProblem> meeting_field_problems(const nlohmann::json& fields) {
  std::vector<InputProblem> problems;
  for (const auto& member : kMeetingMembers)
    if (fields.contains(member.name) && !has_type(fields[member.name], member.type))
      problems.push_back({member.name, "must be " + type_name(member.type)});
  if (fields.contains("settings") && !fields["settings"].is_object()) problems.push_back({"settings", "must be an object"});
  return problems;
}

Meeting meeting_from_fields(const nlohmann::json& fields) {
  Meeting meeting;
  nlohmann::json extra = nlohmann::json::object();
  for (const auto& [name, value] : fields.items()) {
    if (name == "id") meeting.id = meeting_id_text(value);
    else if (name == "uuid" && value.is_string()) meeting.uuid = value;
    else if (name == "host_id" && value.is_string()) meeting.host_id = value;
    else if (name == "topic" && value.is_string()) meeting.topic = value;
    else if (name == "type" && value.is_number_integer()) meeting.type = value;
    else if (name == "start_time" && value.is_string()) meeting.start_time = value;
    else if (name == "duration" && value.is_number_integer()) meeting.duration = value;
    else if (name == "timezone" && value.is_string()) meeting.timezone = value;
    else if (name == "password" && value.is_string()) meeting.password = value;
    else if (name == "agenda" && value.is_string()) meeting.agenda = value;
    else if (name == "created_at" && value.is_string()) meeting.created_at = value;
    else if (name == "status" && value.is_string()) meeting.status = value;
    else if (name != "join_url") extra[name] = value;  // join_url follows from the id
  }
  if (!extra.empty()) meeting.extra = extra.dump();
  return meeting;
}

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
