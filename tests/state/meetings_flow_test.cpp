#include "state_http.hpp"

using fakezoom::state_test::Zoom;
using nlohmann::json;

TEST_CASE("a created meeting has Zoom's shape: id, uuid, host, links with the id, settings merged", "[state][server]") {
  Zoom zoom;
  const std::string host = zoom.create_user("host@example.com");
  auto created = zoom.call("POST", "/v2/users/" + host + "/meetings",
                           {{"topic", "Design review"},
                            {"type", 2},
                            {"start_time", "2026-12-24T10:00:00Z"},
                            {"duration", 45},
                            {"timezone", "Europe/Berlin"},
                            {"settings", {{"join_before_host", true}}}});
  REQUIRE(created.status == 201);
  const auto& meeting = created.body;
  const std::string id = std::to_string(meeting["id"].get<std::int64_t>());
  CHECK(id.size() == 11);
  CHECK(meeting["uuid"].get<std::string>().size() == 24);
  CHECK(meeting["host_id"] == host);
  CHECK(meeting["host_email"] == "host@example.com");
  CHECK(meeting["topic"] == "Design review");
  CHECK(meeting["type"] == 2);
  CHECK(meeting["start_time"] == "2026-12-24T10:00:00Z");
  CHECK(meeting["duration"] == 45);
  CHECK(meeting["timezone"] == "Europe/Berlin");
  CHECK(meeting["join_url"].get<std::string>().find(id) != std::string::npos);
  CHECK(meeting["start_url"].get<std::string>().find(id) != std::string::npos);
  CHECK(meeting["password"].get<std::string>().size() == 6);
  CHECK(meeting["settings"]["join_before_host"] == true);   // sent
  CHECK(meeting["settings"]["waiting_room"] == true);       // documented default
  CHECK(meeting["settings"].contains("audio"));
}

TEST_CASE("a meeting created with only a topic shows no other meeting's values, and Zoom's default settings", "[state][server]") {
  Zoom zoom;
  const std::string id = zoom.create_meeting("me", {{"topic", "Solo"}});
  auto read = zoom.get("/v2/meetings/" + id);
  REQUIRE(read.status == 200);
  const auto& meeting = read.body;
  INFO(meeting.dump());
  CHECK(meeting["topic"] == "Solo");
  // The documented example's passcodes and links belong to its own meeting.
  for (const char* key : {"h323_password", "pstn_password", "encrypted_password"}) {
    INFO(key);
    if (meeting.contains(key)) CHECK(meeting[key] == "");
  }
  CHECK(meeting.dump().find("523411") == std::string::npos);
  CHECK(meeting.dump().find("85746065432") == std::string::npos);
  CHECK(meeting.dump().find("Weekly sync") == std::string::npos);
  CHECK(meeting["settings"]["waiting_room"] == true);  // a documented default stays
  CHECK(meeting["settings"]["approval_type"] == 2);
}

TEST_CASE("a meeting is read, changed, ended and deleted; then GET answers 3001", "[state][server]") {
  Zoom zoom;
  const std::string id = zoom.create_meeting("me", {{"topic", "Standup"}, {"duration", 15}});
  auto read = zoom.get("/v2/meetings/" + id);
  REQUIRE(read.status == 200);
  CHECK(read.body["topic"] == "Standup");
  CHECK(read.body["host_id"] == "KdYKjnimT4KPd8FFgQt9FQ");

  CHECK(zoom.call("PATCH", "/v2/meetings/" + id, {{"topic", "Standup (moved)"}, {"settings", {{"mute_upon_entry", true}}}}).status == 204);
  read = zoom.get("/v2/meetings/" + id);
  CHECK(read.body["topic"] == "Standup (moved)");
  CHECK(read.body["duration"] == 15);
  CHECK(read.body["settings"]["mute_upon_entry"] == true);

  CHECK(zoom.call("PUT", "/v2/meetings/" + id + "/status", {{"action", "end"}}).status == 204);
  CHECK(zoom.call("PUT", "/v2/meetings/" + id + "/status", {{"action", "begin"}}).body["code"] == 300);

  CHECK(zoom.call("DELETE", "/v2/meetings/" + id).status == 204);
  auto gone = zoom.get("/v2/meetings/" + id);
  CHECK(gone.status == 404);
  CHECK(gone.body == json{{"code", 3001}, {"message", "Meeting " + id + " is not found or has expired."}});
  CHECK(zoom.call("DELETE", "/v2/meetings/" + id).body["code"] == 3001);
  CHECK(zoom.call("PATCH", "/v2/meetings/" + id, {{"topic", "x"}}).body["code"] == 3001);
}

TEST_CASE("an ended instant meeting is gone", "[state][server]") {
  Zoom zoom;
  const std::string id = zoom.create_meeting("me", {{"type", 1}});
  CHECK(zoom.call("PUT", "/v2/meetings/" + id + "/status", {{"action", "end"}}).status == 204);
  CHECK(zoom.get("/v2/meetings/" + id).body["code"] == 3001);
}

TEST_CASE("a user's meetings are listed a page at a time, and go with the user", "[state][server]") {
  Zoom zoom;
  const std::string host = zoom.create_user("lister@example.com");
  std::set<std::string> created;
  for (int i = 0; i < 5; ++i) created.insert(zoom.create_meeting(host, {{"topic", "m" + std::to_string(i)}}));
  std::set<std::string> listed;
  std::string token;
  int pages = 0;
  do {
    auto page = zoom.get("/v2/users/" + host + "/meetings?page_size=2" + (token.empty() ? "" : "&next_page_token=" + token));
    REQUIRE(page.status == 200);
    CHECK(page.body["total_records"] == 5);
    for (const auto& meeting : page.body["meetings"]) {
      CHECK(meeting["host_id"] == host);
      listed.insert(std::to_string(meeting["id"].get<std::int64_t>()));
    }
    token = page.body["next_page_token"];
  } while (!token.empty() && ++pages < 10);
  CHECK(listed == created);

  CHECK(zoom.call("DELETE", "/v2/users/" + host).status == 204);
  for (const auto& id : created) CHECK(zoom.get("/v2/meetings/" + id).body["code"] == 3001);
}

TEST_CASE("a meeting for an unknown host answers 1001; a broken body answers 300 and stores nothing", "[state][server]") {
  Zoom zoom;
  const auto before = zoom.server.state().meeting_count();
  auto unknown = zoom.call("POST", "/v2/users/nobody@example.com/meetings", {{"topic", "x"}});
  CHECK(unknown.status == 404);
  CHECK(unknown.body["code"] == 1001);
  auto broken = zoom.call("POST", "/v2/users/me/meetings", {{"type", 5}, {"duration", "long"}, {"settings", "none"}});
  CHECK(broken.status == 400);
  CHECK(broken.body["code"] == 300);
  CHECK(broken.body["errors"].size() == 3);
  CHECK(zoom.server.state().meeting_count() == before);
}
