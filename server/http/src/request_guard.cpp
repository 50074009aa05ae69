#include "request_guard.hpp"

#include <string>

#include "fakezoom/core/wire_errors.hpp"

namespace fakezoom::http {

namespace {

// httplib adds these four to every request; they were not sent.
bool synthetic(const std::string& name) {
  return name == "REMOTE_ADDR" || name == "REMOTE_PORT" || name == "LOCAL_ADDR" || name == "LOCAL_PORT";
}

// RFC 9110 5.5: field values hold no NUL, CR, LF or other control bytes but tab.
bool has_control_byte(const std::string& text) {
  for (const unsigned char c : text)
    if ((c < 0x20 && c != '\t') || c == 0x7f) return true;
  return false;
}

bool decimal(const std::string& text) {
  if (text.empty() || text.size() > 19) return false;
  for (const char c : text)
    if (c < '0' || c > '9') return false;
  return true;
}

HttpResponse refuse(int status, std::string_view message) {
  HttpResponse response = wire::zoom_error(status, status, message);
  response.headers.set("Matched-Stub-Id", "fakezoom.refused");
  response.headers.set("Matched-Stub-Name", "Refused before routing");
  return response;
}

}  // namespace

std::optional<HttpResponse> refusal_before_body(const httplib::Request& request, const RequestLimits& limits) {
  std::size_t count = 0;
  std::optional<std::string> content_length;
  for (const auto& [name, value] : request.headers) {
    if (synthetic(name)) continue;
    ++count;
    if (has_control_byte(name) || has_control_byte(value))
      return refuse(400, "A request header holds a control character.");
    if (iequals(name, "Content-Length")) {
      if (!decimal(value) || (content_length && *content_length != value))
        return refuse(400, "Content-Length must be one decimal number.");
      content_length = value;
    }
  }
  if (count > limits.max_header_count)
    return refuse(431, "Too many request headers: " + std::to_string(count) + ", at most " +
                           std::to_string(limits.max_header_count) + ".");
  return std::nullopt;
}

HttpResponse refusal_body(int status) {
  switch (status) {
    case 400: return refuse(400, "Bad request: fakezoom could not read it as HTTP/1.1.");
    case 404: return refuse(404, "Not found.");
    case 413: return refuse(413, "Request body too large.");
    case 414: return refuse(414, "Request target too long.");
    case 415: return refuse(415, "Unsupported content encoding.");
    case 416: return refuse(416, "Range not satisfiable.");
    default: return refuse(status, "HTTP error " + std::to_string(status) + ".");
  }
}

}  // namespace fakezoom::http
