// Faults and delays as a caller meets them: each WireMock fault reaches fakezoom::client as a
// transport Error, from the x-mock-fault header, the overrides file and the admin API; delays
// hold the answer, time the client out, are capped, and block nobody else.
#include <httplib.h>
#include <signal.h>

#include <catch2/catch.hpp>

#include <future>

#include <atomic>
#include <thread>

#include <nlohmann/json.hpp>

#include "fakezoom/client.hpp"
#include "fakezoom/server.hpp"
#include "process.hpp"
#include "temp_dir.hpp"
#include "test_paths.hpp"

using namespace std::chrono_literals;
using fakezoom::Server;
using fakezoom::ServerOptions;
namespace client = fakezoom::client;

namespace {

constexpr const char* kFaults[] = {"EMPTY_RESPONSE", "MALFORMED_RESPONSE_CHUNK", "RANDOM_DATA_THEN_CLOSE",
                                   "CONNECTION_RESET_BY_PEER"};

ServerOptions shipped(ServerOptions options = {}) {
  options.fixtures = {FAKEZOOM_FIXTURES_DIR};
  return options;
}

client::Client client_for(const Server& zoom, std::chrono::milliseconds read_timeout = 5s) {
  client::ClientOptions options;
  options.base_url = zoom.base_url();
  options.bearer_token = "fault-test-token";
  options.connect_timeout = 5s;
  options.read_timeout = read_timeout;
  return client::Client(std::move(options));
}

client::Request token_request(std::vector<std::pair<std::string, std::string>> headers = {}) {
  client::Request request;
  request.path = client::Path::from_segments({"users", "me", "token"});
  request.headers = std::move(headers);
  return request;
}

std::string describe(const client::Error& e) {
  return std::string(client::to_string(e.kind)) + " status " + std::to_string(e.status) + ": " + e.message;
}

// What every fault looks like to the client: no HTTP answer at all, the connection gone early.
void expect_connection_broken(const client::Result<client::Response>& result, const client::Client& client) {
  REQUIRE_FALSE(result);
  const client::Error& error = result.error();
  INFO(describe(error));
  CHECK(error.kind == client::ErrorKind::transport);
  CHECK(error.status == 0);
  CHECK_FALSE(error.zoom_code);
  CHECK(error.body.empty());
  CHECK_THAT(error.message, Catch::Contains("closed before a complete response was read"));
  CHECK_THAT(error.message, Catch::EndsWith("[httplib: Read]"));
  CHECK_FALSE(client.last_response());
}

}  // namespace

TEST_CASE("each x-mock-fault reaches the client as a transport error", "[faults]") {
  auto zoom = Server::start(shipped());
  auto zoom_client = client_for(zoom);
  for (const char* fault : kFaults) {
    INFO(fault);
    expect_connection_broken(zoom_client.call(token_request({{"x-mock-fault", fault}})), zoom_client);
    // The journal still tells what was asked and which answer the fault replaced.
    const auto entry = zoom.journal().entries().back();
    CHECK(entry.fault == fault);
    CHECK(entry.status == 200);
    CHECK(entry.example_id == "get-v2-users-userId-token-1");
    // The server is unharmed: the next call is answered.
    auto next = zoom_client.call(token_request());
    INFO((next ? std::string("ok") : describe(next.error())));
    CHECK(next);
  }
}

TEST_CASE("faults from the overrides file hit the typed calls too", "[faults]") {
  fakezoom::test::TempDir dir;
  const std::string fault = GENERATE(from_range(std::begin(kFaults), std::end(kFaults)));
  INFO(fault);
  const auto file = dir.write("overrides.json", nlohmann::json{{"faults", {{{"id", "get-v2-users-userId-token-1"}, {"fault", fault}}}}}.dump());
  auto zoom = Server::start(shipped({.overrides_file = file}));
  auto zoom_client = client_for(zoom);
  auto token = zoom_client.get_user_token("me", "zak");
  REQUIRE_FALSE(token);
  INFO(describe(token.error()));
  CHECK(token.error().kind == client::ErrorKind::transport);
  CHECK_THAT(token.error().message, Catch::Contains("closed before a complete response was read"));
  // Only that example breaks: the documented 404 still comes through.
  auto ghost = zoom_client.get_user_token("ghost");
  REQUIRE_FALSE(ghost);
  CHECK(ghost.error().kind == client::ErrorKind::http);
  CHECK(ghost.error().zoom_code == 1001);
}

TEST_CASE("a fault set through the admin API reaches the client", "[faults][admin]") {
  auto zoom = Server::start(shipped());
  httplib::Client admin(zoom.url());
  auto set = admin.Post("/__admin/mappings/get-v2-users-userId-token/fault", R"({"fault":"CONNECTION_RESET_BY_PEER"})",
                        "application/json");
  REQUIRE(set);
  REQUIRE(set->status == 200);
  auto zoom_client = client_for(zoom);
  expect_connection_broken(zoom_client.call(token_request()), zoom_client);
  REQUIRE(admin.Delete("/__admin/mappings/get-v2-users-userId-token/fault"));
  CHECK(zoom_client.call(token_request()));
}

TEST_CASE("an unreadable x-mock header gets a 400 naming it", "[faults]") {
  auto zoom = Server::start(shipped());
  auto zoom_client = client_for(zoom);
  for (const auto& [name, value] : std::vector<std::pair<std::string, std::string>>{{"x-mock-fault", "SLOW_LORIS"},
                                                                                   {"x-mock-delay-ms", "soon"}}) {
    INFO(name << ": " << value);
    auto result = zoom_client.call(token_request({{name, value}}));
    REQUIRE_FALSE(result);
    CHECK(result.error().kind == client::ErrorKind::http);
    CHECK(result.error().status == 400);
    CHECK(result.error().zoom_code == 300);
    CHECK_THAT(result.error().message, Catch::StartsWith(name + ": "));
  }
}

TEST_CASE("x-mock-delay-ms holds the answer that long", "[faults]") {
  auto zoom = Server::start(shipped());
  auto zoom_client = client_for(zoom);
  const auto started = std::chrono::steady_clock::now();
  auto result = zoom_client.call(token_request({{"x-mock-delay-ms", "250"}}));
  const auto elapsed = std::chrono::steady_clock::now() - started;
  REQUIRE(result);
  CHECK(result.value().status == 200);
  CHECK(elapsed >= 250ms);
  CHECK(zoom.journal().entries().back().delay == 250ms);
}

TEST_CASE("a delay longer than the client's read timeout is a timeout error", "[faults]") {
  auto zoom = Server::start(shipped());
  auto zoom_client = client_for(zoom, 300ms);
  auto result = zoom_client.call(token_request({{"x-mock-delay-ms", "60000"}}));
  REQUIRE_FALSE(result);
  INFO(describe(result.error()));
  CHECK(result.error().kind == client::ErrorKind::transport);
  CHECK_THAT(result.error().message, Catch::Contains("timed out after"));
  CHECK_THAT(result.error().message, Catch::Contains("read timeout 300 ms"));
  auto stopped = std::async(std::launch::async, [&] { zoom.stop(); });  // cuts the delay short
  CHECK(stopped.wait_for(30s) == std::future_status::ready);  // a hang bound: the delay is 60 s
}

TEST_CASE("delays are capped at 60 s and stop() cuts them short", "[faults]") {
  auto zoom = Server::start(shipped());
  std::atomic<bool> answered{false};
  std::thread caller([&] {
    httplib::Client client(zoom.url());
    client.set_read_timeout(70s);
    auto result = client.Get("/v2/users/me/token", {{"Authorization", "Bearer t"}, {"x-mock-delay-ms", "86400000"}});
    answered = static_cast<bool>(result);
  });
  const auto deadline = std::chrono::steady_clock::now() + 15s;
  while (zoom.journal().total() == 0 && std::chrono::steady_clock::now() < deadline) std::this_thread::sleep_for(5ms);
  REQUIRE(zoom.journal().total() == 1);
  CHECK(zoom.journal().entries().back().delay == 60s);
  auto stopped = std::async(std::launch::async, [&] { zoom.stop(); });
  CHECK(stopped.wait_for(30s) == std::future_status::ready);  // a hang bound: the delay is 60 s
  caller.join();
  CHECK(answered);  // the delayed answer went out at once
}

TEST_CASE("delayed answers hold no lock: they run side by side and the admin API answers meanwhile", "[faults]") {
  // No clock is read here: the journal records a request before its delay, so every call
  // journaled while none has finished means all were delayed at once, and the health answer
  // arriving before any of them finished means the admin API was not held up.
  constexpr int kCalls = 6;
  constexpr auto kDelay = 3000ms;
  auto zoom = Server::start(shipped());
  std::vector<std::thread> callers;
  std::atomic<int> ok{0};
  std::atomic<int> finished{0};
  for (int i = 0; i < kCalls; ++i)
    callers.emplace_back([&] {
      auto zoom_client = client_for(zoom, 60s);
      ok += zoom_client.call(token_request({{"x-mock-delay-ms", std::to_string(kDelay.count())}})).ok() ? 1 : 0;
      ++finished;
    });
  httplib::Client admin(zoom.url());
  const auto hang_bound = std::chrono::steady_clock::now() + 60s;
  while (zoom.journal().total() < kCalls && std::chrono::steady_clock::now() < hang_bound) std::this_thread::sleep_for(5ms);
  CHECK(zoom.journal().total() == kCalls);
  auto health = admin.Get("/__admin/health");
  REQUIRE(health);
  CHECK(health->status == 200);
  CHECK(finished == 0);
  for (auto& caller : callers) caller.join();
  CHECK(ok == kCalls);
}

TEST_CASE("fakezoom serve --overrides breaks the named example for every client", "[faults][cli]") {
  fakezoom::test::TempDir dir;
  const auto file = dir.write("o.json", R"({"faults":[{"id":"get-v2-users-userId-token-1","fault":"EMPTY_RESPONSE"}]})");
  fakezoom::test::Process serve({FAKEZOOM_EXE, "serve", "--fixtures", FAKEZOOM_FIXTURES_DIR, "--port", "0", "--log", "off",
                                 "--overrides", file});
  REQUIRE(serve.read_line());
  const auto event = nlohmann::json::parse(serve.read_line().value_or("{}"));
  REQUIRE(event.value("port", 0) > 0);
  client::ClientOptions options;
  options.base_url = event["url"].get<std::string>();
  options.bearer_token = "t";
  client::Client zoom_client(options);
  auto token = zoom_client.get_user_token("me");
  REQUIRE_FALSE(token);
  CHECK(token.error().kind == client::ErrorKind::transport);
  serve.signal(SIGTERM);
  CHECK(serve.wait() == 0);
}

TEST_CASE("fakezoom serve refuses an overrides file naming an unknown id with exit code 2", "[faults][cli]") {
  fakezoom::test::TempDir dir;
  const auto file = dir.write("o.json", R"({"delays":[{"id":"get-v2-nowhere","fixedDelayMilliseconds":5}]})");
  auto result = fakezoom::test::run({FAKEZOOM_EXE, "serve", "--fixtures", FAKEZOOM_FIXTURES_DIR, "--port", "0", "--overrides", file});
  CHECK(result.exit_code == 2);
  CHECK_THAT(result.err, Catch::Contains("get-v2-nowhere"));
}
