#include "fakezoom/journal/journal.hpp"

#include <sys/mman.h>

#include <algorithm>
#include <cstring>
#include <new>
#include <utility>

namespace fakezoom {

void Journal::record(const AnsweredRequest& answered) {
  if (capacity_ == 0) {
    std::lock_guard lock(mutex_);
    ++total_;
    return;
  }
  thread_local JournalRecord::PackBuffer bytes;  // reused: packing allocates nothing once grown
  JournalRecord record = JournalRecord::pack_fields(answered, bytes);  // before the lock is taken
  if (bytes.view().size() > kLargestPaged) {
    record.packed_ = JournalRecord::copy_bytes(bytes.view());
    bytes.release();  // a thread that once journaled a 50 MB body must not keep 50 MB
    return insert(std::move(record));
  }
  JournalRecord evicted;  // freed after the lock is released
  std::lock_guard lock(mutex_);
  record.packed_ = place(bytes.view());
  insert_locked(std::move(record), evicted);
}

void Journal::record(JournalEntry entry) { insert(JournalRecord::pack(entry)); }

// Pages come from mmap, not malloc: from malloc, a page freed into one thread's arena and
// needed in another's left every arena holding spare pages (peak RSS of a full journal: 14.8
// MB became 19.8 MB). A few spare pages are kept for reuse, as a fresh mapping costs 16 page
// faults. The pages' deleters share the pool: they run on whichever thread drops a page's
// last record, perhaps after the journal is gone (a snapshot may outlive it).
class Journal::Pages {
public:
  explicit Pages(std::size_t bytes) : bytes_(bytes) {}
  ~Pages() {
    for (char* page : spare_) ::munmap(page, bytes_);
  }
  Pages(const Pages&) = delete;
  Pages& operator=(const Pages&) = delete;

  static std::shared_ptr<char[]> take(const std::shared_ptr<Pages>& pool) {
    char* page = pool->reuse();
    if (!page) {
      void* mapped = ::mmap(nullptr, pool->bytes_, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
      if (mapped == MAP_FAILED) throw std::bad_alloc();
      page = static_cast<char*>(mapped);
    }
    return std::shared_ptr<char[]>(page, [pool](char* p) { pool->give_back(p); });
  }

private:
  static constexpr std::size_t kSpare = 4;

  char* reuse() {
    std::lock_guard lock(mutex_);
    if (spare_.empty()) return nullptr;
    char* page = spare_.back();
    spare_.pop_back();
    return page;
  }
  void give_back(char* page) {
    {
      std::lock_guard lock(mutex_);
      if (spare_.size() < kSpare) return spare_.push_back(page);
    }
    ::munmap(page, bytes_);
  }

  const std::size_t bytes_;
  std::mutex mutex_;
  std::vector<char*> spare_;
};

Journal::Journal(std::size_t capacity) : capacity_(capacity), pages_(std::make_shared<Pages>(kPageBytes)) {}
Journal::~Journal() = default;

std::shared_ptr<const char[]> Journal::place(std::string_view bytes) {
  if (!page_ || page_used_ + bytes.size() > kPageBytes) {
    page_ = Pages::take(pages_);  // once per ~250 seed requests
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
