#include "fakezoom/zoom/wire_oauth.hpp"
#include "fakezoom/model/http_message.hpp"

#include <nlohmann/json.hpp>

#include "fakezoom/model/wire_errors.hpp"

namespace fakezoom::wire {

HttpResponse oauth_error(std::string_view reason, std::string_view error) {
  HttpResponse response;
  response.status = 400;
  response.headers.set("Content-Type", "application/json");
  // Zoom's order: reason first.
  nlohmann::ordered_json body = {{"reason", std::string(reason)}, {"error", std::string(error)}};
  response.body = body.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);  // reasons may quote the request
  return response;
}

HttpResponse invalid_client() { return oauth_error("Invalid client_id or client_secret", "invalid_client"); }
HttpResponse unsupported_grant_type() { return oauth_error("unsupported grant type", "unsupported_grant_type"); }
HttpResponse invalid_account_id() { return oauth_error("Invalid Account Id", "invalid_request"); }

HttpResponse access_token_expired(int status) {
  return zoom_error(status, kInvalidAccessToken, "Access token is expired.");
}

HttpResponse invalid_access_token(int status) {
  return zoom_error(status, kInvalidAccessToken, "Invalid access token.");
}

HttpResponse missing_scopes(const std::vector<std::string>& scopes) {
  std::string list;
  for (const auto& scope : scopes) list += (list.empty() ? "" : ", ") + scope;
  return zoom_error(400, kMissingScopes, "Invalid access token, does not contain scopes:[" + list + "].");
}

}  // namespace fakezoom::wire
