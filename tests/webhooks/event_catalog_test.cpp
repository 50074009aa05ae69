#include <catch2/catch.hpp>

#include "fakezoom/webhooks/event_catalog.hpp"

using namespace fakezoom::webhooks;
using nlohmann::ordered_json;

TEST_CASE("without a spec the catalog knows Zoom's Users events and the meeting events, with no examples", "[unit][webhooks]") {
  const EventCatalog catalog;
  auto name = GENERATE(as<std::string>{}, "user.created", "group.admin_added", "meeting.ended", "recording.completed",
                       "app_deauthorized");
  INFO(name);
  CHECK(catalog.knows(name));
  CHECK(catalog.example(name) == nullptr);
  CHECK_FALSE(catalog.knows("user.craeted"));
  CHECK(catalog.documented() == 0);
}

TEST_CASE("an event sent over a documented example keeps the example's key order and merges the payload in", "[unit][webhooks]") {
  EventCatalog catalog;
  catalog.document("user.created", ordered_json::parse(
                                       R"({"account_id":"AAAAAABBBB","operator":"admin@example.com","creation_type":"create",
                                           "object":{"id":"abc","first_name":"Jill","email":"jchill@example.com","type":3}})"));
  CHECK(catalog.documented() == 1);
  REQUIRE(catalog.example("user.created") != nullptr);

  SECTION("a field given replaces the documented one in its place; a new one follows") {
    const auto event = catalog.event("user.created", ordered_json::parse(R"({"object":{"email":"a@example.com","dept":"QA"}})"));
    CHECK(event.name == "user.created");
    CHECK(event.event_ts == 0);
    CHECK(event.payload.dump() ==
          R"({"account_id":"AAAAAABBBB","operator":"admin@example.com","creation_type":"create",)"
          R"("object":{"id":"abc","first_name":"Jill","email":"a@example.com","type":3,"dept":"QA"}})");
  }
  SECTION("null removes a documented field, as a JSON merge patch does") {
    const auto event = catalog.event("user.created", ordered_json::parse(R"({"creation_type":null})"));
    CHECK_FALSE(event.payload.contains("creation_type"));
    CHECK(event.payload.contains("operator"));
  }
  SECTION("an empty payload sends the documented example as it is") {
    CHECK(catalog.event("user.created", ordered_json::object()).payload == *catalog.example("user.created"));
  }
  SECTION("an event without an example is the payload given") {
    CHECK(catalog.event("meeting.created", ordered_json::parse(R"({"b":1,"a":2})")).payload.dump() == R"({"b":1,"a":2})");
  }
}

TEST_CASE("a documented event is known from then on and suggested for a misspelling", "[unit][webhooks]") {
  EventCatalog catalog;
  CHECK_FALSE(catalog.knows("webinar.created"));
  catalog.document("webinar.created", ordered_json::object());
  CHECK(catalog.knows("webinar.created"));
  CHECK(catalog.names().back() == "webinar.created");
  const auto close = catalog.close_to("webinar.craeted");
  REQUIRE_FALSE(close.empty());
  CHECK(close.front() == "webinar.created");
  SECTION("documenting a built-in type again does not list it twice") {
    const auto before = catalog.names().size();
    catalog.document("user.created", ordered_json::object());
    CHECK(catalog.names().size() == before);
  }
}
