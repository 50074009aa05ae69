// Every delivery attempt and what came of it, for GET /__admin/webhooks/deliveries and
// server.webhooks(): a test waits on it (wait_for) instead of sleeping. Thread-safe.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <mutex>
#include <string>
#include <vector>

namespace fakezoom::webhooks {

enum class DeliveryOutcome { delivered, failed, dropped };
std::string to_string(DeliveryOutcome outcome);

struct DeliveryRecord {
  std::string event;
  std::string url;
  std::string tracking_id;
  std::string request_id;  // "" for a delivery dropped before it was sent
  DeliveryOutcome outcome = DeliveryOutcome::failed;
  int status = 0;           // the receiver's HTTP status; 0 without an answer
  std::string error;        // why it failed or was dropped; "" when delivered
  std::chrono::milliseconds duration{0};
  std::int64_t sent_at = 0;  // Unix seconds by the injected clock (x-zm-request-timestamp)
  int attempt = 1;           // 1 the first, 2 to 4 Zoom's retries
  std::int64_t retry_at = 0;  // when a failed attempt is tried again, Unix seconds; 0: it is not
};

struct DeliveryCounts {
  std::size_t delivered = 0;
  std::size_t failed = 0;
  std::size_t dropped = 0;
};

class DeliveryLog {
public:
  // Keeps the newest `capacity` records; the counts cover every one ever added.
  explicit DeliveryLog(std::size_t capacity = 10000);

  void add(DeliveryRecord record);
  // Oldest first; `event` empty: every event.
  std::vector<DeliveryRecord> records(const std::string& event = "") const;
  DeliveryCounts counts() const;
  // Blocks until at least `count` records (of `event`, when given) are in the log or `timeout`
  // passes; returns them either way. Waits on a condition, never polls.
  std::vector<DeliveryRecord> wait_for(std::size_t count, std::chrono::milliseconds timeout,
                                       const std::string& event = "") const;
  void clear();

private:
  std::size_t matching(const std::string& event) const;  // lock held
  std::size_t capacity_;
  mutable std::mutex mutex_;
  mutable std::condition_variable changed_;
  std::deque<DeliveryRecord> records_;
  DeliveryCounts counts_;
};

}  // namespace fakezoom::webhooks
