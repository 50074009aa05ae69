// Request: one API call before it meets the wire: method, an encoded path, ordered query
// parameters and an optional JSON body.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "fakezoom/client/url_encoding.hpp"

namespace fakezoom::client {

// A path that is always percent-encoded, so an id or email cannot be sent raw by mistake.
class Path {
public:
  // Each segment is encoded on its own: {"users", "a+b@x.com", "token"} becomes
  // "/users/a%2Bb%40x.com/token".
  static Path from_segments(const std::vector<std::string>& segments);
  // A path the caller has already encoded, taken as is; a missing leading "/" is added.
  static Path from_encoded(std::string encoded);

  const std::string& encoded() const noexcept { return encoded_; }

private:
  explicit Path(std::string encoded) : encoded_(std::move(encoded)) {}
  std::string encoded_;
};

struct Request {
  std::string method = "GET";
  Path path = Path::from_encoded("/");
  QueryParams query;
  std::optional<nlohmann::json> json_body;  // sent with Content-Type: application/json
  // A body sent as is, for what is not JSON or must go byte for byte (`fakezoom replay`);
  // ignored when json_body is set.
  std::optional<std::string> raw_body;
  std::string raw_content_type = "application/json";
  // Extra headers, e.g. `x-mock-response-name`; Authorization comes from the options only.
  std::vector<std::pair<std::string, std::string>> headers;
};

// The request target: prefix + path + "?" + query ("/v2/users/me/token?type=zak").
std::string request_target(std::string_view prefix, const Request& request);

}  // namespace fakezoom::client
