#include <catch2/catch.hpp>

#include "fakezoom/model/url_codec.hpp"
#include "fakezoom/model/http_message.hpp"

using namespace fakezoom;

TEST_CASE("percent escapes decode to their bytes", "[unit][url]") {
  CHECK(percent_decode("a%40b.c", false) == "a@b.c");
  CHECK(percent_decode("%2Fv2%2f", false) == "/v2/");
  CHECK(percent_decode("%E2%80%99", false) == "\xE2\x80\x99");
  CHECK(percent_decode("%00", false) == std::string(1, '\0'));
}

TEST_CASE("invalid percent escapes are kept as sent", "[unit][url]") {
  CHECK(percent_decode("100%", false) == "100%");
  CHECK(percent_decode("%4", false) == "%4");
  CHECK(percent_decode("%zz%41", false) == "%zzA");
  CHECK(percent_decode("%%41", false) == "%A");
  CHECK(percent_decode("50%+off", true) == "50% off");
}

TEST_CASE("plus is a space only where asked for", "[unit][url]") {
  SECTION("in a query") { CHECK(percent_decode("Ana+Lopez%2Bzoom", true) == "Ana Lopez+zoom"); }
  SECTION("in a path, where clients send emails with + unencoded") {
    CHECK(percent_decode("ana.lopez+zoom@example.com", false) == "ana.lopez+zoom@example.com");
  }
}

TEST_CASE("a query string decodes in order with repeats kept", "[unit][url]") {
  CHECK(decode_query("type=zak&ttl=1&a=%2B") == QueryParams{{"type", "zak"}, {"ttl", "1"}, {"a", "+"}});
  CHECK(decode_query("a=1&b=2&a=3") == QueryParams{{"a", "1"}, {"b", "2"}, {"a", "3"}});
}

TEST_CASE("a query string tolerates what clients send", "[unit][url]") {
  SECTION("a key without a value") { CHECK(decode_query("flag&x=") == QueryParams{{"flag", ""}, {"x", ""}}); }
  SECTION("empty pairs") { CHECK(decode_query("&&a=1&") == QueryParams{{"a", "1"}}); }
  SECTION("an '=' inside a value") { CHECK(decode_query("q=a=b") == QueryParams{{"q", "a=b"}}); }
  SECTION("encoded keys and spaces") {
    CHECK(decode_query("next%5Fpage=a+b%20c") == QueryParams{{"next_page", "a b c"}});
  }
  SECTION("nothing") { CHECK(decode_query("").empty()); }
}

TEST_CASE("path segments decode each segment on its own and survive a move", "[unit][url]") {
  HttpRequest request;
  request.target = "/v2/users/a%2Fb%40x.com/token?type=zak";
  PathSegments moved = path_segments(request);
  const PathSegments segments = std::move(moved);  // the views must still point at live text
  REQUIRE(segments.segments.size() == 4);
  CHECK(segments.segments[0] == "v2");
  CHECK(segments.segments[2] == "a/b@x.com");
  CHECK(segments.segments[3] == "token");
  SECTION("a segment that is not encoded is not copied") { CHECK(segments.decoded.size() == 1); }
  SECTION("without a target, from the decoded path") {
    HttpRequest plain;
    plain.target.clear();
    plain.path = "/v2/users/me";
    const auto from_path = path_segments(plain);
    CHECK(from_path.segments == std::vector<std::string_view>{"v2", "users", "me"});
  }
}
