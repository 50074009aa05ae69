// POST /oauth/token (account_credentials): the generic call with Basic credentials and a form body.
#include "fakezoom/client/access_token.hpp"

#include <nlohmann/json.hpp>

#include "fakezoom/client.hpp"

namespace fakezoom::client {
namespace {

std::vector<std::string> split_scopes(const std::string& text) {
  std::vector<std::string> scopes;
  std::size_t start = 0;
  while (start < text.size()) {
    const auto end = std::min(text.find(' ', start), text.size());
    if (end > start) scopes.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return scopes;
}

}  // namespace

Result<AccessToken> request_access_token(const AccessTokenRequest& token_request) {
  ClientOptions options;
  options.base_url = token_request.oauth_url;
  options.basic_credentials = BasicCredentials{token_request.client_id, token_request.client_secret};
  options.connect_timeout = token_request.connect_timeout;
  options.read_timeout = token_request.read_timeout;
  options.ca_file = token_request.ca_file;
  Client client(std::move(options));

  Request request;
  request.method = "POST";
  request.path = Path::from_segments({"oauth", "token"});
  // In the body, as Zoom's docs now ask; fakezoom takes the query string too.
  request.raw_body = "grant_type=account_credentials&account_id=" + percent_encode_query_component(token_request.account_id);
  request.raw_content_type = "application/x-www-form-urlencoded";

  auto result = client.call(request);
  if (!result) {
    Error error = std::move(result).error();
    // The token endpoint's errors are {"reason","error"}, not Zoom's {"code","message"}.
    const auto json = nlohmann::json::parse(error.body, nullptr, /*allow_exceptions=*/false);
    if (error.kind == ErrorKind::http && json.is_object() && json.contains("reason") && json["reason"].is_string())
      error.message = json["reason"].get<std::string>();
    return error;
  }
  const Response& response = result.value();
  const auto json = nlohmann::json::parse(response.body, nullptr, /*allow_exceptions=*/false);
  if (json.is_discarded() || !json.is_object())
    return parse_error(response.status, "the response body is not a JSON object", response.body);
  auto text = [&](const char* key) -> const nlohmann::json* {
    auto it = json.find(key);
    return it != json.end() && it->is_string() ? &*it : nullptr;
  };
  const auto* access_token = text("access_token");
  if (!access_token || access_token->get_ref<const std::string&>().empty())
    return parse_error(response.status, "the response has no \"access_token\" string", response.body);
  const auto* scope = text("scope");
  if (!scope) return parse_error(response.status, "the response has no \"scope\" string", response.body);
  const auto expires_in = json.find("expires_in");
  if (expires_in == json.end() || !expires_in->is_number_integer())
    return parse_error(response.status, "the response has no integer \"expires_in\"", response.body);

  AccessToken token;
  token.access_token = access_token->get<std::string>();
  if (const auto* type = text("token_type")) token.token_type = type->get<std::string>();
  token.expires_in = std::chrono::seconds(expires_in->get<long long>());
  token.scopes = split_scopes(scope->get<std::string>());
  if (const auto* api_url = text("api_url")) token.api_url = api_url->get<std::string>();
  return token;
}

}  // namespace fakezoom::client
