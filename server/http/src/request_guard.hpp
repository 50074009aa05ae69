// Refusals httplib 0.11.4 does not make itself, and Zoom's error shape for those it does.
// httplib answers a bad request line or header (400), a target over 8 KB (414) and a
// Content-Length over the payload limit (413) with an empty body; it accepts any number of
// headers, NUL and control bytes in header values, and a Content-Length of "abc" (as 0).
#pragma once

#include <httplib.h>

#include <cstddef>
#include <optional>

#include "fakezoom/model/http_message.hpp"

namespace fakezoom::http {

struct RequestLimits {
  std::size_t max_header_count = 100;
};

// httplib's request as the engine sees it, or the refusal its head earns: 431 for too many
// headers; 400 for a NUL or control byte in a header, or a Content-Length that is not one
// decimal number. One pass over the headers; called before the body is read, and again after.
struct ReadRequest {
  HttpRequest request;
  std::optional<HttpResponse> refusal;
};
ReadRequest read_request(const httplib::Request& request, const RequestLimits& limits);

// Whether httplib will read a body for this request before routing it (its expect_content,
// framed by Content-Length or chunks). Every other request can be answered before routing.
bool body_follows(const httplib::Request& request);

// Zoom's `{"code":status,"message":...}` for an error httplib answered itself.
HttpResponse refusal_body(int status);

}  // namespace fakezoom::http
