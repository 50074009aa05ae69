// The event types fakezoom can send and, from Zoom's events specs, each one's documented
// example. Without a spec it knows the 21 events of Zoom's Users events spec (2026-02) and the
// meeting and recording events the account and a meeting's life send (docs/webhooks.md).
//   EventCatalog catalog;                         // the built-in types, no examples
//   catalog.document("user.created", example);    // from --events-spec
//   catalog.event("user.created", {{"object", {{"email", "a@example.com"}}}});
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "fakezoom/webhooks/event.hpp"

namespace fakezoom::webhooks {

class EventCatalog {
public:
  EventCatalog();

  // Knows `name` from now on, its payload template the documented example's (the payload
  // object of Zoom's "json-example"); a later document of the same name replaces it.
  void document(const std::string& name, nlohmann::ordered_json example_payload);

  bool knows(std::string_view name) const;
  const std::vector<std::string>& names() const;  // built-in first, then documented ones
  std::size_t documented() const;                 // how many have an example
  // The documented example's payload; null when the type has none.
  const nlohmann::ordered_json* example(std::string_view name) const;
  // The known types closest to a misspelt one, closest first (for "did you mean").
  std::vector<std::string> close_to(std::string_view name, std::size_t at_most = 3) const;
  // "\"user.craeted\" is not an event type fakezoom knows; did you mean user.created?"
  std::string unknown(std::string_view name) const;

  // The event to send: `payload` merged over the documented example as a JSON merge patch
  // (RFC 7386: objects merge key by key, anything else replaces, null removes), so the
  // example's keys keep Zoom's order and new ones follow. event_ts stays 0 (publish stamps it).
  Event event(const std::string& name, const nlohmann::ordered_json& payload) const;

private:
  struct Documented {
    std::string name;
    nlohmann::ordered_json payload;
  };
  std::vector<std::string> names_;
  std::vector<Documented> documented_;
};

}  // namespace fakezoom::webhooks
