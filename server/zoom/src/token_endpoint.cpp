#include "fakezoom/zoom/token_endpoint.hpp"

#include <cctype>

#include <openssl/evp.h>
#include <openssl/sha.h>

#include <nlohmann/json.hpp>

#include "fakezoom/model/url_codec.hpp"
#include "fakezoom/model/wire_errors.hpp"
#include "fakezoom/zoom/wire_oauth.hpp"

namespace fakezoom {

std::optional<BasicCredentials> basic_credentials(const Headers& headers) {
  auto value = headers.get("Authorization");
  if (!value) return std::nullopt;
  std::string_view v = *value;
  while (!v.empty() && v.front() == ' ') v.remove_prefix(1);
  if (v.size() < 6 || !iequals(v.substr(0, 5), "Basic") || v[5] != ' ') return std::nullopt;
  v.remove_prefix(6);
  while (!v.empty() && v.front() == ' ') v.remove_prefix(1);
  while (!v.empty() && v.back() == ' ') v.remove_suffix(1);
  auto decoded = base64_decode(v);
  if (!decoded) return std::nullopt;
  auto colon = decoded->find(':');
  if (colon == std::string::npos) return std::nullopt;
  return BasicCredentials{decoded->substr(0, colon), decoded->substr(colon + 1)};
}

namespace {

// The query string first, then a form body: a parameter in both is read from the query.
std::optional<std::string> parameter(const HttpRequest& request, const QueryParams& form, std::string_view name) {
  if (auto value = first_value(request.query, name)) return value;
  return first_value(form, name);
}

QueryParams form_fields(const HttpRequest& request) {
  if (request.body.empty() || !is_form_urlencoded(request.headers)) return {};
  return decode_query(request.body);
}

std::string space_separated(const std::vector<std::string>& scopes) {
  std::string out;
  for (const auto& scope : scopes) out += (out.empty() ? "" : " ") + scope;
  return out;
}

// A client that reached us as zoom.us (through --proxy, or a hosts entry) gets Zoom's own
// api_url, so it goes on to api.zoom.us the same way. Otherwise where the server listens,
// and until the server says, the caller's Host header tells how it reached us.
std::string api_url_for(const HttpRequest& request, const TokenAuthority& tokens) {
  if (auto host = request.headers.get("Host")) {
    const std::string_view name = std::string_view(*host).substr(0, host->find(':'));
    if (iequals(name, "zoom.us") || iequals(name, "api.zoom.us")) return "https://api.zoom.us";
  }
  auto url = tokens.api_url();
  if (!url.empty()) return url;
  auto host = request.headers.get("Host");
  return host && !host->empty() ? "http://" + *host : std::string();
}

Outcome outcome(HttpResponse response, std::string id, std::string name, bool matched,
                std::string route_id = "post-oauth-token") {
  Outcome out;
  out.matched = matched;
  out.route_id = std::move(route_id);
  out.answer_by_rule(std::move(response), std::move(id), std::move(name));
  return out;
}

HttpResponse token_answer(const HttpRequest& request, const TokenAuthority& tokens, const IssuedToken& issued,
                          const std::string* refresh_token) {
  nlohmann::ordered_json body = {{"access_token", issued.access_token}, {"token_type", "bearer"}};
  if (refresh_token) body["refresh_token"] = *refresh_token;
  body["expires_in"] = issued.expires_in.count();
  body["scope"] = space_separated(issued.grant.scopes);
  body["api_url"] = api_url_for(request, tokens);
  HttpResponse response;
  response.status = 200;
  response.headers.set("Content-Type", "application/json");
  response.headers.set("Cache-Control", "no-store");  // RFC 6749 5.1
  response.body = body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  return response;
}

// RFC 7636 4.6: S256 is BASE64URL(SHA256(verifier)) without padding; plain is the verifier.
bool verifier_matches(const AuthorizationCode& code, const std::string& verifier) {
  if (code.code_challenge_method != "S256") return verifier == code.code_challenge;
  unsigned char digest[SHA256_DIGEST_LENGTH];
  SHA256(reinterpret_cast<const unsigned char*>(verifier.data()), verifier.size(), digest);
  unsigned char text[4 * ((sizeof digest + 2) / 3) + 1];
  const int length = EVP_EncodeBlock(text, digest, sizeof digest);  // base64, padded
  std::string encoded(reinterpret_cast<const char*>(text), static_cast<std::size_t>(length));
  while (!encoded.empty() && encoded.back() == '=') encoded.pop_back();
  for (char& c : encoded) c = c == '+' ? '-' : c == '/' ? '_' : c;  // base64url
  return encoded == code.code_challenge;
}

// A user-level app's client: HTTP Basic with its secret, or (a public client) its client_id
// alone. Nothing found for a wrong secret or an unknown id.
struct Client {
  AppOfAccount found;
  bool with_secret = false;
};

Client client_of(const HttpRequest& request, const QueryParams& form, const AccountDirectory& accounts) {
  if (const auto credentials = basic_credentials(request.headers)) {
    AppOfAccount found = accounts.find_app(credentials->user);
    if (found.app && found.app->client_secret != credentials->password) found = {};
    return {found, true};
  }
  if (auto id = parameter(request, form, "client_id")) return {accounts.find_app(*id), false};
  return {};
}

// grant_type=authorization_code and refresh_token, a user-level app's; a public client must use
// PKCE. Each answer carries a new refresh token; the one spent is gone.
Outcome user_grant(const HttpRequest& request, const QueryParams& form, const std::string& grant_type,
                   const AccountDirectory& accounts, TokenAuthority& tokens) {
  const auto [found, credentials] = client_of(request, form, accounts);
  if (!found.app)
    return outcome(wire::invalid_client(), "fakezoom.oauth.invalid-client", "Zoom OAuth: invalid client credentials", true);
  RefreshGrant grant;
  if (grant_type == "authorization_code") {
    const std::string text = parameter(request, form, "code").value_or("");
    auto code = tokens.redeem_code(text);
    if (!code || code->client_id != found.app->client_id)
      return outcome(wire::oauth_error("Invalid authorization code " + text, "invalid_grant"),
                     "fakezoom.oauth.invalid-code", "Zoom OAuth: unknown, used or expired authorization code", true);
    if (parameter(request, form, "redirect_uri").value_or("") != code->redirect_uri)
      return outcome(wire::oauth_error("Redirect URI mismatch.", "invalid_grant"), "fakezoom.oauth.redirect-mismatch",
                     "Zoom OAuth: redirect_uri is not the authorization's", true);
    if (!code->code_challenge.empty()) {
      auto verifier = parameter(request, form, "code_verifier");
      if (!verifier || !verifier_matches(*code, *verifier))
        return outcome(wire::oauth_error("Invalid code_verifier", "invalid_grant"), "fakezoom.oauth.invalid-verifier",
                       "Zoom OAuth: the PKCE verifier does not match the challenge", true);
    } else if (!credentials) {
      return outcome(wire::invalid_client(), "fakezoom.oauth.invalid-client",
                     "Zoom OAuth: a client without its secret must use PKCE", true);
    }
    // The code names this authorization: the tokens it leads to end together on revoke.
    grant = {code->account_id, code->client_id, code->scopes, code->user_id, text};
  } else {
    auto spent = tokens.spend_refresh(parameter(request, form, "refresh_token").value_or(""), found.app->client_id);
    if (!spent)
      return outcome(wire::oauth_error("Invalid Token!", "invalid_grant"), "fakezoom.oauth.invalid-refresh-token",
                     "Zoom OAuth: unknown or already rotated refresh token", true);
    grant = std::move(*spent);
  }
  const IssuedToken issued = tokens.issue(grant);
  const std::string refresh = tokens.issue_refresh(std::move(grant));
  return outcome(token_answer(request, tokens, issued, &refresh), "fakezoom.oauth.user-token-issued",
                 "Zoom OAuth: user access token issued", true);
}

}  // namespace

bool is_token_request(const HttpRequest& request) { return request.path == kTokenPath; }

bool is_revoke_request(const HttpRequest& request) { return request.path == kRevokePath; }

// Zoom's "Revoke an access token" (POST https://zoom.us/oauth/revoke, Basic client auth, the
// token in the query or a form body) answers {"status":"success"}. As RFC 7009 2.2 has it, a
// token that is unknown or already ended is answered the same: revoking it again is no error.
Outcome answer_revoke_request(const HttpRequest& request, const AccountDirectory& accounts, TokenAuthority& tokens) {
  auto revoke_outcome = [](HttpResponse response, std::string id, std::string name) {
    return outcome(std::move(response), std::move(id), std::move(name), true, "post-oauth-revoke");
  };
  if (request.method != "POST")
    return outcome(wire::method_not_allowed(request.method, kRevokePath, "POST"), "fakezoom.method-not-allowed",
                   "No documented " + request.method + " on this path", false, "post-oauth-revoke");
  const QueryParams form = form_fields(request);
  const auto client = client_of(request, form, accounts);
  if (!client.found.app)
    return revoke_outcome(wire::invalid_client(), "fakezoom.oauth.invalid-client", "Zoom OAuth: invalid client credentials");
  const auto token = parameter(request, form, "token");
  if (!token || token->empty())
    return revoke_outcome(wire::oauth_error("Missing token", "invalid_request"), "fakezoom.oauth.revoke-missing-token",
                          "Zoom OAuth: revoke without a token");
  const bool ended = tokens.revoke(*token, client.found.app->client_id);
  HttpResponse response;
  response.status = 200;
  response.headers.set("Content-Type", "application/json");
  response.body = R"({"status":"success"})";
  return revoke_outcome(std::move(response), ended ? "fakezoom.oauth.revoked" : "fakezoom.oauth.revoked-nothing",
                        ended ? "Zoom OAuth: the token and its authorization's others ended"
                              : "Zoom OAuth: no such token of this client (answered as success, RFC 7009)");
}

Outcome answer_token_request(const HttpRequest& request, const AccountDirectory& accounts, TokenAuthority& tokens) {
  if (request.method != "POST")
    return outcome(wire::method_not_allowed(request.method, kTokenPath, "POST"), "fakezoom.method-not-allowed",
                   "No documented " + request.method + " on this path", false);
  const QueryParams form = form_fields(request);
  // Zoom's order, as far as observed answers show it: the grant type, then the client, then
  // the account.
  const auto grant_type = parameter(request, form, "grant_type");
  if (grant_type == "authorization_code" || grant_type == "refresh_token")
    return user_grant(request, form, *grant_type, accounts, tokens);
  if (!grant_type || *grant_type != "account_credentials")
    return outcome(wire::unsupported_grant_type(), "fakezoom.oauth.unsupported-grant-type",
                   "Zoom OAuth: missing or unsupported grant_type", true);
  const auto credentials = basic_credentials(request.headers);
  const AppOfAccount found = credentials ? accounts.find_app(credentials->user) : AppOfAccount{};
  if (!found.app || found.app->client_secret != credentials->password)
    return outcome(wire::invalid_client(), "fakezoom.oauth.invalid-client", "Zoom OAuth: invalid client credentials",
                   true);
  const auto account_id = parameter(request, form, "account_id");
  if (!account_id || *account_id != found.account->id)
    return outcome(wire::invalid_account_id(), "fakezoom.oauth.invalid-account-id",
                   "Zoom OAuth: the account id is not the app's", true);

  const IssuedToken issued = tokens.issue(found.account->id, found.app->client_id, found.app->scopes);
  return outcome(token_answer(request, tokens, issued, nullptr), "fakezoom.oauth.token-issued",
                 "Zoom OAuth: access token issued", true);
}

std::string redact_issued_token(const std::string& body) {
  auto json = nlohmann::ordered_json::parse(body, nullptr, false);
  if (json.is_discarded() || !json.is_object() || !json.contains("access_token")) return body;
  json["access_token"] = "[REDACTED]";
  if (json.contains("refresh_token")) json["refresh_token"] = "[REDACTED]";
  return json.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::optional<std::string> base64_decode(std::string_view text) {
  auto value_of = [](char c) -> int {
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= 'a' && c <= 'z') return c - 'a' + 26;
    if (c >= '0' && c <= '9') return c - '0' + 52;
    if (c == '+') return 62;
    if (c == '/') return 63;
    return -1;
  };
  while (!text.empty() && text.back() == '=') text.remove_suffix(1);
  if (text.size() % 4 == 1) return std::nullopt;
  std::string out;
  unsigned buffer = 0;
  int bits = 0;
  for (char c : text) {
    const int value = value_of(c);
    if (value < 0) return std::nullopt;
    buffer = (buffer << 6) | static_cast<unsigned>(value);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += static_cast<char>((buffer >> bits) & 0xFF);
    }
  }
  return out;
}

}  // namespace fakezoom
