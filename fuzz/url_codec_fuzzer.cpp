// Fuzzes the server's percent-decoding and query parsing (what every request target goes
// through), and checks them against the client's encoders: what the client encodes, the
// server decodes back to exactly what was meant.
#include <cstdint>
#include <string>
#include <string_view>

#include "fakezoom/client/url_encoding.hpp"
#include "fakezoom/model/url_codec.hpp"
#include "fuzz_support.hpp"

using namespace fakezoom;

namespace {

std::size_t count(std::string_view text, char c) {
  std::size_t n = 0;
  for (char x : text) n += x == c;
  return n;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);

  // Decoding never grows a text, and leaves one without escapes as it is.
  for (const bool plus_as_space : {false, true}) {
    const std::string decoded = percent_decode(input, plus_as_space);
    FUZZ_CHECK(decoded.size() <= input.size(), "percent_decode grew its input");
    FUZZ_CHECK(decoded.size() + 2 * count(input, '%') >= input.size(), "percent_decode dropped more than escapes");
    if (input.find('%') == std::string_view::npos && (!plus_as_space || input.find('+') == std::string_view::npos))
      FUZZ_CHECK(decoded == input, "percent_decode changed a text without escapes");
  }

  const QueryParams query = decode_query(input);
  FUZZ_CHECK(query.size() <= count(input, '&') + 1, "decode_query made more pairs than there are '&'");
  std::size_t total = 0;
  for (const auto& [key, value] : query) total += key.size() + value.size();
  FUZZ_CHECK(total <= input.size(), "decode_query made more text than it read");

  // The input split in two at its first NUL (or its middle): a key and a value, a path segment.
  const auto nul = input.find('\0');
  const std::string_view key = input.substr(0, nul == std::string_view::npos ? size / 2 : nul);
  const std::string_view value = nul == std::string_view::npos ? input.substr(size / 2) : input.substr(nul + 1);

  const std::string segment = client::percent_encode_path_segment(key);
  FUZZ_CHECK(segment.find_first_of("/?#&+ ") == std::string::npos, "an encoded path segment holds a delimiter");
  FUZZ_CHECK(segment != "." && segment != "..", "an encoded path segment is a dot segment");
  FUZZ_CHECK(percent_decode(segment, false) == key, "the server does not decode a client-encoded path segment back");

  const client::QueryParams sent{{std::string(key), std::string(value)}, {"type", "zak"}};
  const std::string encoded = client::encode_query_string(sent);
  const QueryParams received = decode_query(encoded);
  FUZZ_CHECK(received.size() == sent.size(), "a client-encoded query decodes to another number of pairs");
  for (std::size_t i = 0; i < sent.size() && i < received.size(); ++i)
    FUZZ_CHECK(received[i] == sent[i], "the server does not decode a client-encoded query pair back");
  return 0;
}
