#include "fakezoom/client/response.hpp"

#include <catch2/catch.hpp>

using namespace fakezoom::client;

TEST_CASE("response headers are looked up case-insensitively", "[unit]") {
  Response response;
  response.headers = {{"Content-Type", "text/plain"}, {"X-RateLimit-Remaining", "3"}, {"x-ratelimit-remaining", "4"}};
  CHECK(response.header("content-type") == "text/plain");
  CHECK(response.header("X-RATELIMIT-REMAINING") == "3");
  CHECK_FALSE(response.header("Retry-After").has_value());
}

TEST_CASE("the header block starts with the status line, one header per line", "[unit]") {
  Response response;
  response.version = "HTTP/1.1";
  response.status = 404;
  response.reason = "Not Found";
  response.headers = {{"Content-Length", "0"}, {"Content-Type", "text/plain"}};
  CHECK(format_header_block(response) == "HTTP/1.1 404 Not Found\nContent-Length: 0\nContent-Type: text/plain\n");
}
