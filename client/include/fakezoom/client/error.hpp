// Error: why a call gave no usable answer. HTTP failures carry Zoom's {"code","message"};
// transport failures say what failed the way Chilkat's LastErrorText would.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace fakezoom::client {

enum class ErrorKind {
  http,             // the server answered with a status >= 400
  transport,        // no HTTP response: connect refused or timed out, read timeout, TLS failure
  parse,            // a response < 400 whose body is not what the endpoint documents
  invalid_request,  // never sent: bad base URL, a line break in the token, an empty method
};

std::string_view to_string(ErrorKind kind);

struct Error {
  ErrorKind kind = ErrorKind::transport;
  int status = 0;                // HTTP status; 0 when there was no response
  std::optional<int> zoom_code;  // Zoom's "code" when the body is a Zoom error
  std::string message;           // Zoom's "message", or ours when the body has none
  std::string body;              // the raw response body, empty when there was no response
};

// Builds the Error for an answer with status >= 400. Zoom's JSON error gives code and message;
// an empty or non-JSON body (Zoom documents an empty text/plain 404) still gives a clear
// message such as "HTTP 404 Not Found (empty body)". `reason` is the server's reason phrase;
// when it is empty the standard one for the status is used.
Error http_error(int status, std::string_view reason, std::string body);

// Builds the Error for an answer below 400 whose body is not what the endpoint documents
// (`message` says what is missing), for functions that read one endpoint's answer.
Error parse_error(int status, std::string message, std::string body);

// The standard reason phrase for the statuses Zoom and proxies answer with; "" otherwise.
std::string_view reason_phrase(int status);

}  // namespace fakezoom::client
