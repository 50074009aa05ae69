// What answering a request came to: the response, and which route and example gave it
// and why. The journal, the admin API and rate limits read it.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "fakezoom/model/http_message.hpp"

namespace fakezoom {

struct PreparedAnswer;  // render.hpp
struct AccountChange;   // account_change.hpp

// What an answer changed in the account, as the Zoom event that tells it: the event's name
// now, the change itself made only when a webhook subscription wants that event (most servers
// have none, and making it costs a create a tenth of its time), and then on a webhook worker's
// thread when the event is first sent (under load most are dropped unsent). So `make` holds
// copies of what it needs, never references into the account, and runs at most once.
struct ChangeNotice {
  std::string event;
  std::function<std::shared_ptr<const AccountChange>()> make;
};

struct Outcome {
  HttpResponse response;
  bool matched = false;  // a documented route answered (examples, Zoom's rules); false for 404/405 misses
  std::string route_id;
  std::string example_id;  // also sent as Matched-Stub-Id
  std::string example_name;
  std::string reason;
  // The route's `**Rate Limit Label:**` when the request reached Zoom's rules (not the
  // caller's explicit choice, not a miss); the engine counts it when rate limits are on.
  std::string rate_limit_label;
  // Set when the answer is the example's as rendered at load time (unchanged since): the
  // journal then shares it instead of copying it.
  std::shared_ptr<const PreparedAnswer> prepared;
  // What the answer changed in the account, when it changed something (the webhooks tell it).
  std::optional<ChangeNotice> change;

  // Answers with `response` by a rule (Zoom's or fakezoom's) instead of a prepared example:
  // names it (example_id, example_name, and a reason that says the same) and sets the
  // Matched-Stub-* headers. matched, route_id and rate_limit_label stay as they are.
  Outcome& answer_by_rule(HttpResponse response, std::string example_id, std::string example_name);
};

// WireMock's header names: every answer says what served it.
void set_matched_stub(HttpResponse& response, const std::string& example_id, const std::string& example_name);

}  // namespace fakezoom
