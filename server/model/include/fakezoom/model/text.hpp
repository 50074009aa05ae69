// Small questions about text that several parts ask, answered once.
#pragma once

#include <string_view>

namespace fakezoom {

bool all_digits(std::string_view text);  // non-empty, and '0' to '9' only
bool blank(std::string_view text);       // empty, or whitespace only

}  // namespace fakezoom
