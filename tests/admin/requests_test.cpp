// The journal through the admin API over HTTP: listing, ?limit and ?since, by id, clearing,
// count and find with WireMock request patterns, unmatched requests and their near misses.
#include "admin_support.hpp"

using namespace fakezoom::admin_test;
using fakezoom::Server;

namespace {

// Sends the seed's requests: three matched (two tokens, one ghost user) and two unmatched.
void send_some(const Server& zoom) {
  httplib::Client client(zoom.url());
  httplib::Headers with_accept = bearer("t1");
  with_accept.emplace("X-Trace", "alpha-42");
  REQUIRE(client.Get("/v2/users/me/token?type=zak&ttl=3600", with_accept));
  REQUIRE(client.Get("/v2/users/ghost/token?type=token", bearer("t2")));
  REQUIRE(client.Get("/v2/users/me/token", bearer("t3")));
  REQUIRE(client.Get("/v2/users/me/tokn", bearer("t4")));
  REQUIRE(client.Post("/v2/users/me/token", "{}", "application/json"));
}

std::vector<std::string> urls(const json& body) {
  std::vector<std::string> out;
  for (const auto& entry : body["requests"]) out.push_back(entry["request"]["url"]);
  return out;
}

}  // namespace

TEST_CASE("GET /__admin/requests lists what came in, newest first, in WireMock's shape", "[admin]") {
  auto zoom = Server::start(seed_fixtures());
  send_some(zoom);
  AdminClient admin(zoom);
  auto body = admin.get_json("/requests");
  CHECK(urls(body) == std::vector<std::string>{"/v2/users/me/token", "/v2/users/me/tokn", "/v2/users/me/token",
                                               "/v2/users/ghost/token?type=token",
                                               "/v2/users/me/token?type=zak&ttl=3600"});
  CHECK(body["meta"]["total"] == 5);
  CHECK(body["requestJournalDisabled"] == false);

  const json& oldest = body["requests"][4];
  CHECK(oldest["id"] == "1");
  CHECK(oldest["request"]["method"] == "GET");
  CHECK(oldest["request"]["absoluteUrl"] == zoom.url() + "/v2/users/me/token?type=zak&ttl=3600");
  CHECK(oldest["request"]["clientIp"] == "127.0.0.1");
  CHECK(oldest["request"]["headers"]["X-Trace"] == "alpha-42");
  CHECK(oldest["request"]["headers"]["Authorization"] == "Bearer [REDACTED]");
  CHECK(oldest["request"]["queryParams"]["ttl"]["values"] == json{"3600"});
  CHECK(oldest["request"]["host"] == "127.0.0.1");
  CHECK(oldest["request"]["port"] == zoom.port());
  CHECK(oldest["request"]["scheme"] == "http");
  CHECK(oldest["request"]["loggedDate"].is_number_integer());
  CHECK(oldest["request"]["loggedDateString"].get<std::string>().size() == 24);
  CHECK(oldest["responseDefinition"]["status"] == 200);
  CHECK(oldest["response"]["status"] == 200);
  CHECK(json::parse(oldest["response"]["body"].get<std::string>()).contains("token"));
  CHECK(oldest["wasMatched"] == true);
  CHECK(oldest["stubMapping"]["id"] == "get-v2-users-userId-token-1");
  CHECK(oldest["timing"]["addedDelay"] == 0);
  CHECK(oldest["fakezoom"]["exampleId"] == "get-v2-users-userId-token-1");
  CHECK(oldest["fakezoom"]["routeId"] == "get-v2-users-userId-token");
  CHECK_FALSE(oldest["fakezoom"]["reason"].get<std::string>().empty());

  const json& post = body["requests"][0];
  CHECK(post["request"]["method"] == "POST");
  CHECK(post["request"]["body"] == "{}");
  CHECK(post["request"]["bodyAsBase64"] == "e30=");
  CHECK(post["responseDefinition"]["status"] == 405);
  CHECK(post["wasMatched"] == false);
  CHECK_FALSE(post.contains("stubMapping"));
}

TEST_CASE("?limit= keeps the newest N and ?since= the ones logged after a time", "[admin]") {
  auto zoom = Server::start(seed_fixtures());
  send_some(zoom);
  AdminClient admin(zoom);

  SECTION("limit") {
    auto body = admin.get_json("/requests?limit=2");
    CHECK(urls(body) == std::vector<std::string>{"/v2/users/me/token", "/v2/users/me/tokn"});
    CHECK(body["meta"]["total"] == 5);
    CHECK(admin.get_json("/requests?limit=0")["requests"].empty());
  }
  SECTION("since one entry's own time: exactly the entries logged later") {
    auto all = admin.get_json("/requests")["requests"];
    const auto pivot = all[2]["request"];
    std::size_t later = 0;
    for (const auto& entry : all) later += entry["request"]["loggedDate"] > pivot["loggedDate"] ? 1 : 0;
    auto since = admin.get_json("/requests?since=" + pivot["loggedDateString"].get<std::string>());
    CHECK(since["requests"].size() == later);
    for (const auto& entry : since["requests"]) CHECK(entry["request"]["loggedDate"] > pivot["loggedDate"]);
  }
  SECTION("since long ago and in the future") {
    CHECK(admin.get_json("/requests?since=2000-01-01T00:00:00Z")["requests"].size() == 5);
    CHECK(admin.get_json("/requests?since=2999-01-01")["requests"].empty());
    CHECK(admin.get_json("/requests?since=2000-01-01T01:00:00%2B01:00&limit=1")["requests"].size() == 1);
  }
}

TEST_CASE("one journaled request can be read by its id", "[admin]") {
  auto zoom = Server::start(seed_fixtures());
  send_some(zoom);
  AdminClient admin(zoom);
  auto entry = admin.get_json("/requests/2");
  CHECK(entry["id"] == "2");
  CHECK(entry["request"]["url"] == "/v2/users/ghost/token?type=token");
  auto missing = admin.get("/requests/999");
  REQUIRE(missing);
  CHECK(missing->status == 404);
}

TEST_CASE("DELETE /__admin/requests empties the journal and restarts the count", "[admin]") {
  auto zoom = Server::start(seed_fixtures());
  send_some(zoom);
  AdminClient admin(zoom);
  auto deleted = admin.del("/requests");
  REQUIRE(deleted);
  CHECK(deleted->status == 200);
  auto body = admin.get_json("/requests");
  CHECK(body["requests"].empty());
  CHECK(body["meta"]["total"] == 0);
  CHECK(admin.count({{"method", "ANY"}}) == 0);
}

TEST_CASE("POST /__admin/requests/count counts the requests a WireMock pattern matches", "[admin]") {
  auto zoom = Server::start(seed_fixtures({.journal_secrets = true}));
  send_some(zoom);
  AdminClient admin(zoom);
  struct Case {
    const char* what;
    json pattern;
    std::size_t count;
  };
  const std::vector<Case> cases{
      {"everything", json::object(), 5},
      {"method ANY", {{"method", "ANY"}}, 5},
      {"method", {{"method", "POST"}}, 1},
      {"url with its query, as sent", {{"url", "/v2/users/me/token?type=zak&ttl=3600"}}, 1},
      {"url without the query does not match a request that had one", {{"url", "/v2/users/ghost/token"}}, 0},
      {"urlPattern", {{"urlPattern", "/v2/users/[a-z]+/token\\?type=.*"}}, 2},
      {"urlPath ignores the query", {{"urlPath", "/v2/users/me/token"}}, 3},
      {"urlPathPattern is a whole-path regex", {{"urlPathPattern", "/v2/users/.*/tok.*"}}, 5},
      {"urlPathPattern must match all of the path", {{"urlPathPattern", "/v2/users"}}, 0},
      {"urlPathTemplate", {{"method", "GET"}, {"urlPathTemplate", "/v2/users/{userId}/token"}}, 3},
      {"urlPathTemplate with pathParameters",
       {{"urlPathTemplate", "/v2/users/{userId}/token"}, {"pathParameters", {{"userId", {{"equalTo", "ghost"}}}}}},
       1},
      {"header equalTo", {{"headers", {{"Authorization", {{"equalTo", "Bearer t3"}}}}}}, 1},
      {"header names are case-insensitive", {{"headers", {{"authorization", {{"equalTo", "Bearer t3"}}}}}}, 1},
      {"header equalTo caseInsensitive",
       {{"headers", {{"x-trace", {{"equalTo", "ALPHA-42"}, {"caseInsensitive", true}}}}}},
       1},
      {"header contains", {{"headers", {{"Authorization", {{"contains", "Bearer t"}}}}}}, 4},
      {"header matches", {{"headers", {{"Authorization", {{"matches", "Bearer t[12]"}}}}}}, 2},
      {"header doesNotMatch", {{"headers", {{"Authorization", {{"doesNotMatch", "Bearer t[12]"}}}}}}, 2},
      {"header absent", {{"headers", {{"Authorization", {{"absent", true}}}}}}, 1},
      {"header absent false means present", {{"headers", {{"X-Trace", {{"absent", false}}}}}}, 1},
      {"query equalTo", {{"queryParameters", {{"type", {{"equalTo", "zak"}}}}}}, 1},
      {"query absent", {{"method", "GET"}, {"queryParameters", {{"type", {{"absent", true}}}}}}, 2},
      {"query matches", {{"queryParameters", {{"type", {{"matches", "zak|token"}}}}}}, 2},
      {"query contains", {{"queryParameters", {{"ttl", {{"contains", "36"}}}}}}, 1},
      {"everything together",
       {{"method", "GET"},
        {"urlPathTemplate", "/v2/users/{userId}/token"},
        {"headers", {{"X-Trace", {{"equalTo", "alpha-42"}}}}},
        {"queryParameters", {{"type", {{"equalTo", "zak"}}}, {"ttl", {{"equalTo", "3600"}}}}}},
       1},
  };
  for (const auto& c : cases) {
    INFO(c.what << ": " << c.pattern.dump());
    CHECK(admin.count(c.pattern) == c.count);
  }
}

TEST_CASE("POST /__admin/requests/find answers the matching requests, oldest first", "[admin]") {
  auto zoom = Server::start(seed_fixtures());
  send_some(zoom);
  AdminClient admin(zoom);
  CHECK(admin.found_urls({{"urlPath", "/v2/users/me/token"}}) ==
        std::vector<std::string>{"/v2/users/me/token?type=zak&ttl=3600", "/v2/users/me/token", "/v2/users/me/token"});
  auto body = parsed(admin.post("/requests/find", json{{"method", "POST"}}));
  REQUIRE(body["requests"].size() == 1);
  const auto& found = body["requests"][0];
  CHECK(found["method"] == "POST");
  CHECK(found["body"] == "{}");
  CHECK(found["fakezoom"]["status"] == 405);
  CHECK(found["fakezoom"]["wasMatched"] == false);
  CHECK(admin.found_urls({{"method", "DELETE"}}).empty());
}

TEST_CASE("GET /__admin/requests/unmatched lists what no documented example answered", "[admin]") {
  auto zoom = Server::start(seed_fixtures());
  send_some(zoom);
  AdminClient admin(zoom);
  std::vector<std::string> unmatched;
  const json body = admin.get_json("/requests/unmatched");
  for (const auto& request : body["requests"])
    unmatched.push_back(request["method"].get<std::string>() + " " + request["url"].get<std::string>());
  CHECK(unmatched == std::vector<std::string>{"GET /v2/users/me/tokn", "POST /v2/users/me/token"});
}

TEST_CASE("near misses name the closest route and what differed", "[admin]") {
  auto zoom = Server::start(seed_fixtures());
  httplib::Client client(zoom.url());
  REQUIRE(client.Get("/v2/users/me/tokn", bearer()));
  REQUIRE(client.Post("/v2/users/me/token", "{}", "application/json"));
  httplib::Headers asks_for_500 = bearer();
  asks_for_500.emplace("x-mock-response-code", "500");
  REQUIRE(client.Get("/v2/users/me/token", asks_for_500));
  AdminClient admin(zoom);
  auto misses = admin.get_json("/requests/unmatched/near-misses")["nearMisses"];
  REQUIRE(misses.size() == 3);  // one route in the shipped fixtures: one near miss per request

  auto differences = [](const json& miss) {
    std::vector<std::string> out;
    for (const auto& d : miss["differences"])
      out.push_back(d["field"].get<std::string>() + ": expected " + d["expected"].get<std::string>() + ", got " +
                    d["actual"].get<std::string>());
    return out;
  };
  CHECK(misses[0]["request"]["url"] == "/v2/users/me/tokn");
  CHECK(misses[0]["stubMapping"]["request"]["urlPathTemplate"] == "/v2/users/{userId}/token");
  CHECK(differences(misses[0]) == std::vector<std::string>{"path segment 4: expected token, got tokn"});
  CHECK(misses[1]["request"]["method"] == "POST");
  CHECK(differences(misses[1]) == std::vector<std::string>{"method: expected GET, got POST"});
  CHECK(misses[2]["stubMapping"]["metadata"]["routeId"] == "get-v2-users-userId-token");
  CHECK(differences(misses[2]) == std::vector<std::string>{"example status: expected 200, got 500"});
  for (const auto& miss : misses) {
    CHECK(miss["matchResult"]["distance"] > 0.0);
    CHECK(miss["matchResult"]["distance"] < 1.0);
  }
}

TEST_CASE("admin requests are not journaled", "[admin]") {
  auto zoom = Server::start(seed_fixtures());
  AdminClient admin(zoom);
  admin.get_json("/health");
  admin.get_json("/requests");
  admin.count(json::object());
  CHECK(zoom.journal().total() == 0);
}
