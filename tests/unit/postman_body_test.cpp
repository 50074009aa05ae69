#include <catch2/catch.hpp>

#include "fakezoom/fixtures/postman_body.hpp"
#include "unit_support.hpp"

using namespace fakezoom;
using namespace fakezoom::test;

TEST_CASE("a raw body is sent as written, typed by whether it is JSON", "[unit][fixtures][body]") {
  auto json_body = read_request_body({{"mode", "raw"}, {"raw", R"({"action":"end"})"}});
  CHECK(json_body.text == R"({"action":"end"})");
  CHECK(json_body.content_type == "application/json");
  auto text_body = read_request_body({{"mode", "raw"}, {"raw", "hello"}});
  CHECK(text_body.text == "hello");
  CHECK(text_body.content_type == "text/plain");
}

TEST_CASE("a urlencoded body is form-encoded without its disabled fields", "[unit][fixtures][body]") {
  auto body = read_request_body({{"mode", "urlencoded"},
                                 {"urlencoded",
                                  {{{"key", "grant_type"}, {"value", "account_credentials"}},
                                   {{"key", "off"}, {"value", "1"}, {"disabled", true}},
                                   {{"key", "account_id"}, {"value", "a b&c"}}}}});
  CHECK(body.text == "grant_type=account_credentials&account_id=a%20b%26c");
  CHECK(body.content_type == "application/x-www-form-urlencoded");
}

TEST_CASE("Zoom's formdata of JSON texts is sent as one JSON object", "[unit][fixtures][body]") {
  auto body = read_request_body({{"mode", "formdata"},
                                 {"formdata",
                                  {{{"key", "basic"}, {"value", R"({"support_email":"a@b.c"})"}, {"type", "text"}},
                                   {{"key", "name"}, {"value", "plain words"}, {"type", "text"}}}}});
  CHECK(body.content_type == "application/json");
  CHECK(json::parse(body.text) == json{{"basic", {{"support_email", "a@b.c"}}}, {"name", "plain words"}});
}

TEST_CASE("no body, an empty body or an unknown shape gives no body", "[unit][fixtures][body]") {
  const json shape = GENERATE(json(), json{{"mode", "raw"}, {"raw", ""}}, json{{"mode", "file"}, {"file", {}}},
                              json{{"mode", "formdata"}, {"formdata", json::array()}}, json("text"));
  INFO("body: " << shape.dump());
  auto body = read_request_body(shape);
  CHECK(body.text.empty());
  CHECK(body.content_type.empty());
}

TEST_CASE("an example keeps the body of the request it documents", "[unit][fixtures][body]") {
  json example = saved_example("Created", 201, "{}", "application/json");
  example["originalRequest"] = {{"method", "POST"},
                                {"url", "{{baseUrl}}/users"},
                                {"body", {{"mode", "raw"}, {"raw", R"({"action":"create"})"}}}};
  json item = request_item("Create a user", "POST", {"users"}, {example, saved_example("Bad", 400)});
  item["request"]["body"] = {{"mode", "raw"}, {"raw", R"({"action":"autoCreate"})"}};
  const auto fixtures = fixtures_from(collection({item}));
  const auto& examples = fixtures.routes.routes().at(0).examples;
  REQUIRE(examples.size() == 2);
  CHECK(examples[0].request_body == R"({"action":"create"})");
  CHECK(examples[0].request_content_type == "application/json");
  CHECK(examples[1].request_body == R"({"action":"autoCreate"})");  // no originalRequest: the item's own
}
