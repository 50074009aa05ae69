// Zoom's authorization code flow for user-level apps through the engine, no sockets: the
// shipped accounts fixture's user app, time on a ManualClock.
#include <catch2/catch.hpp>

#include "fakezoom/engine/engine.hpp"
#include "fakezoom/model/url_codec.hpp"
#include "unit_support.hpp"

using namespace fakezoom;
using namespace fakezoom::test;

namespace {

const std::string kApp = "fakezoom-user-app-client-id";
const std::string kRedirect = "http://localhost:3000/callback";
// base64("fakezoom-user-app-client-id:fakezoom-user-app-client-secret")
const std::string kBasic = "Basic ZmFrZXpvb20tdXNlci1hcHAtY2xpZW50LWlkOmZha2V6b29tLXVzZXItYXBwLWNsaWVudC1zZWNyZXQ=";
// RFC 7636 appendix B's verifier and its S256 challenge.
const std::string kVerifier = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
const std::string kChallenge = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";

struct Zoom {
  std::shared_ptr<ManualClock> clock = std::make_shared<ManualClock>();
  Engine engine;
  explicit Zoom(AuthMode mode = AuthMode::strict)
      : engine(std::shared_ptr<const FixtureSet>(&shipped_fixtures(), [](const FixtureSet*) {}),
               {.clock = clock, .auth = {mode, 401}}) {}

  HttpResponse authorize(QueryParams query) {
    HttpRequest request = zoom_request("GET", "/oauth/authorize", std::move(query));
    request.headers.remove("Authorization");
    return engine.handle(request);
  }
  // The code in the redirect's Location.
  std::string code(QueryParams extra = {}) {
    QueryParams query{{"response_type", "code"}, {"client_id", kApp}, {"redirect_uri", kRedirect}, {"state", "s1"}};
    query.insert(query.end(), extra.begin(), extra.end());
    auto answer = authorize(query);
    REQUIRE(answer.status == 302);
    const std::string location = answer.headers.get("Location").value_or("");
    const auto at = location.find("code=");
    REQUIRE(at != std::string::npos);
    return location.substr(at + 5, location.find('&', at) - at - 5);
  }
  HttpResponse token(const std::string& form, bool basic = true) {
    HttpRequest request = zoom_request("POST", "/oauth/token");
    request.headers.remove("Authorization");
    if (basic) request.headers.set("Authorization", kBasic);
    request.headers.set("Content-Type", "application/x-www-form-urlencoded");
    request.body = form;
    return engine.handle(request);
  }
  int me(const std::string& access_token) {
    HttpRequest request = zoom_request("GET", "/v2/users/me/token", {{"type", "zak"}});
    request.headers.set("Authorization", "Bearer " + access_token);
    return engine.handle(request).status;
  }
};

std::string redeem_form(const std::string& code, const std::string& extra = "") {
  return "grant_type=authorization_code&code=" + percent_encode(code) + "&redirect_uri=" + percent_encode(kRedirect) + extra;
}

}  // namespace

TEST_CASE("authorize sends the user back to the app's redirect URI with a code and the state, at once", "[unit][oauth]") {
  Zoom zoom;
  auto answer = zoom.authorize({{"response_type", "code"}, {"client_id", kApp}, {"redirect_uri", kRedirect}, {"state", "a b"}});
  CHECK(answer.status == 302);
  const std::string location = answer.headers.get("Location").value_or("");
  CHECK_THAT(location, Catch::StartsWith(kRedirect + "?code=fzc"));
  CHECK_THAT(location, Catch::EndsWith("&state=a%20b"));
}

TEST_CASE("authorize refuses what Zoom refuses, and never redirects to a URI the app did not register", "[unit][oauth]") {
  Zoom zoom;
  SECTION("an unknown client id: 400 invalid_client") {
    auto answer = zoom.authorize({{"response_type", "code"}, {"client_id", "nobody"}, {"redirect_uri", kRedirect}});
    CHECK(answer.status == 400);
    CHECK(body_json(answer)["error"] == "invalid_client");
  }
  SECTION("a redirect URI that is not exactly one of the app's: 400, no Location") {
    auto answer = zoom.authorize({{"response_type", "code"}, {"client_id", kApp}, {"redirect_uri", kRedirect + "/"}});
    CHECK(answer.status == 400);
    CHECK(body_json(answer)["reason"] == "Invalid redirect: " + kRedirect + "/");
    CHECK_FALSE(answer.headers.get("Location"));
  }
  SECTION("a user who declines: back with error=access_denied and the state") {
    auto answer = zoom.authorize({{"response_type", "code"}, {"client_id", "fakezoom-declined-client-id"},
                                  {"redirect_uri", kRedirect}, {"state", "s9"}});
    CHECK(answer.status == 302);
    CHECK(answer.headers.get("Location") == kRedirect + "?error=access_denied&state=s9");
  }
  SECTION("another response type: back with unsupported_response_type") {
    auto answer = zoom.authorize({{"response_type", "token"}, {"client_id", kApp}, {"redirect_uri", kRedirect}});
    CHECK(answer.headers.get("Location") == kRedirect + "?error=unsupported_response_type");
  }
}

TEST_CASE("a code buys an access token and a refresh token once, within five minutes", "[unit][oauth]") {
  Zoom zoom;
  const std::string code = zoom.code();
  SECTION("redeemed: a bearer token the API takes under --auth strict") {
    auto answer = zoom.token(redeem_form(code));
    REQUIRE(answer.status == 200);
    auto body = body_json(answer);
    CHECK(body["token_type"] == "bearer");
    CHECK(body["expires_in"] == 3600);
    CHECK(body["scope"] == "user:read meeting:read meeting:write");
    CHECK_THAT(body["refresh_token"].get<std::string>(), Catch::StartsWith("fzr."));
    CHECK(zoom.me(body["access_token"]) == 200);
    auto again = zoom.token(redeem_form(code));
    CHECK(again.status == 400);
    CHECK(body_json(again)["reason"] == "Invalid authorization code " + code);
    CHECK(body_json(again)["error"] == "invalid_grant");
  }
  SECTION("five minutes later it is worth nothing") {
    zoom.clock->advance(std::chrono::minutes(5));
    CHECK(body_json(zoom.token(redeem_form(code)))["error"] == "invalid_grant");
  }
  SECTION("with another redirect URI than the authorization's") {
    auto answer = zoom.token("grant_type=authorization_code&code=" + code + "&redirect_uri=http%3A%2F%2Flocalhost%3A3000%2Fother");
    CHECK(body_json(answer)["reason"] == "Redirect URI mismatch.");
  }
  SECTION("without the client's secret and without PKCE") {
    auto answer = zoom.token(redeem_form(code, "&client_id=" + kApp), false);
    CHECK(body_json(answer)["error"] == "invalid_client");
  }
}

TEST_CASE("PKCE: a public client redeems its code with the verifier of its challenge", "[unit][oauth]") {
  Zoom zoom;
  SECTION("S256, RFC 7636's example pair, no secret") {
    const std::string code = zoom.code({{"code_challenge", kChallenge}, {"code_challenge_method", "S256"}});
    auto answer = zoom.token(redeem_form(code, "&client_id=" + kApp + "&code_verifier=" + kVerifier), false);
    INFO(answer.body);
    CHECK(answer.status == 200);
  }
  SECTION("S256 with another verifier: invalid_grant") {
    const std::string code = zoom.code({{"code_challenge", kChallenge}, {"code_challenge_method", "S256"}});
    auto answer = zoom.token(redeem_form(code, "&client_id=" + kApp + "&code_verifier=x" + kVerifier), false);
    CHECK(body_json(answer)["reason"] == "Invalid code_verifier");
  }
  SECTION("plain, Zoom's default method") {
    const std::string code = zoom.code({{"code_challenge", "the-verifier-itself"}});
    CHECK(zoom.token(redeem_form(code, "&client_id=" + kApp + "&code_verifier=the-verifier-itself"), false).status == 200);
  }
}

TEST_CASE("each refresh returns a new refresh token and the old one then answers Invalid Token!", "[unit][oauth]") {
  Zoom zoom;
  auto first = body_json(zoom.token(redeem_form(zoom.code())));
  const std::string old_refresh = first["refresh_token"];
  auto refreshed = zoom.token("grant_type=refresh_token&refresh_token=" + old_refresh);
  REQUIRE(refreshed.status == 200);
  auto body = body_json(refreshed);
  CHECK(body["refresh_token"] != old_refresh);
  CHECK(zoom.me(body["access_token"]) == 200);
  auto again = zoom.token("grant_type=refresh_token&refresh_token=" + old_refresh);
  CHECK(again.status == 400);
  CHECK(again.body == R"({"reason":"Invalid Token!","error":"invalid_grant"})");
  CHECK(zoom.token("grant_type=refresh_token&refresh_token=" + body["refresh_token"].get<std::string>()).status == 200);
}

namespace {

HttpResponse call(Engine& engine, const std::string& method, const std::string& path, const std::string& access_token,
                  const std::string& body = "") {
  HttpRequest request = zoom_request(method, path);
  request.headers.set("Authorization", "Bearer " + access_token);
  if (!body.empty()) {
    request.headers.set("Content-Type", "application/json");
    request.body = body;
  }
  return engine.handle(request);
}

std::string server_token(Engine& engine) {
  HttpRequest request = zoom_request("POST", "/oauth/token", {{"grant_type", "account_credentials"}, {"account_id", "fakezoom-account-1"}});
  // base64("fakezoom-admin-client-id:fakezoom-admin-client-secret")
  request.headers.set("Authorization", "Basic ZmFrZXpvb20tYWRtaW4tY2xpZW50LWlkOmZha2V6b29tLWFkbWluLWNsaWVudC1zZWNyZXQ=");
  auto answer = engine.handle(request);
  REQUIRE(answer.status == 200);
  return body_json(answer)["access_token"];
}

}  // namespace

TEST_CASE("a user-level token's me is the user who authorized the app, and their meetings are their own", "[unit][oauth][state]") {
  // The shipped user app names Ana as the user who authorizes it; the account's owner is jchill.
  auto mode = GENERATE(AuthMode::strict, AuthMode::any);
  INFO((mode == AuthMode::strict ? "--auth strict" : "--auth any"));
  Zoom zoom(mode);
  const std::string user_token = body_json(zoom.token(redeem_form(zoom.code())))["access_token"];
  const std::string owner_token = server_token(zoom.engine);

  CHECK(body_json(call(zoom.engine, "GET", "/v2/users/me", user_token))["id"] == "z8yBXksmRcOG2cXkbHHpqA");
  CHECK(body_json(call(zoom.engine, "GET", "/v2/users/me", owner_token))["id"] == "KdYKjnimT4KPd8FFgQt9FQ");

  auto created = call(zoom.engine, "POST", "/v2/users/me/meetings", user_token, R"({"topic":"Ana's","type":2})");
  REQUIRE(created.status == 201);
  CHECK(body_json(created)["host_id"] == "z8yBXksmRcOG2cXkbHHpqA");
  auto listed = [&](const std::string& token) {
    return body_json(call(zoom.engine, "GET", "/v2/users/me/meetings", token))["meetings"].dump();
  };
  CHECK_THAT(listed(user_token), Catch::Contains("Ana's"));
  CHECK_THAT(listed(owner_token), !Catch::Contains("Ana's"));
}

TEST_CASE("revoke answers success and ends the access token and its refresh token together", "[unit][oauth]") {
  Zoom zoom;
  auto first = body_json(zoom.token(redeem_form(zoom.code())));
  const std::string access = first["access_token"], refresh = first["refresh_token"];
  auto revoke = [&](const std::string& token, bool basic = true) {
    HttpRequest request = zoom_request("POST", "/oauth/revoke", {{"token", token}});
    request.headers.remove("Authorization");
    if (basic) request.headers.set("Authorization", kBasic);
    return zoom.engine.handle(request);
  };
  SECTION("revoking the access token") {
    auto answer = revoke(access);
    CHECK(answer.status == 200);
    CHECK(answer.body == R"({"status":"success"})");
    CHECK(zoom.me(access) == 401);
    CHECK(body_json(zoom.token("grant_type=refresh_token&refresh_token=" + refresh))["error"] == "invalid_grant");
  }
  SECTION("revoking the refresh token") {
    REQUIRE(revoke(refresh).status == 200);
    CHECK(zoom.me(access) == 401);
  }
  SECTION("another authorization of the same app lives on") {
    auto second = body_json(zoom.token(redeem_form(zoom.code())));
    REQUIRE(revoke(access).status == 200);
    CHECK(zoom.me(second["access_token"]) == 200);
  }
  SECTION("a token already ended is no error; a wrong client is") {
    REQUIRE(revoke(access).status == 200);
    CHECK(revoke(access).body == R"({"status":"success"})");
    CHECK(body_json(revoke(access, false))["error"] == "invalid_client");
    CHECK(zoom.me(access) == 401);
  }
}
