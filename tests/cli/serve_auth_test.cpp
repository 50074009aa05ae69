// `fakezoom serve --auth strict`: a token from POST /oauth/token works, a made-up one does not.
#include <httplib.h>
#include <signal.h>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "process.hpp"
#include "test_paths.hpp"

using fakezoom::test::Process;

TEST_CASE("serve --auth strict takes only the tokens it issued", "[cli][serve][oauth]") {
  Process process({FAKEZOOM_EXE, "serve", "--fixtures", FAKEZOOM_FIXTURES_DIR, "--port", "0", "--log", "off", "--auth",
                   "strict"});
  static_cast<void>(process.read_line());  // the human line
  const auto event = nlohmann::json::parse(process.read_line().value_or("{}"), nullptr, false);
  const int port = event.is_object() ? event.value("port", 0) : 0;
  REQUIRE(port > 0);
  httplib::Client client("127.0.0.1", port);

  const auto made_up = client.Get("/v2/users/me/token?type=zak", {{"Authorization", "Bearer made-up"}});
  REQUIRE(made_up);
  CHECK(made_up->status == 401);
  CHECK(made_up->body.find("\"code\":124") != std::string::npos);

  client.set_basic_auth("fakezoom-client-id", "fakezoom-client-secret");
  const auto issued = client.Post("/oauth/token", "grant_type=account_credentials&account_id=fakezoom-account-1",
                                  "application/x-www-form-urlencoded");
  REQUIRE(issued);
  REQUIRE(issued->status == 200);
  const auto token = nlohmann::json::parse(issued->body, nullptr, false).value("access_token", "");
  REQUIRE_FALSE(token.empty());

  httplib::Client api("127.0.0.1", port);
  const auto answer = api.Get("/v2/users/me/token?type=zak", {{"Authorization", "Bearer " + token}});
  REQUIRE(answer);
  CHECK(answer->status == 200);

  process.signal(SIGTERM);
  CHECK(process.wait() == 0);
}

TEST_CASE("serve refuses an unknown --auth mode or token status with exit code 2", "[cli][serve][oauth]") {
  SECTION("--auth") {
    auto result = fakezoom::test::run({FAKEZOOM_EXE, "serve", "--port", "0", "--auth", "sometimes"});
    CHECK(result.exit_code == 2);
    CHECK(result.err.find("--auth must be any or strict") != std::string::npos);
  }
  SECTION("--invalid-token-status") {
    auto result = fakezoom::test::run({FAKEZOOM_EXE, "serve", "--port", "0", "--invalid-token-status", "403"});
    CHECK(result.exit_code == 2);
  }
}
