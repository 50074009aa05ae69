// Invariant checks for the fuzz targets: a violation says which, then traps, so libFuzzer
// saves the input as a crash (like a sanitizer report) and the regression run fails.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <string_view>

#define FUZZ_CHECK(condition, what)                                                           \
  do {                                                                                        \
    if (!(condition)) {                                                                       \
      std::fprintf(stderr, "\n== fakezoom fuzz invariant violated: %s\n   check: %s\n   at %s:%d\n", \
                   what, #condition, __FILE__, __LINE__);                                     \
      __builtin_trap();                                                                       \
    }                                                                                         \
  } while (0)

namespace fakezoom::fuzz {

// Some checks find bugs that are known and not fixed yet (fuzz/README.md); while fuzzing they
// are left out, so a run explores past them. FAKEZOOM_FUZZ_STRICT=1 (what scripts/fuzz sets
// when it replays fuzz/regressions/) turns every check on.
inline bool strict() {
  static const bool on = [] {
    const char* value = std::getenv("FAKEZOOM_FUZZ_STRICT");
    return value && *value && *value != '0';
  }();
  return on;
}

inline bool valid_utf8(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    std::size_t extra = 0;
    unsigned min = 0, cp = 0;
    if (c < 0x80) {
      ++i;
      continue;
    }
    if ((c & 0xE0) == 0xC0) extra = 1, min = 0x80, cp = c & 0x1F;
    else if ((c & 0xF0) == 0xE0) extra = 2, min = 0x800, cp = c & 0x0F;
    else if ((c & 0xF8) == 0xF0) extra = 3, min = 0x10000, cp = c & 0x07;
    else return false;
    if (s.size() - i <= extra) return false;
    for (std::size_t k = 1; k <= extra; ++k) {
      const auto d = static_cast<unsigned char>(s[i + k]);
      if ((d & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (d & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
    i += extra + 1;
  }
  return true;
}

// What may never reach the wire in a header: it would end the header or the message early.
inline bool header_safe(std::string_view s) { return s.find_first_of(std::string_view("\r\n\0", 3)) == std::string_view::npos; }

}  // namespace fakezoom::fuzz
