// Header lookup and the Chilkat-style header block of a Response.
#include "fakezoom/client/response.hpp"

#include <cctype>

namespace fakezoom::client {
namespace {

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i]))) {
      return false;
    }
  }
  return true;
}

}  // namespace

std::optional<std::string> Response::header(std::string_view name) const {
  for (const auto& [key, value] : headers) {
    if (iequals(key, name)) return value;
  }
  return std::nullopt;
}

std::string format_header_block(const Response& response) {
  std::string block = response.version.empty() ? "HTTP/1.1" : response.version;
  block += ' ';
  block += std::to_string(response.status);
  if (!response.reason.empty()) {
    block += ' ';
    block += response.reason;
  }
  block += '\n';
  for (const auto& [name, value] : response.headers) {
    block += name;
    block += ": ";
    block += value;
    block += '\n';
  }
  return block;
}

}  // namespace fakezoom::client
