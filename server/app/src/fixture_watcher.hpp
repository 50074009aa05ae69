// `--watch`: polls the fixture files from a thread of its own and reports a change. Internal
// to fakezoom::http.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <tuple>
#include <vector>

namespace fakezoom::app {

// What the fixture paths hold now: every file (folders listed afresh, so a new or removed file
// counts) with its size and modification time.
using FileSignature = std::vector<std::tuple<std::string, std::int64_t, std::int64_t>>;
FileSignature file_signature(const std::vector<std::string>& paths);

class FixtureWatcher {
public:
  // Compares with `initial` (taken before the fixtures serving now were read, so a change in
  // between is not missed) every `interval`, and calls `on_change` on its own thread when the
  // files differ. A change that goes on while `on_change` runs (a file still being written)
  // is looked at again on the next poll.
  FixtureWatcher(std::vector<std::string> paths, FileSignature initial, std::chrono::milliseconds interval,
                 std::function<void()> on_change);
  FixtureWatcher(const FixtureWatcher&) = delete;
  FixtureWatcher& operator=(const FixtureWatcher&) = delete;
  ~FixtureWatcher();  // stops within one poll's work, not one interval

private:
  void run();

  const std::vector<std::string> paths_;
  FileSignature seen_;
  const std::chrono::milliseconds interval_;
  const std::function<void()> on_change_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace fakezoom::app
