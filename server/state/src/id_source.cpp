#include "fakezoom/state/id_source.hpp"

namespace fakezoom {

namespace {
constexpr std::string_view kBase64Url = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
constexpr std::string_view kBase64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
constexpr std::string_view kAlphanumeric = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
constexpr std::string_view kDigits = "0123456789";
}  // namespace

std::string IdSource::text(std::string_view alphabet, std::size_t length) {
  std::string out(length, ' ');
  for (auto& c : out) c = alphabet[random_() % alphabet.size()];
  return out;
}

std::string IdSource::user_id() { return text(kBase64Url, 22); }
std::string IdSource::meeting_id() { return text("123456789", 1) + text(kDigits, 10); }
std::string IdSource::meeting_uuid() { return text(kBase64, 22) + "=="; }
std::string IdSource::passcode() { return text(kAlphanumeric, 6); }
std::string IdSource::start_token() { return text(kBase64Url, 32); }
std::int64_t IdSource::pmi() { return std::stoll(text("123456789", 1) + text(kDigits, 9)); }

}  // namespace fakezoom
