// Global settings (fixedDelay) and POST /__admin/reset: journal, settings and overrides back
// to how the server started, overrides file included.
#include "admin_support.hpp"
#include "temp_dir.hpp"

using namespace fakezoom::admin_test;
using fakezoom::Server;
using fakezoom::test::TempDir;

namespace {

std::chrono::milliseconds time_token_request(const Server& zoom, int* status = nullptr) {
  httplib::Client client(zoom.url());
  const auto started = std::chrono::steady_clock::now();
  auto result = client.Get("/v2/users/me/token", bearer());
  const auto elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started);
  if (status) *status = result ? result->status : -1;
  return elapsed;
}

}  // namespace

TEST_CASE("GET and POST /__admin/settings read and set a global fixedDelay", "[admin]") {
  auto zoom = Server::start(seed_fixtures());
  AdminClient admin(zoom);
  CHECK(admin.get_json("/settings") == json{{"settings", {{"fixedDelay", 0}}}});

  auto set = parsed(admin.post("/settings", json{{"fixedDelay", 150}}));
  CHECK(set == json{{"settings", {{"fixedDelay", 150}}}});
  CHECK(admin.get_json("/settings")["settings"]["fixedDelay"] == 150);
  int status = 0;
  CHECK(time_token_request(zoom, &status) >= 150ms);
  CHECK(status == 200);
  CHECK(zoom.journal().entries().back().delay == 150ms);

  SECTION("WireMock replaces the settings whole: a field left out is back to its default") {
    CHECK(parsed(admin.post("/settings", json::object())) == json{{"settings", {{"fixedDelay", 0}}}});
  }
  SECTION("WireMock's Java client sends unused fields as null or empty; they are accepted") {
    auto body = parsed(admin.post(
        "/settings", json{{"fixedDelay", 5}, {"delayDistribution", nullptr}, {"extended", json::object()}, {"proxyPassThrough", false}}));
    CHECK(body["settings"]["fixedDelay"] == 5);
  }
  SECTION("PUT works as POST") {
    auto result = admin.http.Put("/__admin/settings", R"({"fixedDelay": 7})", "application/json");
    REQUIRE(result);
    CHECK(result->status == 200);
    CHECK(admin.get_json("/settings")["settings"]["fixedDelay"] == 7);
  }
}

TEST_CASE("the request's own delay header wins over the global fixedDelay", "[admin][faults]") {
  auto zoom = Server::start(seed_fixtures());
  AdminClient admin(zoom);
  // The global delay is the 60 s cap and the client gives up after 30 s: an answer at all
  // means the header's 0 won.
  REQUIRE(admin.post("/settings", json{{"fixedDelay", 60000}})->status == 200);
  httplib::Client client(zoom.url());
  client.set_read_timeout(30s);
  httplib::Headers headers = bearer();
  headers.emplace("x-mock-delay-ms", "0");
  auto result = client.Get("/v2/users/me/token", headers);
  REQUIRE(result);
  CHECK(result->status == 200);
  CHECK(zoom.journal().entries().back().delay == 0ms);
}

TEST_CASE("POST /__admin/reset puts journal, settings and overrides back to start-up", "[admin]") {
  TempDir dir;
  const std::string overrides = dir.write("overrides.json", R"({
    "faults": [{"id": "get-v2-users-userId-token-2", "fault": "EMPTY_RESPONSE"}],
    "delays": [{"id": "get-v2-users-userId-token", "fixedDelayMilliseconds": 20}]})");
  auto zoom = Server::start(seed_fixtures({.overrides_file = overrides}));
  AdminClient admin(zoom);
  const json start_up = admin.get_json("/mappings")["overrides"];
  CHECK(start_up["faults"] == json::array({{{"id", "get-v2-users-userId-token-2"}, {"fault", "EMPTY_RESPONSE"}}}));
  CHECK(start_up["delays"] == json::array({{{"id", "get-v2-users-userId-token"}, {"fixedDelayMilliseconds", 20}}}));

  httplib::Client client(zoom.url());
  REQUIRE(client.Get("/v2/users/me/token", bearer()));
  REQUIRE(admin.post("/settings", json{{"fixedDelay", 10}})->status == 200);
  REQUIRE(admin.del("/mappings/get-v2-users-userId-token-2/fault")->status == 200);
  REQUIRE(admin.post("/mappings/get-v2-users-userId-token-1/fault", json{{"fault", "RANDOM_DATA_THEN_CLOSE"}})->status == 200);
  REQUIRE(admin.get_json("/mappings")["overrides"] != start_up);

  auto reset = admin.post("/reset", "");
  REQUIRE(reset);
  CHECK(reset->status == 200);
  CHECK(admin.get_json("/mappings")["overrides"] == start_up);
  CHECK(admin.get_json("/settings")["settings"]["fixedDelay"] == 0);
  CHECK(admin.get_json("/requests")["meta"]["total"] == 0);
  // The start-up fault is back in force, the admin one gone.
  CHECK_FALSE(client.Get("/v2/users/ghost/token", bearer()));
  auto answered = client.Get("/v2/users/me/token", bearer());
  REQUIRE(answered);
  CHECK(answered->status == 200);
  CHECK(zoom.journal().entries().back().delay == 20ms);
}

TEST_CASE("an overrides file that names an unknown id or fault stops start-up", "[admin][faults]") {
  TempDir dir;
  SECTION("unknown id") {
    const auto file = dir.write("o.json", R"({"faults": [{"id": "get-v2-nothing-1", "fault": "EMPTY_RESPONSE"}]})");
    CHECK_THROWS_WITH(Server::start(seed_fixtures({.overrides_file = file})), Catch::Contains("get-v2-nothing-1"));
  }
  SECTION("unknown fault") {
    const auto file = dir.write("o.json", R"({"faults": [{"id": "get-v2-users-userId-token-1", "fault": "SLOW"}]})");
    CHECK_THROWS_WITH(Server::start(seed_fixtures({.overrides_file = file})), Catch::Contains("/faults/0/fault"));
  }
  SECTION("a delay beyond the cap") {
    const auto file = dir.write("o.json", R"({"delays": [{"id": "get-v2-users-userId-token", "fixedDelayMilliseconds": 600000}]})");
    CHECK_THROWS_WITH(Server::start(seed_fixtures({.overrides_file = file})), Catch::Contains("/delays/0/fixedDelayMilliseconds"));
  }
  SECTION("not JSON") {
    const auto file = dir.write("o.json", "faults: all");
    CHECK_THROWS_AS(Server::start(seed_fixtures({.overrides_file = file})), std::invalid_argument);
  }
  SECTION("missing") {
    CHECK_THROWS_WITH(Server::start(seed_fixtures({.overrides_file = dir.file("none.json")})), Catch::Contains("none.json"));
  }
}
