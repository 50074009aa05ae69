// Percent-encoding of path segments and query strings (RFC 3986). Only unreserved
// characters (A-Z a-z 0-9 - . _ ~) pass through; everything else, UTF-8 bytes included, is %XX.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace fakezoom::client {

// Query parameters in the order they are sent; repeats allowed.
using QueryParams = std::vector<std::pair<std::string, std::string>>;

// One path segment: "a+b@x.com" -> "a%2Bb%40x.com", "a/b" -> "a%2Fb". The dot segments "."
// and ".." are encoded too ("%2E%2E"), so a user id can never climb out of its path.
std::string percent_encode_path_segment(std::string_view segment);

// One query key or value: space is "%20" (never "+"), and "+", "&", "=" are encoded, so a
// value survives servers that decode "+" as a space.
std::string percent_encode_query_component(std::string_view component);

// "k1=v1&k2=v2" in the given order; "" for no parameters.
std::string encode_query_string(const QueryParams& params);

}  // namespace fakezoom::client
