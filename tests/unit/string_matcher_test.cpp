// Regular expressions from admin callers cannot take the server down.
#include <catch2/catch.hpp>
#include <regex>

#include "fakezoom/admin/string_matcher.hpp"

TEST_CASE("a regex over a long value neither overflows the stack nor hangs", "[unit][admin][regex]") {
  const auto nested = fakezoom::compile_regex("((a|b)|(c|d))*");
  CHECK(fakezoom::regex_matches(*nested, std::string(100000, 'a')));
  const auto repeated = fakezoom::compile_regex("/v+++++++++++++++++*+++++oooooooooo");
  CHECK_FALSE(fakezoom::regex_matches(*repeated, "/vvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvv"));
}

TEST_CASE("huge repeat counts and very long patterns are refused", "[unit][admin][regex]") {
  CHECK_THROWS_AS(fakezoom::compile_regex("a{33333333333333333333}"), std::regex_error);
  CHECK_THROWS_AS(fakezoom::compile_regex("a{1,99999}"), std::regex_error);
  CHECK_THROWS_AS(fakezoom::compile_regex(std::string(2001, 'a')), std::regex_error);
  CHECK_NOTHROW(fakezoom::compile_regex("a{2,3}b{9999}"));
}

TEST_CASE("a back-reference number too large to read is refused, an escaped backslash before digits is not", "[unit][admin][regex]") {
  CHECK_THROWS_AS(fakezoom::compile_regex("(a)\\5555555555555555555555"), std::regex_error);
  CHECK(fakezoom::regex_matches(*fakezoom::compile_regex("\\d+\\.\\d"), "123.4"));  // escapes still work
  CHECK(fakezoom::regex_matches(*fakezoom::compile_regex("x\\\\55555555555"), "x\\55555555555"));
  CHECK(fakezoom::regex_matches(*fakezoom::compile_regex("\\{12345678\\}"), "{12345678}"));
}
