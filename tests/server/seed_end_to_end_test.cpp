// The seed end to end: its request, as its curl command sends it, against the embedded server.
#include <httplib.h>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "fakezoom/server.hpp"
#include "test_paths.hpp"

namespace {
// curl -G -d "type=zak" -d "ttl=68423085" -H "Authorization: Bearer <access_token>" .../users/:userId/token
const char* const kSeedTarget = "/v2/users/:userId/token?type=zak&ttl=68423085";
const httplib::Headers kSeedHeaders = {{"Authorization", "Bearer <access_token>"}};
}  // namespace

TEST_CASE("the seed's request answers 200 with its documented token", "[server][seed]") {
  auto zoom = fakezoom::Server::start({.fixtures = {FAKEZOOM_FIXTURES_DIR}});
  httplib::Client client(zoom.url());

  auto res = client.Get(kSeedTarget, kSeedHeaders);
  REQUIRE(res);
  CHECK(res->status == 200);
  CHECK(res->get_header_value("Content-Type") == "application/json");
  CHECK(nlohmann::json::parse(res->body) == nlohmann::json{{"token", "string"}});
}

TEST_CASE("the seed's 404 is served when asked for or when the user is unknown", "[server][seed]") {
  const bool verbatim = GENERATE(false, true);
  auto zoom = fakezoom::Server::start({.fixtures = {FAKEZOOM_FIXTURES_DIR}, .verbatim = verbatim});
  httplib::Client client(zoom.url());
  INFO("verbatim: " << verbatim);

  SECTION("x-mock-response-code: 404") {
    auto headers = kSeedHeaders;
    headers.emplace("x-mock-response-code", "404");
    auto res = client.Get(kSeedTarget, headers);
    REQUIRE(res);
    CHECK(res->status == 404);
    CHECK(res->get_header_value("Matched-Stub-Id") == "get-v2-users-userId-token-2");
    if (verbatim) {
      CHECK(res->body.empty());
      CHECK(res->get_header_value("Content-Type") == "text/plain");
    } else {
      CHECK(nlohmann::json::parse(res->body) ==
            nlohmann::json{{"code", 1001}, {"message", "User does not exist: :userId."}});
    }
  }
  SECTION("an unknown user") {
    auto res = client.Get("/v2/users/nobody%40example.com/token?type=zak&ttl=68423085", kSeedHeaders);
    REQUIRE(res);
    CHECK(res->status == 404);
    if (verbatim) {
      CHECK(res->body.empty());
    } else {
      CHECK(nlohmann::json::parse(res->body) ==
            nlohmann::json{{"code", 1001}, {"message", "User does not exist: nobody@example.com."}});
    }
  }
}
