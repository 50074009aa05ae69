// The request journal: what came in and what was answered, bounded, safe from many threads.
// It keeps each request compactly (a JournalRecord) and expands it into a JournalEntry only
// when read: a full journal of 10,000 seed requests takes about 3 MB, not 17 MB.
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "fakezoom/model/http_message.hpp"

namespace fakezoom {

struct PreparedAnswer;  // render.hpp

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

// What Engine::answer hands the journal: views, read before `Journal::record` returns.
struct AnsweredRequest {
  std::chrono::system_clock::time_point logged;
  const HttpRequest& request;
  bool redact = true;  // tokens out, unless the server keeps them (--journal-secrets)
  const HttpResponse& response;  // as it would have been sent, even when a fault broke it
  // The example's answer as rendered at load time, when `response` began as it: the entry then
  // shares it and keeps only what was added to it.
  const std::shared_ptr<const PreparedAnswer>& prepared;
  bool matched = false;
  std::string_view route_id;
  std::string_view example_id;
  std::string_view example_name;
  std::string_view reason;
  std::string_view fault;
  std::chrono::milliseconds delay{0};
  std::chrono::microseconds process_time{0};
};

// One entry as the journal keeps it: its strings packed into one buffer, and the answer shared
// with the example it came from. Immutable; copies share the buffer, so a snapshot of the whole
// journal costs a few hundred kilobytes.
class JournalRecord {
public:
  JournalRecord() = default;
  static JournalRecord pack(const AnsweredRequest& answered);
  static JournalRecord pack(const JournalEntry& entry);  // as given: nothing redacted

  std::uint64_t sequence() const { return sequence_; }
  std::chrono::system_clock::time_point logged() const { return logged_; }
  bool matched() const { return matched_; }
  HttpRequest request() const;  // as journaled
  JournalEntry entry() const;
  std::size_t packed_size() const { return packed_size_; }  // bytes held beyond the record itself

  // Where the journal packs a record, through a cursor: std::string's append checks capacity and
  // writes a terminator at every field (it was a fifth of the journal's instructions).
  class PackBuffer {
  public:
    // Room for `count` more bytes at the end; give back what was not written with `end_at`.
    char* extend(std::size_t count);
    void end_at(const char* end) { size_ = static_cast<std::size_t>(end - data_.get()); }
    void clear() { size_ = 0; }
    void release() { *this = PackBuffer(); }
    std::string_view view() const { return {data_.get(), size_}; }

  private:
    std::unique_ptr<char[]> data_;
    std::size_t size_ = 0;
    std::size_t capacity_ = 0;
  };

private:
  friend class Journal;  // numbers it, and places its bytes

  // All but the buffer: the packed bytes are left in `bytes`.
  static JournalRecord pack_fields(const AnsweredRequest& answered, PackBuffer& bytes);
  static std::shared_ptr<const char[]> copy_bytes(std::string_view bytes);  // a buffer of its own

  std::uint64_t sequence_ = 0;
  std::chrono::system_clock::time_point logged_;
  std::shared_ptr<const char[]> packed_;
  std::shared_ptr<const PreparedAnswer> answer_;  // null: the answer is packed too
  std::int64_t delay_ms_ = 0;
  std::int64_t process_us_ = 0;
  std::uint32_t packed_size_ = 0;
  int status_ = 0;
  bool matched_ = false;
  std::uint8_t shared_ids_ = 0;  // which of route id, example id and name `answer_` holds
};

class Journal {
public:
  static constexpr std::size_t kDefaultCapacity = 10000;

  explicit Journal(std::size_t capacity = kDefaultCapacity);
  ~Journal();
  Journal(const Journal&) = delete;
  Journal& operator=(const Journal&) = delete;

  // Capacity 0 switches the journal off; `total()` still counts, and nothing is copied.
  void record(const AnsweredRequest& answered);
  void record(JournalEntry entry);             // as given, for tests and tools
  std::vector<JournalEntry> entries() const;   // oldest first
  std::vector<JournalRecord> records() const;  // oldest first; a cheap snapshot
  std::vector<JournalRecord> newest(std::size_t count) const;  // newest first
  std::optional<JournalRecord> find(std::uint64_t sequence) const;
  std::size_t size() const;
  std::uint64_t total() const;  // recorded since start or the last clear(), dropped ones too
  void clear();
  std::size_t capacity() const { return capacity_; }

private:
  // Records are packed one after another into pages, not one allocation each: a request's
  // malloc and an evicted record's free cost a full journal about half of its overhead
  // (measured: 4-5% of throughput). A record shares its page (shared_ptr aliasing), so a page
  // is freed once its last record is evicted and no snapshot holds one; larger records get a
  // buffer of their own.
  static constexpr std::size_t kPageBytes = 64 * 1024;
  class Pages;  // journal.cpp
  static constexpr std::size_t kLargestPaged = kPageBytes / 8;

  std::shared_ptr<const char[]> place(std::string_view bytes);  // with mutex_ held
  void insert(JournalRecord record);
  void insert_locked(JournalRecord record, JournalRecord& evicted);
  const JournalRecord& at(std::size_t age) const { return ring_[(oldest_ + age) % ring_.size()]; }  // 0: oldest

  const std::size_t capacity_;
  mutable std::mutex mutex_;
  std::vector<JournalRecord> ring_;  // grows to capacity_, then the newest replaces the oldest
  std::size_t oldest_ = 0;
  std::uint64_t total_ = 0;
  std::shared_ptr<Pages> pages_;
  std::shared_ptr<char[]> page_;  // where the next record's bytes go
  std::size_t page_used_ = 0;
};

}  // namespace fakezoom
