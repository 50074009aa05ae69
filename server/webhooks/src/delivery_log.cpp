#include "fakezoom/webhooks/delivery_log.hpp"

namespace fakezoom::webhooks {

std::string to_string(DeliveryOutcome outcome) {
  switch (outcome) {
    case DeliveryOutcome::delivered: return "delivered";
    case DeliveryOutcome::failed: return "failed";
    case DeliveryOutcome::dropped: return "dropped";
  }
  return "failed";
}

DeliveryLog::DeliveryLog(std::size_t capacity) : capacity_(capacity == 0 ? 1 : capacity) {}

void DeliveryLog::add(DeliveryRecord record) {
  {
    std::lock_guard lock(mutex_);
    switch (record.outcome) {
      case DeliveryOutcome::delivered: ++counts_.delivered; break;
      case DeliveryOutcome::failed: ++counts_.failed; break;
      case DeliveryOutcome::dropped: ++counts_.dropped; break;
    }
    records_.push_back(std::move(record));
    if (records_.size() > capacity_) records_.pop_front();
  }
  changed_.notify_all();
}

std::vector<DeliveryRecord> DeliveryLog::records(const std::string& event) const {
  std::lock_guard lock(mutex_);
  std::vector<DeliveryRecord> out;
  for (const auto& record : records_)
    if (event.empty() || record.event == event) out.push_back(record);
  return out;
}

DeliveryCounts DeliveryLog::counts() const {
  std::lock_guard lock(mutex_);
  return counts_;
}

std::size_t DeliveryLog::matching(const std::string& event) const {
  if (event.empty()) return records_.size();
  std::size_t n = 0;
  for (const auto& record : records_) n += record.event == event;
  return n;
}

std::vector<DeliveryRecord> DeliveryLog::wait_for(std::size_t count, std::chrono::milliseconds timeout,
                                                  const std::string& event) const {
  {
    std::unique_lock lock(mutex_);
    changed_.wait_for(lock, timeout, [&] { return matching(event) >= count; });
  }
  return records(event);
}

void DeliveryLog::clear() {
  std::lock_guard lock(mutex_);
  records_.clear();
  counts_ = {};
}

}  // namespace fakezoom::webhooks
