// Known users: the ids and emails of fixtures/users.json answer 200; emails in any letter case.
#include "contract_support.hpp"

using namespace fakezoom::contract;

TEST_CASE("a known user from users.json gets a token by id or by email in any letter case", "[contract]") {
  FakeZoom zoom;
  // fixtures/users.json: {"id":"z8yBXksmRcOG2cXkbHHpqA","email":"Ana.Lopez+zoom@example.com"}, ...
  const std::string user = GENERATE(as<std::string>{}, "KdYKjnimT4KPd8FFgQt9FQ", "z8yBXksmRcOG2cXkbHHpqA",
                                    "jchill@example.com", "JChill@Example.COM", "ana.lopez+zoom@example.com",
                                    "ANA.LOPEZ+ZOOM@EXAMPLE.COM");
  INFO("user " << user);
  const auto token = zoom.client.get_user_token(user, std::string("zak"), 3600LL);
  INFO(describe(token));
  REQUIRE(token);
  CHECK(token.value() == std::optional<std::string>("string"));

  const auto entry = zoom.only_request();
  CHECK(entry.request.path == "/v2/users/" + user + "/token");
  CHECK(entry.status == 200);
  CHECK(entry.example_id == kTokenReturned);
}

TEST_CASE("a user that is not in users.json gets 404 with Zoom code 1001", "[contract]") {
  FakeZoom zoom;
  const std::string user = GENERATE(as<std::string>{}, "nobody@example.com", "KdYKjnimT4KPd8FFgQt9FX");
  INFO("user " << user);
  const auto token = zoom.client.get_user_token(user);
  REQUIRE_FALSE(token);
  CHECK(token.error().status == 404);
  CHECK(token.error().zoom_code == 1001);
  CHECK(token.error().message == "User does not exist: " + user + ".");
  CHECK(zoom.only_request().status == 404);
}
