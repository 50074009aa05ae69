// Zoom's webhook events specs (OpenAPI 3.1, paths named after events) as the events fakezoom
// can send: inline documents for each rule and problem, then Zoom's Users events spec itself
// (../shared/zoom-data; skipped with a warning where it is absent).
#include <catch2/catch.hpp>

#include <filesystem>

#include "fakezoom/fixtures/diagnostic.hpp"
#include "fakezoom/spec/events_spec.hpp"
#include "temp_dir.hpp"
#include "test_paths.hpp"

using namespace fakezoom;
using nlohmann::ordered_json;

namespace {

// One event, its example given as the JSON value (text, as Zoom writes it, or an object).
std::string events_spec(const std::string& event, const std::string& example_value) {
  return R"({"openapi":"3.1.0","paths":{")" + event +
         R"(":{"post":{"requestBody":{"content":{"application/json":{"examples":{"json-example":{"value":)" +
         example_value + "}}}}}}}}}";
}

struct Read {
  webhooks::EventCatalog catalog;
  std::vector<Problem> problems;
};
Read read(const std::string& text, const std::string& file = "events.json") {
  Read out;
  read_events_spec_text(file, text, out.catalog, out.problems);
  return out;
}

}  // namespace

TEST_CASE("an events spec's paths become known events, each with its example's payload in Zoom's key order", "[spec][webhooks]") {
  const auto got = read(events_spec(
      "webinar.created",
      R"("{\"event\":\"webinar.created\",\"event_ts\":1,\"payload\":{\"operator\":\"o\",\"account_id\":\"a\",\"object\":{\"z\":1,\"a\":2}}}")"));
  REQUIRE(got.problems.empty());
  CHECK(got.catalog.knows("webinar.created"));
  REQUIRE(got.catalog.example("webinar.created") != nullptr);
  CHECK(got.catalog.example("webinar.created")->dump() == R"({"operator":"o","account_id":"a","object":{"z":1,"a":2}})");

  SECTION("an example written as an object is read too") {
    const auto object = read(events_spec("webinar.created", R"({"event":"webinar.created","payload":{"object":{"id":7}}})"));
    REQUIRE(object.problems.empty());
    CHECK(object.catalog.example("webinar.created")->dump() == R"({"object":{"id":7}})");
  }
  SECTION("an event without an example is known, with nothing to merge over") {
    const auto bare = read(R"({"openapi":"3.1.0","paths":{"webinar.ended":{"post":{}}}})");
    REQUIRE(bare.problems.empty());
    CHECK(bare.catalog.knows("webinar.ended"));
    CHECK(bare.catalog.example("webinar.ended")->empty());
  }
  SECTION("OpenAPI 3.1's webhooks map is read as paths are") {
    const auto hooks = read(R"({"openapi":"3.1.0","webhooks":{"webinar.ended":{"post":{}}}})");
    REQUIRE(hooks.problems.empty());
    CHECK(hooks.catalog.knows("webinar.ended"));
  }
  SECTION("YAML") {
    const auto yaml = read("openapi: 3.1.0\npaths:\n  webinar.ended:\n    post: {}\n", "events.yaml");
    REQUIRE(yaml.problems.empty());
    CHECK(yaml.catalog.knows("webinar.ended"));
  }
}

TEST_CASE("a malformed events spec is refused with the file and the JSON pointer of each problem", "[spec][webhooks]") {
  const std::string example = "/paths/webinar.created/post/requestBody/content/application~1json/examples/json-example/value";
  auto [text, pointer, says] = GENERATE_REF(table<std::string, std::string, std::string>({
      {"{", "", "invalid JSON at line 1"},
      {R"({"swagger":"2.0","paths":{}})", "", "not an OpenAPI 3 document"},
      {R"({"openapi":"3.1.0","paths":{}})", "", "documents no events"},
      {R"({"openapi":"3.1.0","paths":[]})", "/paths", "must be an object"},
      {R"({"openapi":"3.1.0","paths":{"webinar.created":{"get":{}}}})", "/paths/webinar.created", "has no post operation"},
      {R"({"openapi":"3.1.0","paths":{"a b":{"post":{}}}})", "/paths/a b", "is not an event name"},
      {events_spec("webinar.created", R"("{not json")"), example, "is not JSON text of an event"},
      {events_spec("webinar.created", R"("[1,2]")"), example, "must be an event"},
      {events_spec("webinar.created", R"({"event":"webinar.created","payload":3})"), example, "must be an event"},
  }));
  INFO(text);
  const auto got = read(text);
  REQUIRE(got.problems.size() == 1);
  CHECK(got.problems[0].file == "events.json");
  CHECK(got.problems[0].pointer == pointer);
  CHECK(got.problems[0].message.find(says) != std::string::npos);
}

TEST_CASE("load_events_specs throws one FixtureError naming every file's problems", "[spec][webhooks]") {
  test::TempDir dir;
  const auto bad = dir.write("bad.json", R"({"openapi":"3.1.0","paths":{}})");
  try {
    load_events_specs({bad, dir.file("missing.json")});
    FAIL("no FixtureError");
  } catch (const FixtureError& error) {
    REQUIRE(error.diagnostics().size() == 2);
    CHECK(error.diagnostics()[0].file == bad);
    CHECK(error.diagnostics()[1].file == dir.file("missing.json"));
    CHECK(error.diagnostics()[1].message.find("cannot read events spec") != std::string::npos);
  }
}

TEST_CASE("Zoom's Users events spec gives its 21 events, each with a documented payload", "[spec][webhooks][zoom-data]") {
  const std::string file = std::string(FAKEZOOM_ZOOM_DATA_DIR) + "/zoom-users-events-openapi31-2026-02.json";
  if (!std::filesystem::exists(file)) {
    WARN("Zoom's events spec test skipped: " << file << " not found");
    CHECK_FALSE(std::filesystem::exists(file));
    return;
  }
  const auto catalog = load_events_specs({file});
  CHECK(catalog.documented() == 21);
  for (const auto& name : catalog.names()) {
    const auto* example = catalog.example(name);
    if (!example) continue;
    INFO(name);
    CHECK(example->contains("account_id"));
    CHECK(example->contains("object"));
  }
  // The example's key order, which a receiver re-serialising the body depends on.
  std::vector<std::string> keys;
  for (const auto& [key, value] : catalog.example("user.created")->items()) keys.push_back(key);
  CHECK(keys == std::vector<std::string>{"account_id", "operator", "operator_id", "creation_type", "object"});
}
