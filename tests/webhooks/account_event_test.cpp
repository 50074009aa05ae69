#include <catch2/catch.hpp>

#include "fakezoom/webhooks/account_event.hpp"

using namespace fakezoom;
using namespace fakezoom::webhooks;
using nlohmann::ordered_json;

TEST_CASE("an account change becomes Zoom's event: the example's envelope, who did it, and the change's object", "[unit][webhooks]") {
  AccountChange change;
  change.event = "user.created";
  change.object = {{"id", "u1"}, {"email", "ana@example.com"}};
  change.extra = {{"creation_type", "create"}};
  const EventOperator by{"acc", "owner@example.com", "o1"};

  SECTION("over a documented example, in its key order, its object replaced whole") {
    EventCatalog catalog;
    catalog.document("user.created", ordered_json::parse(R"({"account_id":"AAAAAABBBB","operator":"admin@example.com",
        "operator_id":"z8y","creation_type":"ssoCreate","object":{"id":"abc","first_name":"Jill","email":"j@example.com"}})"));
    const auto event = account_event(catalog, change, by, 1767225600000);
    CHECK(event.name == "user.created");
    CHECK(event.event_ts == 1767225600000);
    CHECK(event.payload.dump() == R"({"account_id":"acc","operator":"owner@example.com","operator_id":"o1",)"
                                  R"("creation_type":"create","object":{"id":"u1","email":"ana@example.com"}})");
  }
  SECTION("without one, Zoom's envelope") {
    const auto event = account_event(EventCatalog{}, change, by, 1);
    CHECK(event.payload.dump() == R"({"account_id":"acc","operator":"owner@example.com","operator_id":"o1",)"
                                  R"("creation_type":"create","object":{"id":"u1","email":"ana@example.com"}})");
  }
  SECTION("an update carries old_object, and time_stamp where the example has one") {
    EventCatalog catalog;
    catalog.document("user.updated", ordered_json::parse(
        R"({"account_id":"A","operator":"a","operator_id":"b","time_stamp":5,"old_object":{"id":"x"},"object":{"id":"y"}})"));
    change.event = "user.updated";
    change.extra = ordered_json::object();
    change.old_object = {{"id", "u1"}, {"email", "old@example.com"}};
    const auto event = account_event(catalog, change, by, 42);
    CHECK(event.payload["time_stamp"] == 42);
    CHECK(event.payload["old_object"]["email"] == "old@example.com");
    CHECK(event.payload["object"]["email"] == "ana@example.com");
  }
  SECTION("an example's old_object is not sent with a change that has none") {
    EventCatalog catalog;
    catalog.document("user.created", ordered_json::parse(R"({"account_id":"A","old_object":{"id":"x"},"object":{}})"));
    CHECK_FALSE(account_event(catalog, change, by, 1).payload.contains("old_object"));
  }
}
