#include "fakezoom/http/access_log.hpp"

#include <nlohmann/json.hpp>

#include "fakezoom/model/http_message.hpp"
#include "fakezoom/journal/redact.hpp"

namespace fakezoom {

namespace {

// A target or token with CR, LF or an escape sequence must not split a line or drive the
// reader's terminal: control bytes are shown as \xNN.
std::string printable(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (const unsigned char c : text) {
    if (c < 0x20 || c == 0x7f || c == '\\') {
      static constexpr char kHex[] = "0123456789abcdef";
      out += c == '\\' ? std::string("\\\\") : std::string{'\\', 'x', kHex[c >> 4], kHex[c & 15]};
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

std::string or_dash(const std::string& text) { return text.empty() ? "-" : text; }

}  // namespace

std::string access_log_line(LogFormat format, const HttpRequest& raw, int status, const std::string& stub_id,
                            std::string_view fault) {
  const HttpRequest request = redact_secrets(raw);
  const std::string authorization = request.headers.get("Authorization").value_or("-");
  if (format == LogFormat::json) {
    nlohmann::json line{{"event", "request"},
                        {"client", request.client_ip},
                        {"method", request.method},
                        {"target", request.target},
                        {"status", status},
                        {"stub", stub_id},
                        {"authorization", authorization}};
    if (!fault.empty()) line["fault"] = std::string(fault);
    return line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  }
  // httplib's own refusals reach the logger before it knows the client, sometimes the method.
  return or_dash(request.client_ip) + " \"" + printable(or_dash(request.method)) + " " + printable(or_dash(request.target)) +
         "\" " + std::to_string(status) + " " + (stub_id.empty() ? "-" : stub_id) + " auth=\"" + printable(authorization) + "\"" +
         (fault.empty() ? std::string() : " fault=" + std::string(fault));
}

}  // namespace fakezoom
