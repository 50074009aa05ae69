// `fakezoom serve` as an operator runs it: the admin token and the loopback default, and a
// SIGTERM in the middle of load.
#include <httplib.h>
#include <signal.h>

#include <atomic>
#include <catch2/catch.hpp>
#include <chrono>
#include <nlohmann/json.hpp>
#include <sstream>
#include <thread>
#include <vector>

#include "process.hpp"
#include "test_paths.hpp"

using fakezoom::test::Process;

namespace {

int start_and_read_port(Process& process) {
  process.read_line();
  const auto event = nlohmann::json::parse(process.read_line().value_or("{}"), nullptr, false);
  return event.is_object() ? event.value("port", 0) : 0;
}

}  // namespace

TEST_CASE("serve beyond loopback without --admin-token exits 2 and says why", "[cli][serve][security]") {
  const std::string host = GENERATE(as<std::string>{}, "0.0.0.0", "::");
  auto result = fakezoom::test::run({FAKEZOOM_EXE, "serve", "--fixtures", FAKEZOOM_FIXTURES_DIR, "--port", "0", "--host", host});
  CHECK(result.exit_code == 2);
  CHECK(result.err.find("--admin-token") != std::string::npos);
  CHECK(result.out.empty());  // it never listened
}

TEST_CASE("serve --admin-token answers the admin API only with the token, and never logs it", "[cli][serve][security]") {
  Process process({FAKEZOOM_EXE, "serve", "--fixtures", FAKEZOOM_FIXTURES_DIR, "--port", "0", "--admin-token", "tok-123"});
  const int port = start_and_read_port(process);
  REQUIRE(port > 0);
  httplib::Client client("127.0.0.1", port);
  const auto refused = client.Post("/__admin/shutdown");
  REQUIRE(refused);
  CHECK(refused->status == 401);
  const auto health = client.Get("/__admin/health", {{"Authorization", "Bearer tok-123"}});
  REQUIRE(health);
  CHECK(health->status == 200);
  REQUIRE(client.Post("/__admin/shutdown", {{"X-Admin-Token", "tok-123"}}, "", "application/json"));
  CHECK(process.wait() == 0);
  CHECK(process.stderr_text().find("tok-123") == std::string::npos);
}

TEST_CASE("SIGTERM in the middle of load ends serve with exit code 0 and whole log lines", "[cli][serve][load]") {
  Process process({FAKEZOOM_EXE, "serve", "--fixtures", FAKEZOOM_FIXTURES_DIR, "--port", "0", "--log", "text"});
  const int port = start_and_read_port(process);
  REQUIRE(port > 0);
  constexpr int kClients = 16;
  std::atomic<int> answered{0};
  std::atomic<bool> stop{false};
  std::vector<std::thread> clients;
  for (int c = 0; c < kClients; ++c) {
    clients.emplace_back([&] {
      httplib::Client client("127.0.0.1", port);
      client.set_keep_alive(true);
      client.set_connection_timeout(std::chrono::seconds(2));
      client.set_read_timeout(std::chrono::seconds(10));
      while (!stop) {
        const auto res = client.Get("/v2/users/me/token?type=zak", {{"Authorization", "Bearer t"}});
        if (!res) break;  // the server has gone
        if (res->status == 200) ++answered;
      }
    });
  }
  // Under load: some thousands of answers in, draining stderr so the log never blocks.
  for (int i = 0; i < 2000 && answered < 2000; ++i) {
    process.stderr_text();  // drains the pipe into the process's buffer
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  const int answered_before = answered;
  const auto signalled = std::chrono::steady_clock::now();
  process.signal(SIGTERM);
  const auto code = process.wait(std::chrono::seconds(20));  // bound only to detect a hang
  const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - signalled);
  stop = true;
  for (auto& client : clients) client.join();
  WARN("SIGTERM after " << answered_before << " answers under " << kClients << " clients: exited in " << ms.count()
                        << " ms");
  CHECK(answered_before > 0);
  CHECK(code == 0);
  const std::string log = process.stderr_text();
  REQUIRE(!log.empty());
  CHECK(log.back() == '\n');
  std::istringstream lines(log);
  std::string line;
  int whole = 0;
  while (std::getline(lines, line)) {
    INFO(line);
    CHECK(line.rfind("127.0.0.1 \"GET /v2/users/me/token?type=zak\" 200 get-v2-users-userId-token-1 auth=\"Bearer [REDACTED]\"", 0) == 0);
    ++whole;
  }
  CHECK(whole >= answered_before);
  CHECK(process.stdout_rest().empty());  // nothing after the two start-up lines
}
