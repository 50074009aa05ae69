#include <catch2/catch.hpp>

#include "fakezoom/model/outcome.hpp"
#include "fakezoom/model/render.hpp"
#include "fakezoom/model/text.hpp"

using namespace fakezoom;

TEST_CASE("an answer by rule names itself in the outcome and in the Matched-Stub headers", "[unit][outcome]") {
  Outcome outcome;
  outcome.matched = true;
  outcome.route_id = "get-users-userid";
  outcome.rate_limit_label = "Light";
  outcome.prepared = std::make_shared<const PreparedAnswer>();
  HttpResponse limited;
  limited.status = 429;
  outcome.answer_by_rule(limited, "fakezoom.rate-limit.qps", "Zoom rule: rate limit reached");
  CHECK(outcome.response.status == 429);
  CHECK(outcome.prepared == nullptr);  // no longer the example's answer
  CHECK(outcome.example_id == "fakezoom.rate-limit.qps");
  CHECK(outcome.reason == "Zoom rule: rate limit reached");
  CHECK(outcome.response.headers.get("Matched-Stub-Id") == "fakezoom.rate-limit.qps");
  CHECK(outcome.response.headers.get("Matched-Stub-Name") == "Zoom rule: rate limit reached");
  SECTION("what it belongs to stays") {
    CHECK(outcome.matched);
    CHECK(outcome.route_id == "get-users-userid");
    CHECK(outcome.rate_limit_label == "Light");
  }
}

TEST_CASE("digits and blanks are told apart", "[unit][text]") {
  CHECK(all_digits("0123456789"));
  CHECK_FALSE(all_digits(""));
  CHECK_FALSE(all_digits("-1"));
  CHECK_FALSE(all_digits("12a"));
  CHECK_FALSE(all_digits("\xd9\xa3"));  // an Arabic-Indic digit is not one of Zoom's
  CHECK(blank(""));
  CHECK(blank(" \t\r\n"));
  CHECK_FALSE(blank(" x "));
}
