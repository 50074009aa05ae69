// Response: the raw answer of one HTTP exchange, kept so a caller (the CLI) can show the
// status line, headers and body exactly as received.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace fakezoom::client {

using Header = std::pair<std::string, std::string>;

struct Response {
  int status = 0;
  std::string reason;   // the reason phrase as the server sent it ("Not Found")
  std::string version;  // "HTTP/1.1"
  // In the order cpp-httplib keeps them: sorted by name, case-insensitively, repeats kept.
  // httplib stores headers in a multimap, so the order on the wire is not available.
  std::vector<Header> headers;
  std::string body;

  // The first value of a header; names compare case-insensitively.
  std::optional<std::string> header(std::string_view name) const;
};

// The header block as Chilkat's HttpResponse.Header shows it: the status line, then one
// "Name: value" per header, each line ending in "\n".
std::string format_header_block(const Response& response);

}  // namespace fakezoom::client
