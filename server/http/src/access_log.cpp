#include "fakezoom/http/access_log.hpp"

#include <nlohmann/json.hpp>

#include "fakezoom/core/engine.hpp"

namespace fakezoom {

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
  return request.client_ip + " \"" + request.method + " " + request.target + "\" " + std::to_string(status) + " " +
         (stub_id.empty() ? "-" : stub_id) + " auth=\"" + authorization + "\"" +
         (fault.empty() ? std::string() : " fault=" + std::string(fault));
}

}  // namespace fakezoom
