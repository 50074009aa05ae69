// Zoom's `next_page_token`: opaque to callers, here a cursor (the last record's position in a
// list and the page's number) with a keyed checksum over the list it belongs to, so that an
// edited token, or one from another list, is refused with Zoom's code 300.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace fakezoom {

struct PageCursor {
  std::uint64_t after = 0;       // the last record returned, by its position in the list
  std::uint64_t page_number = 1;  // of the page this token asks for
};

class PageTokens {
public:
  explicit PageTokens(std::uint64_t seed);

  std::string issue(std::string_view list, PageCursor cursor) const;
  std::optional<PageCursor> read(std::string_view list, std::string_view token) const;

private:
  std::string mac(std::string_view list, std::uint64_t after, std::uint64_t page) const;
  std::string key_;
};

}  // namespace fakezoom
