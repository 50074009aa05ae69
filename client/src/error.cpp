// Error values for HTTP answers >= 400: Zoom's JSON error when there is one, a clear
// message of our own when the body is empty, not JSON, or JSON of another shape.
#include "fakezoom/client/error.hpp"

#include <limits>

#include <nlohmann/json.hpp>

namespace fakezoom::client {
namespace {

constexpr std::size_t snippet_limit = 120;

// A short, single-line excerpt of a body for a message. Cuts on a UTF-8 character boundary
// so the message stays valid UTF-8.
std::string body_snippet(std::string_view body) {
  std::size_t end = body.size();
  bool cut = false;
  if (end > snippet_limit) {
    end = snippet_limit;
    while (end > 0 && (static_cast<unsigned char>(body[end]) & 0xC0) == 0x80) --end;
    cut = true;
  }
  std::string out;
  for (std::size_t i = 0; i < end; ++i) {
    const auto c = static_cast<unsigned char>(body[i]);
    out += c < 0x20 || c == 0x7F ? ' ' : body[i];
  }
  if (cut) out += "...";
  return out;
}

std::string status_text(int status, std::string_view reason) {
  std::string text = "HTTP " + std::to_string(status);
  if (reason.empty()) reason = reason_phrase(status);
  if (!reason.empty()) {
    text += ' ';
    text += reason;
  }
  return text;
}

// Zoom codes are small integers; anything else (a string, 1.5, 2^40) is not a Zoom code.
std::optional<int> as_int(const nlohmann::json& value) {
  if (value.is_number_unsigned()) {
    const auto n = value.get<unsigned long long>();
    if (n <= static_cast<unsigned long long>(std::numeric_limits<int>::max())) return static_cast<int>(n);
  } else if (value.is_number_integer()) {
    const auto n = value.get<long long>();
    if (n >= std::numeric_limits<int>::min() && n <= std::numeric_limits<int>::max()) return static_cast<int>(n);
  }
  return std::nullopt;
}

}  // namespace

std::string_view to_string(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::http: return "http";
    case ErrorKind::transport: return "transport";
    case ErrorKind::parse: return "parse";
    case ErrorKind::invalid_request: return "invalid_request";
  }
  return "unknown";
}

std::string_view reason_phrase(int status) {
  switch (status) {
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 409: return "Conflict";
    case 412: return "Precondition Failed";
    case 413: return "Payload Too Large";
    case 415: return "Unsupported Media Type";
    case 422: return "Unprocessable Content";
    case 429: return "Too Many Requests";
    case 500: return "Internal Server Error";
    case 501: return "Not Implemented";
    case 502: return "Bad Gateway";
    case 503: return "Service Unavailable";
    case 504: return "Gateway Timeout";
    default: return "";
  }
}

Error parse_error(int status, std::string message, std::string body) {
  Error error;
  error.kind = ErrorKind::parse;
  error.status = status;
  error.message = std::move(message);
  error.body = std::move(body);
  return error;
}

Error http_error(int status, std::string_view reason, std::string body) {
  Error error;
  error.kind = ErrorKind::http;
  error.status = status;
  const std::string status_line = status_text(status, reason);

  if (body.empty()) {
    error.message = status_line + " (empty body)";
    error.body = std::move(body);
    return error;
  }

  const auto json = nlohmann::json::parse(body, nullptr, /*allow_exceptions=*/false);
  if (json.is_discarded()) {
    error.message = status_line + " (body is not JSON: " + body_snippet(body) + ")";
  } else if (!json.is_object()) {
    error.message = status_line + " (JSON body is not a Zoom error: " + body_snippet(body) + ")";
  } else {
    // Zoom: {"code": 1001, "message": "User does not exist: x."}; validation errors add an
    // "errors" array, which stays in `body` for callers that want it.
    const auto code = json.find("code");
    if (code != json.end()) error.zoom_code = as_int(*code);
    const auto message = json.find("message");
    if (message != json.end() && message->is_string() && !message->get_ref<const std::string&>().empty()) {
      error.message = message->get<std::string>();
    } else if (error.zoom_code) {
      error.message = status_line + " (Zoom error code " + std::to_string(*error.zoom_code) + ", no message)";
    } else {
      error.message = status_line + " (JSON body is not a Zoom error: " + body_snippet(body) + ")";
    }
  }
  error.body = std::move(body);
  return error;
}

}  // namespace fakezoom::client
