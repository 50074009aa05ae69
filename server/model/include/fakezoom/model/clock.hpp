// Time as Zoom's stateful rules see it (token expiry, rate-limit windows). Tests hand the
// server a ManualClock and move it instead of sleeping.
#pragma once

#include <atomic>
#include <chrono>
#include <memory>

namespace fakezoom {

class Clock {
public:
  using time_point = std::chrono::system_clock::time_point;
  virtual ~Clock() = default;
  virtual time_point now() const = 0;
};

class SystemClock final : public Clock {
public:
  time_point now() const override { return std::chrono::system_clock::now(); }
};

// Starts at a fixed instant (or the one given) and moves only when told; thread-safe.
class ManualClock final : public Clock {
public:
  explicit ManualClock(time_point start = time_point{std::chrono::seconds{1'767'225'600}})  // 2026-01-01
      : ticks_(start.time_since_epoch().count()) {}
  time_point now() const override { return time_point{time_point::duration{ticks_.load()}}; }
  void advance(std::chrono::system_clock::duration by) { ticks_ += by.count(); }
  void set(time_point to) { ticks_ = to.time_since_epoch().count(); }

private:
  std::atomic<time_point::duration::rep> ticks_;
};

inline std::shared_ptr<Clock> system_clock() { return std::make_shared<SystemClock>(); }

}  // namespace fakezoom
