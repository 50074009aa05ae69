#include <catch2/catch.hpp>

#include "fakezoom/model/http_message.hpp"

using namespace fakezoom;

TEST_CASE("header names compare case-insensitively", "[unit][http]") {
  Headers headers{{"Content-Type", "application/json"}};
  CHECK(headers.get("content-type") == "application/json");
  CHECK(headers.count("CONTENT-TYPE") == 1);
  CHECK_FALSE(headers.get("Content-Length"));
}

TEST_CASE("headers keep order and repeats as sent", "[unit][http]") {
  Headers headers;
  headers.add("X-A", "1");
  headers.add("x-a", "2");
  headers.add("X-B", "3");
  CHECK(headers.get("X-A") == "1");
  CHECK(headers.get_all("X-A") == std::vector<std::string>{"1", "2"});
  CHECK(headers.size() == 3);
  CHECK(headers.begin()->first == "X-A");
}

TEST_CASE("setting a header replaces every header of that name", "[unit][http]") {
  Headers headers{{"Allow", "GET"}, {"allow", "POST"}, {"X", "1"}};
  headers.set("ALLOW", "DELETE");
  CHECK(headers.get_all("Allow") == std::vector<std::string>{"DELETE"});
  headers.remove("x");
  CHECK(headers.size() == 1);
}

TEST_CASE("the first value of a query parameter is found by exact key", "[unit][http]") {
  QueryParams query{{"type", "zak"}, {"type", "token"}};
  CHECK(first_value(query, "type") == "zak");
  CHECK_FALSE(first_value(query, "Type"));
  CHECK(iequals("Bearer", "bEARER"));
  CHECK_FALSE(iequals("Bearer", "Bearer "));
}

TEST_CASE("a header name must be an RFC 9110 token and a value must hold no CR, LF or NUL", "[unit][http]") {
  CHECK(is_header_name("Content-Type"));
  CHECK(is_header_name("x-mock-response-code"));
  CHECK(is_header_name("!#$%&'*+-.^_`|~09azAZ"));
  CHECK_FALSE(is_header_name(""));
  CHECK_FALSE(is_header_name("Bad Name"));
  CHECK_FALSE(is_header_name("X:Y"));
  CHECK_FALSE(is_header_name("X-\xC3\xA9"));
  CHECK_FALSE(is_header_name(std::string("X\0", 2)));
  CHECK(is_header_value(""));
  CHECK(is_header_value("a b: \"c\" \xE2\x80\x9C"));
  CHECK_FALSE(is_header_value("a\r\nSet-Cookie: x"));
  CHECK_FALSE(is_header_value("a\nb"));
  CHECK_FALSE(is_header_value(std::string("a\0b", 3)));
  CHECK_FALSE(is_header_value("a\x01b"));
  CHECK_FALSE(is_header_value("a\x7f"));
  CHECK(is_header_value("tab\tinside"));
}
