// Journal entries in WireMock's JSON shapes: a ServeEvent (`GET /__admin/requests`) and a
// LoggedRequest (`/requests/find`, `/requests/unmatched`), each with fakezoom's own
// `fakezoom` object: the route and example that answered and why.
#pragma once

#include <string>
#include <string_view>

#include <nlohmann/json_fwd.hpp>

#include "fakezoom/journal/journal.hpp"

namespace fakezoom {

// {"id", "request": LoggedRequest, "responseDefinition", "response", "stubMapping",
//  "wasMatched", "timing", "fakezoom"}
nlohmann::json to_json(const JournalEntry& entry);

// {"url", "absoluteUrl", "method", "clientIp", "headers", "cookies", "queryParams",
//  "formParams", "body", "bodyAsBase64", "protocol", "scheme", "host", "port",
//  "loggedDate", "loggedDateString", "browserProxyRequest", "fakezoom"}
nlohmann::json logged_request_json(const JournalEntry& entry);

std::string base64(std::string_view bytes);

}  // namespace fakezoom
