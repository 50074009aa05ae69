#include "fakezoom/model/route_table.hpp"

#include <algorithm>

#include "fakezoom/model/choice.hpp"
#include "fakezoom/model/render.hpp"

namespace fakezoom {

struct RouteTable::Node {
  std::unordered_map<std::string, std::unique_ptr<Node>> literals;
  std::unique_ptr<Node> param;
  std::vector<std::size_t> routes;  // routes ending here, one per method
};

RouteTable::RouteTable() = default;
RouteTable::RouteTable(RouteTable&&) noexcept = default;
RouteTable& RouteTable::operator=(RouteTable&&) noexcept = default;
RouteTable::~RouteTable() = default;

RouteTable::RouteTable(std::vector<Route> routes)
    : routes_(std::move(routes)), root_(std::make_unique<Node>()) {
  // What answering would otherwise derive anew for every request.
  for (auto& route : routes_)
    for (auto& example : route.examples) {
      example.preference = example_preference(example);
      prepare_answers(route.id, example);
    }
  for (std::size_t i = 0; i < routes_.size(); ++i) {
    Node* node = root_.get();
    for (const auto& segment : routes_[i].path.segments()) {
      auto& next = segment.is_param ? node->param : node->literals[segment.text];
      if (!next) next = std::make_unique<Node>();
      node = next.get();
    }
    const bool taken = std::any_of(node->routes.begin(), node->routes.end(),
                                   [&](std::size_t j) { return routes_[j].method == routes_[i].method; });
    if (taken)
      shadowed_.push_back(i);
    else
      node->routes.push_back(i);
  }
}

namespace {

// Depth first, literal before parameter, so `/users/me/zak` wins over `/users/:userId/zak`
// while `/users/abc/zak` still reaches the parameter route.
template <typename Node, typename Visit>
bool walk(const Node& node, const std::vector<std::string_view>& path, std::size_t depth, Visit& visit) {
  if (depth == path.size()) return !node.routes.empty() && visit(node);
  auto literal = node.literals.find(std::string(path[depth]));
  if (literal != node.literals.end() && walk(*literal->second, path, depth + 1, visit)) return true;
  return node.param && walk(*node.param, path, depth + 1, visit);
}

}  // namespace

RouteLookup RouteTable::lookup(std::string_view method, std::string_view path) const {
  return lookup(method, split_path(path));
}

RouteLookup RouteTable::lookup(std::string_view method, const std::vector<std::string_view>& segments) const {
  RouteLookup result;
  if (!root_) return result;
  // A miss walks every route the path fits, so `Allow` lists them all (literal and parameter).
  std::vector<std::string> fitting_methods;
  auto visit = [&](const Node& node) {
    for (std::size_t i : node.routes) {
      if (routes_[i].method == method) {
        result.route = &routes_[i];
        return true;
      }
      fitting_methods.push_back(routes_[i].method);
    }
    return false;
  };
  walk(*root_, segments, 0, visit);
  if (result.route) {
    result.params = result.route->path.match(segments).value_or(PathParams{});
  } else if (!fitting_methods.empty()) {
    std::sort(fitting_methods.begin(), fitting_methods.end());
    fitting_methods.erase(std::unique(fitting_methods.begin(), fitting_methods.end()), fitting_methods.end());
    result.allowed_methods = std::move(fitting_methods);
  } else {
    result.closest = closest_route(method, segments);
  }
  return result;
}

const Route* RouteTable::find_by_id(std::string_view id) const {
  for (const auto& route : routes_)
    if (route.id == id) return &route;
  return nullptr;
}

// Only runs for unmatched requests, so a linear scan is fine here.
const Route* RouteTable::closest_route(std::string_view method,
                                       const std::vector<std::string_view>& path) const {
  const Route* best = nullptr;
  long best_score = 0;
  for (const auto& route : routes_) {
    const auto& segments = route.path.segments();
    long score = 0;
    for (std::size_t i = 0; i < std::min(segments.size(), path.size()); ++i) {
      if (!segments[i].is_param && segments[i].text == path[i])
        score += 4;
      else if (segments[i].is_param)
        score += 1;
    }
    score -= 3 * static_cast<long>(std::max(segments.size(), path.size()) - std::min(segments.size(), path.size()));
    if (route.method == method) score += 1;
    if (!best || score > best_score) {
      best = &route;
      best_score = score;
    }
  }
  return best;
}

}  // namespace fakezoom
