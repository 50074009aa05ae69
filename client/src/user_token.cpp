// GET /users/{userId}/token ("Get a user token"): the seed's Chilkat sample, as a function.
#include "fakezoom/client.hpp"

namespace fakezoom::client {

Result<std::optional<std::string>> Client::get_user_token(const std::string& user_id,
                                                          std::optional<std::string> type,
                                                          std::optional<long long> ttl) {
  Request request;
  request.method = "GET";
  request.path = Path::from_segments({"users", user_id, "token"});
  // Zoom's documented order: type, then ttl (ttl only matters for type=zak, but it is the
  // server's job to say so).
  if (type) request.query.emplace_back("type", *type);
  if (ttl) request.query.emplace_back("ttl", std::to_string(*ttl));

  auto result = call(request);
  if (!result) return std::move(result).error();
  const Response& response = result.value();

  const auto json = nlohmann::json::parse(response.body, nullptr, /*allow_exceptions=*/false);
  if (json.is_discarded() || !json.is_object()) {
    return parse_error(response.status, "the response body is not a JSON object", response.body);
  }
  const auto token = json.find("token");
  if (token == json.end()) return parse_error(response.status, "the response has no \"token\" field", response.body);
  if (token->is_null()) return std::optional<std::string>{};
  if (!token->is_string()) return parse_error(response.status, "the \"token\" field is not a string", response.body);
  return std::optional<std::string>{token->get<std::string>()};
}

}  // namespace fakezoom::client
