#include "fakezoom/zoom/account_changes.hpp"

namespace fakezoom {

namespace {

using nlohmann::json;
using nlohmann::ordered_json;

// The object keys of Zoom's user.created example, in its order.
constexpr const char* kUserKeys[] = {"id", "first_name", "last_name", "display_name", "email", "type"};
// The meeting.created object's fields that a stored meeting has, in the order of Zoom's example.
constexpr const char* kMeetingKeys[] = {"uuid", "id", "host_id", "topic", "type", "start_time", "duration", "timezone",
                                        "join_url", "password"};

// meeting.started's and meeting.ended's object (Zoom's Meetings events, as Rivet types them).
constexpr const char* kMeetingLifeKeys[] = {"uuid", "id", "host_id", "topic", "type", "start_time", "timezone", "duration"};

template <std::size_t N>
ordered_json pick(const json& record, const char* const (&keys)[N]) {
  ordered_json out = ordered_json::object();
  for (const char* key : keys)
    if (auto it = record.find(key); it != record.end() && !(it->is_string() && it->get_ref<const std::string&>().empty()))
      out[key] = *it;
  return out;
}

// {id, each field `changes` names} of `after` and of `before`: Zoom's object and old_object.
std::shared_ptr<AccountChange> updated(std::string event, const json& before, const json& after, const json& changes) {
  auto change = std::make_shared<AccountChange>();
  change->event = std::move(event);
  change->old_object = ordered_json::object();
  if (after.contains("id")) change->object["id"] = after["id"];
  if (before.contains("id")) change->old_object["id"] = before["id"];
  for (const auto& [key, value] : changes.items()) {
    if (key == "id") continue;
    if (auto it = after.find(key); it != after.end()) change->object[key] = *it;
    if (auto it = before.find(key); it != before.end()) change->old_object[key] = *it;
  }
  return change;
}

std::shared_ptr<AccountChange> life_change(std::string event, const json& meeting) {
  auto change = std::make_shared<AccountChange>();
  change->event = std::move(event);
  change->object = pick(meeting, kMeetingLifeKeys);
  return change;
}

}  // namespace

std::shared_ptr<const AccountChange> user_change(std::string event, const AccountUser& user, ordered_json extra) {
  auto change = std::make_shared<AccountChange>();
  change->event = std::move(event);
  change->object = pick(user.fields, kUserKeys);
  change->extra = std::move(extra);
  return change;
}

std::shared_ptr<const AccountChange> user_updated(const AccountUser& before, const AccountUser& after,
                                                  const json& changes) {
  return updated("user.updated", before.fields, after.fields, changes);
}

ChangeNotice meeting_notice(std::string event, const json& meeting) {
  std::string object = "{";
  for (const char* key : kMeetingKeys) {
    auto it = meeting.find(key);
    if (it == meeting.end() || (it->is_string() && it->get_ref<const std::string&>().empty())) continue;
    if (object.size() > 1) object += ',';
    object += json(key).dump();
    object += ':';
    object += it->dump();
  }
  object += '}';
  std::string name = event;
  return {std::move(name), [event = std::move(event), object = std::move(object)] {
            auto change = std::make_shared<AccountChange>();
            change->event = event;
            change->object = ordered_json::parse(object);  // in the order it was written
            // Zoom's meeting events say which occurrences a change touched; a single meeting's is "single".
            change->extra = {{"operation", "single"}};
            return std::shared_ptr<const AccountChange>(std::move(change));
          }};
}

std::shared_ptr<const AccountChange> meeting_updated(const json& before, const json& after, const json& changes) {
  auto change = updated("meeting.updated", before, after, changes);
  change->extra = {{"operation", "single"}};
  return change;
}

std::shared_ptr<const AccountChange> meeting_started(const json& meeting, const std::string& at) {
  auto change = life_change("meeting.started", meeting);
  change->object["start_time"] = at;
  return change;
}

std::shared_ptr<const AccountChange> meeting_ended(const json& meeting, const std::string& at) {
  auto change = life_change("meeting.ended", meeting);
  change->object["end_time"] = at;
  return change;
}

std::shared_ptr<const AccountChange> participant_event(bool joined, const json& meeting, const ordered_json& participant,
                                                       const std::string& at) {
  auto change = life_change(joined ? "meeting.participant_joined" : "meeting.participant_left", meeting);
  ordered_json who = ordered_json::object();
  for (const char* key : {"user_id", "user_name", "id", "participant_uuid", "email"})
    if (participant.contains(key)) who[key] = participant[key];
  who[joined ? "join_time" : "leave_time"] = at;
  for (const auto& [key, value] : participant.items())
    if (!who.contains(key)) who[key] = value;
  change->object["participant"] = std::move(who);
  return change;
}

std::shared_ptr<const AccountChange> recording_completed(const json& meeting, const std::string& host_email,
                                                         const ordered_json& recording_files, const std::string& at) {
  auto change = std::make_shared<AccountChange>();
  change->event = "recording.completed";
  ordered_json& object = change->object;
  object = pick(meeting, kMeetingLifeKeys);
  object["host_email"] = host_email;
  const std::string id = meeting.contains("id") ? meeting["id"].dump() : "0";
  ordered_json files = ordered_json::array();
  if (recording_files.is_array() && !recording_files.empty()) {
    for (const auto& file : recording_files) files.push_back(file);
  } else {
    files.push_back({{"id", "fakezoom-recording-" + id},
                     {"meeting_id", meeting.value("uuid", "")},
                     {"recording_start", meeting.value("start_time", at)},
                     {"recording_end", at},
                     {"file_type", "MP4"},
                     {"file_size", 0},
                     {"play_url", "https://zoom.us/rec/play/" + id},
                     {"download_url", "https://zoom.us/rec/download/" + id},
                     {"status", "completed"},
                     {"recording_type", "shared_screen_with_speaker_view"}});
  }
  std::int64_t total = 0;
  for (const auto& file : files)
    if (file.contains("file_size") && file["file_size"].is_number_integer()) total += file["file_size"].get<std::int64_t>();
  object["total_size"] = total;
  object["recording_count"] = files.size();
  object["share_url"] = "https://zoom.us/rec/share/" + id;
  object["recording_files"] = std::move(files);
  // Zoom's token for downloading the files without the app's own token.
  change->extra = {{"download_token", "fakezoom-download-token"}};
  return change;
}

}  // namespace fakezoom
