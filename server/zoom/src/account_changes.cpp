#include "account_changes.hpp"

namespace fakezoom {

namespace {

using nlohmann::json;
using nlohmann::ordered_json;

// The object keys of Zoom's user.created example, in its order.
constexpr const char* kUserKeys[] = {"id", "first_name", "last_name", "display_name", "email", "type"};
// The meeting.created object's fields that a stored meeting has, in the order of Zoom's example.
constexpr const char* kMeetingKeys[] = {"uuid", "id", "host_id", "topic", "type", "start_time", "duration", "timezone",
                                        "join_url", "password"};

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

std::shared_ptr<const AccountChange> meeting_change(std::string event, const json& meeting) {
  auto change = std::make_shared<AccountChange>();
  change->event = std::move(event);
  change->object = pick(meeting, kMeetingKeys);
  // Zoom's meeting events say which occurrences a change touched; a single meeting's is "single".
  change->extra = {{"operation", "single"}};
  return change;
}

std::shared_ptr<const AccountChange> meeting_updated(const json& before, const json& after, const json& changes) {
  auto change = updated("meeting.updated", before, after, changes);
  change->extra = {{"operation", "single"}};
  return change;
}

}  // namespace fakezoom
