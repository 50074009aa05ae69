#include <catch2/catch.hpp>

#include "fakezoom/zoom/access.hpp"
#include "fakezoom/engine/engine.hpp"
#include "unit_support.hpp"

using namespace fakezoom;
using namespace fakezoom::test;

namespace {

Route route_with_scopes(std::vector<std::string> scopes) {
  Route route;
  route.scopes = std::move(scopes);
  return route;
}

CallerAuth strict_caller(TokenStatus::State state, std::vector<std::string> scopes = {}, int status = 401) {
  CallerAuth caller;
  caller.options = {AuthMode::strict, status};
  caller.token.state = state;
  if (state != TokenStatus::State::unknown) caller.token.grant = Grant{"acct", "client", std::move(scopes), {}};
  return caller;
}

}  // namespace

TEST_CASE("auth mode any lets every bearer token through", "[unit][oauth]") {
  CallerAuth caller;  // any, nothing looked up
  CHECK_FALSE(deny_access(route_with_scopes({"user:read:admin"}), caller));
}

TEST_CASE("auth mode strict answers code 124 for unknown and expired tokens", "[unit][oauth]") {
  const auto route = route_with_scopes({});
  SECTION("unknown") {
    auto denied = deny_access(route, strict_caller(TokenStatus::State::unknown));
    REQUIRE(denied);
    CHECK(denied->response.status == 401);
    CHECK(body_json(denied->response) == json{{"code", 124}, {"message", "Invalid access token."}});
  }
  SECTION("expired") {
    auto denied = deny_access(route, strict_caller(TokenStatus::State::expired));
    REQUIRE(denied);
    CHECK(denied->response.status == 401);
    CHECK(body_json(denied->response) == json{{"code", 124}, {"message", "Access token is expired."}});
  }
  SECTION("expired, with the spec's 400") {
    auto denied = deny_access(route, strict_caller(TokenStatus::State::expired, {}, 400));
    REQUIRE(denied);
    CHECK(denied->response.status == 400);
    CHECK(body_json(denied->response)["code"] == 124);
  }
}

TEST_CASE("auth mode strict needs one of the route's scopes", "[unit][oauth]") {
  const auto route = route_with_scopes({"user:read:admin", "user:read"});
  SECTION("one of them is enough") {
    CHECK_FALSE(deny_access(route, strict_caller(TokenStatus::State::valid, {"meeting:read", "user:read"})));
  }
  SECTION("none of them gets 400 code 4711 listing the route's scopes") {
    auto denied = deny_access(route, strict_caller(TokenStatus::State::valid, {"meeting:read:admin"}));
    REQUIRE(denied);
    CHECK(denied->response.status == 400);
    CHECK(body_json(denied->response) ==
          json{{"code", 4711}, {"message", "Invalid access token, does not contain scopes:[user:read:admin, user:read]."}});
    CHECK(denied->id == "fakezoom.auth.missing-scopes");
  }
  SECTION("a route without documented scopes takes any valid token") {
    CHECK_FALSE(deny_access(route_with_scopes({}), strict_caller(TokenStatus::State::valid)));
  }
}

TEST_CASE("the bearer token is read from the Authorization header", "[unit][oauth]") {
  CHECK(bearer_token(Headers{{"Authorization", "Bearer abc"}}) == std::optional<std::string>("abc"));
  CHECK(bearer_token(Headers{{"Authorization", "bearer  abc "}}) == std::optional<std::string>("abc"));
  CHECK_FALSE(bearer_token(Headers{{"Authorization", "Basic abc"}}));
  CHECK_FALSE(bearer_token(Headers{{"Authorization", "Bearer "}}));
  CHECK_FALSE(bearer_token(Headers{}));
}

namespace {

void check_400_code_124(HttpRequest request) {
  CallerAuth caller;
  caller.options = {AuthMode::strict, 400};  // a token is unknown: fakezoom issued none here
  const auto outcome = respond(shipped_fixtures(), request, BodyMode::zoom, caller);
  CHECK(outcome.response.status == 400);
  CHECK(body_json(outcome.response)["code"] == 124);
}

}  // namespace

TEST_CASE("with invalid_token_status 400 every code 124 answer is a 400", "[unit][oauth]") {
  auto request = zoom_request("GET", "/v2/users/me/token", {{"type", "zak"}});
  SECTION("an unknown token") { check_400_code_124(request); }
  SECTION("no token") {
    request.headers.remove("Authorization");
    check_400_code_124(request);
  }
  SECTION("a token in the query string") {
    request.query.emplace_back("access_token", "x");
    check_400_code_124(request);
  }
}
