#include "fakezoom/client/webhook.hpp"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <algorithm>
#include <cctype>
#include <charconv>

#include <nlohmann/json.hpp>

namespace fakezoom::client {

namespace {

std::string hmac_hex(std::string_view key, std::string_view message) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()), reinterpret_cast<const unsigned char*>(message.data()),
       message.size(), digest, &length);
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  for (unsigned int i = 0; i < length; ++i) {
    out += kHex[digest[i] >> 4];
    out += kHex[digest[i] & 0x0f];
  }
  return out;
}

std::optional<std::string> header(const WebhookHeaders& headers, std::string_view name) {
  for (const auto& [key, value] : headers)
    if (key.size() == name.size() &&
        std::equal(key.begin(), key.end(), name.begin(), [](unsigned char a, unsigned char b) { return std::tolower(a) == b; }))
      return value;
  return std::nullopt;
}

}  // namespace

WebhookCheck verify_webhook(std::string_view secret_token, const WebhookHeaders& headers, std::string_view body,
                            std::chrono::system_clock::time_point now, std::chrono::seconds tolerance) {
  const auto signature = header(headers, "x-zm-signature");
  const auto timestamp = header(headers, "x-zm-request-timestamp");
  if (!signature) return {false, "no x-zm-signature header"};
  if (!timestamp) return {false, "no x-zm-request-timestamp header"};
  long long seconds = 0;
  auto [end, error] = std::from_chars(timestamp->data(), timestamp->data() + timestamp->size(), seconds);
  if (error != std::errc() || end != timestamp->data() + timestamp->size())
    return {false, "x-zm-request-timestamp is not a number of seconds"};
  const auto sent = std::chrono::system_clock::time_point(std::chrono::seconds(seconds));
  const auto age = now > sent ? now - sent : sent - now;
  if (age > tolerance) return {false, "x-zm-request-timestamp is more than " + std::to_string(tolerance.count()) + " s from now"};
  std::string message = "v0:";
  message.append(*timestamp).append(":").append(body);
  const std::string expected = "v0=" + hmac_hex(secret_token, message);
  if (signature->size() != expected.size() || CRYPTO_memcmp(signature->data(), expected.data(), expected.size()) != 0)
    return {false, "x-zm-signature does not match the body and the secret token"};
  return {true, ""};
}

std::optional<std::string> url_validation_answer(std::string_view secret_token, std::string_view body) {
  const auto event = nlohmann::json::parse(body, nullptr, false);
  if (!event.is_object() || !event.contains("event") || event["event"] != "endpoint.url_validation") return std::nullopt;
  if (!event.contains("payload") || !event["payload"].is_object()) return std::nullopt;
  const auto& payload = event["payload"];
  if (!payload.contains("plainToken") || !payload["plainToken"].is_string()) return std::nullopt;
  const std::string plain = payload["plainToken"];
  nlohmann::ordered_json answer = {{"plainToken", plain}, {"encryptedToken", hmac_hex(secret_token, plain)}};
  return answer.dump();
}

}  // namespace fakezoom::client
