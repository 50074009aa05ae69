// Zoom-shaped ids from a seeded generator, so that a run with the same --seed and the same
// requests hands out the same ids. Not thread-safe: the account calls it under its lock.
#pragma once

#include <cstdint>
#include <random>
#include <string>

namespace fakezoom {

class IdSource {
public:
  explicit IdSource(std::uint64_t seed) : random_(seed) {}

  std::string user_id();        // 22 characters of base64url, like "KdYKjnimT4KPd8FFgQt9FQ"
  std::string meeting_id();     // 11 digits, Zoom's meeting number range
  std::string meeting_uuid();   // 16 bytes in base64, "ng1MzyWNQaObxcf3+Gfm6A=="
  std::string passcode();       // 6 letters and digits
  std::string start_token();    // the start_url's opaque part
  std::int64_t pmi();           // 10 digits

private:
  std::string text(std::string_view alphabet, std::size_t length);
  std::mt19937_64 random_;
};

}  // namespace fakezoom
