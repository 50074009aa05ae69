#include "fakezoom/admin/near_miss.hpp"
#include "fakezoom/model/http_message.hpp"

#include <algorithm>
#include <cmath>

#include "fakezoom/model/choice.hpp"

namespace fakezoom {

namespace {

double path_distance(const Route& route, const std::vector<std::string_view>& path, std::vector<Difference>& out) {
  const auto& segments = route.path.segments();
  const std::size_t common = std::min(segments.size(), path.size());
  std::size_t wrong = 0;
  for (std::size_t i = 0; i < common; ++i) {
    if (segments[i].is_param || segments[i].text == path[i]) continue;
    ++wrong;
    out.push_back({"path segment " + std::to_string(i + 1), segments[i].text, std::string(path[i])});
  }
  const std::size_t longest = std::max(segments.size(), path.size());
  if (segments.size() != path.size()) {
    std::string actual;
    for (auto part : path) actual += "/" + std::string(part);
    out.push_back({"path", route.path.to_string() + " (" + std::to_string(segments.size()) + " segments)",
                   (actual.empty() ? "/" : actual) + " (" + std::to_string(path.size()) + " segments)"});
  }
  return longest == 0 ? 0.0 : static_cast<double>(wrong + (longest - common)) / static_cast<double>(longest);
}

// What the caller asked for (x-mock-response-*, Prefer, __code/__example) against each example.
const Example* closest_example(const Route& route, const ExplicitChoice& choice, double& distance,
                               std::vector<Difference>& out) {
  std::size_t best_misses = 4;
  const Example* best = nullptr;
  std::vector<Difference> best_differences;
  for (const auto& example : route.examples) {
    std::vector<Difference> differences;
    if (choice.code && example.status != *choice.code)
      differences.push_back({"example status", std::to_string(example.status), std::to_string(*choice.code)});
    if (choice.name && example.folded_name != *choice.name)
      differences.push_back({"example name", example.folded_name, *choice.name});
    if (choice.id && example.id != *choice.id) differences.push_back({"example id", example.id, *choice.id});
    if (differences.size() < best_misses) {
      best_misses = differences.size();
      best = &example;
      best_differences = std::move(differences);
    }
  }
  const std::size_t asked = (choice.code ? 1 : 0) + (choice.name ? 1 : 0) + (choice.id ? 1 : 0);
  distance = asked == 0 ? 0.0 : static_cast<double>(best_misses) / static_cast<double>(asked);
  out.insert(out.end(), best_differences.begin(), best_differences.end());
  return best;
}

NearMiss compare(const Route& route, const HttpRequest& request, const std::vector<std::string_view>& path) {
  NearMiss miss;
  miss.route = &route;
  const std::string method = request.method == "HEAD" ? "GET" : request.method;
  const double path_part = path_distance(route, path, miss.differences);
  const double method_part = route.method == method ? 0.0 : 1.0;
  if (method_part > 0) miss.differences.insert(miss.differences.begin(), {"method", route.method, request.method});

  QueryParams query = request.query;
  const ExplicitChoice choice = take_explicit_choice(request.headers, query);
  double example_part = 0;
  if (route.examples.empty()) {
    example_part = 1;
    miss.differences.push_back({"examples", "at least one documented example", "none"});
  } else if (!choice.malformed.empty()) {
    example_part = 1;
    miss.differences.push_back({"example asked for", "a readable choice", choice.malformed});
  } else if (choice.any()) {
    miss.example = closest_example(route, choice, example_part, miss.differences);
  } else {
    const auto params = route.path.match(path).value_or(PathParams{});
    auto selection = select_best(route, params, query);
    miss.example = selection ? selection->example : &route.examples.front();
  }
  miss.distance = 0.5 * path_part + 0.3 * method_part + 0.2 * example_part;
  miss.distance = std::round(miss.distance * 1000) / 1000;
  return miss;
}

}  // namespace

std::vector<NearMiss> near_misses(const FixtureSet& fixtures, const HttpRequest& request, std::size_t limit) {
  const auto& routes = fixtures.routes.routes();
  const auto& shadowed = fixtures.routes.shadowed();
  const auto path = split_path(request.path);
  std::vector<NearMiss> all;
  for (std::size_t i = 0; i < routes.size(); ++i)
    if (std::find(shadowed.begin(), shadowed.end(), i) == shadowed.end()) all.push_back(compare(routes[i], request, path));
  std::stable_sort(all.begin(), all.end(), [](const NearMiss& a, const NearMiss& b) { return a.distance < b.distance; });
  if (all.size() > limit) all.resize(limit);
  return all;
}

nlohmann::json to_json(const NearMiss& miss) {
  nlohmann::json differences = nlohmann::json::array();
  for (const auto& d : miss.differences)
    differences.push_back({{"field", d.field}, {"expected", d.expected}, {"actual", d.actual}});
  nlohmann::json mapping = {
      {"id", miss.example ? miss.example->id : miss.route->id},
      {"name", miss.example ? miss.example->folded_name : miss.route->name},
      {"request", {{"method", miss.route->method}, {"urlPathTemplate", miss.route->path.to_string()}}},
      {"metadata", {{"routeId", miss.route->id}}},
  };
  if (miss.example) mapping["response"] = {{"status", miss.example->status}};
  return {{"stubMapping", std::move(mapping)},
          {"matchResult", {{"distance", miss.distance}}},
          {"differences", std::move(differences)}};
}

}  // namespace fakezoom
