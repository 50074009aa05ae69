#include "fakezoom/zoom/fixture_set.hpp"

namespace fakezoom {

std::size_t FixtureSet::example_count() const {
  std::size_t n = 0;
  for (const auto& route : routes.routes()) n += route.examples.size();
  return n;
}

std::string FixtureSet::base_path() const {
  return routes.routes().empty() ? std::string() : routes.routes().front().base_path;
}

}  // namespace fakezoom
