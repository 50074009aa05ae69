// One access-log line per request, text or JSON. Tokens never appear: the request is
// redacted first (`Bearer [REDACTED]`).
#pragma once

#include <string>

#include "fakezoom/core/http_message.hpp"
#include "fakezoom/server.hpp"

namespace fakezoom {

std::string access_log_line(LogFormat format, const HttpRequest& request, int status, const std::string& stub_id);

}  // namespace fakezoom
