// BaseUrl: where the API lives, e.g. "https://api.zoom.us/v2" or "http://127.0.0.1:8080/v2".
// cpp-httplib's client takes only scheme://host:port, so the path prefix is kept apart here.
#pragma once

#include <string>
#include <string_view>

#include "fakezoom/client/result.hpp"

namespace fakezoom::client {

struct BaseUrl {
  std::string scheme;  // "http" or "https"
  std::string host;    // without the brackets of an IPv6 literal
  int port = 0;        // 80 or 443 when the URL names none
  std::string prefix;  // "" or an already-encoded path such as "/v2", never ending in "/"

  // "http://127.0.0.1:8080": what cpp-httplib's client is built from.
  std::string origin() const;
  // "127.0.0.1:8080", or "[::1]:8080", for messages.
  std::string host_port() const;
};

// Accepts http and https URLs with an optional port and path prefix. User info, a query or a
// fragment are refused: they would be silently dropped otherwise. Errors are invalid_request.
Result<BaseUrl> parse_base_url(std::string_view url);

}  // namespace fakezoom::client
