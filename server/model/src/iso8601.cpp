#include "fakezoom/model/iso8601.hpp"

#include <cctype>
#include <cstdio>

namespace fakezoom {

using namespace std::chrono;

std::string to_iso8601(system_clock::time_point time) {
  const auto at = floor<milliseconds>(time);
  const auto day_start = floor<days>(at);
  const year_month_day date(day_start);
  const hh_mm_ss clock(at - day_start);
  char out[40];
  std::snprintf(out, sizeof out, "%04d-%02u-%02uT%02lld:%02lld:%02lld.%03lldZ", static_cast<int>(date.year()),
                static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()),
                static_cast<long long>(clock.hours().count()), static_cast<long long>(clock.minutes().count()),
                static_cast<long long>(clock.seconds().count()), static_cast<long long>(clock.subseconds().count()));
  return out;
}

std::string to_iso8601_seconds(system_clock::time_point time) {
  std::string text = to_iso8601(floor<seconds>(time));  // "...:00.000Z"
  text.erase(text.size() - 5, 4);                         // drop ".000"
  return text;
}

namespace {

// Reads exactly `width` digits.
bool digits(std::string_view& text, int width, int& value) {
  if (text.size() < static_cast<std::size_t>(width)) return false;
  value = 0;
  for (int i = 0; i < width; ++i) {
    if (!std::isdigit(static_cast<unsigned char>(text[i]))) return false;
    value = value * 10 + (text[i] - '0');
  }
  text.remove_prefix(width);
  return true;
}

bool take(std::string_view& text, char c) {
  if (text.empty() || text.front() != c) return false;
  text.remove_prefix(1);
  return true;
}

}  // namespace

std::optional<system_clock::time_point> parse_iso8601(std::string_view text) {
  int y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0;
  if (!digits(text, 4, y) || !take(text, '-') || !digits(text, 2, mo) || !take(text, '-') || !digits(text, 2, d))
    return std::nullopt;
  const year_month_day date{year(y), month(static_cast<unsigned>(mo)), day(static_cast<unsigned>(d))};
  if (!date.ok()) return std::nullopt;
  milliseconds fraction{0};
  if (take(text, 'T') || take(text, 't') || take(text, ' ')) {
    if (!digits(text, 2, h) || !take(text, ':') || !digits(text, 2, mi)) return std::nullopt;
    if (take(text, ':') && !digits(text, 2, s)) return std::nullopt;
    if (h > 23 || mi > 59 || s > 60) return std::nullopt;
    if (take(text, '.') || take(text, ',')) {
      long long scale = 100;
      bool any = false;
      while (!text.empty() && std::isdigit(static_cast<unsigned char>(text.front()))) {
        fraction += milliseconds((text.front() - '0') * scale);
        scale /= 10;
        text.remove_prefix(1);
        any = true;
      }
      if (!any) return std::nullopt;
    }
  }
  minutes offset{0};
  if (take(text, 'Z') || take(text, 'z')) {
  } else if (!text.empty() && (text.front() == '+' || text.front() == '-')) {
    const int sign = text.front() == '-' ? -1 : 1;
    text.remove_prefix(1);
    int oh = 0, om = 0;
    if (!digits(text, 2, oh)) return std::nullopt;
    take(text, ':');
    if (!text.empty() && !digits(text, 2, om)) return std::nullopt;
    if (oh > 23 || om > 59) return std::nullopt;
    offset = minutes(sign * (oh * 60 + om));
  }
  if (!text.empty()) return std::nullopt;
  // In milliseconds first: the clock's nanoseconds end in 2262, and "2999-01-01" is a fine
  // date to ask for requests since.
  const sys_time<milliseconds> at = sys_days(date) + hours(h) + minutes(mi) + seconds(s) + fraction - offset;
  constexpr auto kLast = floor<milliseconds>(system_clock::time_point::max());
  constexpr auto kFirst = ceil<milliseconds>(system_clock::time_point::min());
  if (at > kLast) return system_clock::time_point::max();
  if (at < kFirst) return system_clock::time_point::min();
  return time_point_cast<system_clock::duration>(at);
}

}  // namespace fakezoom
