// Auth: the bearer token goes in exactly one Authorization header and nowhere else; without
// one Zoom (and fakezoom) answers 401 with code 124.
#include "contract_support.hpp"

using namespace fakezoom::contract;
using fakezoom::client::ErrorKind;

TEST_CASE("the token is sent in exactly one Authorization: Bearer header", "[contract]") {
  FakeZoom zoom;
  const auto token = zoom.client.get_user_token("me", std::string("zak"), 68423085LL);
  INFO(describe(token));
  REQUIRE(token);

  const auto entry = zoom.only_request();
  CHECK(entry.request.headers.get_all("Authorization") == std::vector<std::string>{"Bearer " + kToken});
  CHECK(entry.status == 200);
}

TEST_CASE("the token never travels in the query string", "[contract]") {
  FakeZoom zoom;
  SECTION("get_user_token") {
    REQUIRE(zoom.client.get_user_token("me", std::string("zak"), 68423085LL));
  }
  SECTION("a general call") {
    REQUIRE(zoom.client.call(token_request("me", {{"type", "zak"}})));
  }

  const auto entry = zoom.only_request();
  CHECK(entry.request.target.find("access_token") == std::string::npos);
  CHECK(entry.request.target.find(kToken) == std::string::npos);
  for (const auto& [key, value] : entry.request.query) {
    INFO(key << "=" << value);
    CHECK(key != "access_token");
    CHECK(value.find(kToken) == std::string::npos);
  }
  // Nor in any header but Authorization.
  for (const auto& [name, value] : entry.request.headers) {
    if (fakezoom::iequals(name, "Authorization")) continue;
    INFO(name << ": " << value);
    CHECK(value.find(kToken) == std::string::npos);
  }
}

TEST_CASE("without a token the caller gets 401 with Zoom code 124", "[contract]") {
  FakeZoom zoom;
  // ClientOptions left at its default, and a token set to "": neither sends Authorization.
  const bool explicitly_empty = GENERATE(false, true);
  INFO((explicitly_empty ? "token set to \"\"" : "no token set"));
  fakezoom::client::ClientOptions options;
  options.base_url = zoom.server.base_url();
  if (explicitly_empty) options.bearer_token = "";
  fakezoom::client::Client client(options);

  const auto token = client.get_user_token("me", std::string("zak"), 68423085LL);
  REQUIRE_FALSE(token);
  INFO(describe(token.error()));
  CHECK(token.error().kind == ErrorKind::http);
  CHECK(token.error().status == 401);
  CHECK(token.error().zoom_code == 124);
  CHECK(token.error().message == "Invalid access token.");

  const auto entry = zoom.only_request();
  CHECK(entry.request.headers.count("Authorization") == 0);
  CHECK(entry.status == 401);
  CHECK(entry.example_id == "fakezoom.auth.no-bearer-token");
}

TEST_CASE("a general call without a token gets 401 with Zoom code 124 too", "[contract]") {
  FakeZoom zoom;
  auto client = zoom.client_with("");
  const auto answer = client.call(token_request("me", {{"type", "zak"}, {"ttl", "68423085"}}));
  REQUIRE_FALSE(answer);
  INFO(describe(answer.error()));
  CHECK(answer.error().kind == ErrorKind::http);
  CHECK(answer.error().status == 401);
  CHECK(answer.error().zoom_code == 124);
  // The raw answer stays available, as the seed's sample prints it.
  REQUIRE(client.last_response());
  CHECK(client.last_response()->status == 401);
  CHECK(zoom.only_request().status == 401);
}
