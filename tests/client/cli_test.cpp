#include <catch2/catch.hpp>

#include "run_process.hpp"
#include "stub_server.hpp"
#include "test_paths.hpp"

using fakezoom::client::test::closed_loopback_port;
using fakezoom::client::test::run_process;
using fakezoom::client::test::StubServer;

namespace {

const std::string exe = FAKEZOOM_CLIENT_EXE;

bool starts_with(const std::string& text, const std::string& prefix) { return text.rfind(prefix, 0) == 0; }
bool ends_with(const std::string& text, const std::string& suffix) {
  return text.size() >= suffix.size() && text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

}  // namespace

TEST_CASE("get-user-token prints the body, status 200 and the token, and exits 0", "[cli]") {
  StubServer stub;
  stub.reply_with({200, R"({"token":"string"})"});

  const auto run = run_process({exe, "get-user-token", "--base-url", stub.base_url("/v2"), "--token", "tok", "--user",
                                "a+b@x.com", "--type", "zak", "--ttl", "68423085"});

  INFO(run.err);
  CHECK(run.exit_code == 0);
  CHECK(run.out ==
        "Response Body:\n"
        "{\n"
        "  \"token\": \"string\"\n"
        "}\n"
        "Response Status Code = 200\n"
        "token: string\n");
  const auto received = stub.received();
  REQUIRE(received.size() == 1);
  CHECK(received[0].target == "/v2/users/a%2Bb%40x.com/token?type=zak&ttl=68423085");
  CHECK(received[0].header("Authorization") == "Bearer tok");
}

TEST_CASE("get-user-token at 404 prints the header block and Failed., and exits 1", "[cli]") {
  StubServer stub;
  stub.reply_with({404, R"({"code":1001,"message":"User does not exist: x."})"});

  const auto run =
      run_process({exe, "get-user-token", "--base-url=" + stub.base_url("/v2"), "--token=tok", "--user=x"});

  CHECK(run.exit_code == 1);
  CHECK(starts_with(run.out,
                    "Response Body:\n"
                    "{\n"
                    "  \"code\": 1001,\n"
                    "  \"message\": \"User does not exist: x.\"\n"
                    "}\n"
                    "Response Status Code = 404\n"
                    "Response Header:\n"
                    "HTTP/1.1 404 Not Found\n"));
  CHECK_THAT(run.out, Catch::Contains("\nContent-Type: application/json\n"));
  CHECK(ends_with(run.out, "\nFailed.\n"));
  CHECK_THAT(run.out, !Catch::Contains("token:"));
}

TEST_CASE("get-user-token at an empty 404 prints an empty body line", "[cli]") {
  StubServer stub;
  stub.reply_with({404, "", "text/plain"});

  const auto run = run_process({exe, "get-user-token", "--base-url", stub.base_url(), "--token", "", "--user", "x"});

  CHECK(run.exit_code == 1);
  CHECK(starts_with(run.out, "Response Body:\n\nResponse Status Code = 404\nResponse Header:\n"));
  CHECK(stub.received().at(0).header_count("Authorization") == 0);
}

TEST_CASE("a body that is not JSON is printed as it came", "[cli]") {
  StubServer stub;
  stub.reply_with({503, "upstream down", "text/plain"});

  const auto run = run_process({exe, "get-user-token", "--base-url", stub.base_url(), "--token", "t", "--user", "x"});

  CHECK(run.exit_code == 1);
  CHECK(starts_with(run.out, "Response Body:\nupstream down\nResponse Status Code = 503\n"));
}

TEST_CASE("a 200 without a token field fails with the reason on stderr", "[cli]") {
  StubServer stub;
  stub.reply_with({200, R"({"zak":"x"})"});

  const auto run = run_process({exe, "get-user-token", "--base-url", stub.base_url(), "--token", "t", "--user", "x"});

  CHECK(run.exit_code == 1);
  CHECK(ends_with(run.out, "Response Status Code = 200\nFailed.\n"));
  CHECK_THAT(run.err, Catch::Contains("no \"token\" field"));
}

TEST_CASE("connection refused prints what failed to stderr and exits 1", "[cli]") {
  const std::string port = std::to_string(closed_loopback_port());

  const auto run = run_process(
      {exe, "get-user-token", "--base-url", "http://127.0.0.1:" + port + "/v2", "--token", "t", "--user", "me"});

  CHECK(run.exit_code == 1);
  CHECK(run.out.empty());
  CHECK_THAT(run.err, Catch::Contains("127.0.0.1:" + port) && Catch::Contains("connection refused"));
}

TEST_CASE("usage errors exit 2 with a message on stderr", "[cli]") {
  const std::vector<std::string> args = GENERATE(
      std::vector<std::string>{}, std::vector<std::string>{"get-user-tokens"},
      std::vector<std::string>{"get-user-token", "--token", "t", "--user", "me"},
      std::vector<std::string>{"get-user-token", "--base-url", "http://127.0.0.1:1", "--user", "me"},
      std::vector<std::string>{"get-user-token", "--base-url", "http://127.0.0.1:1", "--token", "t"},
      std::vector<std::string>{"get-user-token", "--base-url", "ftp://h", "--token", "t", "--user", "me"},
      std::vector<std::string>{"get-user-token", "--base-url", "http://h", "--token", "t", "--user", "me", "--ttl",
                               "1h"},
      std::vector<std::string>{"get-user-token", "--base-url", "http://h", "--token", "t", "--user", "me", "--type",
                               "jwt"},
      std::vector<std::string>{"get-user-token", "--base-url", "http://h", "--token", "t", "--user", "me", "--bogus"},
      std::vector<std::string>{"get-user-token", "--base-url"});
  std::vector<std::string> argv{exe};
  argv.insert(argv.end(), args.begin(), args.end());
  std::string shown;
  for (const auto& arg : args) shown += arg + " ";
  INFO("arguments: " << shown);

  const auto run = run_process(argv);

  CHECK(run.exit_code == 2);
  CHECK(run.out.empty());
  CHECK_THAT(run.err, Catch::StartsWith("fakezoom-client: ") && Catch::Contains("usage:"));
}

TEST_CASE("--help prints the usage and exits 0", "[cli]") {
  const auto run = run_process({exe, "--help"});

  CHECK(run.exit_code == 0);
  CHECK_THAT(run.out, Catch::StartsWith("usage: fakezoom-client get-user-token"));
  CHECK(run.err.empty());
}
