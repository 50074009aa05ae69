// Client::call over cpp-httplib: builds the request target and headers ourselves (httplib's
// own URL encoding is off, so nothing is encoded twice) and turns every outcome into a value.
#include "fakezoom/client.hpp"

#include <httplib.h>

#include <algorithm>
#include <cctype>
#include <string_view>

#include "transport_error.hpp"

namespace fakezoom::client {
namespace {

Error invalid_request(std::string message) {
  Error error;
  error.kind = ErrorKind::invalid_request;
  error.message = std::move(message);
  return error;
}

// httplib 0.11.4 copies header values to the wire unchecked: a line break in a token would
// inject headers.
bool is_safe_header_value(std::string_view value) {
  for (const char ch : value) {
    const auto c = static_cast<unsigned char>(ch);
    if ((c < 0x20 && c != '\t') || c == 0x7F) return false;
  }
  return true;
}

// RFC 9110 token characters.
bool is_method_token(std::string_view method) {
  if (method.empty()) return false;
  for (const char ch : method) {
    const auto c = static_cast<unsigned char>(ch);
    if (!std::isalnum(c) && std::string_view("!#$%&'*+-.^_`|~").find(ch) == std::string_view::npos) return false;
  }
  return true;
}

std::optional<Error> check_options(const ClientOptions& options) {
  if (!is_safe_header_value(options.bearer_token)) {
    return invalid_request("the bearer token contains a line break or control character");
  }
  if (!is_safe_header_value(options.user_agent)) {
    return invalid_request("the user agent contains a line break or control character");
  }
  return std::nullopt;
}

std::string base64_encode(std::string_view bytes) {
  static constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  std::size_t i = 0;
  for (; i + 2 < bytes.size(); i += 3) {
    const unsigned n = (static_cast<unsigned char>(bytes[i]) << 16) | (static_cast<unsigned char>(bytes[i + 1]) << 8) |
                       static_cast<unsigned char>(bytes[i + 2]);
    out += {kAlphabet[(n >> 18) & 63], kAlphabet[(n >> 12) & 63], kAlphabet[(n >> 6) & 63], kAlphabet[n & 63]};
  }
  if (const std::size_t rest = bytes.size() - i; rest > 0) {
    unsigned n = static_cast<unsigned char>(bytes[i]) << 16;
    if (rest == 2) n |= static_cast<unsigned char>(bytes[i + 1]) << 8;
    out += kAlphabet[(n >> 18) & 63];
    out += kAlphabet[(n >> 12) & 63];
    out += rest == 2 ? kAlphabet[(n >> 6) & 63] : '=';
    out += '=';
  }
  return out;
}

Response to_response(const httplib::Response& raw) {
  Response response;
  response.status = raw.status;
  response.reason = raw.reason;
  response.version = raw.version;
  response.headers.assign(raw.headers.begin(), raw.headers.end());
  response.body = raw.body;
  return response;
}

}  // namespace

struct Client::Impl {
  explicit Impl(ClientOptions opts) : options(std::move(opts)), base(parse_base_url(options.base_url)) {
    if (!base) return;
    http = std::make_unique<httplib::Client>(base.value().origin());
    http->set_connection_timeout(options.connect_timeout);
    http->set_read_timeout(options.read_timeout);
    http->set_write_timeout(options.read_timeout);
    http->set_url_encode(false);
    http->set_follow_location(false);
    http->set_keep_alive(false);
#ifdef CPPHTTPLIB_OPENSSL_SUPPORT
    if (base.value().scheme == "https") {
      http->enable_server_certificate_verification(true);
      if (options.ca_file) http->set_ca_cert_path(*options.ca_file);
    }
#endif
  }

  ClientOptions options;
  Result<BaseUrl> base;
  std::unique_ptr<httplib::Client> http;  // null when the base URL is invalid
  std::optional<Response> last_response;
};

Client::Client(ClientOptions options) : impl_(std::make_unique<Impl>(std::move(options))) {}
Client::~Client() = default;
Client::Client(Client&&) noexcept = default;
Client& Client::operator=(Client&&) noexcept = default;

const std::optional<Response>& Client::last_response() const noexcept { return impl_->last_response; }
const ClientOptions& Client::options() const noexcept { return impl_->options; }

Result<Response> Client::call(const Request& request) {
  Impl& impl = *impl_;
  impl.last_response.reset();
  if (!impl.base) return impl.base.error();
#ifndef CPPHTTPLIB_OPENSSL_SUPPORT
  if (impl.base.value().scheme == "https") return invalid_request("this build of cpp-httplib has no TLS support");
#endif
  if (auto problem = check_options(impl.options)) return *problem;
  if (!is_method_token(request.method)) return invalid_request("invalid HTTP method \"" + request.method + "\"");

  const BaseUrl& base = impl.base.value();
  httplib::Request raw;
  raw.method = request.method;
  raw.path = request_target(base.prefix, request);
  if (impl.options.basic_credentials) {
    const auto& [user, password] = *impl.options.basic_credentials;
    if (!is_safe_header_value(user) || !is_safe_header_value(password))
      return invalid_request("the basic credentials contain a line break or control character");
    raw.headers.emplace("Authorization", "Basic " + base64_encode(user + ":" + password));
  } else if (!impl.options.bearer_token.empty()) {
    raw.headers.emplace("Authorization", "Bearer " + impl.options.bearer_token);
  }
  if (!impl.options.user_agent.empty()) raw.headers.emplace("User-Agent", impl.options.user_agent);
  raw.headers.emplace("Accept", "application/json");
  for (const auto& [name, value] : request.headers) {
    if (!is_method_token(name) || !is_safe_header_value(value))
      return invalid_request("the header \"" + name + "\" has an invalid name or a line break in its value");
    if (name.size() == 13 && std::equal(name.begin(), name.end(), "authorization", [](char a, char b) {
          return std::tolower(static_cast<unsigned char>(a)) == b;
        }))
      return invalid_request("set the token in ClientOptions, not as a header");
    raw.headers.emplace(name, value);
  }
  if (request.json_body) {
    try {
      raw.body = request.json_body->dump();
    } catch (const nlohmann::json::type_error& e) {
      // dump() throws on strings that are not valid UTF-8 (type_error 316).
      return invalid_request(std::string("the JSON body cannot be serialised: ") + e.what());
    }
    raw.headers.emplace("Content-Type", "application/json");
  } else if (request.raw_body) {
    raw.body = *request.raw_body;
    raw.headers.emplace("Content-Type", request.raw_content_type);
  }

  const auto started = std::chrono::steady_clock::now();
  httplib::Result result = impl.http->send(raw);
  if (!result) {
    detail::TransportContext context;
    context.method = request.method;
    context.url = base.origin() + base.prefix + request.path.encoded();
    context.host_port = base.host_port();
    context.elapsed =
        std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started);
    context.connect_timeout = impl.options.connect_timeout;
    context.read_timeout = impl.options.read_timeout;
    context.ca_file = impl.options.ca_file;
#ifdef CPPHTTPLIB_OPENSSL_SUPPORT
    if (result.error() == httplib::Error::SSLServerVerification) {
      if (const long verified = impl.http->get_openssl_verify_result(); verified != X509_V_OK)
        context.tls_verify_problem = X509_verify_cert_error_string(verified);
    }
#endif
    return detail::transport_error(result.error(), context);
  }

  impl.last_response = to_response(result.value());
  const Response& response = *impl.last_response;
  if (response.status >= 400) return http_error(response.status, response.reason, response.body);
  return response;
}

}  // namespace fakezoom::client
