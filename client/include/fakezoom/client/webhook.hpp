// The receiving side of Zoom's webhooks, as Zoom's webhooks page describes it: check that a
// delivery is Zoom's (its x-zm-signature over the exact body, and a fresh timestamp), and
// answer the endpoint URL validation challenge. For a C++ app's handler, whatever HTTP
// library it uses.
//   auto check = fakezoom::client::verify_webhook(secret, request_headers, request_body, now);
//   if (!check.ok) return 401;
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace fakezoom::client {

using WebhookHeaders = std::vector<std::pair<std::string, std::string>>;  // names in any case

struct WebhookCheck {
  bool ok = false;
  std::string reason;  // why not, when not
};

// ok when x-zm-signature is "v0=" + hex(HMAC-SHA256(secret, "v0:" + x-zm-request-timestamp +
// ":" + body)) and the timestamp is within `tolerance` of `now` (Zoom names no window; five
// minutes is what Stripe and Slack use against replays). Compares in constant time.
WebhookCheck verify_webhook(std::string_view secret_token, const WebhookHeaders& headers, std::string_view body,
                            std::chrono::system_clock::time_point now,
                            std::chrono::seconds tolerance = std::chrono::minutes(5));

// For a body {"event":"endpoint.url_validation","payload":{"plainToken":P}}: the JSON to answer
// with 200, {"plainToken":P,"encryptedToken":hex(HMAC-SHA256(secret, P))}; nothing for any
// other body.
std::optional<std::string> url_validation_answer(std::string_view secret_token, std::string_view body);

}  // namespace fakezoom::client
