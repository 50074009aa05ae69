// Fuzzes the client's reading of what a server sends back: the error built from an HTTP
// answer (`http_error`: Zoom's JSON error, or any body at all) and the base URL parser.
// Input: line 1 a base URL, line 2 "STATUS REASON", the rest the response body.
#include <charconv>
#include <cstdint>
#include <limits>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "fakezoom/client/base_url.hpp"
#include "fakezoom/client/error.hpp"
#include "fuzz_check.hpp"

using namespace fakezoom::client;
using fakezoom::fuzz::valid_utf8;

namespace {

std::string_view take_line(std::string_view& text) {
  const auto end = text.find('\n');
  const std::string_view line = text.substr(0, end);
  text = end == std::string_view::npos ? std::string_view{} : text.substr(end + 1);
  return line;
}

void check_base_url(std::string_view url) {
  const auto parsed = parse_base_url(url);
  if (!parsed) {
    FUZZ_CHECK(parsed.error().kind == ErrorKind::invalid_request, "a refused base URL is not invalid_request");
    FUZZ_CHECK(!parsed.error().message.empty(), "a refused base URL without a message");
    return;
  }
  const BaseUrl& base = parsed.value();
  FUZZ_CHECK(base.scheme == "http" || base.scheme == "https", "a base URL with another scheme than http(s)");
  FUZZ_CHECK(!base.host.empty(), "a base URL without a host");
  FUZZ_CHECK(base.port >= 1 && base.port <= 65535, "a base URL's port outside 1..65535");
  FUZZ_CHECK(base.prefix.empty() || (base.prefix.front() == '/' && base.prefix.back() != '/'),
             "a base URL's prefix does not start with '/' or ends with '/'");
  for (const char c : url)
    FUZZ_CHECK(static_cast<unsigned char>(c) > 0x20 && c != 0x7F, "a base URL with white space or a control character was accepted");
  // An IPv6 literal holds hex digits, ':' and '.' only ("http://[[(]" once gave the host "[(",
  // which origin() wrote back unbracketed: regressions/client_response/).
  FUZZ_CHECK(base.host.find_first_of("[]") == std::string::npos, "a base URL's host holds a bracket");
  // What origin() and prefix give back parses to the same thing.
  const auto again = parse_base_url(base.origin() + base.prefix);
  FUZZ_CHECK(again.ok(), "origin() + prefix of a parsed base URL does not parse");
  FUZZ_CHECK(again.value().scheme == base.scheme && again.value().host == base.host && again.value().port == base.port &&
                 again.value().prefix == base.prefix,
             "origin() + prefix parses to another base URL");
}

void check_http_error(int status, std::string_view reason, std::string_view body) {
  const Error error = http_error(status, reason, std::string(body));
  FUZZ_CHECK(error.kind == ErrorKind::http && error.status == status, "http_error lost the status");
  FUZZ_CHECK(error.body == body, "http_error did not keep the body as received");
  FUZZ_CHECK(!error.message.empty(), "http_error without a message");
  // The message is cut on a character boundary, so it stays UTF-8 when what it quotes is.
  if (valid_utf8(body) && valid_utf8(reason))
    FUZZ_CHECK(valid_utf8(error.message), "http_error made invalid UTF-8 out of a UTF-8 body");
  if (error.zoom_code) {
    const auto json = nlohmann::json::parse(body, nullptr, false);
    FUZZ_CHECK(json.is_object() && json.contains("code") && json["code"].is_number_integer() &&
                   json["code"].get<long long>() == *error.zoom_code,
               "zoom_code is not the body's integer \"code\"");
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  const std::string_view url = take_line(input);
  const std::string_view status_line = take_line(input);
  check_base_url(url);

  const auto space = status_line.find(' ');
  const std::string_view status_text = status_line.substr(0, space);
  const std::string_view reason = space == std::string_view::npos ? std::string_view{} : status_line.substr(space + 1);
  int status = 400;
  long long wide = 0;
  const auto [end, error] = std::from_chars(status_text.data(), status_text.data() + status_text.size(), wide);
  if (error == std::errc() && end == status_text.data() + status_text.size() && wide >= std::numeric_limits<int>::min() &&
      wide <= std::numeric_limits<int>::max())
    status = static_cast<int>(wide);
  check_http_error(status, reason, input);
  return 0;
}
