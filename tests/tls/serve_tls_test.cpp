// `fakezoom serve --tls-cert --tls-key` as a process: it announces https://, curl and
// fakezoom-client call it with the certificate as their CA, and bad TLS options exit 2;
// `fakezoom replay --ca-file` checks the documentation over HTTPS.
#include <signal.h>

#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "tls_support.hpp"
#include "test_paths.hpp"

using fakezoom::test::Process;
using fakezoom::test::TempDir;
namespace test = fakezoom::test;

TEST_CASE("serve --tls-cert --tls-key answers over HTTPS", "[tls][cli]") {
  TempDir dir;
  const auto files = test::make_certificate(dir);
  Process served({FAKEZOOM_EXE, "serve", "--fixtures", FAKEZOOM_FIXTURES_DIR, "--port", "0", "--log", "off",
                  "--tls-cert", files.cert, "--tls-key", files.key});
  const auto human = served.read_line().value_or("");
  const auto event = nlohmann::json::parse(served.read_line().value_or("{}"), nullptr, false);
  const int port = event.value("port", 0);
  REQUIRE(port > 0);
  const std::string base_url = "https://127.0.0.1:" + std::to_string(port) + "/v2";
  CHECK(event.value("url", "") == base_url);
  CHECK_THAT(human, Catch::StartsWith("fakezoom listening on " + base_url + " "));

  SECTION("curl --cacert") {
    const auto answer = test::run({"curl", "-sS", "--cacert", files.cert, "-H", "Authorization: Bearer t",
                                   base_url + "/users/me/token?type=zak"});
    INFO(answer.err);
    REQUIRE(answer.exit_code == 0);
    CHECK(nlohmann::json::parse(answer.out, nullptr, false) == nlohmann::json{{"token", "string"}});
  }
  SECTION("fakezoom-client --ca-file") {
    const auto answer = test::run({FAKEZOOM_CLIENT_EXE, "get-user-token", "--base-url", base_url, "--token", "t",
                                   "--user", "me", "--ca-file", files.cert});
    INFO(answer.out << answer.err);
    CHECK(answer.exit_code == 0);
    CHECK_THAT(answer.out, Catch::Contains("Response Status Code = 200"));
  }
  SECTION("fakezoom-client without the CA file fails verification") {
    const auto answer =
        test::run({FAKEZOOM_CLIENT_EXE, "get-user-token", "--base-url", base_url, "--token", "t", "--user", "me"});
    CHECK(answer.exit_code == 1);
    CHECK_THAT(answer.err, Catch::Contains("could not be verified"));
  }
  served.signal(SIGTERM);
  CHECK(served.wait() == 0);
}

TEST_CASE("serve exits 2 when the TLS options are unusable", "[tls][cli]") {
  TempDir dir;
  const auto files = test::make_certificate(dir);
  std::vector<std::string> argv{FAKEZOOM_EXE, "serve", "--fixtures", FAKEZOOM_FIXTURES_DIR, "--port", "0"};
  const auto expect_exit_2 = [&](const std::string& says) {
    const auto result = test::run(argv);
    CHECK(result.exit_code == 2);
    CHECK_THAT(result.err, Catch::Contains(says));
  };
  SECTION("--tls-cert alone") {
    argv.insert(argv.end(), {"--tls-cert", files.cert});
    expect_exit_2("--tls-cert and --tls-key go together");
  }
  SECTION("a key file that does not exist") {
    argv.insert(argv.end(), {"--tls-cert", files.cert, "--tls-key", dir.file("nothing.pem")});
    expect_exit_2("fakezoom: cannot read the TLS key " + dir.file("nothing.pem"));
  }
}

TEST_CASE("replay --ca-file replays every documented example over HTTPS", "[tls][cli]") {
  TempDir dir;
  const auto files = test::make_certificate(dir);
  auto zoom = fakezoom::Server::start(test::https_options(files));
  std::vector<std::string> argv{FAKEZOOM_EXE, "replay", "--fixtures", FAKEZOOM_FIXTURES_DIR, "--base-url",
                                zoom.base_url()};
  SECTION("trusting the certificate") {
    argv.insert(argv.end(), {"--ca-file", files.cert});
    const auto result = test::run(argv);
    INFO(result.out << result.err);
    CHECK(result.exit_code == 0);
    CHECK_THAT(result.out, Catch::EndsWith("26 passed, 0 failed\n"));
  }
  SECTION("without it every example fails on the certificate") {
    const auto result = test::run(argv);
    INFO(result.out << result.err);
    CHECK(result.exit_code == 1);
    CHECK_THAT(result.out, Catch::Contains("could not be verified"));
    CHECK_THAT(result.out, Catch::EndsWith("0 passed, 26 failed\n"));
  }
}
