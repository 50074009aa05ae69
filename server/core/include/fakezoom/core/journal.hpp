// The request journal: what came in and what was answered, bounded, safe from many threads.
#pragma once

#include <chrono>
#include <cstdint>
#include <deque>
#include <mutex>
#include <string>
#include <vector>

#include "fakezoom/core/http_message.hpp"

namespace fakezoom {

struct JournalEntry {
  std::uint64_t sequence = 0;  // 1, 2, ... in arrival order; set by the journal
  std::chrono::system_clock::time_point logged;
  HttpRequest request;  // secrets redacted unless the server was told to keep them
  int status = 0;
  Headers response_headers;  // the answer as it would have been sent, even when a fault broke it
  std::string response_body;
  bool matched = false;
  std::string route_id;
  std::string example_id;
  std::string example_name;
  std::string reason;
  std::string fault;                   // WireMock's fault name when the answer was broken on purpose
  std::chrono::milliseconds delay{0};  // added before answering
  std::chrono::microseconds process_time{0};
};

class Journal {
public:
  static constexpr std::size_t kDefaultCapacity = 10000;

  explicit Journal(std::size_t capacity = kDefaultCapacity) : capacity_(capacity) {}

  // Capacity 0 switches the journal off; `total()` still counts.
  void record(JournalEntry entry);
  std::vector<JournalEntry> entries() const;  // oldest first
  std::size_t size() const;
  std::uint64_t total() const;  // recorded since start or the last clear(), dropped ones too
  void clear();
  std::size_t capacity() const { return capacity_; }

private:
  const std::size_t capacity_;
  mutable std::mutex mutex_;
  std::deque<JournalEntry> entries_;
  std::uint64_t total_ = 0;
};

}  // namespace fakezoom
