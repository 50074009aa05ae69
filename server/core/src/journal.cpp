#include "fakezoom/core/journal.hpp"

namespace fakezoom {

void Journal::record(JournalEntry entry) {
  std::lock_guard lock(mutex_);
  entry.sequence = ++total_;
  if (capacity_ == 0) return;
  if (entries_.size() == capacity_) entries_.pop_front();
  entries_.push_back(std::move(entry));
}

std::vector<JournalEntry> Journal::entries() const {
  std::lock_guard lock(mutex_);
  return {entries_.begin(), entries_.end()};
}

std::size_t Journal::size() const {
  std::lock_guard lock(mutex_);
  return entries_.size();
}

std::uint64_t Journal::total() const {
  std::lock_guard lock(mutex_);
  return total_;
}

void Journal::clear() {
  std::lock_guard lock(mutex_);
  entries_.clear();
  total_ = 0;
}

}  // namespace fakezoom
