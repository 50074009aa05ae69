// Zoom's delivery schedule (webhooks page, "Notification delivery" and "Revalidation"): a
// delivery answered 5xx, not answered (refused, timed out, closed) or answered too late is
// retried three times, 5, 20 and 60 minutes apart, then given up; 3xx and 4xx are not retried.
// Endpoints are validated again every 72 hours, and six failed revalidations in a row disable
// the subscription. `time_scale` shrinks every one of those times alike (0.001: the 5-minute
// retry comes 0.3 s later), for CLI users; tests move the injected clock instead.
#pragma once

#include <chrono>
#include <optional>
#include <vector>

#include "fakezoom/model/clock.hpp"
#include "fakezoom/webhooks/sender.hpp"

namespace fakezoom::webhooks {

struct RetryPolicy {
  std::vector<std::chrono::minutes> delays{std::chrono::minutes(5), std::chrono::minutes(20), std::chrono::minutes(60)};
  std::chrono::hours revalidate_every{72};
  int disable_after = 6;  // failed revalidations in a row
  double time_scale = 1.0;

  // Whether a failed attempt is tried again: no answer, a 5xx, or a 2xx that came too late
  // (Zoom's read timeout).
  bool retryable(const SendResult& result) const {
    return result.status == 0 || result.status >= 500 || (result.status >= 200 && result.status < 300);
  }
  // How long after attempt `attempt` (1: the first) the next one comes; nothing after the last.
  std::optional<std::chrono::system_clock::duration> delay_after(int attempt) const;
  std::chrono::system_clock::duration revalidation_interval() const;
};

}  // namespace fakezoom::webhooks
