// Small questions about text that several parts ask, answered once.
#pragma once

#include <cstddef>
#include <string_view>

namespace fakezoom {

bool all_digits(std::string_view text);  // non-empty, and '0' to '9' only
bool blank(std::string_view text);       // empty, or whitespace only
// Levenshtein's: the fewest one-character edits from one to the other (for "did you mean").
std::size_t edit_distance(std::string_view a, std::string_view b);

}  // namespace fakezoom
