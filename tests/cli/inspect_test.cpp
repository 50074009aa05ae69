// `fakezoom routes`, `fakezoom lint` and `--help` on every command.
#include <catch2/catch.hpp>

#include "process.hpp"
#include "temp_dir.hpp"
#include "test_paths.hpp"

using fakezoom::test::run;

TEST_CASE("every command answers --help with exit code 0", "[cli]") {
  const std::string command = GENERATE(as<std::string>{}, "serve", "routes", "lint");
  auto result = run({FAKEZOOM_EXE, command, "--help"});
  CHECK(result.exit_code == 0);
  CHECK(result.out.find("usage: fakezoom " + command) != std::string::npos);
}

TEST_CASE("fakezoom with no command or an unknown one is a usage error", "[cli]") {
  CHECK(run({FAKEZOOM_EXE}).exit_code == 2);
  CHECK(run({FAKEZOOM_EXE, "frobnicate"}).exit_code == 2);
  CHECK(run({FAKEZOOM_EXE, "--help"}).exit_code == 0);
}

TEST_CASE("routes lists each route with its examples' codes and names", "[cli][routes]") {
  auto result = run({FAKEZOOM_EXE, "routes", "--fixtures", FAKEZOOM_FIXTURES_DIR});
  CHECK(result.exit_code == 0);
  INFO(result.out);
  CHECK(result.out.find("GET /v2/users/{userId}/token  (get-v2-users-userId-token)  Get a user token") != std::string::npos);
  CHECK(result.out.find("200  get-v2-users-userId-token-1  **HTTP Status Code:** `200`<br> Token returned.") != std::string::npos);
  CHECK(result.out.find("404  get-v2-users-userId-token-2") != std::string::npos);

  SECTION("--base-path changes every route's prefix") {
    auto moved = run({FAKEZOOM_EXE, "routes", "--fixtures", FAKEZOOM_FIXTURES_DIR, "--base-path", "/zoom/api"});
    CHECK(moved.out.find("GET /zoom/api/users/{userId}/token") != std::string::npos);
  }
}

TEST_CASE("lint passes the shipped fixtures and fails duplicate example names", "[cli][lint]") {
  CHECK(run({FAKEZOOM_EXE, "lint", "--fixtures", FAKEZOOM_FIXTURES_DIR}).exit_code == 0);

  fakezoom::test::TempDir dir;
  const auto file = dir.write("dup.json", R"({"item":[
    {"name":"a","request":{"url":"{{baseUrl}}/a"},"response":[{"name":"Same","code":200},{"name":"Same ","code":404}]},
    {"name":"a again","request":{"url":"{{baseUrl}}/a"},"response":[{"name":"x","code":200}]}]})");
  auto result = run({FAKEZOOM_EXE, "lint", "--fixtures", file});
  CHECK(result.exit_code == 1);
  INFO(result.out);
  CHECK(result.out.find(file + ": /item/0/response/1/name: duplicate example name 'Same'") != std::string::npos);
  CHECK(result.out.find(file + ": /item/1: GET /v2/a is defined earlier") != std::string::npos);
}

TEST_CASE("a fixture that is not JSON stops every command with exit code 2", "[cli]") {
  fakezoom::test::TempDir dir;
  const auto file = dir.write("bad.json", "{\"item\": [\n  oops\n]}");
  const std::string command = GENERATE(as<std::string>{}, "routes", "lint");
  auto result = run({FAKEZOOM_EXE, command, "--fixtures", file});
  CHECK(result.exit_code == 2);
  CHECK(result.err.find(file + ": (document): invalid JSON at line 2") != std::string::npos);
}

TEST_CASE("with a collection and a spec, routes shows where each example comes from and lint what breaks the spec",
          "[cli][lint][routes]") {
  fakezoom::test::TempDir dir;
  const auto collection = dir.write("c.postman_collection.json", R"({"info":{"name":"c","schema":"https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
    "variable":[{"key":"baseUrl","value":"https://api.zoom.us/v2"}],
    "item":[{"name":"Get a thing","request":{"method":"GET","url":{"raw":"{{baseUrl}}/things/:id","host":["{{baseUrl}}"],"path":["things",":id"]}},
             "response":[{"name":"Thing.","code":200,"header":[{"key":"Content-Type","value":"application/json"}],"body":"{\"id\":7}"}]}]})");
  const auto spec = dir.write("s.openapi.json", R"({"openapi":"3.0.0","servers":[{"url":"https://api.zoom.us/v2"}],"paths":{
    "/things/{thingId}":{"get":{"responses":{
      "200":{"description":"OK","content":{"application/json":{"schema":{"type":"object","properties":{"id":{"type":"string"}}}}}},
      "404":{"description":"**Error Code:** `3001` No such thing."}}}}}})");
  auto routes = run({FAKEZOOM_EXE, "routes", "--fixtures", collection, "--fixtures", spec});
  INFO(routes.out << routes.err);
  CHECK(routes.exit_code == 0);
  CHECK(routes.out.find("    also in " + spec + "#/paths/~1things~1{thingId}/get\n") != std::string::npos);
  CHECK(routes.out.find("    404  get-v2-things-id-2  **Error Code:** `3001` No such thing.  [from " + spec + "]\n") !=
        std::string::npos);

  auto lint = run({FAKEZOOM_EXE, "lint", "--fixtures", collection, "--fixtures", spec});
  INFO(lint.out << lint.err);
  CHECK(lint.exit_code == 1);
  CHECK(lint.out.find("get-v2-things-id-1 breaks " + spec + ": /id: Value type not permitted by 'type' constraint.") !=
        std::string::npos);
  CHECK(lint.out.find("1 problem in 1 routes, 2 examples") != std::string::npos);
}
