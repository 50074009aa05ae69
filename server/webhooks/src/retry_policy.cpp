#include "fakezoom/webhooks/retry_policy.hpp"

namespace fakezoom::webhooks {

namespace {
std::chrono::system_clock::duration scaled(std::chrono::system_clock::duration d, double scale) {
  return std::chrono::duration_cast<std::chrono::system_clock::duration>(std::chrono::duration<double, std::chrono::system_clock::period>(d.count() * scale));
}
}  // namespace

std::optional<std::chrono::system_clock::duration> RetryPolicy::delay_after(int attempt) const {
  if (attempt < 1 || attempt > static_cast<int>(delays.size())) return std::nullopt;
  return scaled(delays[attempt - 1], time_scale);
}

std::chrono::system_clock::duration RetryPolicy::revalidation_interval() const { return scaled(revalidate_every, time_scale); }

}  // namespace fakezoom::webhooks
