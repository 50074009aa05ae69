#include "fakezoom/client/base_url.hpp"

#include <catch2/catch.hpp>

using namespace fakezoom::client;

TEST_CASE("a base URL keeps its path prefix apart from scheme, host and port", "[unit]") {
  const auto base = parse_base_url("http://127.0.0.1:8080/v2");
  REQUIRE(base);
  CHECK(base.value().scheme == "http");
  CHECK(base.value().host == "127.0.0.1");
  CHECK(base.value().port == 8080);
  CHECK(base.value().prefix == "/v2");
  CHECK(base.value().origin() == "http://127.0.0.1:8080");
}

TEST_CASE("a base URL without a port uses the scheme's default", "[unit]") {
  const auto zoom = parse_base_url("https://api.zoom.us/v2/");
  REQUIRE(zoom);
  CHECK(zoom.value().port == 443);
  CHECK(zoom.value().prefix == "/v2");
  const auto plain = parse_base_url("HTTP://localhost");
  REQUIRE(plain);
  CHECK(plain.value().scheme == "http");
  CHECK(plain.value().port == 80);
  CHECK(plain.value().prefix.empty());
}

TEST_CASE("an IPv6 base URL keeps its brackets only in the origin", "[unit]") {
  const auto base = parse_base_url("http://[::1]:9000/v2");
  REQUIRE(base);
  CHECK(base.value().host == "::1");
  CHECK(base.value().host_port() == "[::1]:9000");
  const auto mapped = parse_base_url("http://[::ffff:127.0.0.1]/v2");
  REQUIRE(mapped);
  CHECK(mapped.value().origin() == "http://[::ffff:127.0.0.1]:80");
}

TEST_CASE("a base URL that would be misread is refused as an invalid request", "[unit]") {
  const auto url = GENERATE(as<std::string>{}, "ftp://x/v2", "127.0.0.1:8080/v2", "http:///v2", "http://h:0",
                            "http://h:65536", "http://h:8o", "http://u:p@h/v2", "http://h/v2?x=1", "http://h/v2#f",
                            "http://h /v2", "http://[::1/v2", "",
                            // fuzz/regressions/client_response/ipv6-literal-not-checked
                            "http://[[(]", "http://[(]:80/v2", "http://[example.com]/v2", "http://[1.2.3.4]",
                            // fuzz/regressions/client_response/bracket-after-ipv4-host
                            "http://127.0.0.1]:8880/v2", "http://h[/v2");
  INFO(url);
  const auto base = parse_base_url(url);
  REQUIRE_FALSE(base);
  CHECK(base.error().kind == ErrorKind::invalid_request);
  CHECK(base.error().message.rfind("invalid base URL", 0) == 0);
}
