#include "fixture_watcher.hpp"

#include <filesystem>

#include "fakezoom/fixtures/loader.hpp"

namespace fakezoom::app {

namespace fs = std::filesystem;

FileSignature file_signature(const std::vector<std::string>& paths) {
  std::vector<Problem> problems;  // a missing path shows as a file of size -1
  FileSignature signature;
  for (const auto& file : fixture_files(paths, problems)) {
    std::error_code error;
    const auto size = fs::file_size(file, error);
    const auto time = fs::last_write_time(file, error);
    signature.emplace_back(file, error ? -1 : static_cast<std::int64_t>(size),
                           error ? 0 : static_cast<std::int64_t>(time.time_since_epoch().count()));
  }
  for (const auto& problem : problems) signature.emplace_back(problem.file, -1, 0);
  return signature;
}

FixtureWatcher::FixtureWatcher(std::vector<std::string> paths, FileSignature initial,
                               std::chrono::milliseconds interval, std::function<void()> on_change)
    : paths_(std::move(paths)), seen_(std::move(initial)), interval_(interval), on_change_(std::move(on_change)) {
  thread_ = std::thread([this] { run(); });
}

FixtureWatcher::~FixtureWatcher() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  thread_.join();
}

void FixtureWatcher::run() {
  std::unique_lock lock(mutex_);
  while (!wake_.wait_for(lock, interval_, [this] { return stopping_; })) {
    lock.unlock();
    const FileSignature before = file_signature(paths_);
    if (before != seen_) {
      on_change_();
      // Remembered only if nothing moved while it was read: a half-written file is read again.
      if (file_signature(paths_) == before) seen_ = before;
    }
    lock.lock();
  }
}

}  // namespace fakezoom::app
