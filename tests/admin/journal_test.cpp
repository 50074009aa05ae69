// The journal over HTTP: bounded (oldest dropped, meta.total still counting), switched off,
// tokens redacted, and exact under many concurrent clients.
#include <atomic>
#include <set>

#include "admin_support.hpp"

using namespace fakezoom::admin_test;
using fakezoom::Server;

TEST_CASE("the journal keeps the newest N requests and meta.total counts them all", "[admin][journal]") {
  auto zoom = Server::start(seed_fixtures({.journal_capacity = 5}));
  httplib::Client client(zoom.url());
  for (int i = 1; i <= 12; ++i) REQUIRE(client.Get("/v2/users/me/token?n=" + std::to_string(i), bearer()));
  AdminClient admin(zoom);
  auto body = admin.get_json("/requests");
  std::vector<std::string> ids;
  for (const auto& entry : body["requests"]) ids.push_back(entry["id"]);
  CHECK(ids == std::vector<std::string>{"12", "11", "10", "9", "8"});
  CHECK(body["meta"]["total"] == 12);
  CHECK(admin.count({{"urlPath", "/v2/users/me/token"}}) == 5);
  CHECK(admin.count({{"queryParameters", {{"n", {{"equalTo", "1"}}}}}}) == 0);
}

TEST_CASE("with the journal off nothing is kept and verification answers 500 as WireMock does", "[admin][journal]") {
  auto zoom = Server::start(seed_fixtures({.journal_capacity = 0}));
  httplib::Client client(zoom.url());
  REQUIRE(client.Get("/v2/users/me/token", bearer()));
  AdminClient admin(zoom);
  auto body = admin.get_json("/requests");
  CHECK(body["requestJournalDisabled"] == true);
  CHECK(body["requests"].empty());
  CHECK(body["meta"]["total"] == 1);
  for (const auto* path : {"/requests/count", "/requests/find"}) {
    auto result = admin.post(path, json::object());
    REQUIRE(result);
    CHECK(result->status == 500);
    CHECK_THAT(result->body, Catch::Contains("journal is disabled"));
  }
  auto unmatched = admin.get("/requests/unmatched");
  REQUIRE(unmatched);
  CHECK(unmatched->status == 500);
}

TEST_CASE("tokens are redacted in the journal unless journal secrets are kept", "[admin][journal]") {
  const bool keep = GENERATE(false, true);
  INFO("journal_secrets " << keep);
  auto zoom = Server::start(seed_fixtures({.journal_secrets = keep}));
  httplib::Client client(zoom.url());
  REQUIRE(client.Get("/v2/users/me/token?access_token=q-secret&refresh_access_token=r", bearer("h-secret")));
  AdminClient admin(zoom);
  const std::string listed = admin.get("/requests")->body;
  const std::string found = admin.post("/requests/find", json::object())->body;
  for (const auto& text : {listed, found}) {
    CHECK((text.find("q-secret") != std::string::npos) == keep);
    CHECK((text.find("h-secret") != std::string::npos) == keep);
  }
  const json entry = json::parse(listed)["requests"][0]["request"];
  CHECK(entry["headers"]["Authorization"] == (keep ? "Bearer h-secret" : "Bearer [REDACTED]"));
  CHECK(entry["url"] == (keep ? "/v2/users/me/token?access_token=q-secret&refresh_access_token=r"
                              : "/v2/users/me/token?access_token=[REDACTED]&refresh_access_token=r"));
  CHECK(admin.count({{"headers", {{"Authorization", {{"equalTo", "Bearer h-secret"}}}}}}) == (keep ? 1u : 0u));
}

TEST_CASE("16 clients sending 200 requests each are all journaled, exactly once", "[admin][journal][threads]") {
  constexpr int kClients = 16;
  constexpr int kEach = 200;
  auto zoom = Server::start(seed_fixtures());
  std::atomic<int> answered{0};
  std::vector<std::thread> clients;
  for (int c = 0; c < kClients; ++c)
    clients.emplace_back([&, c] {
      httplib::Client client(zoom.url());
      client.set_read_timeout(60s);  // a hang bound: TSan on a loaded machine is slow
      client.set_keep_alive(c % 2 == 0);  // half reuse one connection, half open one per request
      for (int i = 0; i < kEach; ++i) {
        auto result = client.Get("/v2/users/me/token?client=" + std::to_string(c) + "&i=" + std::to_string(i), bearer());
        if (result && result->status == 200) ++answered;
      }
    });
  for (auto& thread : clients) thread.join();
  CHECK(answered == kClients * kEach);

  AdminClient admin(zoom);
  CHECK(admin.count({{"method", "GET"}, {"urlPath", "/v2/users/me/token"}}) == kClients * kEach);
  CHECK(admin.count({{"queryParameters", {{"client", {{"equalTo", "7"}}}}}}) == kEach);
  auto body = admin.get_json("/requests");
  CHECK(body["meta"]["total"] == kClients * kEach);
  REQUIRE(body["requests"].size() == kClients * kEach);
  std::set<std::string> ids, sent;
  for (const auto& entry : body["requests"]) {
    ids.insert(entry["id"].get<std::string>());
    sent.insert(entry["request"]["url"].get<std::string>());
  }
  CHECK(ids.size() == kClients * kEach);
  CHECK(sent.size() == kClients * kEach);  // every request once, none twice
  CHECK(*ids.begin() == "1");
}
