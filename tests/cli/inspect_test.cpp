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
