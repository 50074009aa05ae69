#include "fakezoom/zoom/authorize_endpoint.hpp"

#include <algorithm>

#include "fakezoom/model/query_params.hpp"
#include "fakezoom/model/url_codec.hpp"
#include "fakezoom/model/wire_errors.hpp"
#include "fakezoom/zoom/wire_oauth.hpp"

namespace fakezoom {

namespace {

Outcome outcome(HttpResponse response, std::string id, std::string name) {
  Outcome out;
  out.matched = true;  // Zoom's own endpoint, like the token endpoint
  out.route_id = "get-oauth-authorize";
  out.answer_by_rule(std::move(response), std::move(id), std::move(name));
  return out;
}

// Back to the app: `fields` appended to the redirect URI's query, as RFC 6749 4.1.2 says.
HttpResponse redirect(const std::string& uri, const std::vector<std::pair<std::string, std::string>>& fields) {
  std::string location = uri;
  char separator = location.find('?') == std::string::npos ? '?' : '&';
  for (const auto& [key, value] : fields) {
    location += separator + key + "=" + percent_encode(value);
    separator = '&';
  }
  HttpResponse response;
  response.status = 302;
  response.headers.set("Location", location);
  response.headers.set("Cache-Control", "no-store");
  return response;
}

}  // namespace

bool is_authorize_request(const HttpRequest& request) { return request.path == kAuthorizePath; }

Outcome answer_authorize_request(const HttpRequest& request, const AccountDirectory& accounts, TokenAuthority& tokens) {
  if (request.method != "GET")
    return outcome(wire::method_not_allowed(request.method, kAuthorizePath, "GET"), "fakezoom.method-not-allowed",
                   "No documented " + request.method + " on this path");
  const auto param = [&](std::string_view name) { return first_value(request.query, name).value_or(""); };
  // Until the redirect URI is known to be the app's, errors are answered here, never sent
  // to a URI nobody registered (RFC 6749 4.1.2.1).
  const AppOfAccount found = accounts.find_app(param("client_id"));
  if (!found.app)
    return outcome(wire::oauth_error("Invalid client_id: " + param("client_id"), "invalid_client"),
                   "fakezoom.oauth.authorize-invalid-client", "Zoom OAuth: unknown client_id");
  const std::string redirect_uri = param("redirect_uri");
  const auto& uris = found.app->redirect_uris;
  if (std::find(uris.begin(), uris.end(), redirect_uri) == uris.end())
    return outcome(wire::oauth_error("Invalid redirect: " + redirect_uri, "invalid_request"),
                   "fakezoom.oauth.authorize-invalid-redirect", "Zoom OAuth: redirect_uri is not one of the app's");

  // Every answer from here goes back to the app, with the state it sent.
  const auto state = first_value(request.query, "state");
  const auto back = [&](std::vector<std::pair<std::string, std::string>> fields) {
    if (state) fields.emplace_back("state", *state);
    return redirect(redirect_uri, fields);
  };
  if (param("response_type") != "code") {
    return outcome(back({{"error", "unsupported_response_type"}}), "fakezoom.oauth.authorize-unsupported-response-type",
                   "Zoom OAuth: response_type is not code");
  }
  const std::string challenge = param("code_challenge");
  // Zoom's OAuth page: S256 or plain, plain when no method is named.
  std::string method = param("code_challenge_method");
  if (method.empty()) method = "plain";
  if (!challenge.empty() && method != "S256" && method != "plain") {
    return outcome(back({{"error", "invalid_request"}, {"error_description", "code_challenge_method must be S256 or plain"}}), "fakezoom.oauth.authorize-invalid-request",
                   "Zoom OAuth: unknown code_challenge_method");
  }
  if (found.app->user_denies) {
    return outcome(back({{"error", "access_denied"}}), "fakezoom.oauth.authorize-denied",
                   "Zoom OAuth: the user declined (the app's consent is deny)");
  }
  const std::string code = tokens.issue_code({.account_id = found.account->id,
                                              .client_id = found.app->client_id,
                                              .redirect_uri = redirect_uri,
                                              .code_challenge = challenge,
                                              .code_challenge_method = challenge.empty() ? "" : method,
                                              .scopes = found.app->scopes,
                                              .expires_at = {},
                                              .user_id = found.app->user});
  return outcome(back({{"code", code}}), "fakezoom.oauth.authorized",
                 "Zoom OAuth: the user authorized the app");
}

}  // namespace fakezoom
