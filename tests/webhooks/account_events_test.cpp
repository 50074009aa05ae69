// Events follow the account: each change through Zoom's API is sent to the subscription as
// the event Zoom sends for it, over loopback, waited on through the deliveries log.
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

// The n-th delivery's body, once n are logged.
json delivered(Zoom& zoom, Receiver& receiver, std::size_t n) {
  const auto records = zoom.server.webhooks().log().wait_for(n, 10s);
  REQUIRE(records.size() == n);
  CHECK(records.back().outcome == fakezoom::webhooks::DeliveryOutcome::delivered);
  return json::parse(receiver.received().body);
}

}  // namespace

TEST_CASE("users created, updated, deactivated and deleted through the API send Zoom's user events", "[webhooks][state]") {
  Receiver receiver(200, "s");
  Zoom zoom(ServerOptions{.webhooks = {{receiver.url("/zoom"), "s", {}}}});
  auto created = zoom.call("POST", "/v2/users",
                           {{"action", "custCreate"}, {"user_info", {{"email", "ana@example.com"}, {"type", 1}, {"first_name", "Ana"}}}});
  REQUIRE(created.status == 201);
  const std::string id = created.body["id"];

  const json event = delivered(zoom, receiver, 1);
  CHECK(event["event"] == "user.created");
  CHECK(event["payload"]["creation_type"] == "custCreate");
  CHECK(event["payload"]["object"]["id"] == id);
  CHECK(event["payload"]["object"]["email"] == "ana@example.com");
  CHECK(event["payload"]["object"]["first_name"] == "Ana");
  CHECK(event["payload"]["account_id"] == "fakezoom-account-1");  // the accounts fixture's
  CHECK_FALSE(event["payload"]["operator"].get<std::string>().empty());

  SECTION("an update sends the changed fields and old_object") {
    REQUIRE(zoom.call("PATCH", "/v2/users/" + id, {{"first_name", "Ana María"}}).status == 204);
    const json updated = delivered(zoom, receiver, 2);
    CHECK(updated["event"] == "user.updated");
    CHECK(updated["payload"]["object"] == json{{"id", id}, {"first_name", "Ana María"}});
    CHECK(updated["payload"]["old_object"] == json{{"id", id}, {"first_name", "Ana"}});
  }
  SECTION("deactivating sends user.deactivated") {
    REQUIRE(zoom.call("PUT", "/v2/users/" + id + "/status", {{"action", "deactivate"}}).status == 204);
    CHECK(delivered(zoom, receiver, 2)["event"] == "user.deactivated");
  }
  SECTION("deleting sends user.disassociated, as Zoom's default action, or user.deleted") {
    auto [query, name] = GENERATE(table<std::string, std::string>({{"", "user.disassociated"}, {"?action=delete", "user.deleted"}}));
    INFO(query);
    REQUIRE(zoom.call("DELETE", "/v2/users/" + id + query).status == 204);
    const json deleted = delivered(zoom, receiver, 2);
    CHECK(deleted["event"] == name);
    CHECK(deleted["payload"]["object"]["email"] == "ana@example.com");
  }
  SECTION("a refused change sends nothing") {
    REQUIRE(zoom.call("PATCH", "/v2/users/nobody@example.com", {{"first_name", "X"}}).status == 404);
    REQUIRE(zoom.call("PATCH", "/v2/users/" + id, {{"first_name", "Ana"}, {"type", 1}}).status == 204);
    CHECK(delivered(zoom, receiver, 2)["event"] == "user.updated");  // the second, not the refused one
  }
}

TEST_CASE("meetings created, updated and deleted through the API send Zoom's meeting events", "[webhooks][state]") {
  Receiver receiver(200, "s");
  Zoom zoom(ServerOptions{.webhooks = {{receiver.url("/zoom"), "s", {"meeting.created", "meeting.updated", "meeting.deleted"}}}});
  const std::string id = zoom.create_meeting("me", {{"topic", "Standup"}, {"type", 2}, {"duration", 15}});
  const json created = delivered(zoom, receiver, 1);
  CHECK(created["event"] == "meeting.created");
  CHECK(std::to_string(created["payload"]["object"]["id"].get<std::int64_t>()) == id);
  CHECK(created["payload"]["object"]["topic"] == "Standup");
  CHECK(created["payload"]["operation"] == "single");
  CHECK(created["payload"].dump().rfind(R"({"account_id":)", 0) == 0);  // Zoom's envelope order
  // The object's keys in the order of Zoom's meeting.created example, kept as text until sent.
  const std::string object = receiver.received().body;
  CHECK(object.find(R"("object":{"uuid":)") != std::string::npos);
  CHECK(object.find(R"("host_id":)") < object.find(R"("topic":)"));
  CHECK(object.find(R"("topic":)") < object.find(R"("join_url":)"));

  REQUIRE(zoom.call("PATCH", "/v2/meetings/" + id, {{"topic", "Retro"}}).status == 204);
  const json updated = delivered(zoom, receiver, 2);
  CHECK(updated["event"] == "meeting.updated");
  CHECK(updated["payload"]["object"]["topic"] == "Retro");
  CHECK(updated["payload"]["old_object"]["topic"] == "Standup");

  REQUIRE(zoom.call("DELETE", "/v2/meetings/" + id).status == 204);
  const json deleted = delivered(zoom, receiver, 3);
  CHECK(deleted["event"] == "meeting.deleted");
  CHECK(deleted["payload"]["object"]["topic"] == "Retro");
  CHECK_FALSE(deleted["payload"].contains("old_object"));
  std::vector<std::string> created_keys, deleted_keys;  // the create's kept as text, the delete's not
  for (const auto& [key, value] : created["payload"]["object"].items()) created_keys.push_back(key);
  for (const auto& [key, value] : deleted["payload"]["object"].items()) deleted_keys.push_back(key);
  CHECK(created_keys == deleted_keys);

  SECTION("a user created meanwhile goes to nobody: the subscription lists meeting events only") {
    zoom.create_user("quiet@example.com");
    CHECK(zoom.get("/v2/users/quiet@example.com").status == 200);
    CHECK(zoom.server.webhooks().log().records().size() == 3);
  }
}
