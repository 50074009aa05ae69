#include "fakezoom/model/url_codec.hpp"
#include "fakezoom/model/http_message.hpp"

#include <algorithm>
#include <cctype>

#include "fakezoom/model/path_template.hpp"

namespace fakezoom {

namespace {
int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}
}  // namespace

std::string percent_decode(std::string_view text, bool plus_as_space) {
  // Most keys and values have nothing to decode: copied whole, not a character at a time.
  std::size_t first = 0;
  while (first < text.size() && text[first] != '%' && !(plus_as_space && text[first] == '+')) ++first;
  if (first == text.size()) return std::string(text);
  std::string out;
  out.reserve(text.size());
  out.append(text.substr(0, first));
  for (std::size_t i = first; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '%' && i + 2 < text.size() && hex_value(text[i + 1]) >= 0 && hex_value(text[i + 2]) >= 0) {
      out += static_cast<char>(hex_value(text[i + 1]) * 16 + hex_value(text[i + 2]));
      i += 2;
    } else if (c == '+' && plus_as_space) {
      out += ' ';
    } else {
      out += c;
    }
  }
  return out;
}

std::string percent_encode(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(text.size());
  for (unsigned char c : text) {
    if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

QueryParams decode_query(std::string_view query) {
  QueryParams out;
  out.reserve(static_cast<std::size_t>(std::count(query.begin(), query.end(), '&')) + 1);
  while (!query.empty()) {
    auto amp = query.find('&');
    auto pair = query.substr(0, amp);
    query = amp == std::string_view::npos ? std::string_view{} : query.substr(amp + 1);
    if (pair.empty()) continue;
    auto eq = pair.find('=');
    out.emplace_back(percent_decode(pair.substr(0, eq), true),
                     eq == std::string_view::npos ? std::string() : percent_decode(pair.substr(eq + 1), true));
  }
  return out;
}

PathSegments path_segments(const HttpRequest& request) {
  PathSegments out;
  const bool raw = !request.target.empty() && request.target[0] == '/';
  std::string_view path = raw ? std::string_view(request.target) : std::string_view(request.path);
  if (raw) path = path.substr(0, path.find('?'));
  out.segments = split_path(path);
  if (!raw) return out;
  const auto encoded = std::count_if(out.segments.begin(), out.segments.end(),
                                     [](std::string_view s) { return s.find('%') != std::string_view::npos; });
  if (encoded == 0) return out;
  out.decoded.reserve(static_cast<std::size_t>(encoded));  // never reallocated: views point into it
  for (auto& segment : out.segments) {
    if (segment.find('%') == std::string_view::npos) continue;
    out.decoded.push_back(percent_decode(segment, false));
    segment = out.decoded.back();
  }
  return out;
}

}  // namespace fakezoom
