// Zoom's HMAC-SHA256 signatures (docs/webhooks.md, "Verify with Zoom's header" and "Validate
// your webhook endpoint"): pure functions of the secret token and the bytes.
#pragma once

#include <string>
#include <string_view>

namespace fakezoom::webhooks {

// Lower-case hex of HMAC-SHA256(key, message).
std::string hmac_sha256_hex(std::string_view key, std::string_view message);

// The x-zm-signature header: "v0=" + hex(HMAC-SHA256(secret, "v0:" + timestamp + ":" + body)).
std::string zoom_signature(std::string_view secret_token, std::string_view timestamp, std::string_view body);

// The URL validation answer's encryptedToken: hex(HMAC-SHA256(secret, plainToken)).
std::string encrypted_token(std::string_view secret_token, std::string_view plain_token);

}  // namespace fakezoom::webhooks
