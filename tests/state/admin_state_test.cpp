#include <filesystem>
#include <fstream>

#include "state_http.hpp"

using fakezoom::state_test::Zoom;
using nlohmann::json;

TEST_CASE("GET /__admin/state shows what the API changed", "[state][server]") {
  Zoom zoom;
  const std::string id = zoom.create_user("seen@example.com");
  auto state = zoom.get("/__admin/state");
  REQUIRE(state.status == 200);
  bool found = false;
  for (const auto& user : state.body["users"]) found = found || user["id"] == id;
  CHECK(found);
  CHECK(state.body["meetings"].is_array());
}

TEST_CASE("PUT /__admin/state replaces the account; a bad document changes nothing and names the pointer", "[state][server]") {
  Zoom zoom;
  const json arranged = {{"users", {{{"id", "arranged-host"}, {"email", "arranged@example.com"}, {"type", 2}}}},
                         {"meetings", {{{"id", 12345678901}, {"host_id", "arranged-host"}, {"topic", "Arranged"}}}}};
  REQUIRE(zoom.call("PUT", "/__admin/state", arranged).status == 200);
  CHECK(zoom.get("/v2/meetings/12345678901").body["topic"] == "Arranged");
  CHECK(zoom.get("/v2/users/me").body["id"] == "arranged-host");

  const json before = zoom.get("/__admin/state").body;
  auto bad = zoom.call("PUT", "/__admin/state", {{"users", {{{"id", "x"}}}}, {"meetings", {{{"id", 1}, {"host_id", "ghost"}}}}});
  CHECK(bad.status == 400);
  REQUIRE(bad.body["errors"].size() == 1);
  CHECK(bad.body["errors"][0]["source"]["pointer"] == "/meetings/0/host_id");
  CHECK(zoom.call("PUT", "/__admin/state", "not json at all").status == 400);
  CHECK(zoom.get("/__admin/state").body == before);
}

TEST_CASE("POST /__admin/state/reset and POST /__admin/reset return to the seeded account", "[state][server]") {
  Zoom zoom;
  const json seeded = zoom.get("/__admin/state").body;
  const std::string path = GENERATE(std::string("/__admin/state/reset"), std::string("/__admin/reset"));
  INFO(path);
  zoom.create_user("gone@example.com");
  zoom.call("DELETE", "/v2/users/z8yBXksmRcOG2cXkbHHpqA");
  REQUIRE(zoom.call("POST", path).status == 200);
  CHECK(zoom.get("/__admin/state").body == seeded);
}

TEST_CASE("the state file is loaded at start and written on stop and on POST /__admin/state/save", "[state][server]") {
  const auto dir = std::filesystem::temp_directory_path() / ("fakezoom-state-http-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  const std::string file = (dir / "state.json").string();
  std::string id;
  {
    Zoom zoom({.state_file = file});
    id = zoom.create_user("kept@example.com");
    CHECK(zoom.call("POST", "/__admin/state/save").status == 200);
    std::ifstream saved(file);
    CHECK(json::parse(saved)["users"].dump().find(id) != std::string::npos);
    zoom.create_meeting(id, {{"topic", "After the save"}});
  }  // stop() writes it again
  {
    Zoom zoom({.state_file = file});
    CHECK(zoom.get("/v2/users/" + id).status == 200);
    auto meetings = zoom.get("/v2/users/" + id + "/meetings");
    REQUIRE(meetings.body["meetings"].size() == 1);
    CHECK(meetings.body["meetings"][0]["topic"] == "After the save");
  }
  SECTION("a state file that is not a state document stops start-up naming the pointer") {
    std::ofstream(file) << R"({"users": [{"email": "no-id@example.com"}]})";
    try {
      Zoom zoom({.state_file = file});
      FAIL("started on a bad state file");
    } catch (const fakezoom::FixtureError& error) {
      REQUIRE(error.diagnostics().size() == 1);
      CHECK(error.diagnostics()[0].file == file);
      CHECK(error.diagnostics()[0].pointer == "/users/0/id");
    }
  }
  std::filesystem::remove_all(dir);
}

TEST_CASE("without a state file, POST /__admin/state/save says so", "[state][server]") {
  Zoom zoom;
  CHECK(zoom.call("POST", "/__admin/state/save").status == 409);
}

TEST_CASE("the embedded API arranges the account and asserts on it", "[state][server]") {
  Zoom zoom;
  auto user = zoom.server.state().create_user({{"email", "embedded@example.com"}, {"type", 2}});
  REQUIRE(user);
  CHECK(zoom.get("/v2/users/embedded@example.com").body["type"] == 2);
  const std::string meeting = zoom.create_meeting(user.value->id, {{"topic", "From the API"}});
  CHECK(zoom.server.state().meeting(meeting)->topic == "From the API");
}
