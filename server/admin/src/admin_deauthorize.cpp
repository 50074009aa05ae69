// POST /__admin/oauth/deauthorize: the user removes a user-level app, as Zoom's Marketplace lets
// them. The user's tokens for the app end, and the subscriptions that want it are sent Zoom's
// app_deauthorized event (Zoom's "Deauthorization" docs: its payload's fields, and
// user_data_retention as the text "true" or "false"), so an app's clean-up path is testable.
#include <nlohmann/json.hpp>

#include "admin_answer.hpp"
#include "fakezoom/model/iso8601.hpp"
#include "fakezoom/state/account.hpp"
#include "fakezoom/webhooks/outbox.hpp"
#include "fakezoom/zoom/account_routes.hpp"
#include "fakezoom/zoom/accounts.hpp"
#include "fakezoom/zoom/fixture_set.hpp"
#include "fakezoom/zoom/token_authority.hpp"

namespace fakezoom::admin {

HttpResponse deauthorize_app(const HttpRequest& request, AdminContext context) {
  auto body = json_body(request);
  if (!body) return bad_input(body.problem());
  if (!body->is_object() || !body->contains("client_id") || !body.value()["client_id"].is_string())
    return bad_input({"/client_id", "must be the client id of the user-level app the user removes"});
  const nlohmann::json& fields = body.value();
  if (fields.contains("user_data_retention") && !fields["user_data_retention"].is_boolean())
    return bad_input({"/user_data_retention", "must be true or false"});
  const std::string client_id = fields["client_id"];
  const AppOfAccount found = context.fixtures.accounts.find_app(client_id);
  if (!found.app) return error(404, "The accounts fixture has no app with client id " + client_id + ".");

  const std::size_t ended = context.target.tokens().end_authorizations(client_id, found.app->user);
  // The user as Zoom names them: who "me" is with the app's tokens.
  const std::string user_id = resolve_user(context.target.account(), "me", found.app->user);
  const bool retain = fields.value("user_data_retention", false);
  nlohmann::ordered_json payload = {{"account_id", found.account->id},
                                    {"user_id", user_id},
                                    {"signature", ""},
                                    {"deauthorization_time", to_iso8601(context.target.now())},
                                    {"client_id", client_id},
                                    {"user_data_retention", retain ? "true" : "false"}};
  auto& outbox = context.target.webhooks();
  const std::size_t queued = outbox.publish(outbox.catalog().event("app_deauthorized", payload));
  return json_answer(200, {{"client_id", client_id}, {"user_id", user_id}, {"tokens_ended", ended}, {"queued", queued}});
}

}  // namespace fakezoom::admin
