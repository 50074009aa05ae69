// How an answer is to be delayed or broken. The most specific wins, separately for the delay
// and the fault: the request's own `x-mock-delay-ms` / `x-mock-fault` headers, then an
// override for the example that answered, then one for its route, then the global fixedDelay.
// A pure function; the HTTP adapter carries it out.
#pragma once

#include <chrono>
#include <optional>
#include <string_view>

#include "fakezoom/admin/fault.hpp"
#include "fakezoom/model/headers.hpp"
#include "fakezoom/model/input_problem.hpp"
#include "fakezoom/admin/overrides.hpp"
#include "fakezoom/admin/settings.hpp"

namespace fakezoom {

inline constexpr std::string_view kDelayHeader = "x-mock-delay-ms";
inline constexpr std::string_view kFaultHeader = "x-mock-fault";

struct Misbehaviour {
  std::chrono::milliseconds delay{0};  // at most kMaxDelay
  std::optional<Fault> fault;
};

// A header that cannot be read (x-mock-delay-ms: soon, x-mock-fault: BROKEN) is a problem
// naming the header. A delay header above kMaxDelay is capped, not refused.
Checked<Misbehaviour> misbehaviour_for(const Headers& headers, std::string_view route_id,
                                       std::string_view example_id, const Overrides& overrides,
                                       const Settings& settings);

}  // namespace fakezoom
