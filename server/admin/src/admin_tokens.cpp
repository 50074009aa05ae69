// POST /__admin/oauth/tokens/expire: a token issued at /oauth/token ends now, so a client's
// "Access token is expired." path (and its refresh) can be tested without an hour's wait.
#include <nlohmann/json.hpp>

#include "admin_answer.hpp"

namespace fakezoom::admin {

HttpResponse expire_tokens(const HttpRequest& request, AdminContext context) {
  auto& tokens = context.target.tokens();
  const bool blank = request.body.find_first_not_of(" \t\r\n") == std::string::npos;
  if (blank) return json_answer(200, {{"expired", tokens.expire()}});
  auto body = json_body(request);
  if (!body) return bad_input(body.problem());
  if (!body->is_object() || !body->contains("access_token") || !body.value()["access_token"].is_string())
    return bad_input({"/access_token", "must be the access token to expire (or send no body to expire every one)"});
  const std::string token = body.value()["access_token"];
  if (!tokens.issued(token)) return error(404, "fakezoom did not issue the access token it was asked to expire.");
  return json_answer(200, {{"expired", tokens.expire(token)}});
}

}  // namespace fakezoom::admin
