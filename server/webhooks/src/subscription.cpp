#include "fakezoom/webhooks/subscription.hpp"

#include <algorithm>

#include "fakezoom/webhooks/event_catalog.hpp"

namespace fakezoom::webhooks {

bool Subscription::wants(std::string_view event) const {
  return events.empty() || std::find(events.begin(), events.end(), event) != events.end();
}

std::vector<SubscriptionProblem> subscription_problems(const Subscription& subscription, const EventCatalog& catalog) {
  std::vector<SubscriptionProblem> problems;
  const auto& url = subscription.endpoint_url;
  const std::size_t scheme = url.starts_with("http://") ? 7 : url.starts_with("https://") ? 8 : 0;
  if (scheme == 0)
    problems.push_back({"endpoint_url", "must be an http:// or https:// URL, not \"" + url + "\""});
  else if (url.size() == scheme || url[scheme] == '/' || url[scheme] == ':')
    problems.push_back({"endpoint_url", "must name a host: \"" + url + "\""});
  if (subscription.secret_token.empty()) problems.push_back({"secret_token", "must not be empty: it signs every delivery"});
  for (std::size_t i = 0; i < subscription.events.size(); ++i) {
    const auto& event = subscription.events[i];
    const std::string field = "events/" + std::to_string(i);
    if (event.empty())
      problems.push_back({field, "must name an event type"});
    else if (!catalog.knows(event))
      problems.push_back({field, catalog.unknown(event)});
  }
  return problems;
}

}  // namespace fakezoom::webhooks
