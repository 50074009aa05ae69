// Splits a base URL into what cpp-httplib's client needs (scheme, host, port) and the path
// prefix it cannot take: httplib's Client("http://h:1/v2") would treat "h:1/v2" as a host.
#include "fakezoom/client/base_url.hpp"

#include <cctype>

namespace fakezoom::client {
namespace {

Error invalid(std::string_view url, std::string_view why) {
  Error error;
  error.kind = ErrorKind::invalid_request;
  error.message = "invalid base URL \"" + std::string(url) + "\": " + std::string(why);
  return error;
}

std::string lower(std::string_view text) {
  std::string out(text);
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool all_digits(std::string_view text) {
  if (text.empty()) return false;
  for (const char c : text) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

bool has_space_or_control(std::string_view text) {
  for (const char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    if (c <= 0x20 || c == 0x7F) return true;
  }
  return false;
}

// What can stand between the brackets: hex digits, ':' and '.' (an IPv4 tail), at least one ':'.
// Anything else would not survive host_port() writing the host back: "[(" would come back
// unbracketed, as "(:80".
bool ipv6_literal(std::string_view text) {
  if (text.find(':') == std::string_view::npos) return false;
  for (const char c : text) {
    if (!std::isxdigit(static_cast<unsigned char>(c)) && c != ':' && c != '.') return false;
  }
  return true;
}

}  // namespace

std::string BaseUrl::origin() const { return scheme + "://" + host_port(); }

std::string BaseUrl::host_port() const {
  const bool ipv6 = host.find(':') != std::string::npos;
  return (ipv6 ? "[" + host + "]" : host) + ":" + std::to_string(port);
}

Result<BaseUrl> parse_base_url(std::string_view url) {
  if (has_space_or_control(url)) return invalid(url, "contains white space or control characters");

  const auto scheme_end = url.find("://");
  if (scheme_end == std::string_view::npos) return invalid(url, "expected http://host[:port][/prefix]");
  BaseUrl base;
  base.scheme = lower(url.substr(0, scheme_end));
  if (base.scheme != "http" && base.scheme != "https") return invalid(url, "the scheme must be http or https");

  std::string_view rest = url.substr(scheme_end + 3);
  if (rest.find_first_of("?#") != std::string_view::npos) {
    return invalid(url, "a query or fragment cannot be part of a base URL");
  }
  const auto path_start = rest.find('/');
  std::string_view authority = rest.substr(0, path_start);
  std::string_view prefix = path_start == std::string_view::npos ? std::string_view{} : rest.substr(path_start);
  if (authority.find('@') != std::string_view::npos) {
    return invalid(url, "user info is not supported; pass the token as the bearer token");
  }

  std::string_view port_text;
  if (!authority.empty() && authority.front() == '[') {
    const auto close = authority.find(']');
    if (close == std::string_view::npos) return invalid(url, "unclosed IPv6 literal");
    base.host = std::string(authority.substr(1, close - 1));
    const std::string_view after = authority.substr(close + 1);
    if (!after.empty() && after.front() != ':') return invalid(url, "unexpected text after the IPv6 literal");
    if (!after.empty()) port_text = after.substr(1);
    if (base.host.empty()) return invalid(url, "empty IPv6 literal");
    if (!ipv6_literal(base.host)) return invalid(url, "an IPv6 literal holds only hex digits, ':' and '.', with at least one ':'");
  } else {
    const auto colon = authority.find(':');
    base.host = std::string(authority.substr(0, colon));
    // Brackets belong only around an IPv6 literal ("http://127.0.0.1]:8880" is not a host).
    if (base.host.find_first_of("[]") != std::string::npos) return invalid(url, "a bracket outside an IPv6 literal");
    if (colon != std::string_view::npos) port_text = authority.substr(colon + 1);
  }
  if (base.host.empty()) return invalid(url, "the host is missing");

  if (port_text.empty()) {
    base.port = base.scheme == "https" ? 443 : 80;
  } else {
    if (!all_digits(port_text) || port_text.size() > 5) return invalid(url, "the port must be a number from 1 to 65535");
    base.port = std::stoi(std::string(port_text));
    if (base.port < 1 || base.port > 65535) return invalid(url, "the port must be a number from 1 to 65535");
  }

  // Trailing slashes go so that prefix + "/users/..." never doubles them.
  while (!prefix.empty() && prefix.back() == '/') prefix.remove_suffix(1);
  base.prefix = std::string(prefix);
  return base;
}

}  // namespace fakezoom::client
