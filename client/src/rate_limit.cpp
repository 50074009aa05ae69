// Reading Zoom's rate-limit headers. C++17 (the client's public standard): dates are turned
// into seconds with the days-from-civil algorithm, not <chrono>'s C++20 calendar.
#include "fakezoom/client/rate_limit.hpp"

#include <array>
#include <cctype>

namespace fakezoom::client {
namespace {

using std::chrono::seconds;
using std::chrono::system_clock;

std::optional<long long> whole_number(std::string_view text) {
  if (text.empty() || text.size() > 18) return std::nullopt;
  long long value = 0;
  for (char c : text) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return std::nullopt;
    value = value * 10 + (c - '0');
  }
  return value;
}

std::string_view trim(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) text.remove_prefix(1);
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.remove_suffix(1);
  return text;
}

// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil).
long long days_from_civil(long long y, long long m, long long d) {
  y -= m <= 2 ? 1 : 0;
  const long long era = (y >= 0 ? y : y - 399) / 400;
  const long long yoe = y - era * 400;
  const long long doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const long long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

std::optional<long long> field(std::string_view text, std::size_t at, std::size_t width) {
  if (at + width > text.size()) return std::nullopt;
  return whole_number(text.substr(at, width));
}

std::optional<long long> epoch_seconds(long long y, long long mo, long long d, long long h, long long mi, long long s) {
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 60) return std::nullopt;
  return days_from_civil(y, mo, d) * 86400 + h * 3600 + mi * 60 + s;
}

// "2020-05-31T00:00:00Z", fractions of a second allowed and ignored.
std::optional<long long> iso8601(std::string_view t) {
  if (t.size() < 20 || t[4] != '-' || t[7] != '-' || (t[10] != 'T' && t[10] != 't') || t[13] != ':' || t[16] != ':')
    return std::nullopt;
  std::string_view rest = t.substr(19);
  if (!rest.empty() && rest.front() == '.') {
    rest.remove_prefix(1);
    while (!rest.empty() && std::isdigit(static_cast<unsigned char>(rest.front()))) rest.remove_prefix(1);
  }
  if (rest != "Z" && rest != "z" && rest != "+00:00") return std::nullopt;
  auto y = field(t, 0, 4), mo = field(t, 5, 2), d = field(t, 8, 2), h = field(t, 11, 2), mi = field(t, 14, 2),
       s = field(t, 17, 2);
  if (!y || !mo || !d || !h || !mi || !s) return std::nullopt;
  return epoch_seconds(*y, *mo, *d, *h, *mi, *s);
}

// RFC 9110's IMF-fixdate: "Sun, 31 May 2020 00:00:00 GMT".
std::optional<long long> http_date(std::string_view t) {
  if (t.size() != 29 || t[3] != ',' || t.substr(25) != " GMT") return std::nullopt;
  static constexpr std::array<std::string_view, 12> months{"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                           "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  long long month = 0;
  for (std::size_t i = 0; i < months.size(); ++i)
    if (t.substr(8, 3) == months[i]) month = static_cast<long long>(i) + 1;
  auto d = field(t, 5, 2), y = field(t, 12, 4), h = field(t, 17, 2), mi = field(t, 20, 2), s = field(t, 23, 2);
  if (!month || !d || !y || !h || !mi || !s || t[19] != ':' || t[22] != ':') return std::nullopt;
  return epoch_seconds(*y, month, *d, *h, *mi, *s);
}

}  // namespace

RateLimitHeaders rate_limit_headers(const Response& response) {
  RateLimitHeaders headers;
  headers.category = response.header("X-RateLimit-Category");
  headers.type = response.header("X-RateLimit-Type");
  if (auto limit = response.header("X-RateLimit-Limit")) headers.limit = whole_number(trim(*limit));
  if (auto remaining = response.header("X-RateLimit-Remaining")) headers.remaining = whole_number(trim(*remaining));
  return headers;
}

std::optional<seconds> parse_retry_after(std::string_view value, system_clock::time_point now) {
  value = trim(value);
  if (auto delay = whole_number(value)) return seconds{*delay};
  auto at = iso8601(value);
  if (!at) at = http_date(value);
  if (!at) return std::nullopt;
  const auto wait = system_clock::time_point{seconds{*at}} - now;
  if (wait <= system_clock::duration::zero()) return seconds{0};
  auto whole = std::chrono::duration_cast<seconds>(wait);
  if (whole < wait) ++whole;
  return whole;
}

std::optional<seconds> retry_after(const Response& response, system_clock::time_point now) {
  auto value = response.header("Retry-After");
  if (!value) return std::nullopt;
  return parse_retry_after(*value, now);
}

}  // namespace fakezoom::client
