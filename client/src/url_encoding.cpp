// Percent-encoding for path segments and query strings: unreserved characters pass, the
// rest become %XX with upper-case hex (RFC 3986 section 2.1 prefers upper case).
#include "fakezoom/client/url_encoding.hpp"

namespace fakezoom::client {
namespace {

bool is_unreserved(unsigned char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '.' || c == '_' || c == '~';
}

void append_escaped(std::string& out, unsigned char c) {
  static constexpr char hex[] = "0123456789ABCDEF";
  out += '%';
  out += hex[c >> 4];
  out += hex[c & 0x0F];
}

std::string percent_encode(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (const char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    if (is_unreserved(c)) {
      out += ch;
    } else {
      append_escaped(out, c);
    }
  }
  return out;
}

}  // namespace

std::string percent_encode_path_segment(std::string_view segment) {
  // "." and ".." are unreserved but mean "here" and "up" in a path; servers and proxies
  // normalise them away, so a user id of ".." would hit another resource.
  if (segment == "." || segment == "..") {
    std::string out;
    for (const char ch : segment) append_escaped(out, static_cast<unsigned char>(ch));
    return out;
  }
  return percent_encode(segment);
}

std::string percent_encode_query_component(std::string_view component) {
  return percent_encode(component);
}

std::string encode_query_string(const QueryParams& params) {
  std::string out;
  for (const auto& [key, value] : params) {
    if (!out.empty()) out += '&';
    out += percent_encode_query_component(key);
    out += '=';
    out += percent_encode_query_component(value);
  }
  return out;
}

}  // namespace fakezoom::client
