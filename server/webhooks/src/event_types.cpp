#include "fakezoom/webhooks/event_types.hpp"

#include <algorithm>
#include <utility>

namespace fakezoom::webhooks {

const std::vector<std::string>& known_event_types() {
  static const std::vector<std::string> types = {
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
      "app_deauthorized",
  };
  return types;
}

bool is_known_event_type(std::string_view name) {
  const auto& types = known_event_types();
  return std::find(types.begin(), types.end(), name) != types.end();
}

namespace {
std::size_t distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}
}  // namespace

std::vector<std::string> close_event_types(std::string_view name, std::size_t at_most) {
  std::vector<std::pair<std::size_t, std::string>> scored;
  for (const auto& type : known_event_types()) scored.emplace_back(distance(name, type), type);
  std::stable_sort(scored.begin(), scored.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<std::string> out;
  for (const auto& [score, type] : scored)
    if (out.size() < at_most && score <= std::max<std::size_t>(3, name.size() / 3)) out.push_back(type);
  return out;
}

}  // namespace fakezoom::webhooks
