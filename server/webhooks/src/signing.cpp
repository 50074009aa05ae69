#include "fakezoom/webhooks/signing.hpp"

#include <openssl/evp.h>
#include <openssl/hmac.h>

namespace fakezoom::webhooks {

std::string hmac_sha256_hex(std::string_view key, std::string_view message) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()), reinterpret_cast<const unsigned char*>(message.data()),
       message.size(), digest, &length);
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(length * 2);
  for (unsigned int i = 0; i < length; ++i) {
    out += kHex[digest[i] >> 4];
    out += kHex[digest[i] & 0x0f];
  }
  return out;
}

std::string zoom_signature(std::string_view secret_token, std::string_view timestamp, std::string_view body) {
  std::string message = "v0:";
  message.append(timestamp).append(":").append(body);
  return "v0=" + hmac_sha256_hex(secret_token, message);
}

std::string encrypted_token(std::string_view secret_token, std::string_view plain_token) {
  return hmac_sha256_hex(secret_token, plain_token);
}

}  // namespace fakezoom::webhooks
