// One access-log line per request, text or JSON. Tokens never appear: the request is
// redacted first (`Bearer [REDACTED]`).
#pragma once

#include <string>
#include <string_view>

#include "fakezoom/model/http_fwd.hpp"
#include "fakezoom/http/http_server.hpp"

namespace fakezoom {

// `fault`: the WireMock fault that broke the answer, if any ("fault=EMPTY_RESPONSE").
std::string access_log_line(LogFormat format, const HttpRequest& request, int status, const std::string& stub_id,
                            std::string_view fault = {});

}  // namespace fakezoom
