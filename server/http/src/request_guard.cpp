#include "request_guard.hpp"

#include <algorithm>
#include <string>
#include <string_view>

#include "fakezoom/model/outcome.hpp"
#include "fakezoom/model/text.hpp"
#include "fakezoom/model/url_codec.hpp"
#include "fakezoom/model/wire_errors.hpp"

namespace fakezoom::http {

namespace {

// httplib adds these four to every request; they were not sent.
bool synthetic(std::string_view name) {
  using namespace std::string_view_literals;
  return name == "REMOTE_ADDR"sv || name == "REMOTE_PORT"sv || name == "LOCAL_ADDR"sv || name == "LOCAL_PORT"sv;
}

HttpResponse refuse(int status, std::string_view message) {
  HttpResponse response = wire::refused(status, message);
  set_matched_stub(response, "fakezoom.refused", "Refused before routing");
  return response;
}

}  // namespace

ReadRequest read_request(const httplib::Request& req, const RequestLimits& limits) {
  ReadRequest read;
  HttpRequest& request = read.request;
  request.method = req.method;
  request.path = req.path;
  request.target = req.target;
  if (auto q = req.target.find('?'); q != std::string::npos)
    request.query = decode_query(std::string_view(req.target).substr(q + 1));
  request.headers.reserve(std::min(req.headers.size(), limits.max_header_count + 1));
  std::size_t count = 0;
  const std::string* content_length = nullptr;
  for (const auto& [name, value] : req.headers) {
    if (synthetic(name)) continue;
    if (!is_header_value(name) || !is_header_value(value)) {
      read.refusal = refuse(400, "A request header holds a control character.");
      return read;
    }
    if (iequals(name, "Content-Length")) {
      if (value.size() > 19 || !all_digits(value) || (content_length && *content_length != value)) {
        read.refusal = refuse(400, "Content-Length must be one decimal number.");
        return read;
      }
      content_length = &value;
    }
    // Counted on, not kept: a request with 10,000 headers is refused whole.
    if (++count <= limits.max_header_count) request.headers.add(name, value);
  }
  if (count > limits.max_header_count) {
    read.refusal = refuse(431, "Too many request headers: " + std::to_string(count) + ", at most " +
                                   std::to_string(limits.max_header_count) + ".");
    return read;
  }
  request.body = req.body;
  request.client_ip = req.remote_addr;
  return read;
}

bool body_follows(const httplib::Request& req) {
  const std::string& m = req.method;
  const bool may_have_body = m == "POST" || m == "PUT" || m == "PATCH" || m == "DELETE" || m == "PRI";
  return may_have_body && (req.has_header("Content-Length") || req.has_header("Transfer-Encoding"));
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
