// `fakezoom serve --rate-limits on|off --plan free|pro|business`: what the flags accept and
// that they reach the server. The limits themselves are tested with a ManualClock in
// tests/contract/rate_limit_test.cpp; a process runs on the system clock, so nothing here
// depends on how many requests fit in a second.
#include <httplib.h>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "process.hpp"
#include "test_paths.hpp"

using fakezoom::test::Process;

namespace {

std::vector<std::string> serve_with(std::vector<std::string> extra) {
  std::vector<std::string> argv{FAKEZOOM_EXE, "serve", "--fixtures", FAKEZOOM_FIXTURES_DIR, "--port", "0", "--log", "off"};
  argv.insert(argv.end(), extra.begin(), extra.end());
  return argv;
}

}  // namespace

TEST_CASE("serve refuses a rate-limit switch or plan it does not know, with exit code 2", "[cli][serve][rate-limit]") {
  SECTION("--rate-limits takes on or off") {
    auto result = fakezoom::test::run(serve_with({"--rate-limits", "yes"}));
    CHECK(result.exit_code == 2);
    CHECK(result.err.find("--rate-limits must be on or off") != std::string::npos);
  }
  SECTION("--plan takes free, pro or business") {
    auto result = fakezoom::test::run(serve_with({"--plan", "enterprise"}));
    CHECK(result.exit_code == 2);
    CHECK(result.err.find("--plan must be free, pro or business") != std::string::npos);
  }
}

TEST_CASE("serve --rate-limits on --plan free sends the free plan's limits in the X-RateLimit headers",
          "[cli][serve][rate-limit]") {
  Process process(serve_with({"--rate-limits", "on", "--plan", "free"}));
  process.read_line();
  const auto event = nlohmann::json::parse(process.read_line().value_or("{}"), nullptr, false);
  const int port = event.value("port", 0);
  REQUIRE(port > 0);
  httplib::Client client("127.0.0.1", port);
  auto answer = client.Get("/v2/users/me/token?type=zak", {{"Authorization", "Bearer t"}});
  REQUIRE(answer);
  CHECK(answer->status == 200);
  CHECK(answer->get_header_value("X-RateLimit-Category") == "Light");
  CHECK(answer->get_header_value("X-RateLimit-Limit") == "6000");  // free: Light's daily limit
}
