#include "fakezoom/state/account_records.hpp"

#include <algorithm>
#include <cctype>

namespace fakezoom {

namespace {
bool all_digits(const std::string& text) {
  return !text.empty() && text.size() < 19 &&
         std::all_of(text.begin(), text.end(), [](unsigned char c) { return std::isdigit(c); });
}
}  // namespace

nlohmann::json meeting_json(const Meeting& meeting) {
  nlohmann::json out = nlohmann::json::object();
  if (!meeting.extra.empty()) {
    auto extra = nlohmann::json::parse(meeting.extra, nullptr, false);
    if (extra.is_object()) out = std::move(extra);
  }
  if (all_digits(meeting.id))
    out["id"] = std::stoll(meeting.id);
  else
    out["id"] = meeting.id;
  out["uuid"] = meeting.uuid;
  out["host_id"] = meeting.host_id;
  out["topic"] = meeting.topic;
  out["type"] = meeting.type;
  if (!meeting.start_time.empty()) out["start_time"] = meeting.start_time;
  if (meeting.duration > 0) out["duration"] = meeting.duration;
  if (!meeting.timezone.empty()) out["timezone"] = meeting.timezone;
  if (!meeting.password.empty()) out["password"] = meeting.password;
  if (!meeting.agenda.empty()) out["agenda"] = meeting.agenda;
  out["created_at"] = meeting.created_at;
  out["status"] = meeting.status;
  // Zoom's links carry the meeting number (the 2022 collection's examples: zoom.us/j/ID, zoom.us/s/ID?...).
  out["join_url"] = "https://zoom.us/j/" + meeting.id;
  if (!out.contains("start_url")) out["start_url"] = "https://zoom.us/s/" + meeting.id;
  return out;
}

}  // namespace fakezoom
