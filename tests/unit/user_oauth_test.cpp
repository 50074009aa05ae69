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
  Engine engine{std::shared_ptr<const FixtureSet>(&shipped_fixtures(), [](const FixtureSet*) {}),
                {.clock = clock, .auth = {AuthMode::strict, 401}}};

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
