#include "fakezoom/state/account_records.hpp"

#include "fakezoom/model/text.hpp"

#include <algorithm>
#include <cctype>
#include <string_view>

namespace fakezoom {

namespace {

// The fields a meeting keeps as members: one row each, read by meeting_from_fields, written by
// meeting_json, type-checked by meeting_field_problems and guarded on update. A new member is
// one member in `Meeting` and one row here.
struct MeetingMember {
  const char* name;
  std::string Meeting::*text = nullptr;  // exactly one of text and number is set
  int Meeting::*number = nullptr;
  bool written_when_empty = true;   // false: left out of the object while "" or 0
  bool fixed = false;               // an update never changes it
};
constexpr MeetingMember kMeetingMembers[] = {
    {"uuid", &Meeting::uuid, nullptr, true, true},
    {"host_id", &Meeting::host_id, nullptr, true, true},
    {"topic", &Meeting::topic},
    {"type", nullptr, &Meeting::type},
    {"start_time", &Meeting::start_time, nullptr, false},
    {"duration", nullptr, &Meeting::duration, false},
    {"timezone", &Meeting::timezone, nullptr, false},
    {"password", &Meeting::password, nullptr, false},
    {"agenda", &Meeting::agenda, nullptr, false},
    {"created_at", &Meeting::created_at, nullptr, true, true},
    {"status", &Meeting::status},
};

const MeetingMember* member_named(std::string_view name) {
  for (const auto& member : kMeetingMembers)
    if (name == member.name) return &member;
  return nullptr;
}

bool fits(const MeetingMember& member, const nlohmann::json& value) {
  return member.text ? value.is_string() : value.is_number_integer();
}

}  // namespace

std::string meeting_id_text(const nlohmann::json& id) {
  if (id.is_number_unsigned()) return std::to_string(id.get<std::uint64_t>());
  if (id.is_number_integer()) return std::to_string(id.get<std::int64_t>());
  if (id.is_string()) return id.get<std::string>();
  return "";
}

nlohmann::json meeting_json(const Meeting& meeting) {
  nlohmann::json out = nlohmann::json::object();
  if (!meeting.extra.empty()) {
    auto extra = nlohmann::json::parse(meeting.extra, nullptr, false);
    if (extra.is_object()) out = std::move(extra);
  }
  if (meeting.id.size() < 19 && all_digits(meeting.id))
    out["id"] = std::stoll(meeting.id);
  else
    out["id"] = meeting.id;
  for (const auto& member : kMeetingMembers) {
    if (member.text) {
      if (member.written_when_empty || !(meeting.*member.text).empty()) out[member.name] = meeting.*member.text;
    } else if (member.written_when_empty || meeting.*member.number > 0) {
      out[member.name] = meeting.*member.number;
    }
  }
  // Zoom's links carry the meeting number (the 2022 collection's examples: zoom.us/j/ID, zoom.us/s/ID?...).
  out["join_url"] = "https://zoom.us/j/" + meeting.id;
  if (!out.contains("start_url")) out["start_url"] = "https://zoom.us/s/" + meeting.id;
  return out;
}

Meeting meeting_from_fields(const nlohmann::json& fields) {
  Meeting meeting;
  nlohmann::json extra = nlohmann::json::object();
  for (const auto& [name, value] : fields.items()) {
    if (name == "id") {
      meeting.id = meeting_id_text(value);
    } else if (const auto* member = member_named(name); member && fits(*member, value)) {
      if (member->text)
        meeting.*member->text = value.get<std::string>();
      else
        meeting.*member->number = value.get<int>();
    } else if (name != "join_url") {
      extra[name] = value;  // join_url follows from the id
    }
  }
  if (!extra.empty()) meeting.extra = extra.dump();
  return meeting;
}

std::vector<InputProblem> meeting_field_problems(const nlohmann::json& fields) {
  std::vector<InputProblem> problems;
  for (const auto& member : kMeetingMembers)
    if (fields.contains(member.name) && !fits(member, fields[member.name]))
      problems.push_back({member.name, member.text ? "must be a string" : "must be an integer"});
  if (fields.contains("settings") && !fields["settings"].is_object()) problems.push_back({"settings", "must be an object"});
  return problems;
}

bool meeting_field_is_fixed(std::string_view name) {
  if (name == "id" || name == "join_url") return true;
  const auto* member = member_named(name);
  return member && member->fixed;
}

}  // namespace fakezoom
