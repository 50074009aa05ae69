// `--check-responses` (issue 15, point 3): every answer checked against a spec as it is served,
// each mismatch a line on the event sink with its JSON pointer.
#include <httplib.h>

#include <catch2/catch.hpp>
#include <mutex>
#include <nlohmann/json.hpp>

#include "fakezoom/fixtures/diagnostic.hpp"
#include "fakezoom/server.hpp"
#include "temp_dir.hpp"

using fakezoom::Server;
using fakezoom::ServerOptions;

namespace {

// Documents GET /things/{thingId} answering {"id": <integer>}.
const char* const kSpec = R"({"openapi":"3.0.0","servers":[{"url":"https://api.zoom.us/v2"}],"paths":{
  "/things/{thingId}":{"get":{"responses":{
    "200":{"description":"OK","content":{"application/json":{"schema":{"type":"object","properties":{"id":{"type":"integer"}}}}}}}}}}})";

// Serves {"id": "seven"} there, and a 404 the spec does not document.
const char* const kCollection = R"({"info":{"name":"c","schema":"https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
  "variable":[{"key":"baseUrl","value":"https://api.zoom.us/v2"}],
  "item":[{"name":"Get a thing","request":{"method":"GET","url":{"raw":"{{baseUrl}}/things/:id","host":["{{baseUrl}}"],"path":["things",":id"]}},
    "response":[{"name":"Thing.","code":200,"header":[{"key":"Content-Type","value":"application/json"}],"body":"{\"id\":\"seven\"}"},
                {"name":"No thing.","code":404,"header":[],"body":""}]}]})";

}  // namespace

TEST_CASE("checking responses as they are served reports each answer that breaks the spec, with the pointer", "[server][conformance]") {
  fakezoom::test::TempDir dir;
  std::mutex mutex;
  std::vector<std::string> lines;
  ServerOptions options;
  options.fixtures = {dir.write("c.postman_collection.json", kCollection)};
  options.check_responses = dir.write("s.openapi.json", kSpec);
  options.event_sink = [&](const std::string& line) {
    std::lock_guard lock(mutex);
    lines.push_back(line);
  };
  auto zoom = Server::start(options);
  httplib::Client client("127.0.0.1", zoom.port());
  const httplib::Headers token = {{"Authorization", "Bearer t"}};
  auto ok = client.Get("/v2/things/1", token);
  REQUIRE(ok);
  CHECK(ok->status == 200);  // reported, not changed
  auto missing = client.Get("/v2/things/1", {{"Authorization", "Bearer t"}, {"x-mock-response-code", "404"}});
  REQUIRE(missing);
  std::lock_guard lock(mutex);
  REQUIRE(lines.size() == 2);
  CHECK(lines[0] == "fakezoom: the answer to GET /v2/things/1 (200, get-v2-things-id) breaks " + *options.check_responses +
                        ":\n  /id: Value type not permitted by 'type' constraint.");
  CHECK(lines[1] == "fakezoom: the answer to GET /v2/things/1 (404, get-v2-things-id) breaks " + *options.check_responses +
                        ":\n  status 404 is not documented (documented: 200)");
}

TEST_CASE("checking responses against a broken spec stops start-up naming the pointer", "[server][conformance]") {
  fakezoom::test::TempDir dir;
  ServerOptions options;
  options.fixtures = {dir.write("c.postman_collection.json", kCollection)};
  options.check_responses = dir.write("s.openapi.json", R"({"openapi":"3.0.0","paths":{"/x":{"get":{"responses":{"200":
      {"description":"OK","content":{"application/json":{"schema":{"$ref":"#/nowhere"}}}}}}}}})");
  CHECK_THROWS_AS(Server::start(options), fakezoom::FixtureError);
}
