// The embedded server: start on port 0, ask the port, read the journal, stop.
#include <httplib.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "fakezoom/engine/engine.hpp"
#include "fakezoom/server.hpp"
#include "test_paths.hpp"

using fakezoom::Server;
using fakezoom::ServerOptions;

namespace {

ServerOptions shipped(ServerOptions options = {}) {
  options.fixtures = {FAKEZOOM_FIXTURES_DIR};
  return options;
}

httplib::Headers bearer(const std::string& token = "tok") { return {{"Authorization", "Bearer " + token}}; }

}  // namespace

TEST_CASE("an embedded server starts on port 0 and reports its base URL", "[server]") {
  auto zoom = Server::start(shipped());
  CHECK(zoom.port() > 0);
  CHECK(zoom.url() == "http://127.0.0.1:" + std::to_string(zoom.port()));
  CHECK(zoom.base_url() == zoom.url() + "/v2");

  httplib::Client client(zoom.url());
  auto health = client.Get("/__admin/health");
  REQUIRE(health);
  CHECK(health->status == 200);
  CHECK(nlohmann::json::parse(health->body)["status"] == "healthy");
}

TEST_CASE("the journal records what the server received and what it answered", "[server][journal]") {
  auto zoom = Server::start(shipped({.journal_secrets = true}));
  httplib::Client client(zoom.url());
  auto res = client.Get("/v2/users/me/token?type=zak&ttl=3600", bearer("secret-token"));
  REQUIRE(res);
  REQUIRE(res->status == 200);

  const auto entries = zoom.journal().entries();
  REQUIRE(entries.size() == 1);
  const auto& entry = entries.front();
  CHECK(entry.request.method == "GET");
  CHECK(entry.request.path == "/v2/users/me/token");
  CHECK(entry.request.target == "/v2/users/me/token?type=zak&ttl=3600");
  CHECK(entry.request.query == fakezoom::QueryParams{{"type", "zak"}, {"ttl", "3600"}});
  CHECK(entry.request.headers.get_all("Authorization") == std::vector<std::string>{"Bearer secret-token"});
  CHECK(entry.request.body.empty());
  CHECK(entry.status == 200);
  CHECK(entry.matched);
  CHECK(entry.example_id == "get-v2-users-userId-token-1");
  CHECK(entry.example_name == "**HTTP Status Code:** `200`<br> Token returned.");
}

TEST_CASE("tokens are redacted in the journal unless journal secrets are asked for", "[server][journal]") {
  auto zoom = Server::start(shipped());
  httplib::Client client(zoom.url());
  REQUIRE(client.Get("/v2/users/me/token?access_token=abc", bearer("secret-token")));
  const auto entry = zoom.journal().entries().at(0);
  CHECK(entry.request.headers.get("Authorization") == "Bearer [REDACTED]");
  CHECK(entry.request.query == fakezoom::QueryParams{{"access_token", "[REDACTED]"}});
  CHECK(entry.request.target.find("abc") == std::string::npos);
}

TEST_CASE("many servers start and stop in one process", "[server][lifecycle]") {
  for (int i = 0; i < 20; ++i) {
    auto zoom = Server::start(shipped());
    httplib::Client client(zoom.url());
    auto res = client.Get("/v2/users/me/token", bearer());
    REQUIRE(res);
    CHECK(res->status == 200);
    zoom.stop();
    zoom.stop();  // idempotent
  }
  SECTION("two at once answer independently") {
    auto a = Server::start(shipped());
    auto b = Server::start(shipped({.verbatim = true}));
    CHECK(a.port() != b.port());
    httplib::Client ca(a.url()), cb(b.url());
    auto ra = ca.Get("/v2/users/nobody/token", bearer());
    auto rb = cb.Get("/v2/users/nobody/token", bearer());
    REQUIRE((ra && rb));
    CHECK(ra->get_header_value("Content-Type") == "application/json");
    CHECK(rb->get_header_value("Content-Type") == "text/plain");
    CHECK(a.journal().total() == 1);
    CHECK(b.journal().total() == 1);
  }
}

TEST_CASE("a stopped server refuses connections", "[server][lifecycle]") {
  auto zoom = Server::start(shipped());
  const std::string url = zoom.url();
  zoom.stop();
  httplib::Client client(url);
  client.set_connection_timeout(std::chrono::seconds(2));
  CHECK_FALSE(client.Get("/__admin/health"));
}

TEST_CASE("a broken fixture stops start-up and nothing is served", "[server][fixtures]") {
  CHECK_THROWS_AS(Server::start(ServerOptions{.fixtures = {"/nonexistent/fixtures"}}), fakezoom::FixtureError);
}

TEST_CASE("the access log names the example and never prints a token", "[server][log]") {
  std::vector<std::string> lines;
  std::mutex mutex;
  auto zoom = Server::start(shipped({.log = fakezoom::LogFormat::text, .log_sink = [&](const std::string& line) {
                                       std::lock_guard lock(mutex);
                                       lines.push_back(line);
                                     }}));
  httplib::Client client(zoom.url());
  REQUIRE(client.Get("/v2/users/me/token?type=zak&access_token=q-secret", bearer("h-secret")));
  REQUIRE(client.Get("/v2/users/me/token", bearer("h-secret")));
  zoom.stop();  // the logger runs after the answer is sent: stop() waits for it
  std::lock_guard lock(mutex);
  REQUIRE(lines.size() == 2);
  for (const auto& line : lines) {
    INFO(line);
    CHECK(line.find("secret") == std::string::npos);
    CHECK(line.find("Bearer [REDACTED]") != std::string::npos);
  }
  // Each request may be logged by another worker thread: the order of the lines is not fixed.
  CHECK(std::any_of(lines.begin(), lines.end(),
                    [](const std::string& line) { return line.find("get-v2-users-userId-token-1") != std::string::npos; }));
}

TEST_CASE("HEAD is answered like GET without a body", "[server]") {
  auto zoom = Server::start(shipped());
  httplib::Client client(zoom.url());
  auto res = client.Head("/v2/users/me/token", bearer());
  REQUIRE(res);
  CHECK(res->status == 200);
  CHECK(res->body.empty());
  CHECK(res->get_header_value("Matched-Stub-Id") == "get-v2-users-userId-token-1");
}

TEST_CASE("a second server on a port that is taken fails, naming the address", "[server][port]") {
  auto first = Server::start(shipped());
  const std::string expected = "port " + std::to_string(first.port()) + " on 127.0.0.1 is already in use";
  REQUIRE_THROWS_MATCHES(Server::start(shipped({.port = first.port()})), fakezoom::http::AddressInUse,
                         Catch::Matchers::Message(expected));

  // Every request still reaches the first server: nothing else holds the port.
  httplib::Client client(first.url());
  for (int i = 0; i < 10; ++i) REQUIRE(client.Get("/v2/users/me/token?type=zak", bearer()));
  CHECK(first.journal().total() == 10);
}

TEST_CASE("a server restarts on the same port right after a stop", "[server][port]") {
  auto first = Server::start(shipped());
  const int port = first.port();
  {
    // A connection the server closes leaves it in TIME_WAIT: SO_REUSEADDR must still bind.
    httplib::Client client(first.url());
    REQUIRE(client.Get("/__admin/health"));
  }
  first.stop();
  auto second = Server::start(shipped({.port = port}));
  CHECK(second.port() == port);
  httplib::Client client(second.url());
  auto health = client.Get("/__admin/health");
  REQUIRE(health);
  CHECK(health->status == 200);
}

TEST_CASE("ServerOptions starts from the engine's, the account's and the socket's own defaults", "[server][options]") {
  const ServerOptions server;
  const fakezoom::EngineOptions engine;
  const fakezoom::http::SocketOptions socket;
  CHECK(server.host == socket.host);
  CHECK(server.host == "127.0.0.1");  // loopback unless asked
  CHECK(server.port == socket.port);
  CHECK(server.max_body_bytes == socket.max_body_bytes);
  CHECK(server.threads == socket.threads);
  CHECK(server.max_connections == socket.max_connections);
  CHECK(server.read_timeout == socket.read_timeout);
  CHECK(server.max_header_count == socket.max_header_count);
  CHECK(server.log == socket.log);
  CHECK(server.admin_prefix == engine.admin_prefix);
  CHECK(server.journal_capacity == engine.journal_capacity);
  CHECK(server.journal_secrets == engine.journal_secrets);
  CHECK(server.rate_limits == engine.rate_limits);
  CHECK(server.plan == engine.plan);
  CHECK(server.stateless == engine.stateless);
  CHECK(server.seed == engine.seed);
  CHECK(engine.seed == fakezoom::AccountOptions{}.seed);
}
