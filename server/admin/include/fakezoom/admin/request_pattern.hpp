// WireMock's request pattern, for `POST /__admin/requests/count` and `/find`:
//   {"method": "GET", "urlPathTemplate": "/v2/users/{userId}/token",
//    "pathParameters": {"userId": {"equalTo": "me"}},
//    "headers": {"Authorization": {"matches": "Bearer .+"}},
//    "queryParameters": {"type": {"equalTo": "zak"}, "ttl": {"absent": true}}}
// One of url (path and query, as sent), urlPattern, urlPath, urlPathPattern, urlPathTemplate;
// method "ANY" or none matches every method. Matching is a pure function of pattern and request.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "fakezoom/model/http_fwd.hpp"
#include "fakezoom/model/input_problem.hpp"
#include "fakezoom/model/path_template.hpp"
#include "fakezoom/admin/string_matcher.hpp"

namespace fakezoom {

struct RequestPattern {
  enum class Url { any, url, url_pattern, url_path, url_path_pattern, url_path_template };

  std::optional<std::string> method;  // none: any
  Url url_kind = Url::any;
  std::string url;                          // url, urlPath
  std::shared_ptr<const CompiledRegex> regex;  // urlPattern, urlPathPattern
  PathTemplate path_template;               // urlPathTemplate
  std::vector<std::pair<std::string, StringMatcher>> headers;
  std::vector<std::pair<std::string, StringMatcher>> query_parameters;
  std::vector<std::pair<std::string, StringMatcher>> path_parameters;  // with urlPathTemplate only
};

// Every unknown field, matcher or wrong type is a problem naming its JSON pointer.
Checked<RequestPattern> parse_request_pattern(const nlohmann::json& body);

// Paths compare as sent and as decoded (either one fitting is enough): a client may send
// `a@b.c` or `a%40b.c`. Header names compare case-insensitively; query values decoded.
bool matches(const RequestPattern& pattern, const HttpRequest& request);

// "/v2/users/{userId}/token" (WireMock's and OpenAPI's spelling) to a template.
PathTemplate parse_path_template(std::string_view text);

}  // namespace fakezoom
