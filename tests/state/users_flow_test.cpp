#include "state_http.hpp"

using fakezoom::state_test::Zoom;
using nlohmann::json;

TEST_CASE("a user created through the API is read back by id, by email and in the list", "[state][server]") {
  Zoom zoom;
  auto created = zoom.call("POST", "/v2/users",
                           {{"action", "create"},
                            {"user_info", {{"email", "ana@example.com"}, {"type", 1}, {"first_name", "Ana"}, {"last_name", "Lopez"}}}});
  REQUIRE(created.status == 201);
  const std::string id = created.body["id"];
  CHECK(id.size() == 22);
  CHECK(created.body["email"] == "ana@example.com");
  CHECK(created.body["first_name"] == "Ana");
  CHECK(created.body["type"] == 1);

  for (const std::string& key : {id, std::string("ANA@example.com")}) {
    INFO("GET /v2/users/" << key);
    auto read = zoom.get("/v2/users/" + key);
    REQUIRE(read.status == 200);
    CHECK(read.body["id"] == id);
    CHECK(read.body["last_name"] == "Lopez");
    // Shaped like the documented 200: its fields are there, the stored values in them, and a
    // text the user has no value for yet is left out rather than answered as "".
    CHECK(read.body.contains("pmi"));
    CHECK_FALSE(read.body.contains("last_login_time"));
    CHECK(read.body["status"] == "active");
  }
  auto list = zoom.get("/v2/users?page_size=300");
  REQUIRE(list.status == 200);
  bool listed = false;
  for (const auto& user : list.body["users"]) listed = listed || user["id"] == id;
  CHECK(listed);
}

TEST_CASE("a user created with only an email reads back with nobody else's data in the documented fields", "[state][server]") {
  Zoom zoom;
  auto created = zoom.call("POST", "/v2/users", {{"action", "create"}, {"user_info", {{"email", "solo@example.com"}, {"type", 1}}}});
  REQUIRE(created.status == 201);
  const std::string id = created.body["id"];

  auto check_neutral = [](const json& user) {
    INFO(user.dump());
    CHECK(user["email"] == "solo@example.com");
    CHECK(user["type"] == 1);
    // The documented example is Jill Chill's: her keys stay, her values do not.
    for (const char* key : {"first_name", "last_name", "display_name", "dept", "host_key"}) {
      INFO(key);
      CHECK_FALSE(user.contains(key));
    }
    // What Zoom's user always has is the new user's own (where the answer has the field): a
    // Member made now, in en-US.
    CHECK(user.value("role_name", "Member") == "Member");
    CHECK(user.value("role_id", "2") == "2");
    CHECK(user.value("language", "en-US") == "en-US");
    // Her personal meeting id is hers; the account gives this user one of its own.
    CHECK(user.dump().find("Jill") == std::string::npos);
    CHECK(user.dump().find("3542471135") == std::string::npos);
  };
  auto read = zoom.get("/v2/users/" + id);
  REQUIRE(read.status == 200);
  CHECK(read.body.contains("pmi"));  // the documented shape is kept
  CHECK(read.body["role_name"] == "Member");
  CHECK(read.body["role_id"] == "2");
  CHECK(read.body["language"] == "en-US");
  CHECK(read.body["user_created_at"] == read.body["created_at"]);
  CHECK_FALSE(read.body.contains("first_name"));  // and a text with no value is left out, not ""
  check_neutral(read.body);

  auto list = zoom.get("/v2/users?page_size=300");
  REQUIRE(list.status == 200);
  for (const auto& user : list.body["users"])
    if (user["id"] == id) check_neutral(user);
}

TEST_CASE("an email already used answers Zoom's 409 code 1005 and stores nothing", "[state][server]") {
  Zoom zoom;
  const auto before = zoom.server.state().user_count();
  auto taken = zoom.call("POST", "/v2/users", {{"action", "create"}, {"user_info", {{"email", "JCHILL@example.com"}, {"type", 1}}}});
  CHECK(taken.status == 409);
  CHECK(taken.body == json{{"code", 1005}, {"message", "Email \"JCHILL@example.com\" has already been used."}});
  CHECK(zoom.server.state().user_count() == before);
}

TEST_CASE("a broken create body answers code 300 naming every field, and stores nothing", "[state][server]") {
  Zoom zoom;
  const auto before = zoom.server.state().user_count();
  SECTION("fields missing") {
    auto refused = zoom.call("POST", "/v2/users", {{"user_info", {{"first_name", 5}}}});
    CHECK(refused.status == 400);
    CHECK(refused.body["code"] == 300);
    std::set<std::string> fields;
    for (const auto& error : refused.body["errors"]) fields.insert(error["field"].get<std::string>());
    CHECK(fields == std::set<std::string>{"action", "user_info.email", "user_info.type", "user_info.first_name"});
  }
  SECTION("not JSON") {
    auto refused = zoom.call("POST", "/v2/users", "{\"action\":");
    CHECK(refused.status == 400);
    CHECK(refused.body["code"] == 300);
  }
  CHECK(zoom.server.state().user_count() == before);
}

TEST_CASE("the seed's route follows state: 200 for a created user, 1001 once it is deleted", "[state][server]") {
  Zoom zoom;
  const std::string id = zoom.create_user("token@example.com");
  CHECK(zoom.get("/v2/users/" + id + "/token?type=zak").status == 200);
  CHECK(zoom.call("DELETE", "/v2/users/" + id).status == 204);
  auto gone = zoom.get("/v2/users/" + id + "/token?type=zak");
  CHECK(gone.status == 404);
  CHECK(gone.body == json{{"code", 1001}, {"message", "User does not exist: " + id + "."}});
  SECTION("and so does every route under the user") {
    for (const std::string& path : {"/v2/users/" + id, "/v2/users/" + id + "/meetings"}) {
      INFO(path);
      auto answer = zoom.get(path);
      CHECK(answer.status == 404);
      CHECK(answer.body["code"] == 1001);
    }
    CHECK(zoom.call("PATCH", "/v2/users/" + id, {{"first_name", "X"}}).body["code"] == 1001);
  }
}

TEST_CASE("PATCH answers 204 and later reads return the change", "[state][server]") {
  Zoom zoom;
  const std::string id = zoom.create_user("patch@example.com");
  auto patched = zoom.call("PATCH", "/v2/users/" + id, {{"first_name", "Pat"}, {"dept", "Sales"}});
  CHECK(patched.status == 204);
  CHECK(patched.text.empty());
  auto read = zoom.get("/v2/users/" + id);
  CHECK(read.body["first_name"] == "Pat");
  CHECK(read.body["dept"] == "Sales");
  CHECK(zoom.call("PATCH", "/v2/users/" + id, {{"type", "two"}}).body["code"] == 300);
}

TEST_CASE("PUT status deactivates and activates; the list filters by status", "[state][server]") {
  Zoom zoom;
  const std::string id = zoom.create_user("status@example.com");
  CHECK(zoom.call("PUT", "/v2/users/" + id + "/status", {{"action", "deactivate"}}).status == 204);
  CHECK(zoom.get("/v2/users/" + id).body["status"] == "inactive");
  auto inactive = zoom.get("/v2/users?status=inactive");
  REQUIRE(inactive.body["users"].size() == 1);
  CHECK(inactive.body["users"][0]["id"] == id);
  CHECK(zoom.call("PUT", "/v2/users/" + id + "/status", {{"action", "activate"}}).status == 204);
  CHECK(zoom.get("/v2/users/" + id).body["status"] == "active");
  CHECK(zoom.call("PUT", "/v2/users/" + id + "/status", {{"action", "pause"}}).body["code"] == 300);
}

TEST_CASE("me is the account's owner: the users fixture's first user", "[state][server]") {
  Zoom zoom;
  auto me = zoom.get("/v2/users/me");
  REQUIRE(me.status == 200);
  CHECK(me.body["id"] == "KdYKjnimT4KPd8FFgQt9FQ");
  CHECK(me.body["email"] == "jchill@example.com");
}

TEST_CASE("pages of users: every user once, a tampered token is Zoom's 300", "[state][server]") {
  Zoom zoom;
  for (int i = 0; i < 7; ++i) zoom.create_user("u" + std::to_string(i) + "@example.com");
  const std::size_t total = zoom.server.state().user_count();
  std::set<std::string> seen;
  std::string token;
  int pages = 0;
  do {
    auto page = zoom.get("/v2/users?page_size=3" + (token.empty() ? "" : "&next_page_token=" + token));
    REQUIRE(page.status == 200);
    CHECK(page.body["total_records"] == total);
    CHECK(page.body["page_size"] == 3);
    for (const auto& user : page.body["users"]) CHECK(seen.insert(user["id"].get<std::string>()).second);
    token = page.body["next_page_token"];
  } while (!token.empty() && ++pages < 100);
  CHECK(seen.size() == total);

  auto bad = zoom.get("/v2/users?next_page_token=IAfJX3jsOLW7w3dokmFl84zOa0MAVGyMEB2");
  CHECK(bad.status == 400);
  CHECK(bad.body == json{{"code", 300}, {"message", "The next page token is invalid or expired."}});
}

TEST_CASE("a page_size above the maximum is clamped to it", "[state][server]") {
  Zoom zoom;
  CHECK(zoom.get("/v2/users?page_size=5000").body["page_size"] == 2000);
  CHECK(zoom.get("/v2/users/me/meetings?page_size=5000").body["page_size"] == 300);
  CHECK(zoom.get("/v2/users").body["page_size"] == 30);
}

TEST_CASE("the caller's explicit example choice still wins over state", "[state][server]") {
  Zoom zoom;
  const std::string id = zoom.create_user("explicit@example.com");
  auto chosen = zoom.call("GET", "/v2/users/" + id, nullptr, {{"x-mock-response-code", "404"}});
  CHECK(chosen.status == 404);
  auto documented = zoom.call("GET", "/v2/users/" + id, nullptr, {{"x-mock-response-code", "200"}});
  CHECK(documented.body["id"] == "KdYKjnimT4KPd8FFgQt9FQ");  // the documented example's
}

TEST_CASE("a stateless server answers from the documented examples only", "[state][server]") {
  Zoom zoom({.stateless = true});
  const auto before = zoom.server.state().user_count();
  auto created = zoom.call("POST", "/v2/users", {{"action", "create"}, {"user_info", {{"email", "s@example.com"}, {"type", 1}}}});
  CHECK(created.status == 201);
  CHECK(created.body["email"] == "ana.lopez@example.com");  // the example, not what was sent
  CHECK(zoom.server.state().user_count() == before);
  CHECK(zoom.get("/v2/users/nobody-at-all").status == 404);  // unknown users still answer 1001
}

TEST_CASE("a documented request is answered as documented", "[state][server]") {
  Zoom zoom;
  // The shipped fixture documents meeting 85746065432: seeded, and answered with its example.
  auto meeting = zoom.get("/v2/meetings/85746065432");
  REQUIRE(meeting.status == 200);
  CHECK(meeting.body["topic"] == "Weekly sync");
  CHECK(meeting.body["password"] == "8Bw2kQ");
  CHECK(zoom.server.journal().entries().back().example_id == "get-v2-meetings-meetingId-1");
}
