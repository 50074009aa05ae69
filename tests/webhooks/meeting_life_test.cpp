// A meeting's life driven from the admin API: each step sends Zoom's event and the stored
// status follows; steps out of order are refused.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "fakezoom/webhooks/outbox.hpp"
#include "state_http.hpp"
#include "webhook_receiver.hpp"

using fakezoom::ServerOptions;
using fakezoom::state_test::Zoom;
using fakezoom::test::Receiver;
using nlohmann::json;
using namespace std::chrono_literals;

namespace {

json admin(Zoom& zoom, const std::string& path, const json& body = nullptr, int status = 200) {
  auto answer = zoom.call("POST", "/__admin" + path, body);
  INFO(path << ": " << answer.text);
  CHECK(answer.status == status);
  return answer.body;
}

json delivered(Zoom& zoom, Receiver& receiver, std::size_t n) {
  const auto records = zoom.server.webhooks().log().wait_for(n, 10s);
  REQUIRE(records.size() == n);
  return json::parse(receiver.received().body);
}

}  // namespace

TEST_CASE("a meeting started, joined, left, ended and recorded through the admin API sends each of Zoom's events", "[webhooks][state]") {
  Receiver receiver(200, "s");
  auto clock = std::make_shared<fakezoom::ManualClock>();  // 2026-01-01T00:00:00Z
  Zoom zoom(ServerOptions{.clock = clock, .webhooks = {{receiver.url("/zoom"), "s", {"meeting.started", "meeting.ended",
      "meeting.participant_joined", "meeting.participant_left", "recording.completed"}}}});
  const std::string id = zoom.create_meeting("me", {{"topic", "Standup"}, {"type", 2}});
  const std::string path = "/meetings/" + id;

  CHECK(admin(zoom, path + "/start")["event"] == "meeting.started");
  const json started = delivered(zoom, receiver, 1);
  CHECK(started["event"] == "meeting.started");
  CHECK(started["payload"]["object"]["topic"] == "Standup");
  CHECK(started["payload"]["object"]["start_time"] == "2026-01-01T00:00:00Z");
  CHECK(zoom.get("/v2/meetings/" + id).body["status"] == "started");

  clock->advance(5min);
  admin(zoom, path + "/participants/join", {{"user_name", "Ana"}, {"email", "ana@example.com"}});
  const json joined = delivered(zoom, receiver, 2);
  CHECK(joined["event"] == "meeting.participant_joined");
  CHECK(joined["payload"]["object"]["participant"] ==
        json{{"user_name", "Ana"}, {"email", "ana@example.com"}, {"join_time", "2026-01-01T00:05:00Z"}});

  admin(zoom, path + "/participants/leave", {{"user_name", "Ana"}});
  CHECK(delivered(zoom, receiver, 3)["payload"]["object"]["participant"]["leave_time"] == "2026-01-01T00:05:00Z");

  clock->advance(25min);
  CHECK(admin(zoom, path + "/end")["status"] == "ended");
  const json ended = delivered(zoom, receiver, 4);
  CHECK(ended["event"] == "meeting.ended");
  CHECK(ended["payload"]["object"]["end_time"] == "2026-01-01T00:30:00Z");
  CHECK(zoom.get("/v2/meetings/" + id).body["status"] == "waiting");  // a scheduled meeting waits again

  admin(zoom, path + "/recording");
  const json recorded = delivered(zoom, receiver, 5);
  CHECK(recorded["event"] == "recording.completed");
  CHECK(recorded["payload"]["object"]["recording_count"] == 1);
  CHECK(recorded["payload"]["object"]["recording_files"][0]["file_type"] == "MP4");
  CHECK_FALSE(recorded["payload"]["object"]["host_email"].get<std::string>().empty());
  CHECK(recorded["payload"].contains("download_token"));
}

TEST_CASE("meeting steps out of order, for unknown meetings or without a participant's name are refused", "[webhooks][state]") {
  Receiver receiver(200, "s");
  Zoom zoom(ServerOptions{.webhooks = {{receiver.url("/zoom"), "s", {}}}});
  const std::string id = zoom.create_meeting("me", {{"topic", "Later"}});
  REQUIRE(zoom.server.webhooks().log().wait_for(1, 10s).size() == 1);  // meeting.created
  auto [path, body, status] = GENERATE_REF(table<std::string, json, int>({
      {"/meetings/" + id + "/participants/join", json{{"user_name", "Ana"}}, 409},
      {"/meetings/" + id + "/end", json(nullptr), 409},
      {"/meetings/" + id + "/participants/join", json{{"email", "a@example.com"}}, 400},
      {"/meetings/999/start", json(nullptr), 404},
      {"/meetings/" + id + "/recording", json{{"recording_files", 3}}, 400},
  }));
  admin(zoom, path, body, status);
  // Deliveries keep their order: once a marker sent afterwards is logged, nothing came between.
  admin(zoom, "/webhooks/events", {{"event", "user.signed_in"}}, 202);
  const auto records = zoom.server.webhooks().log().wait_for(2, 10s);
  REQUIRE(records.size() == 2);
  CHECK(records[1].event == "user.signed_in");
}
