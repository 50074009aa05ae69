#include "fakezoom/engine/app_subscriptions.hpp"

namespace fakezoom {

AppSubscriptions app_subscriptions(const AccountDirectory& accounts, const webhooks::EventCatalog& catalog) {
  AppSubscriptions out;
  for (const auto& account : accounts.accounts())
    for (const auto& app : account.apps)
      for (const auto& given : app.event_subscriptions) {
        webhooks::Subscription subscription{given.endpoint_url, app.secret_token, given.events};
        const auto problems = webhooks::subscription_problems(subscription, catalog);
        for (const auto& problem : problems) {
          // The secret token is the app's; the loader has refused an empty one already.
          const std::string pointer =
              problem.field == "secret_token" ? given.pointer.substr(0, given.pointer.rfind("/event_subscriptions")) + "/secret_token"
                                              : given.pointer + "/" + problem.field;
          out.problems.push_back({given.file, pointer, problem.message});
        }
        if (problems.empty()) out.subscriptions.push_back(std::move(subscription));
      }
  return out;
}

}  // namespace fakezoom
