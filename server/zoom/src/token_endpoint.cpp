#include "fakezoom/zoom/token_endpoint.hpp"

#include <cctype>

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

// Until the server says where it listens, the caller's Host header tells how it reached us.
std::string api_url_for(const HttpRequest& request, const TokenAuthority& tokens) {
  auto url = tokens.api_url();
  if (!url.empty()) return url;
  auto host = request.headers.get("Host");
  return host && !host->empty() ? "http://" + *host : std::string();
}

Outcome outcome(HttpResponse response, std::string id, std::string name, bool matched) {
  Outcome out;
  out.matched = matched;
  out.route_id = "post-oauth-token";
  out.answer_by_rule(std::move(response), std::move(id), std::move(name));
  return out;
}

}  // namespace

bool is_token_request(const HttpRequest& request) { return request.path == kTokenPath; }

Outcome answer_token_request(const HttpRequest& request, const AccountDirectory& accounts, TokenAuthority& tokens) {
  if (request.method != "POST")
    return outcome(wire::method_not_allowed(request.method, kTokenPath, "POST"), "fakezoom.method-not-allowed",
                   "No documented " + request.method + " on this path", false);
  const QueryParams form = form_fields(request);
  // Zoom's order, as far as observed answers show it: the grant type, then the client, then
  // the account.
  const auto grant_type = parameter(request, form, "grant_type");
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

  IssuedToken issued = tokens.issue(found.account->id, found.app->client_id, found.app->scopes);
  nlohmann::ordered_json body = {{"access_token", issued.access_token},
                                 {"token_type", "bearer"},
                                 {"expires_in", issued.expires_in.count()},
                                 {"scope", space_separated(issued.grant.scopes)},
                                 {"api_url", api_url_for(request, tokens)}};
  HttpResponse response;
  response.status = 200;
  response.headers.set("Content-Type", "application/json");
  response.headers.set("Cache-Control", "no-store");  // RFC 6749 5.1
  response.body = body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  return outcome(std::move(response), "fakezoom.oauth.token-issued", "Zoom OAuth: access token issued", true);
}

std::string redact_issued_token(const std::string& body) {
  auto json = nlohmann::ordered_json::parse(body, nullptr, false);
  if (json.is_discarded() || !json.is_object() || !json.contains("access_token")) return body;
  json["access_token"] = "[REDACTED]";
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
