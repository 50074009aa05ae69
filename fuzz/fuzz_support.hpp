// The text form of a request that request_matcher and request_pattern read (and
// fakezoom_fuzz_seeds writes).
#pragma once

#include <cstdio>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "fakezoom/model/http_message.hpp"
#include "fakezoom/model/url_codec.hpp"
#include "fuzz_check.hpp"

namespace fakezoom::fuzz {

// The text form of a request, close to HTTP/1.1 on the wire so seeds read like requests:
//   METHOD SP TARGET LF      (no "HTTP/1.1"; the target is everything after the first space)
//   Name: value LF           (repeated; a line without ':' is a header with an empty value)
//   LF
//   body                     (everything left, byte for byte)
// The path is percent-decoded and the query parsed as the HTTP adapter does (httplib decodes
// the path; fakezoom's decode_query reads the query of the raw target).
inline HttpRequest parse_request_text(std::string_view text) {
  HttpRequest request;
  auto next_line = [&text]() -> std::optional<std::string_view> {
    if (text.empty()) return std::nullopt;
    auto end = text.find('\n');
    std::string_view line = text.substr(0, end);
    text = end == std::string_view::npos ? std::string_view{} : text.substr(end + 1);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    return line;
  };
  const auto first = next_line();
  if (!first) return request;
  const auto space = first->find(' ');
  request.method = std::string(first->substr(0, space));
  request.target = space == std::string_view::npos ? std::string() : std::string(first->substr(space + 1));
  const auto q = request.target.find('?');
  request.path = percent_decode(std::string_view(request.target).substr(0, q), false);
  if (q != std::string::npos) request.query = decode_query(std::string_view(request.target).substr(q + 1));
  while (auto line = next_line()) {
    if (line->empty()) break;
    const auto colon = line->find(':');
    std::string_view name = line->substr(0, colon);
    std::string_view value = colon == std::string_view::npos ? std::string_view{} : line->substr(colon + 1);
    while (!value.empty() && (value.front() == ' ' || value.front() == '\t')) value.remove_prefix(1);
    request.headers.add(std::string(name), std::string(value));
  }
  request.body = std::string(text);
  return request;
}

inline std::string request_text(const HttpRequest& request) {
  std::string out = request.method + " " + request.target + "\n";
  for (const auto& [name, value] : request.headers) out += name + ": " + value + "\n";
  out += "\n";
  out += request.body;
  return out;
}

}  // namespace fakezoom::fuzz
