#include "fakezoom/state/page_token.hpp"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <cstdio>

namespace fakezoom {

namespace {
std::string hex(std::uint64_t value) {
  char out[17];
  std::snprintf(out, sizeof out, "%016llx", static_cast<unsigned long long>(value));
  return out;
}

std::optional<std::uint64_t> unhex(std::string_view text) {
  if (text.size() != 16) return std::nullopt;
  std::uint64_t value = 0;
  for (char c : text) {
    int digit = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
    if (digit < 0) return std::nullopt;
    value = value * 16 + static_cast<std::uint64_t>(digit);
  }
  return value;
}
}  // namespace

PageTokens::PageTokens(std::uint64_t seed) : key_("fakezoom page tokens " + std::to_string(seed)) {}

std::string PageTokens::mac(std::string_view list, std::uint64_t after, std::uint64_t page) const {
  const std::string message = std::string(list) + '\n' + hex(after) + hex(page);
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  HMAC(EVP_sha256(), key_.data(), static_cast<int>(key_.size()),
       reinterpret_cast<const unsigned char*>(message.data()), message.size(), digest, &length);
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  for (unsigned int i = 0; i < 12 && i < length; ++i) {
    out += kHex[digest[i] >> 4];
    out += kHex[digest[i] & 15];
  }
  return out;
}

std::string PageTokens::issue(std::string_view list, PageCursor cursor) const {
  return hex(cursor.after) + hex(cursor.page_number) + mac(list, cursor.after, cursor.page_number);
}

std::optional<PageCursor> PageTokens::read(std::string_view list, std::string_view token) const {
  if (token.size() != 56) return std::nullopt;
  auto after = unhex(token.substr(0, 16));
  auto page = unhex(token.substr(16, 16));
  if (!after || !page || *page < 2) return std::nullopt;
  const std::string expected = mac(list, *after, *page);
  if (CRYPTO_memcmp(expected.data(), token.data() + 32, expected.size()) != 0) return std::nullopt;
  return PageCursor{*after, *page};
}

}  // namespace fakezoom
