#include "fakezoom/client/request.hpp"

#include <catch2/catch.hpp>

using namespace fakezoom::client;

TEST_CASE("a path from segments encodes each segment on its own", "[unit]") {
  CHECK(Path::from_segments({"users", "a+b@x.com", "token"}).encoded() == "/users/a%2Bb%40x.com/token");
  CHECK(Path::from_segments({"users", "a/b", "token"}).encoded() == "/users/a%2Fb/token");
  CHECK(Path::from_segments({}).encoded() == "/");
}

TEST_CASE("an already encoded path is taken as is, with a leading slash", "[unit]") {
  CHECK(Path::from_encoded("/users/a%40b.c/token").encoded() == "/users/a%40b.c/token");
  CHECK(Path::from_encoded("users/me").encoded() == "/users/me");
  CHECK(Path::from_encoded("").encoded() == "/");
}

TEST_CASE("the request target is prefix, path and query", "[unit]") {
  Request request;
  request.path = Path::from_segments({"users", "me", "token"});
  CHECK(request_target("/v2", request) == "/v2/users/me/token");

  request.query = {{"type", "zak"}, {"ttl", "1"}};
  CHECK(request_target("", request) == "/users/me/token?type=zak&ttl=1");

  SECTION("a query already in an encoded path is extended, not repeated") {
    request.path = Path::from_encoded("/users?page_size=1");
    CHECK(request_target("/v2", request) == "/v2/users?page_size=1&type=zak&ttl=1");
  }
}
