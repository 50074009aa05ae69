#include "fakezoom/model/route.hpp"

#include <cctype>

namespace fakezoom {

std::string fold_whitespace(std::string_view text) {
  std::string out;
  bool pending_space = false;
  for (char c : text) {
    // Control characters (NUL included) count as white space: a folded example name goes out
    // as the Matched-Stub-Name header, which must not hold them.
    const auto u = static_cast<unsigned char>(c);
    if (std::isspace(u) || u < 0x20 || u == 0x7F) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out += ' ';
    pending_space = false;
    out += c;
  }
  return out;
}

std::string route_id(const std::string& method, const PathTemplate& path) {
  std::string id;
  // Only letters, digits and '_' (a method may be any token, "fakezoom.GET" too): a fixture's
  // id never holds the '.' of fakezoom's own rule ids ("fakezoom.account.create-user").
  for (char c : method) {
    const auto u = static_cast<unsigned char>(c);
    id += std::isalnum(u) ? static_cast<char>(std::tolower(u)) : '_';
  }
  for (const auto& segment : path.segments()) {
    id += '-';
    for (char c : segment.text)
      id += std::isalnum(static_cast<unsigned char>(c)) || c == '_' ? c : '_';
  }
  return id;
}

}  // namespace fakezoom
