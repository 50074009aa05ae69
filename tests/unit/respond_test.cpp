#include <catch2/catch.hpp>

#include "fakezoom/engine/engine.hpp"
#include "unit_support.hpp"

using namespace fakezoom;
using namespace fakezoom::test;

namespace {

const std::string kTokenPath = "/v2/users/me/token";
const std::string kSeedOk = "get-v2-users-userId-token-1";
const std::string kSeedNotFound = "get-v2-users-userId-token-2";

Outcome answer(const HttpRequest& request, BodyMode mode = BodyMode::zoom) {
  return respond(shipped_fixtures(), request, mode);
}

HttpRequest token_request(const std::string& user) {
  return zoom_request("GET", "/v2/users/" + user + "/token", {{"type", "zak"}, {"ttl", "68423085"}});
}

HttpRequest without_authorization(HttpRequest request) {
  request.headers.remove("Authorization");
  return request;
}

}  // namespace

TEST_CASE("the seed's request answers its documented 200", "[unit][respond]") {
  auto outcome = answer(token_request("me"));
  CHECK(outcome.response.status == 200);
  CHECK(body_json(outcome.response) == json{{"token", "string"}});
  CHECK(outcome.response.headers.get("Content-Type") == "application/json");
  CHECK(outcome.matched);
  CHECK(outcome.route_id == "get-v2-users-userId-token");
  CHECK(outcome.example_id == kSeedOk);
}

static void expect_invalid_access_token(const HttpRequest& request) {
  auto outcome = answer(request);
  CHECK(outcome.response.status == 401);
  CHECK(body_json(outcome.response) == json{{"code", 124}, {"message", "Invalid access token."}});
  CHECK(outcome.response.headers.get("Content-Type") == "application/json");
}

TEST_CASE("a request without a bearer token gets Zoom's 401 code 124", "[unit][respond][zoom]") {
  const HttpRequest request = token_request("me");
  SECTION("no Authorization header") { expect_invalid_access_token(without_authorization(request)); }
  SECTION("an empty Authorization header") { expect_invalid_access_token(with_header(request, "Authorization", "")); }
  SECTION("the Bearer scheme without a token") {
    expect_invalid_access_token(with_header(request, "Authorization", "Bearer "));
  }
  SECTION("the Bearer scheme with only white space") {
    expect_invalid_access_token(with_header(request, "Authorization", "Bearer    "));
  }
  SECTION("the Basic scheme") { expect_invalid_access_token(with_header(request, "Authorization", "Basic dXNlcjpwYXNz")); }
  SECTION("a token without a scheme") {
    expect_invalid_access_token(with_header(request, "Authorization", "eyJhbGciOiJIUzI1NiJ9"));
  }
  SECTION("a scheme that only starts with Bearer") {
    expect_invalid_access_token(with_header(request, "Authorization", "BearerToken abc"));
  }
}

TEST_CASE("the Bearer scheme is case-insensitive", "[unit][respond][zoom]") {
  auto outcome = answer(with_header(token_request("me"), "authorization", "bearer abc.def.ghi"));
  CHECK(outcome.response.status == 200);
}

static void expect_token_in_query_refused(const HttpRequest& request) {
  auto outcome = answer(request);
  CHECK(outcome.response.status == 401);
  CHECK(body_json(outcome.response) ==
        json{{"code", 124},
             {"message", "Invalid access token, this access token is not supported as query parameter string."}});
}

TEST_CASE("an access token in the query string gets Zoom's 401 code 124", "[unit][respond][zoom]") {
  HttpRequest request = token_request("me");
  request.query.emplace_back("access_token", "abc");
  SECTION("even with a valid bearer token") { expect_token_in_query_refused(request); }
  SECTION("without a bearer token") { expect_token_in_query_refused(without_authorization(request)); }
}

TEST_CASE("the caller's explicit choice beats Zoom's rules", "[unit][respond][zoom]") {
  HttpRequest request = without_authorization(token_request("ghost"));
  SECTION("x-mock-response-code 200 without a token and for an unknown user") {
    auto outcome = answer(with_header(request, "x-mock-response-code", "200"));
    CHECK(outcome.response.status == 200);
    CHECK(outcome.example_id == kSeedOk);
  }
  SECTION("__code=404 without a token") {
    request.query.emplace_back("__code", "404");
    auto outcome = answer(request);
    CHECK(outcome.response.status == 404);
    CHECK(outcome.example_id == kSeedNotFound);
  }
  SECTION("an access token in the query") {
    request.query.emplace_back("access_token", "abc");
    auto outcome = answer(with_header(request, "x-mock-response-id", kSeedOk));
    CHECK(outcome.response.status == 200);
  }
}

TEST_CASE("an unknown userId gets the route's documented 404", "[unit][respond][zoom]") {
  auto outcome = answer(token_request("ghost@example.com"));
  CHECK(outcome.response.status == 404);
  CHECK(outcome.example_id == kSeedNotFound);
  CHECK(outcome.matched);
  CHECK(body_json(outcome.response) == json{{"code", 1001}, {"message", "User does not exist: ghost@example.com."}});
}

static void expect_known(const std::string& user) {
  INFO("userId: " << user);
  auto outcome = answer(token_request(user));
  CHECK(outcome.response.status == 200);
  CHECK(outcome.example_id == kSeedOk);
}

TEST_CASE("known users get the documented success", "[unit][respond][zoom]") {
  SECTION("me") { expect_known("me"); }
  SECTION("an id from the users fixture") { expect_known(kKnownUserId); }
  SECTION("an email from the users fixture") { expect_known(kKnownUserEmail); }
  SECTION("an email from the users fixture in another case") { expect_known("ANA.LOPEZ+ZOOM@example.COM"); }
  SECTION("the value the fixture documents") { expect_known(kDocumentedUserId); }
  SECTION("the placeholder itself, as the documented curl command sends it") { expect_known(":userId"); }
}

TEST_CASE("user ids are compared exactly, unlike emails", "[unit][respond][zoom]") {
  auto outcome = answer(token_request("kdykjnimt4kpd8ffgqt9fq"));
  CHECK(outcome.response.status == 404);
}

TEST_CASE("an unknown user on a route without a documented 404 gets Zoom's error 1001", "[unit][respond][zoom]") {
  const auto fixtures = fixtures_from(collection(
      {request_item("Get a user", "GET", {"users", ":userId"}, {saved_example("OK", 200, "{}", "application/json")})}));
  auto outcome = respond(fixtures, zoom_request("GET", "/v2/users/ghost"), BodyMode::zoom);
  CHECK(outcome.response.status == 404);
  CHECK(body_json(outcome.response) == json{{"code", 1001}, {"message", "User does not exist: ghost."}});
}

TEST_CASE("routes without a userId take any parameter value", "[unit][respond][zoom]") {
  const auto fixtures = fixtures_from(collection({request_item(
      "Get a meeting", "GET", {"meetings", ":meetingId"},
      {saved_example("OK", 200, R"({"id":1})", "application/json"), saved_example("Not found", 404)})}));
  auto outcome = respond(fixtures, zoom_request("GET", "/v2/meetings/anything"), BodyMode::zoom);
  CHECK(outcome.response.status == 200);
}

static void expect_named_stub(const HttpRequest& request) {
  auto outcome = answer(request);
  INFO("status " << outcome.response.status << ", reason: " << outcome.reason);
  CHECK_FALSE(outcome.example_id.empty());
  CHECK_FALSE(outcome.example_name.empty());
  CHECK(outcome.response.headers.count("Matched-Stub-Id") == 1);
  CHECK(outcome.response.headers.count("Matched-Stub-Name") == 1);
  CHECK(outcome.response.headers.get("Matched-Stub-Id") == outcome.example_id);
  CHECK(outcome.response.headers.get("Matched-Stub-Name") == outcome.example_name);
}

TEST_CASE("every answer names what served it", "[unit][respond]") {
  HttpRequest request = token_request("me");
  SECTION("a documented example") { expect_named_stub(request); }
  SECTION("Zoom's unknown-user rule") { expect_named_stub(token_request("ghost")); }
  SECTION("Zoom's token rule") { expect_named_stub(without_authorization(request)); }
  SECTION("an access token in the query") {
    request.query.emplace_back("access_token", "abc");
    expect_named_stub(request);
  }
  SECTION("an unmatched path") {
    request.path = "/v2/nowhere";
    expect_named_stub(request);
  }
  SECTION("an undocumented method") {
    request.method = "DELETE";
    expect_named_stub(request);
  }
  SECTION("an example that does not exist") {
    expect_named_stub(with_header(request, "x-mock-response-code", "500"));
  }
}

TEST_CASE("the stub name header holds the example's name folded to one line", "[unit][respond]") {
  auto outcome = answer(with_header(token_request("me"), "x-mock-response-code", "404"));
  CHECK(outcome.response.headers.get("Matched-Stub-Name") ==
        "**HTTP Status Code:** `404` **Not Found**<br><br> **Error Code:** `1001`<br> User does not exist: $userId.");
}

TEST_CASE("an unmatched path gets Postman's 404 naming the closest route", "[unit][respond]") {
  auto outcome = answer(zoom_request("GET", "/v2/users/me/tokens"));
  CHECK(outcome.response.status == 404);
  CHECK_FALSE(outcome.matched);
  CHECK(outcome.response.headers.get("X-Mock-Unmatched") == "true");
  auto body = body_json(outcome.response);
  CHECK(body["error"]["name"] == "mockRequestNotFoundError");
  CHECK_THAT(body["error"]["message"].get<std::string>(), Catch::Contains("GET /v2/users/{userId}/token"));
}

TEST_CASE("an undocumented method on a known path gets 405 with Allow", "[unit][respond]") {
  auto method = GENERATE(as<std::string>{}, "POST", "DELETE", "PATCH");
  auto outcome = answer(zoom_request(method, kTokenPath));
  CHECK(outcome.response.status == 405);
  CHECK_FALSE(outcome.matched);
  CHECK(outcome.response.headers.get("Allow") == "GET");
  CHECK_FALSE(outcome.response.headers.get("X-Mock-Unmatched"));
}

TEST_CASE("HEAD is answered as GET", "[unit][respond]") {
  auto get = answer(token_request("me"));
  HttpRequest head = token_request("me");
  head.method = "HEAD";
  auto outcome = answer(head);
  CHECK(outcome.response.status == 200);
  CHECK(outcome.example_id == get.example_id);
  CHECK(outcome.response.headers.get("Content-Type") == get.response.headers.get("Content-Type"));
}

TEST_CASE("a trailing slash reaches the documented route", "[unit][respond]") {
  CHECK(answer(zoom_request("GET", "/v2/users/me/token/")).response.status == 200);
}

static void expect_example_not_found(const HttpRequest& request, const std::string& asked) {
  INFO("asked for " << asked);
  auto outcome = answer(request);
  CHECK(outcome.response.status == 404);
  CHECK_FALSE(outcome.matched);
  auto body = body_json(outcome.response);
  CHECK(body["error"]["name"] == "mockRequestNotFoundError");
  CHECK_THAT(body["error"]["message"].get<std::string>(), Catch::Contains(asked));
  // The caller learns what it could have asked for.
  CHECK_THAT(body["error"]["message"].get<std::string>(), Catch::Contains(kSeedNotFound));
}

TEST_CASE("asking for an example that does not exist gets mockRequestNotFoundError saying what was asked",
          "[unit][respond][choice]") {
  HttpRequest request = token_request("me");
  SECTION("a status") { expect_example_not_found(with_header(request, "x-mock-response-code", "500"), "code 500"); }
  SECTION("a name") {
    expect_example_not_found(with_header(request, "x-mock-response-name", "Teapot"), "name 'Teapot'");
  }
  SECTION("an id") {
    expect_example_not_found(with_header(request, "x-mock-response-id", "get-v2-users-userId-token-9"),
                             "id 'get-v2-users-userId-token-9'");
  }
  SECTION("an example through Prism's query form") {
    request.query.emplace_back("__example", "Teapot");
    expect_example_not_found(request, "name 'Teapot'");
  }
  SECTION("an unreadable status code") {
    expect_example_not_found(with_header(request, "x-mock-response-code", "four-oh-four"),
                             "x-mock-response-code must be an HTTP status code, got 'four-oh-four'");
  }
}

TEST_CASE("an explicit choice by name, id or code serves that example", "[unit][respond][choice]") {
  using Choice = std::pair<std::string, std::string>;
  auto [header, value] = GENERATE(values<Choice>({
      {"x-mock-response-name",
       "**HTTP Status Code:** `404` **Not Found**<br><br> **Error Code:** `1001`<br> User does not exist: $userId."},
      {"x-mock-response-id", "get-v2-users-userId-token-2"},
      {"x-mock-response-code", "404"},
      {"Prefer", "code=404"},
  }));
  INFO(header << ": " << value);
  auto outcome = answer(with_header(token_request("me"), header, value));
  CHECK(outcome.example_id == kSeedNotFound);
  CHECK(outcome.response.status == 404);
}

TEST_CASE("Prism's __code query form chooses the example", "[unit][respond][choice]") {
  const auto fixtures = fixtures_from(collection({request_item(
      "List", "GET", {"things"},
      {saved_example("plain", 200, "[]", "application/json"), saved_example("missing", 404, "", "text/plain")})}));
  HttpRequest request = zoom_request("GET", "/v2/things", {{"__code", "404"}});
  auto outcome = respond(fixtures, request, BodyMode::zoom);
  CHECK(outcome.response.status == 404);
}

TEST_CASE("the seed's 404 is Zoom's JSON by default and empty text in verbatim mode", "[unit][respond][render]") {
  const HttpRequest request = with_header(token_request("me"), "x-mock-response-code", "404");
  SECTION("default mode") {
    auto outcome = answer(request, BodyMode::zoom);
    CHECK(outcome.response.headers.get("Content-Type") == "application/json");
    CHECK(body_json(outcome.response) == json{{"code", 1001}, {"message", "User does not exist: me."}});
  }
  SECTION("verbatim mode") {
    auto outcome = answer(request, BodyMode::verbatim);
    CHECK(outcome.response.status == 404);
    CHECK(outcome.response.body.empty());
    CHECK(outcome.response.headers.get("Content-Type") == "text/plain");
  }
}

TEST_CASE("the best example is chosen by the request's query", "[unit][respond][choice]") {
  json token = saved_example("token", 200, R"({"token":"sdk"})", "application/json");
  token["originalRequest"] = {{"method", "GET"}, {"url", "{{baseUrl}}/users/:userId/token?type=token"}};
  json zak = saved_example("zak", 200, R"({"token":"zak"})", "application/json");
  zak["originalRequest"] = {{"method", "GET"}, {"url", "{{baseUrl}}/users/:userId/token?type=zak"}};
  const auto fixtures =
      fixtures_from(collection({request_item("Get a user token", "GET", {"users", ":userId", "token"}, {token, zak})}));
  CHECK(respond(fixtures, zoom_request("GET", "/v2/users/me/token", {{"type", "zak"}}), BodyMode::zoom).example_name == "zak");
  CHECK(respond(fixtures, zoom_request("GET", "/v2/users/me/token", {{"type", "token"}}), BodyMode::zoom).example_name == "token");
  CHECK(respond(fixtures, zoom_request("GET", "/v2/users/me/token"), BodyMode::zoom).example_name == "token");
}

TEST_CASE("a route without examples answers Postman's 404", "[unit][respond]") {
  const auto fixtures = fixtures_from(collection({request_item("Nothing saved", "GET", {"things"})}));
  auto outcome = respond(fixtures, zoom_request("GET", "/v2/things"), BodyMode::zoom);
  CHECK(outcome.response.status == 404);
  CHECK(body_json(outcome.response)["error"]["name"] == "mockRequestNotFoundError");
  CHECK_FALSE(outcome.matched);
}
