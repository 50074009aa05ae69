// The event types fakezoom knows without an events spec: the 21 of Zoom's Users events spec
// (2026-02) and the meeting and recording events of Zoom's Meetings events that the account
// and a meeting's life send (docs/webhooks.md lists them).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace fakezoom::webhooks {

const std::vector<std::string>& known_event_types();
bool is_known_event_type(std::string_view name);
// The known types closest to a misspelt one, closest first (for "did you mean").
std::vector<std::string> close_event_types(std::string_view name, std::size_t at_most = 3);

}  // namespace fakezoom::webhooks
