#include <catch2/catch.hpp>

#include "fakezoom/journal/journal_json.hpp"
#include "fakezoom/version.hpp"
#include "fakezoom/admin/admin.hpp"
#include "fakezoom/engine/engine.hpp"
#include "unit_support.hpp"

using namespace fakezoom;
using namespace fakezoom::test;

namespace {

Engine engine_with(EngineOptions options = {}) {
  return Engine(std::shared_ptr<const FixtureSet>(&shipped_fixtures(), [](const FixtureSet*) {}), std::move(options));
}

HttpRequest admin(const std::string& method, const std::string& path, QueryParams query = {}) {
  HttpRequest request = zoom_request(method, path, std::move(query));
  request.headers.remove("Authorization");  // WireMock's admin API needs none
  return request;
}

HttpRequest user_token(const std::string& user) { return zoom_request("GET", "/v2/users/" + user + "/token"); }

std::vector<std::string> journaled_urls(const json& body) {
  std::vector<std::string> urls;
  for (const auto& entry : body["requests"]) urls.push_back(entry["request"]["url"]);
  return urls;
}

}  // namespace

TEST_CASE("the admin health check answers healthy and is not journaled", "[unit][admin]") {
  Engine engine = engine_with();
  auto response = engine.handle(admin("GET", "/__admin/health"));
  CHECK(response.status == 200);
  CHECK(response.headers.get("Content-Type") == "application/json");
  auto body = body_json(response);
  CHECK(body["status"] == "healthy");
  CHECK(body["version"] == std::string(kVersion));
  CHECK(body["routes"] == engine.fixtures()->routes.routes().size());
  CHECK(body["examples"] == engine.fixtures()->example_count());
  CHECK(body["examples"] > 0);
  CHECK(engine.journal().total() == 0);
}

TEST_CASE("the admin API lists journaled requests newest first", "[unit][admin]") {
  Engine engine = engine_with();
  for (auto user : {"first", "second", "me"}) engine.handle(user_token(user));

  SECTION("all of them") {
    auto response = engine.handle(admin("GET", "/__admin/requests"));
    CHECK(response.status == 200);
    auto body = body_json(response);
    CHECK(journaled_urls(body) ==
          std::vector<std::string>{"/v2/users/me/token", "/v2/users/second/token", "/v2/users/first/token"});
    CHECK(body["meta"]["total"] == 3);
    CHECK(body["requestJournalDisabled"] == false);
    CHECK(body["requests"][0]["responseDefinition"]["status"] == 200);
    CHECK(body["requests"][1]["responseDefinition"]["status"] == 404);
    CHECK(body["requests"][0]["wasMatched"] == true);
    CHECK(body["requests"][0]["fakezoom"]["exampleId"] == "get-v2-users-userId-token-1");
    CHECK(engine.journal().total() == 3);  // reading the journal is not journaled
  }
  SECTION("at most ?limit= of them") {
    auto body = body_json(engine.handle(admin("GET", "/__admin/requests", {{"limit", "2"}})));
    CHECK(journaled_urls(body) == std::vector<std::string>{"/v2/users/me/token", "/v2/users/second/token"});
    CHECK(body["meta"]["total"] == 3);
  }
  SECTION("a limit that is no number is refused") {
    CHECK(engine.handle(admin("GET", "/__admin/requests", {{"limit", "many"}})).status == 400);
  }
  SECTION("DELETE clears the journal") {
    CHECK(engine.handle(admin("DELETE", "/__admin/requests")).status == 200);
    CHECK(engine.journal().total() == 0);
    CHECK(body_json(engine.handle(admin("GET", "/__admin/requests")))["requests"].empty());
  }
}

TEST_CASE("a negative or partly numeric ?limit= is refused", "[unit][admin]") {
  Engine engine = engine_with();
  engine.handle(user_token("me"));
  auto limit = GENERATE(as<std::string>{}, "-1", "2abc");
  INFO("?limit=" << limit);
  CHECK(engine.handle(admin("GET", "/__admin/requests", {{"limit", limit}})).status == 400);
}

TEST_CASE("journaled requests show tokens redacted", "[unit][admin][secrets]") {
  Engine engine = engine_with();
  engine.handle(with_header(user_token("me"), "Authorization", "Bearer eyJ.secret.token"));
  auto body = body_json(engine.handle(admin("GET", "/__admin/requests")));
  CHECK(body["requests"][0]["request"]["headers"]["Authorization"] == "Bearer [REDACTED]");
  CHECK(body_json(engine.handle(admin("GET", "/__admin/requests"))).dump().find("eyJ.secret.token") == std::string::npos);
}

TEST_CASE("a journal of capacity 0 says it is disabled", "[unit][admin]") {
  EngineOptions options;
  options.journal_capacity = 0;
  Engine engine = engine_with(options);
  engine.handle(user_token("me"));
  auto body = body_json(engine.handle(admin("GET", "/__admin/requests")));
  CHECK(body["requestJournalDisabled"] == true);
  CHECK(body["requests"].empty());
  CHECK(body["meta"]["total"] == 1);
}

TEST_CASE("an unknown admin path gets 404 and is not journaled", "[unit][admin]") {
  Engine engine = engine_with();
  CHECK(engine.handle(admin("GET", "/__admin/nothing")).status == 404);
  CHECK(engine.handle(admin("POST", "/__admin/requests/1/extra")).status == 404);
  CHECK(engine.journal().total() == 0);
}

TEST_CASE("a known admin path asked with another method gets 405 naming the methods it takes", "[unit][admin]") {
  Engine engine = engine_with();
  struct Case {
    const char* method;
    const char* path;
    const char* allow;
  };
  const auto c = GENERATE(Case{"POST", "/__admin/health", "GET"}, Case{"DELETE", "/__admin/settings", "GET, POST, PUT"},
                          Case{"DELETE", "/__admin/mappings", "GET"}, Case{"GET", "/__admin/mappings/x/fault", "POST, PUT, DELETE"},
                          Case{"POST", "/__admin/requests/42", "GET"}, Case{"PATCH", "/__admin/state", "GET, PUT"});
  INFO(c.method << " " << c.path);
  auto response = engine.handle(admin(c.method, c.path));
  CHECK(response.status == 405);
  CHECK(response.headers.get("Allow") == c.allow);
  CHECK(body_json(response)["errors"][0]["code"] == 405);
  CHECK(engine.journal().total() == 0);
}

TEST_CASE("GET /__admin/routes lists every admin endpoint under the prefix in use", "[unit][admin]") {
  Engine engine = engine_with();
  auto body = body_json(engine.handle(admin("GET", "/__admin/routes")));
  const auto& routes = body["routes"];
  REQUIRE(routes.is_array());
  auto listed = [&](const std::string& method, const std::string& path) {
    for (const auto& route : routes)
      if (route["method"] == method && route["path"] == path) return !route["summary"].get<std::string>().empty();
    return false;
  };
  CHECK(listed("GET", "/__admin/health"));
  CHECK(listed("GET", "/__admin/routes"));
  CHECK(listed("POST", "/__admin/requests/find"));
  CHECK(listed("DELETE", "/__admin/mappings/{id}/fault"));
  CHECK(listed("PUT", "/__admin/state"));
  // Every listed endpoint answers something other than 404 and 405 for its own method.
  for (const auto& route : routes) {
    std::string path = route["path"];
    if (auto at = path.find("{id}"); at != std::string::npos) path.replace(at, 4, "no-such-id");
    const std::string method = route["method"];
    INFO(method << " " << path);
    auto request = admin(method, path);
    request.body = "{}";
    auto response = engine.handle(request);
    CHECK(response.status != 405);
    if (path.find("no-such-id") == std::string::npos) CHECK(response.status != 404);
  }
}

TEST_CASE("only the admin prefix as a whole segment is the admin API", "[unit][admin]") {
  Engine engine = engine_with();
  auto response = engine.handle(admin("GET", "/__administrator/health"));
  CHECK(response.status == 404);
  CHECK(response.headers.get("X-Mock-Unmatched") == "true");
  CHECK(engine.journal().total() == 1);
}

TEST_CASE("the admin prefix can be moved", "[unit][admin]") {
  EngineOptions options;
  options.admin_prefix = "/_fake";
  Engine engine = engine_with(options);
  CHECK(engine.handle(admin("GET", "/_fake/health")).status == 200);
  CHECK(engine.handle(admin("GET", "/__admin/health")).headers.get("X-Mock-Unmatched") == "true");
}

TEST_CASE("a journal entry shows in WireMock's shape", "[unit][admin]") {
  JournalEntry entry;
  entry.sequence = 7;
  entry.request = zoom_request("GET", "/v2/users/me/token", {{"type", "zak"}, {"type", "token"}});
  entry.request.headers.add("Host", "127.0.0.1:8080");
  entry.request.headers.add("X-Repeated", "1");
  entry.request.headers.add("X-Repeated", "2");
  entry.status = 200;
  entry.matched = true;
  entry.logged = std::chrono::system_clock::time_point(std::chrono::milliseconds(1700000000123));
  auto shown = to_json(entry);
  CHECK(shown["id"] == "7");
  CHECK(shown["request"]["absoluteUrl"] == "http://127.0.0.1:8080/v2/users/me/token?type=zak&type=token");
  CHECK(shown["request"]["queryParams"]["type"]["values"] == json{"zak", "token"});
  CHECK(shown["request"]["headers"]["X-Repeated"] == json{"1", "2"});
  CHECK(shown["request"]["loggedDate"] == 1700000000123);
  CHECK(shown["request"]["loggedDateString"] == "2023-11-14T22:13:20.123Z");
  CHECK(shown["responseDefinition"]["status"] == 200);
}

TEST_CASE("GET /__admin/ is the journal page: self-contained HTML reading the admin API next to it", "[unit][admin]") {
  Engine engine = engine_with();
  const auto path = GENERATE(as<std::string>{}, "/__admin/", "/__admin");
  INFO(path);
  auto response = engine.handle(admin("GET", path));
  CHECK(response.status == 200);
  CHECK(response.headers.get("Content-Type") == "text/html; charset=utf-8");
  CHECK_THAT(response.headers.get("Content-Security-Policy").value_or(""), Catch::Contains("default-src 'none'"));
  CHECK_THAT(response.body, Catch::StartsWith("<!doctype html>"));
  CHECK_THAT(response.body, Catch::Contains("requests/unmatched/near-misses"));
  CHECK_THAT(response.body, !Catch::Contains("http://") && !Catch::Contains("https://"));  // nothing from elsewhere
  CHECK(engine.journal().total() == 0);
}

TEST_CASE("with an admin token, a browser may give it as HTTP Basic's password", "[unit][admin]") {
  Engine engine = engine_with({.admin_token = std::string("s3cret")});
  HttpRequest request = admin("GET", "/__admin/");
  SECTION("no token: 401 with a Basic challenge") {
    auto response = engine.handle(request);
    CHECK(response.status == 401);
    CHECK_THAT(response.headers.get("WWW-Authenticate").value_or(""), Catch::StartsWith("Basic realm="));
  }
  SECTION("the token as the password, any user: the page") {
    request.headers.set("Authorization", "Basic YWRtaW46czNjcmV0");  // admin:s3cret
    CHECK(engine.handle(request).status == 200);
  }
  SECTION("a wrong password: 401") {
    request.headers.set("Authorization", "Basic YWRtaW46d3Jvbmc=");  // admin:wrong
    CHECK(engine.handle(request).status == 401);
  }
}

namespace {
// A Server-to-Server token from the engine's own /oauth/token, with the shipped app's credentials.
std::string issued_token(Engine& engine) {
  HttpRequest request = admin("POST", "/oauth/token",
                              {{"grant_type", "account_credentials"}, {"account_id", "fakezoom-account-1"}});
  request.headers.set("Authorization", "Basic ZmFrZXpvb20tY2xpZW50LWlkOmZha2V6b29tLWNsaWVudC1zZWNyZXQ=");
  auto response = engine.handle(request);
  REQUIRE(response.status == 200);
  return body_json(response)["access_token"];
}

HttpRequest seed_with(const std::string& token) {
  HttpRequest request = zoom_request("GET", "/v2/users/me/token", {{"type", "zak"}});
  request.headers.set("Authorization", "Bearer " + token);
  return request;
}
}  // namespace

TEST_CASE("the admin API expires an OAuth token now, so a client's refresh path is testable without waiting",
          "[unit][admin][oauth]") {
  Engine engine = engine_with({.auth = {AuthMode::strict, 401}});
  const std::string token = issued_token(engine);
  const std::string other = issued_token(engine);
  REQUIRE(engine.handle(seed_with(token)).status == 200);

  SECTION("one token: it answers Zoom's expired 401, the others still work") {
    HttpRequest expire = admin("POST", "/__admin/oauth/tokens/expire");
    expire.body = json{{"access_token", token}}.dump();
    auto answer = engine.handle(expire);
    CHECK(answer.status == 200);
    CHECK(body_json(answer)["expired"] == 1);
    auto refused = engine.handle(seed_with(token));
    CHECK(refused.status == 401);
    CHECK(body_json(refused)["code"] == 124);
    CHECK(body_json(refused)["message"] == "Access token is expired.");
    CHECK(engine.handle(seed_with(other)).status == 200);
    CHECK(body_json(engine.handle(expire))["expired"] == 0);  // already expired
  }
  SECTION("no body: every token") {
    auto answer = engine.handle(admin("POST", "/__admin/oauth/tokens/expire"));
    CHECK(body_json(answer)["expired"] == 2);
    CHECK(body_json(engine.handle(seed_with(other)))["message"] == "Access token is expired.");
  }
  SECTION("a token fakezoom never issued: 404, and a body without one: 400 naming the field") {
    HttpRequest expire = admin("POST", "/__admin/oauth/tokens/expire");
    expire.body = R"({"access_token":"fz.never"})";
    CHECK(engine.handle(expire).status == 404);
    expire.body = R"({"token":"x"})";
    auto bad = engine.handle(expire);
    CHECK(bad.status == 400);
    CHECK(body_json(bad)["errors"][0]["source"]["pointer"] == "/access_token");
    // An unknown token still reads as not issued, not as expired.
    CHECK(body_json(engine.handle(seed_with("fz.never")))["message"] == "Invalid access token.");
  }
}
