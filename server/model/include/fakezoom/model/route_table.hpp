// Finds the route for a method and path. A trie over path segments: the cost of a lookup
// grows with the depth of the path, not with the number of routes.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "fakezoom/model/route.hpp"

namespace fakezoom {

struct RouteLookup {
  const Route* route = nullptr;  // set when method and path matched
  PathParams params;
  // Path matched but not the method: the methods it has, for 405 and `Allow`.
  std::vector<std::string> allowed_methods;
  // Nothing matched: the route that looks most like the request, for the 404's hint.
  const Route* closest = nullptr;
};

class RouteTable {
public:
  RouteTable();
  // Routes with the same method and template as an earlier one are shadowed: kept in
  // routes() (lint reports them) but never served.
  explicit RouteTable(std::vector<Route> routes);
  RouteTable(RouteTable&&) noexcept;
  RouteTable& operator=(RouteTable&&) noexcept;
  ~RouteTable();

  RouteLookup lookup(std::string_view method, std::string_view path) const;
  // Segments already split and decoded, so an id holding an encoded '/' stays one segment.
  RouteLookup lookup(std::string_view method, const std::vector<std::string_view>& segments) const;
  const std::vector<Route>& routes() const { return routes_; }
  const Route* find_by_id(std::string_view id) const;
  // Indices into routes() of routes an earlier route shadows.
  const std::vector<std::size_t>& shadowed() const { return shadowed_; }

private:
  struct Node;
  const Route* closest_route(std::string_view method, const std::vector<std::string_view>& path) const;

  std::vector<Route> routes_;
  std::vector<std::size_t> shadowed_;
  std::unique_ptr<Node> root_;
};

}  // namespace fakezoom
