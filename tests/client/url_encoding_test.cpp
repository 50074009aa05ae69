#include "fakezoom/client/url_encoding.hpp"

#include <catch2/catch.hpp>

using namespace fakezoom::client;

TEST_CASE("a path segment percent-encodes everything but unreserved characters", "[unit]") {
  CHECK(percent_encode_path_segment("a+b@x.com") == "a%2Bb%40x.com");
  CHECK(percent_encode_path_segment("quis officia in") == "quis%20officia%20in");
  CHECK(percent_encode_path_segment("a/b?c#d%e") == "a%2Fb%3Fc%23d%25e");
  CHECK(percent_encode_path_segment("AZaz09-._~") == "AZaz09-._~");
  CHECK(percent_encode_path_segment("me") == "me");
}

TEST_CASE("a path segment encodes non-ASCII as upper-case UTF-8 bytes", "[unit]") {
  CHECK(percent_encode_path_segment("jos\xC3\xA9@x.com") == "jos%C3%A9%40x.com");
}

TEST_CASE("dot segments are encoded so a user id cannot climb out of its path", "[unit]") {
  CHECK(percent_encode_path_segment(".") == "%2E");
  CHECK(percent_encode_path_segment("..") == "%2E%2E");
  CHECK(percent_encode_path_segment("...") == "...");
}

TEST_CASE("a query value encodes plus, space, ampersand, equals and non-ASCII", "[unit]") {
  CHECK(percent_encode_query_component("a+b") == "a%2Bb");
  CHECK(percent_encode_query_component("a b") == "a%20b");
  CHECK(percent_encode_query_component("a&b=c") == "a%26b%3Dc");
  CHECK(percent_encode_query_component("\xE2\x80\x9Cq\xE2\x80\x9D") == "%E2%80%9Cq%E2%80%9D");
  CHECK(percent_encode_query_component("zak") == "zak");
}

TEST_CASE("a query string keeps the given order and repeats", "[unit]") {
  CHECK(encode_query_string({{"type", "zak"}, {"ttl", "68423085"}}) == "type=zak&ttl=68423085");
  CHECK(encode_query_string({{"b", "1"}, {"a", "2"}, {"b", "3"}}) == "b=1&a=2&b=3");
  CHECK(encode_query_string({{"k y", "v&w"}}) == "k%20y=v%26w");
  CHECK(encode_query_string({}).empty());
}
