// The event subscriptions an accounts fixture gives its apps, as the outbox takes them: each
// app's secret token with each of its endpoints. Problems name the fixture file and the JSON
// pointer, as every fixture problem does.
#pragma once

#include <vector>

#include "fakezoom/model/problem.hpp"
#include "fakezoom/webhooks/event_catalog.hpp"
#include "fakezoom/webhooks/subscription.hpp"
#include "fakezoom/zoom/accounts.hpp"

namespace fakezoom {

struct AppSubscriptions {
  std::vector<webhooks::Subscription> subscriptions;  // the usable ones, in the fixture's order
  std::vector<Problem> problems;                      // the others: not an http(s) URL, an unknown event
};

AppSubscriptions app_subscriptions(const AccountDirectory& accounts, const webhooks::EventCatalog& catalog);

}  // namespace fakezoom
