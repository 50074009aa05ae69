// Percent-decoding of request targets. Invalid escapes are kept as sent, never rejected:
// the journal must show what came in.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "fakezoom/model/http_fwd.hpp"
#include "fakezoom/model/query_params.hpp"

namespace fakezoom {

std::string percent_decode(std::string_view text, bool plus_as_space);
// Everything but RFC 3986's unreserved characters as %XX (a space too): safe in a path segment,
// a query value or a form field.
std::string percent_encode(std::string_view text);
// "type=zak&ttl=1&a=%2B" -> {{"type","zak"},{"ttl","1"},{"a","+"}}, order and repeats kept.
QueryParams decode_query(std::string_view query);
// The request's path segments, each percent-decoded on its own from the raw target, so
// `a%2Fb%40x.com` is one segment `a/b@x.com`; from `path` when there is no target. The views
// point into the request, or into `decoded` for a segment that held a %XX: nothing is copied
// for the common path. Movable, not copyable (a copy's views would point into the original).
struct PathSegments {
  std::vector<std::string_view> segments;
  std::vector<std::string> decoded;

  PathSegments() = default;
  PathSegments(PathSegments&&) = default;
  PathSegments& operator=(PathSegments&&) = default;
  PathSegments(const PathSegments&) = delete;
  PathSegments& operator=(const PathSegments&) = delete;
};
PathSegments path_segments(const HttpRequest& request);

}  // namespace fakezoom
