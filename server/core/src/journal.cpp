#include "fakezoom/core/journal.hpp"

#include <algorithm>
#include <cstring>
#include <utility>

namespace fakezoom {

void Journal::record(const AnsweredRequest& answered) {
  if (capacity_ == 0) {
    std::lock_guard lock(mutex_);
    ++total_;
    return;
  }
  thread_local std::string bytes;  // reused: packing allocates nothing once it has grown
  JournalRecord record = JournalRecord::pack_fields(answered, bytes);  // before the lock is taken
  if (bytes.size() > kLargestPaged) {
    record.packed_ = JournalRecord::copy_bytes(bytes);
    return insert(std::move(record));
  }
  JournalRecord evicted;  // freed after the lock is released
  std::lock_guard lock(mutex_);
  record.packed_ = place(bytes);
  insert_locked(std::move(record), evicted);
}

void Journal::record(JournalEntry entry) { insert(JournalRecord::pack(entry)); }

std::shared_ptr<const char[]> Journal::place(std::string_view bytes) {
  if (!page_ || page_used_ + bytes.size() > kPageBytes) {
    page_ = std::make_shared_for_overwrite<char[]>(kPageBytes);  // once per ~250 seed requests
    page_used_ = 0;
  }
  char* at = page_.get() + page_used_;
  std::memcpy(at, bytes.data(), bytes.size());
  page_used_ += bytes.size();
  return std::shared_ptr<const char[]>(page_, at);
}

void Journal::insert(JournalRecord record) {
  JournalRecord evicted;  // freed after the lock is released
  std::lock_guard lock(mutex_);
  insert_locked(std::move(record), evicted);
}

void Journal::insert_locked(JournalRecord record, JournalRecord& evicted) {
  record.sequence_ = ++total_;
  if (capacity_ == 0) return;
  if (ring_.size() < capacity_) {
    // Grown by hand so that a full journal holds no spare slots.
    if (ring_.size() == ring_.capacity())
      ring_.reserve(std::min(capacity_, std::max<std::size_t>(64, ring_.capacity() * 2)));
    ring_.push_back(std::move(record));
  } else {
    evicted = std::exchange(ring_[oldest_], std::move(record));
    oldest_ = (oldest_ + 1) % ring_.size();
  }
}

std::vector<JournalEntry> Journal::entries() const {
  std::vector<JournalEntry> out;
  for (const auto& record : records()) out.push_back(record.entry());
  return out;
}

std::vector<JournalRecord> Journal::records() const {
  std::lock_guard lock(mutex_);
  std::vector<JournalRecord> out;
  out.reserve(ring_.size());
  for (std::size_t age = 0; age < ring_.size(); ++age) out.push_back(at(age));
  return out;
}

std::vector<JournalRecord> Journal::newest(std::size_t count) const {
  std::lock_guard lock(mutex_);
  std::vector<JournalRecord> out;
  out.reserve(std::min(count, ring_.size()));
  for (std::size_t n = 0; n < ring_.size() && n < count; ++n) out.push_back(at(ring_.size() - 1 - n));
  return out;
}

// Sequence numbers in the journal are consecutive: the newest is total().
std::optional<JournalRecord> Journal::find(std::uint64_t sequence) const {
  std::lock_guard lock(mutex_);
  if (ring_.empty()) return std::nullopt;
  const std::uint64_t first = at(0).sequence_;
  if (sequence < first || sequence - first >= ring_.size()) return std::nullopt;
  return at(static_cast<std::size_t>(sequence - first));
}

std::size_t Journal::size() const {
  std::lock_guard lock(mutex_);
  return ring_.size();
}

std::uint64_t Journal::total() const {
  std::lock_guard lock(mutex_);
  return total_;
}

void Journal::clear() {
  std::vector<JournalRecord> cleared;  // freed after the lock is released
  std::shared_ptr<char[]> page;
  std::lock_guard lock(mutex_);
  cleared.swap(ring_);
  page.swap(page_);
  page_used_ = 0;
  oldest_ = 0;
  total_ = 0;
}

}  // namespace fakezoom
