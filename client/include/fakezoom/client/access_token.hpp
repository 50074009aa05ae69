// Zoom's Server-to-Server OAuth call: POST {oauth_url}/oauth/token with
// `Authorization: Basic base64(client_id:client_secret)` and the form body
// `grant_type=account_credentials&account_id=ID`. The answer's token is then a bearer token.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "fakezoom/client/result.hpp"

namespace fakezoom::client {

struct AccessTokenRequest {
  // Zoom's OAuth host is not the API's; fakezoom serves both: "http://127.0.0.1:PORT".
  std::string oauth_url = "https://zoom.us";
  std::string account_id;
  std::string client_id;
  std::string client_secret;
  std::chrono::milliseconds connect_timeout = std::chrono::seconds(10);
  std::chrono::milliseconds read_timeout = std::chrono::seconds(30);
  std::optional<std::string> ca_file;  // PEM CAs to trust for https
};

struct AccessToken {
  std::string access_token;
  std::string token_type;            // "bearer"
  std::chrono::seconds expires_in{0};  // 3600 from Zoom
  std::vector<std::string> scopes;   // the answer's space-separated "scope"
  std::string api_url;               // where to call the API, when the answer says ("https://api.zoom.us")
};

// An http Error for a status >= 400: Zoom's token endpoint answers
// {"reason":"Invalid client_id or client_secret","error":"invalid_client"}; `message` is the
// reason. A 2xx without a string access_token, a numeric expires_in and a string scope is a
// parse Error (Zoom's own Node SDK refuses such an answer too).
Result<AccessToken> request_access_token(const AccessTokenRequest& request);

}  // namespace fakezoom::client
