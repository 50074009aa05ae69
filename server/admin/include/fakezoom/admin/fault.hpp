// Faults and delays a request can ask for: WireMock's fault names, and the cap on any delay.
#pragma once

#include <chrono>
#include <optional>
#include <string_view>

namespace fakezoom {

enum class Fault {
  empty_response,            // the connection closes without a byte of answer
  malformed_response_chunk,  // a 200 status line and chunked headers, then garbage, then close
  random_data_then_close,    // garbage that is not HTTP, then close
  connection_reset_by_peer,  // a TCP RST instead of an answer
};

std::string_view fault_name(Fault fault);  // "EMPTY_RESPONSE"
std::optional<Fault> parse_fault(std::string_view name);  // WireMock's exact names only
inline constexpr std::string_view kFaultNames =
    "EMPTY_RESPONSE, MALFORMED_RESPONSE_CHUNK, RANDOM_DATA_THEN_CLOSE or CONNECTION_RESET_BY_PEER";

// No delay lasts longer: a forgotten header or setting must not hang a test suite for hours,
// and a delayed answer holds one of the server's threads for its whole length.
inline constexpr std::chrono::milliseconds kMaxDelay{60'000};

}  // namespace fakezoom
