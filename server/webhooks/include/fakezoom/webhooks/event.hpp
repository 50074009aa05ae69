// One event notification as Zoom sends it: {"event", "event_ts", "payload"}. The payload keeps
// the key order it was given in (Zoom's documented examples'), so the body's bytes are what a
// receiver re-serialising the parsed JSON gets back.
#pragma once

#include <cstdint>
#include <string>

#include <nlohmann/json.hpp>

namespace fakezoom::webhooks {

struct Event {
  std::string name;  // "meeting.created", or "endpoint.url_validation"
  nlohmann::ordered_json payload = nlohmann::ordered_json::object();
  std::int64_t event_ts = 0;  // when it happened, Unix milliseconds
};

// The compact JSON body: {"event":NAME,"event_ts":MS,"payload":{...}}, invalid UTF-8 replaced.
std::string event_body(const Event& event);

}  // namespace fakezoom::webhooks
