// ISO 8601 timestamps as WireMock shows and takes them: "2023-11-14T22:13:20.123Z".
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace fakezoom {

std::string to_iso8601(std::chrono::system_clock::time_point time);  // UTC, milliseconds
// "2026-01-02T00:00:00Z": whole seconds, as Zoom's Retry-After example writes it.
std::string to_iso8601_seconds(std::chrono::system_clock::time_point time);

// "2023-11-14", "2023-11-14T22:13:20", with optional fractions of a second and a "Z" or
// "+01:00" offset (none: UTC). Nothing when the text is not such a date.
std::optional<std::chrono::system_clock::time_point> parse_iso8601(std::string_view text);

}  // namespace fakezoom
