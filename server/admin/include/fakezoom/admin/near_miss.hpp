// For a request nothing answered as asked: the routes and examples that came closest, and
// what differed (`GET /__admin/requests/unmatched/near-misses`). A pure function.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "fakezoom/zoom/fixture_set.hpp"
#include "fakezoom/model/http_fwd.hpp"

namespace fakezoom {

struct Difference {
  std::string field;  // "method", "path", "path segment 3", "x-mock-response-code", ...
  std::string expected;
  std::string actual;
};

struct NearMiss {
  const Route* route = nullptr;
  const Example* example = nullptr;  // the example that would answer; null when the route has none
  double distance = 0;               // 0: nothing differs; 1: nothing alike
  std::vector<Difference> differences;
};

// The `limit` closest routes, nearest first (ties in the fixtures' order). Distance weighs the
// path most (0.5), then the method (0.3), then the example asked for (0.2).
std::vector<NearMiss> near_misses(const FixtureSet& fixtures, const HttpRequest& request, std::size_t limit = 3);

// {"stubMapping": {...}, "matchResult": {"distance": d}, "differences": [...]}
nlohmann::json to_json(const NearMiss& miss);

}  // namespace fakezoom
