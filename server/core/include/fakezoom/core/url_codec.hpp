// Percent-decoding of request targets. Invalid escapes are kept as sent, never rejected:
// the journal must show what came in.
#pragma once

#include <string>
#include <string_view>

#include "fakezoom/core/http_message.hpp"

namespace fakezoom {

std::string percent_decode(std::string_view text, bool plus_as_space);
// "type=zak&ttl=1&a=%2B" -> {{"type","zak"},{"ttl","1"},{"a","+"}}, order and repeats kept.
QueryParams decode_query(std::string_view query);

}  // namespace fakezoom
