// Security defaults of the embedded server: the admin token, no path from a request reaching
// the file system, and no secret in the journal or the access log unless asked for.
#include <httplib.h>

#include <catch2/catch.hpp>
#include <algorithm>
#include <chrono>
#include <mutex>
#include <thread>
#include <nlohmann/json.hpp>

#include "fakezoom/server.hpp"
#include "raw_http.hpp"
#include "test_paths.hpp"

using fakezoom::Server;
using fakezoom::ServerOptions;

TEST_CASE("the admin token guards the admin API and only it", "[server][security][admin]") {
  auto zoom = Server::start({.fixtures = {FAKEZOOM_FIXTURES_DIR}, .admin_token = "admin-secret"});
  httplib::Client client(zoom.url());
  SECTION("without it: Zoom's 401") {
    const auto res = client.Get("/__admin/requests");
    REQUIRE(res);
    CHECK(res->status == 401);
    CHECK(nlohmann::json::parse(res->body)["code"] == 124);
  }
  SECTION("a wrong one, an empty one, or the right one under another scheme: 401") {
    for (const std::string authorization : {"Bearer admin-secreT", "Bearer ", "Basic admin-secret", "Bearer admin-secret2"}) {
      INFO(authorization);
      const auto res = client.Get("/__admin/health", {{"Authorization", authorization}});
      REQUIRE(res);
      CHECK(res->status == 401);
    }
  }
  SECTION("as a bearer token or in X-Admin-Token: answered") {
    for (const auto& header : {httplib::Headers{{"Authorization", "Bearer admin-secret"}},
                               httplib::Headers{{"X-Admin-Token", "admin-secret"}}}) {
      const auto res = client.Get("/__admin/health", header);
      REQUIRE(res);
      CHECK(res->status == 200);
    }
  }
  SECTION("a refused shutdown does not stop the server") {
    REQUIRE(client.Post("/__admin/shutdown")->status == 401);
    const auto res = client.Get("/v2/users/me/token?type=zak", {{"Authorization", "Bearer t"}});
    REQUIRE(res);
    CHECK(res->status == 200);
  }
  SECTION("the API itself takes any bearer token, as before") {
    const auto res = client.Get("/v2/users/me/token?type=zak", {{"Authorization", "Bearer other"}});
    REQUIRE(res);
    CHECK(res->status == 200);
  }
}

TEST_CASE("no path from a request reaches the file system", "[server][security]") {
  auto zoom = Server::start({.fixtures = {FAKEZOOM_FIXTURES_DIR}});
  const std::string target = GENERATE(as<std::string>{}, "/../../etc/passwd", "/v2/../../../../etc/passwd",
                                      "/v2/users/..%2F..%2F..%2Fetc%2Fpasswd/token?type=zak",
                                      "/%2e%2e/%2e%2e/etc/passwd", "/__admin/../../etc/passwd",
                                      "/__admin/mappings/..%2F..%2F..%2Fetc%2Fpasswd",
                                      "/__admin/requests/../../../etc/passwd", "/__admin/mappings/%2Fetc%2Fpasswd",
                                      "/fixtures/users.json", "/__admin/files/etc/passwd",
                                      "/get-a-user-token.postman_item.json");
  INFO(target);
  const auto answer = fakezoom::test::exchange(
      zoom.port(), "GET " + target + " HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer t\r\n\r\n");
  CHECK(answer.status >= 400);
  CHECK(answer.status < 500);
  CHECK(answer.body.find("root:") == std::string::npos);
  CHECK(answer.body.find("\"users\"") == std::string::npos);
  CHECK(answer.body.find("\"item\"") == std::string::npos);
}

TEST_CASE("secrets stay out of the journal and the access log unless asked for", "[server][security][journal]") {
  const bool keep = GENERATE(false, true);
  std::mutex mutex;
  std::string log;
  ServerOptions options{.fixtures = {FAKEZOOM_FIXTURES_DIR}, .journal_secrets = keep, .admin_token = "admin-secret"};
  options.log = fakezoom::LogFormat::text;
  options.log_sink = [&](const std::string& line) {
    std::lock_guard lock(mutex);
    log += line + "\n";
  };
  auto zoom = Server::start(options);
  httplib::Client client(zoom.url());
  // Basic credentials (client id and secret, as Zoom's OAuth takes them) and OAuth fields in a form body.
  REQUIRE(client.Post("/v2/users/me/token", {{"Authorization", "Basic Y2xpZW50OnNoaCEtc2VjcmV0"}},
                      "grant_type=refresh_token&refresh_token=form-refresh&access_token=form-access&client_secret=form-client",
                      "application/x-www-form-urlencoded"));
  REQUIRE(client.Get("/v2/users/me/token?type=zak&access_token=query-access", {{"Authorization", "Bearer bearer-secret"}}));
  REQUIRE(client.Get("/__admin/health", {{"Authorization", "Bearer admin-secret"}}));
  REQUIRE(client.Get("/__admin/health", {{"X-Admin-Token", "admin-secret"}}));

  // httplib logs after the answer is sent: wait for the four lines, then read under the lock.
  const auto logged = [&] {
    std::lock_guard lock(mutex);
    return std::make_pair(std::count(log.begin(), log.end(), '\n'), log);
  };
  for (int i = 0; i < 500 && logged().first < 4; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(10));
  const std::string log_text = logged().second;
  const auto entries = zoom.journal().entries();
  std::string journaled;
  for (const auto& entry : entries)
    journaled += entry.request.target + " " + entry.request.body + " " + entry.request.headers.get("Authorization").value_or("") + "\n";
  INFO(journaled);
  INFO(log_text);
  CHECK(entries.size() == 2);  // admin requests are never journaled
  for (const std::string secret : {"Y2xpZW50OnNoaCEtc2VjcmV0", "form-refresh", "form-access", "form-client",
                                   "query-access", "bearer-secret"}) {
    INFO(secret);
    CHECK((journaled.find(secret) != std::string::npos) == keep);
    CHECK(log_text.find(secret) == std::string::npos);  // the log never shows one
  }
  CHECK(log_text.find("admin-secret") == std::string::npos);
  CHECK(log_text.find("Basic [REDACTED]") != std::string::npos);
  CHECK(journaled.find("admin-secret") == std::string::npos);
  if (!keep) {
    CHECK(journaled.find("Basic [REDACTED]") != std::string::npos);
    CHECK(journaled.find("grant_type=refresh_token&refresh_token=[REDACTED]&access_token=[REDACTED]&client_secret=[REDACTED]") !=
          std::string::npos);
  }
}
