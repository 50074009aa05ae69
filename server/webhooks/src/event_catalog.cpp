#include "fakezoom/webhooks/event_catalog.hpp"

#include <algorithm>
#include <utility>

#include "fakezoom/model/text.hpp"

namespace fakezoom::webhooks {

EventCatalog::EventCatalog()
    : names_{
          // Users events spec, paths in its order.
          "group.admin_added", "group.lock_settings_updated", "group.admin_deleted", "group.member_deleted",
          "user.deleted", "user.deactivated", "user.settings_updated", "user.invitation_accepted", "group.created",
          "group.settings_updated", "user.disassociated", "group.updated", "user.presence_status_updated",
          "user.activated", "user.signed_in", "user.signed_out", "user.personal_notes_updated", "group.member_added",
          "user.updated", "group.deleted", "user.created",
          // Meetings and recordings, as Zoom names them.
          "meeting.created", "meeting.updated", "meeting.deleted", "meeting.started", "meeting.ended",
          "meeting.participant_joined", "meeting.participant_left", "recording.completed",
          // Marketplace: a user removing the app.
          "app_deauthorized"} {}

void EventCatalog::document(const std::string& name, nlohmann::ordered_json example_payload) {
  if (!knows(name)) names_.push_back(name);
  for (auto& documented : documented_)
    if (documented.name == name) {
      documented.payload = std::move(example_payload);
      return;
    }
  documented_.push_back({name, std::move(example_payload)});
}

bool EventCatalog::knows(std::string_view name) const {
  return std::find(names_.begin(), names_.end(), name) != names_.end();
}

const std::vector<std::string>& EventCatalog::names() const { return names_; }

std::size_t EventCatalog::documented() const { return documented_.size(); }

const nlohmann::ordered_json* EventCatalog::example(std::string_view name) const {
  for (const auto& documented : documented_)
    if (documented.name == name) return &documented.payload;
  return nullptr;
}

Event EventCatalog::event(const std::string& name, const nlohmann::ordered_json& payload) const {
  Event out;
  out.name = name;
  if (const auto* documented = example(name); documented && documented->is_object()) out.payload = *documented;
  out.payload.merge_patch(payload);
  if (!out.payload.is_object()) out.payload = nlohmann::ordered_json::object();
  return out;
}

std::vector<std::string> EventCatalog::close_to(std::string_view name, std::size_t at_most) const {
  std::vector<std::pair<std::size_t, std::string>> scored;
  for (const auto& type : names_) scored.emplace_back(edit_distance(name, type), type);
  std::stable_sort(scored.begin(), scored.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<std::string> out;
  for (const auto& [score, type] : scored)
    if (out.size() < at_most && score <= std::max<std::size_t>(3, name.size() / 3)) out.push_back(type);
  return out;
}

std::string EventCatalog::unknown(std::string_view name) const {
  std::string close;
  for (const auto& type : close_to(name)) close += (close.empty() ? "" : ", ") + type;
  return "\"" + std::string(name) + "\" is not an event type fakezoom knows" +
         (close.empty() ? std::string(".") : "; did you mean " + close + "?");
}

}  // namespace fakezoom::webhooks
