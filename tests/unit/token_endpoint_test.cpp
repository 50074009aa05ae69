#include <catch2/catch.hpp>

#include "fakezoom/engine/engine.hpp"
#include "fakezoom/zoom/token_endpoint.hpp"
#include "unit_support.hpp"

using namespace fakezoom;
using namespace fakezoom::test;

namespace {

// From fixtures/accounts.json.
const std::string kAccount = "fakezoom-account-1";
const std::string kBasic = "Basic ZmFrZXpvb20tY2xpZW50LWlkOmZha2V6b29tLWNsaWVudC1zZWNyZXQ=";  // fakezoom-client-id:fakezoom-client-secret

HttpRequest token_request(QueryParams query, std::string authorization = kBasic) {
  HttpRequest request;
  request.method = "POST";
  request.path = "/oauth/token";
  request.target = "/oauth/token" + query_string(query);
  request.query = std::move(query);
  if (!authorization.empty()) request.headers.add("Authorization", authorization);
  request.headers.add("Host", "127.0.0.1:9");
  return request;
}

Outcome answer(const HttpRequest& request, TokenAuthority& tokens) {
  return answer_token_request(request, shipped_fixtures().accounts, tokens);
}

}  // namespace

namespace {

void check_issued(const HttpRequest& request) {
  TokenAuthority tokens(std::make_shared<ManualClock>());
  const auto outcome = answer(request, tokens);
  REQUIRE(outcome.response.status == 200);
  const auto body = body_json(outcome.response);
  CHECK(body["token_type"] == "bearer");
  CHECK(body["expires_in"] == 3600);
  CHECK(body["scope"] == "user:read:admin");
  CHECK(body["api_url"] == "http://127.0.0.1:9");
  REQUIRE(body["access_token"].is_string());
  CHECK(tokens.check(body["access_token"].get<std::string>()).state == TokenStatus::State::valid);
  CHECK(tokens.account_of_token(body["access_token"].get<std::string>()) == std::optional<std::string>(kAccount));
}

void check_refused(const HttpRequest& request, const json& expected) {
  TokenAuthority tokens(std::make_shared<ManualClock>());
  const auto outcome = answer(request, tokens);
  CHECK(outcome.response.status == 400);
  CHECK(body_json(outcome.response) == expected);
  CHECK(tokens.size() == 0);
}

const json kInvalidClient = {{"reason", "Invalid client_id or client_secret"}, {"error", "invalid_client"}};
const json kUnsupportedGrant = {{"reason", "unsupported grant type"}, {"error", "unsupported_grant_type"}};

}  // namespace

TEST_CASE("account credentials with the right client and account get a bearer token", "[unit][oauth]") {
  SECTION("in the query string") {
    check_issued(token_request({{"grant_type", "account_credentials"}, {"account_id", kAccount}}));
  }
  SECTION("in a form body") {
    auto request = token_request({});
    request.headers.add("Content-Type", "application/x-www-form-urlencoded; charset=utf-8");
    request.body = "grant_type=account_credentials&account_id=" + kAccount;
    check_issued(request);
  }
}

TEST_CASE("api_url is Zoom's own when the client asked for zoom.us, else where fakezoom listens", "[unit][oauth]") {
  TokenAuthority tokens(std::make_shared<ManualClock>());
  tokens.set_api_url("http://127.0.0.1:8080");
  const auto [host, expected] = GENERATE(table<std::string, std::string>({
      {"zoom.us", "https://api.zoom.us"},
      {"ZOOM.us:443", "https://api.zoom.us"},
      {"api.zoom.us", "https://api.zoom.us"},
      {"127.0.0.1:8080", "http://127.0.0.1:8080"},
      {"zoom.us.example.com", "http://127.0.0.1:8080"},
      {"localhost:8080", "http://127.0.0.1:8080"},
  }));
  INFO("Host: " << host);
  auto request = token_request({{"grant_type", "account_credentials"}, {"account_id", kAccount}});
  request.headers.set("Host", host);
  const auto outcome = answer(request, tokens);
  REQUIRE(outcome.response.status == 200);
  CHECK(body_json(outcome.response)["api_url"] == expected);
}

TEST_CASE("the token endpoint answers Zoom's OAuth errors", "[unit][oauth]") {
  const QueryParams good = {{"grant_type", "account_credentials"}, {"account_id", kAccount}};
  SECTION("a wrong secret") {
    check_refused(token_request(good, "Basic ZmFrZXpvb20tY2xpZW50LWlkOndyb25n"), kInvalidClient);  // fakezoom-client-id:wrong
  }
  SECTION("an unknown client") {
    check_refused(token_request(good, "Basic bm9ib2R5Om5vdGhpbmc="), kInvalidClient);  // nobody:nothing
  }
  SECTION("no credentials, or unreadable ones") {
    check_refused(token_request(good, GENERATE(std::string(), std::string("Basic %%%"), std::string("Bearer x"))),
                  kInvalidClient);
  }
  SECTION("no grant type") { check_refused(token_request({{"account_id", kAccount}}), kUnsupportedGrant); }
  SECTION("another grant type") {
    check_refused(token_request({{"grant_type", "client_credentials"}, {"account_id", kAccount}}), kUnsupportedGrant);
  }
  SECTION("a JSON body is not read") {
    auto request = token_request({});
    request.headers.add("Content-Type", "application/json");
    request.body = R"({"grant_type":"account_credentials","account_id":"fakezoom-account-1"})";
    check_refused(request, kUnsupportedGrant);
  }
  SECTION("another account's id, or none") {
    check_refused(token_request(GENERATE(QueryParams{{"grant_type", "account_credentials"}, {"account_id", "other"}},
                                         QueryParams{{"grant_type", "account_credentials"}})),
                  json{{"reason", "Invalid Account Id"}, {"error", "invalid_request"}});
  }
}

TEST_CASE("the token endpoint takes only POST", "[unit][oauth]") {
  TokenAuthority tokens(std::make_shared<ManualClock>());
  auto request = token_request({{"grant_type", "account_credentials"}, {"account_id", kAccount}});
  request.method = "GET";
  const auto outcome = answer(request, tokens);
  CHECK(outcome.response.status == 405);
  CHECK(outcome.response.headers.get("Allow") == std::optional<std::string>("POST"));
}

TEST_CASE("the journal keeps neither the client secret nor the issued token", "[unit][oauth]") {
  auto fixtures = std::make_shared<const FixtureSet>(load_fixtures({kFixturesDir}));
  const auto request = token_request({{"grant_type", "account_credentials"}, {"account_id", kAccount}});
  SECTION("by default") {
    Engine engine(fixtures, EngineOptions{});
    const auto answer = engine.handle(request);
    REQUIRE(answer.status == 200);
    const auto entry = engine.journal().entries().front();
    CHECK(entry.request.headers.get("Authorization") == std::optional<std::string>("Basic [REDACTED]"));
    CHECK(json::parse(entry.response_body)["access_token"] == "[REDACTED]");
    CHECK(json::parse(entry.response_body)["scope"] == "user:read:admin");
  }
  SECTION("unless journal_secrets") {
    EngineOptions options;
    options.journal_secrets = true;
    Engine engine(fixtures, options);
    const auto answer = engine.handle(request);
    const auto entry = engine.journal().entries().front();
    CHECK(entry.request.headers.get("Authorization") == std::optional<std::string>(kBasic));
    CHECK(json::parse(entry.response_body)["access_token"] == body_json(answer)["access_token"]);
  }
}

TEST_CASE("base64 decodes with and without padding and refuses other text", "[unit][oauth]") {
  CHECK(base64_decode("YTpi") == std::optional<std::string>("a:b"));
  CHECK(base64_decode("YTpiYw==") == std::optional<std::string>("a:bc"));
  CHECK(base64_decode("YTpiYw") == std::optional<std::string>("a:bc"));
  CHECK_FALSE(base64_decode("Y"));
  CHECK_FALSE(base64_decode("YT*i"));
}
