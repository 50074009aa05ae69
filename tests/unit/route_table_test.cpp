#include <catch2/catch.hpp>

#include "fakezoom/model/route_table.hpp"

using namespace fakezoom;

namespace {

// "/v2/users/:userId/zak" -> a template; ':' marks a parameter as in Postman.
PathTemplate path_of(std::string_view text) {
  std::vector<PathSegment> segments;
  for (auto segment : split_path(text))
    segments.push_back(segment.front() == ':' ? PathSegment{std::string(segment.substr(1)), true}
                                              : PathSegment{std::string(segment), false});
  return PathTemplate(std::move(segments));
}

Route route(std::string method, std::string_view path, std::string name = "") {
  Route r;
  r.method = std::move(method);
  r.path = path_of(path);
  r.id = route_id(r.method, r.path);
  r.name = name.empty() ? r.id : std::move(name);
  return r;
}

std::string served_by(const RouteTable& table, std::string_view method, std::string_view path) {
  auto found = table.lookup(method, path);
  return found.route ? found.route->name : "(none)";
}

}  // namespace

TEST_CASE("a route is found by method and path with its parameters", "[unit][routing]") {
  RouteTable table({route("GET", "/v2/users/:userId/token"), route("GET", "/v2/meetings/:meetingId")});
  auto found = table.lookup("GET", "/v2/users/jchill@example.com/token");
  REQUIRE(found.route);
  CHECK(found.route->path.to_string() == "/v2/users/{userId}/token");
  CHECK(found.params == PathParams{{"userId", "jchill@example.com"}});
  CHECK(found.allowed_methods.empty());
  CHECK(found.closest == nullptr);
}

TEST_CASE("literal segments beat parameters", "[unit][routing]") {
  // Zoom documents both; `me` must reach its own route, any other id the parameter route.
  SECTION("whatever the order of definition") {
    const bool literal_first = GENERATE(true, false);
    INFO("literal route defined first: " << literal_first);
    std::vector<Route> defined{route("GET", "/v2/users/:userId/zak", "param")};
    defined.insert(literal_first ? defined.begin() : defined.end(), route("GET", "/v2/users/me/zak", "literal"));
    RouteTable table(std::move(defined));
    CHECK(served_by(table, "GET", "/v2/users/me/zak") == "literal");
    CHECK(served_by(table, "GET", "/v2/users/abc/zak") == "param");
    CHECK(table.lookup("GET", "/v2/users/abc/zak").params == PathParams{{"userId", "abc"}});
  }
  SECTION("a literal prefix that leads nowhere falls back to the parameter") {
    RouteTable table({route("GET", "/v2/users/me/zak", "literal"), route("GET", "/v2/users/:userId/token", "param")});
    CHECK(served_by(table, "GET", "/v2/users/me/token") == "param");
  }
  SECTION("a literal route without the method falls back to the parameter route that has it") {
    RouteTable table({route("GET", "/v2/users/me/zak", "literal"), route("DELETE", "/v2/users/:userId/zak", "param")});
    CHECK(served_by(table, "DELETE", "/v2/users/me/zak") == "param");
  }
}

TEST_CASE("a known path with another method lists the allowed methods", "[unit][routing]") {
  RouteTable table({route("GET", "/v2/users/:userId"), route("PATCH", "/v2/users/:userId"),
                    route("DELETE", "/v2/users/:userId")});
  auto found = table.lookup("PUT", "/v2/users/me");
  CHECK(found.route == nullptr);
  CHECK(found.allowed_methods == std::vector<std::string>{"DELETE", "GET", "PATCH"});
  CHECK(found.closest == nullptr);
}

TEST_CASE("the allowed methods include those a parameter route serves under a literal one",
          "[unit][routing]") {
  RouteTable table({route("POST", "/v2/users/me/zak"), route("GET", "/v2/users/:userId/zak")});
  REQUIRE(served_by(table, "GET", "/v2/users/me/zak") != "(none)");
  CHECK(table.lookup("PUT", "/v2/users/me/zak").allowed_methods == std::vector<std::string>{"GET", "POST"});
}

TEST_CASE("a path no route matches names the closest route", "[unit][routing]") {
  RouteTable table({route("GET", "/v2/meetings/:meetingId"), route("GET", "/v2/users/:userId/token"),
                    route("POST", "/v2/users")});
  SECTION("a misspelt last segment") {
    auto found = table.lookup("GET", "/v2/users/me/tokens");
    CHECK(found.route == nullptr);
    CHECK(found.allowed_methods.empty());
    REQUIRE(found.closest);
    CHECK(found.closest->path.to_string() == "/v2/users/{userId}/token");
  }
  SECTION("a missing prefix") {
    auto found = table.lookup("POST", "/users");
    REQUIRE(found.closest);
    CHECK(found.closest->path.to_string() == "/v2/users");
  }
  SECTION("an empty table has nothing to suggest") {
    RouteTable empty;
    auto found = empty.lookup("GET", "/v2/users");
    CHECK(found.route == nullptr);
    CHECK(found.closest == nullptr);
    CHECK(found.allowed_methods.empty());
  }
}

TEST_CASE("a route defined twice is shadowed by the first definition", "[unit][routing]") {
  RouteTable table({route("GET", "/v2/users/:userId", "first"), route("GET", "/v2/users/:id", "second"),
                    route("DELETE", "/v2/users/:userId", "other method")});
  CHECK(table.shadowed() == std::vector<std::size_t>{1});
  CHECK(table.routes().size() == 3);  // kept for lint
  CHECK(served_by(table, "GET", "/v2/users/me") == "first");
  CHECK(served_by(table, "DELETE", "/v2/users/me") == "other method");
}

TEST_CASE("a trailing slash reaches the same route", "[unit][routing]") {
  RouteTable table({route("GET", "/v2/users/:userId/token")});
  auto found = table.lookup("GET", "/v2/users/me/token/");
  REQUIRE(found.route);
  CHECK(found.params == PathParams{{"userId", "me"}});
}

TEST_CASE("routes are found by their id", "[unit][routing]") {
  RouteTable table({route("GET", "/v2/users/:userId/token"), route("POST", "/v2/users")});
  CHECK(route_id("GET", path_of("/v2/users/:userId/token")) == "get-v2-users-userId-token");
  REQUIRE(table.find_by_id("post-v2-users"));
  CHECK(table.find_by_id("post-v2-users")->method == "POST");
  CHECK(table.find_by_id("get-v2-nothing") == nullptr);
}

TEST_CASE("a route's id never takes the '.' of fakezoom's own rule ids, whatever its method", "[unit][routing]") {
  // A method is any token; "fakezoom.GET" once made ids that looked like fakezoom's rules'
  // (fuzz/regressions/fixture_loader/method-named-like-a-rule-id.json).
  CHECK(route_id("fakezoom.GET", path_of("/v2/users")) == "fakezoom_get-v2-users");
}
