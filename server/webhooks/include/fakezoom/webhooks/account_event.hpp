// The event Zoom sends for a change in the account (a user created, a meeting updated): the
// documented example's payload as the template when the catalog has one, the envelope fields
// set to who did it, and the change's object (and old_object) in place of the example's.
#pragma once

#include <cstdint>
#include <string>

#include "fakezoom/model/account_change.hpp"
#include "fakezoom/webhooks/event.hpp"
#include "fakezoom/webhooks/event_catalog.hpp"

namespace fakezoom::webhooks {

// Who made the change, as Zoom's payload says it: the account, and the operator's email and id.
struct EventOperator {
  std::string account_id;
  std::string email;
  std::string id;
};

// `now_ms` is the event's event_ts, and time_stamp where the example has one.
Event account_event(const EventCatalog& catalog, const AccountChange& change, const EventOperator& by,
                    std::int64_t now_ms);

}  // namespace fakezoom::webhooks
