// What an answer changed in the account, said as the Zoom event that tells it; the engine
// publishes it to the webhook subscriptions (docs/webhooks.md, "Events from the account").
// Ordered JSON: the objects keep the key order of Zoom's examples.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

namespace fakezoom {

struct AccountChange {
  std::string event;  // Zoom's event type: "user.created", "meeting.updated", ...
  // The record as Zoom's event shows it; for *.updated its id and the fields that changed.
  nlohmann::ordered_json object = nlohmann::ordered_json::object();
  nlohmann::ordered_json old_object;  // *.updated: those fields before; null otherwise
  // Payload fields Zoom sends beside the object ("creation_type", "operation").
  nlohmann::ordered_json extra = nlohmann::ordered_json::object();
};

}  // namespace fakezoom
