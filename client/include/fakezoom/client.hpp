// fakezoom::client: a minimal Zoom REST client (cpp-httplib underneath, kept out of this
// header). Failures are values: every call returns a Result holding the answer or an Error.
#pragma once

#include <chrono>
#include <memory>
#include <optional>
#include <string>

#include "fakezoom/client/access_token.hpp"
#include "fakezoom/client/base_url.hpp"
#include "fakezoom/client/error.hpp"
#include "fakezoom/client/rate_limit.hpp"
#include "fakezoom/client/request.hpp"
#include "fakezoom/client/response.hpp"
#include "fakezoom/client/result.hpp"
#include "fakezoom/client/url_encoding.hpp"
#include "fakezoom/client/webhook.hpp"

namespace fakezoom::client {

// Sent as "Authorization: Basic base64(user:password)", e.g. a client id and secret for
// Zoom's OAuth token endpoint.
struct BasicCredentials {
  std::string user;
  std::string password;
};

struct ClientOptions {
  // http or https, with an optional path prefix: "http://127.0.0.1:8080/v2".
  std::string base_url = "https://api.zoom.us/v2";
  // Sent as "Authorization: Bearer <token>"; empty sends no Authorization header. Never
  // put in the query string.
  std::string bearer_token;
  // Replaces the bearer token when set (request_access_token uses it).
  std::optional<BasicCredentials> basic_credentials;
  std::chrono::milliseconds connect_timeout = std::chrono::seconds(10);
  std::chrono::milliseconds read_timeout = std::chrono::seconds(30);
  // Empty lets cpp-httplib send its own ("cpp-httplib/0.11.4").
  std::string user_agent = "fakezoom-client/0.1";
  // PEM file of CAs to trust for https; without it the system's store is used.
  std::optional<std::string> ca_file;
};

// One client per base URL and token. Not thread-safe: last_response() belongs to the most
// recent call. Each call opens its own connection (no keep-alive).
class Client {
public:
  explicit Client(ClientOptions options);
  ~Client();
  Client(Client&&) noexcept;
  Client& operator=(Client&&) noexcept;
  Client(const Client&) = delete;
  Client& operator=(const Client&) = delete;

  // Sends any request. A status < 400 gives the Response; a status >= 400 gives an http
  // Error (the raw answer stays in last_response()); no answer gives a transport Error.
  Result<Response> call(const Request& request);

  // GET /users/{userId}/token with the query "type" then "ttl", each only when given.
  // Zoom answers {"token": "..."}; it documents a null token for users who signed in with
  // Google or Facebook, returned here as an empty optional. A 2xx body that is not a JSON
  // object, or whose "token" is missing or neither string nor null, is a parse Error.
  Result<std::optional<std::string>> get_user_token(const std::string& user_id,
                                                    std::optional<std::string> type = std::nullopt,
                                                    std::optional<long long> ttl = std::nullopt);

  // The raw answer of the most recent call, whatever its status; empty after a transport
  // or invalid_request Error.
  const std::optional<Response>& last_response() const noexcept;

  const ClientOptions& options() const noexcept;

private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace fakezoom::client
