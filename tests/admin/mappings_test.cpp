// Routes and examples through the admin API: listing with ids and sources, one by id,
// reloading from disk (a broken reload keeps the old ones), faults and delays by id.
#include "fakezoom/engine/engine.hpp"
#include "admin_support.hpp"
#include "fakezoom/fixtures/loader.hpp"
#include "temp_dir.hpp"
#include "test_paths.hpp"

using namespace fakezoom::admin_test;
using fakezoom::Server;
using fakezoom::ServerOptions;
using fakezoom::test::TempDir;

namespace {

std::string probe_version(const Server& zoom) {
  httplib::Client client(zoom.url());
  auto result = client.Get("/v2/probe", bearer());
  if (!result || result->status != 200) return "no answer";
  return result->get_header_value("Matched-Stub-Name");
}

}  // namespace

TEST_CASE("GET /__admin/mappings lists every example as a stub mapping with its source", "[admin]") {
  auto zoom = Server::start(seed_fixtures());
  AdminClient admin(zoom);
  auto body = admin.get_json("/mappings");
  REQUIRE(body["mappings"].size() == 2);
  CHECK(body["meta"]["total"] == 2);
  const json& first = body["mappings"][0];
  CHECK(first["id"] == "get-v2-users-userId-token-1");
  CHECK(first["request"] == json{{"method", "GET"}, {"urlPathTemplate", "/v2/users/{userId}/token"}});
  CHECK(first["response"]["status"] == 200);
  CHECK(first["metadata"]["routeId"] == "get-v2-users-userId-token");
  CHECK_THAT(first["metadata"]["source"]["file"].get<std::string>(), Catch::EndsWith("get-a-user-token.postman_item.json"));
  CHECK(first["metadata"]["source"]["pointer"] == "/response/0");
  CHECK(body["mappings"][1]["response"]["status"] == 404);

  REQUIRE(body["routes"].size() == 1);
  CHECK(body["routes"][0]["id"] == "get-v2-users-userId-token");
  CHECK(body["routes"][0]["examples"] == json{"get-v2-users-userId-token-1", "get-v2-users-userId-token-2"});
  CHECK(body["routes"][0]["shadowed"] == false);
}

TEST_CASE("GET /__admin/mappings/{id} shows one example or one route", "[admin]") {
  auto zoom = Server::start(seed_fixtures());
  AdminClient admin(zoom);
  CHECK(admin.get_json("/mappings/get-v2-users-userId-token-2")["response"]["status"] == 404);
  CHECK(admin.get_json("/mappings/get-v2-users-userId-token")["method"] == "GET");
  auto missing = admin.get("/mappings/nope");
  REQUIRE(missing);
  CHECK(missing->status == 404);
}

TEST_CASE("POST /__admin/mappings/reset reloads the fixtures from disk", "[admin][reload]") {
  TempDir dir;
  const std::string file = dir.write("probe.json", probe_collection(1));
  auto zoom = Server::start(ServerOptions{.fixtures = {file}});
  AdminClient admin(zoom);
  REQUIRE(probe_version(zoom) == "version 1");

  SECTION("a clean change is swapped in") {
    dir.write("probe.json", probe_collection(2));
    auto body = parsed(admin.post("/mappings/reset", ""));
    CHECK(body["reloaded"] == true);
    CHECK(body["generation"] == 2);
    CHECK(body["routes"] == 1);
    CHECK(probe_version(zoom) == "version 2");
    CHECK(admin.get_json("/health")["fixtures"]["lastReload"]["ok"] == true);
  }
  SECTION("a broken change answers 422 with every problem, and the old fixtures keep serving") {
    dir.write("probe.json", R"({"info": {"name": "x"}, "item": [{"name": "Probe", "request": 42}]})");
    auto result = admin.post("/mappings/reset", "");
    REQUIRE(result);
    CHECK(result->status == 422);
    auto body = json::parse(result->body);
    CHECK(body["reloaded"] == false);
    CHECK(body["generation"] == 1);
    REQUIRE_FALSE(body["errors"].empty());
    CHECK(body["errors"][0]["source"]["file"] == file);
    CHECK(body["errors"][0]["source"]["pointer"] == "/item/0/request");
    CHECK(probe_version(zoom) == "version 1");
    auto health = admin.get_json("/health");
    CHECK(health["fixtures"]["generation"] == 1);
    CHECK(health["fixtures"]["lastReload"]["ok"] == false);
  }
  SECTION("a file that is not JSON at all is refused the same way") {
    dir.write("probe.json", "{ half a collec");
    auto result = admin.post("/mappings/reset", "");
    REQUIRE(result);
    CHECK(result->status == 422);
    CHECK(probe_version(zoom) == "version 1");
  }
}

TEST_CASE("a reload is reported on the event sink", "[admin][reload]") {
  TempDir dir;
  const std::string file = dir.write("probe.json", probe_collection(1));
  std::mutex mutex;
  std::vector<std::string> events;
  auto zoom = Server::start(ServerOptions{.fixtures = {file}, .event_sink = [&](const std::string& line) {
                                            std::lock_guard lock(mutex);
                                            events.push_back(line);
                                          }});
  AdminClient admin(zoom);
  dir.write("probe.json", "not json");
  REQUIRE(admin.post("/mappings/reset", "")->status == 422);
  dir.write("probe.json", probe_collection(3));
  REQUIRE(admin.post("/mappings/reset", "")->status == 200);
  std::lock_guard lock(mutex);
  REQUIRE(events.size() == 2);
  CHECK_THAT(events[0], Catch::StartsWith("fakezoom: fixtures not reloaded, the previous ones keep serving:"));
  CHECK_THAT(events[0], Catch::Contains(file));
  CHECK(events[1] == "fakezoom: fixtures reloaded (1 routes, 1 examples)");
}

TEST_CASE("a server given its fixtures as values has nothing to reload", "[admin][reload]") {
  auto fixtures = std::make_shared<const fakezoom::FixtureSet>(fakezoom::load_fixtures({FAKEZOOM_FIXTURES_DIR}));
  auto zoom = Server::start(fixtures, ServerOptions{});
  AdminClient admin(zoom);
  auto result = admin.post("/mappings/reset", "");
  REQUIRE(result);
  CHECK(result->status == 409);
  CHECK(zoom.engine().generation() == 1);
}

TEST_CASE("POST /__admin/mappings/{id}/fault breaks that example's answers until DELETE", "[admin][faults]") {
  auto zoom = Server::start(seed_fixtures());
  AdminClient admin(zoom);
  httplib::Client client(zoom.url());

  auto set = parsed(admin.post("/mappings/get-v2-users-userId-token-1/fault", json{{"fault", "EMPTY_RESPONSE"}}));
  CHECK(set == json{{"id", "get-v2-users-userId-token-1"}, {"fault", "EMPTY_RESPONSE"}});
  auto broken = client.Get("/v2/users/me/token", bearer());
  CHECK_FALSE(broken);
  CHECK(broken.error() == httplib::Error::Read);
  // Other examples of the route still answer.
  auto other = client.Get("/v2/users/ghost/token", bearer());
  REQUIRE(other);
  CHECK(other->status == 404);
  CHECK(admin.get_json("/mappings/get-v2-users-userId-token-1")["response"]["fault"] == "EMPTY_RESPONSE");
  CHECK(admin.get_json("/requests?limit=2")["requests"][1]["response"]["fault"] == "EMPTY_RESPONSE");

  auto cleared = admin.del("/mappings/get-v2-users-userId-token-1/fault");
  REQUIRE(cleared);
  CHECK(cleared->status == 200);
  auto healed = client.Get("/v2/users/me/token", bearer());
  REQUIRE(healed);
  CHECK(healed->status == 200);
}

TEST_CASE("a fault on a route applies to all its examples, an example's own one wins", "[admin][faults]") {
  auto zoom = Server::start(seed_fixtures());
  AdminClient admin(zoom);
  REQUIRE(admin.post("/mappings/get-v2-users-userId-token/fault", json{{"fault", "CONNECTION_RESET_BY_PEER"}})->status == 200);
  REQUIRE(admin.post("/mappings/get-v2-users-userId-token-2/delay", json{{"fixedDelayMilliseconds", 0}})->status == 200);
  httplib::Client client(zoom.url());
  CHECK_FALSE(client.Get("/v2/users/me/token", bearer()));
  CHECK_FALSE(client.Get("/v2/users/ghost/token", bearer()));
  const auto entries = zoom.journal().entries();
  REQUIRE(entries.size() == 2);
  CHECK(entries[0].fault == "CONNECTION_RESET_BY_PEER");
  CHECK(entries[1].fault == "CONNECTION_RESET_BY_PEER");
  CHECK(admin.get_json("/mappings")["overrides"]["delays"] ==
        json::array({{{"id", "get-v2-users-userId-token-2"}, {"fixedDelayMilliseconds", 0}}}));
}
