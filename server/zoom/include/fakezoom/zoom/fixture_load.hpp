// Loading fixtures afresh, as the engine sees it: a function that returns a new set or the
// problems that stopped it, and the report of a reload. The application part reads the files.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <vector>

#include "fakezoom/model/problem.hpp"
#include "fakezoom/zoom/fixture_set.hpp"

namespace fakezoom {

// Reloading reads files, which the pure parts do not do: whoever builds the engine (the
// application part, server/app) hands it a loader that reads the fixtures afresh with the paths and options it
// started with. Exactly one of `fixtures` and `problems` is set.
struct FixtureLoad {
  std::shared_ptr<const FixtureSet> fixtures;
  std::vector<Problem> problems;
};
using FixtureLoader = std::function<FixtureLoad()>;

struct ReloadReport {
  bool ok = false;
  bool available = true;         // false: the engine has no loader (fixtures given as values)
  std::uint64_t generation = 0;  // the fixtures serving after the attempt (1 at start-up)
  std::vector<Problem> problems;
  std::chrono::system_clock::time_point at;
};

}  // namespace fakezoom
