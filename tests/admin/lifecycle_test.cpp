// Health, version, the admin prefix, POST /__admin/shutdown (embedded and as a process), and
// admin POSTs without a body.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <sys/socket.h>
#include <unistd.h>

#include "admin_support.hpp"
#include "process.hpp"
#include "test_paths.hpp"

using namespace fakezoom::admin_test;
using fakezoom::Server;
using fakezoom::test::Process;

namespace {

// What `curl -X POST URL` sends: no body and no Content-Length. httplib's client always adds
// one, so this goes over a raw socket. Answers the status line ("" when none came in time).
std::string post_without_content_length(int port, const std::string& path) {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<std::uint16_t>(port));
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  std::string answer;
  if (connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0) {
    const std::string request = "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n";
    if (send(fd, request.data(), request.size(), MSG_NOSIGNAL) == static_cast<ssize_t>(request.size())) {
      pollfd readable{fd, POLLIN, 0};
      char buffer[4096];
      while (answer.find("\r\n") == std::string::npos && poll(&readable, 1, 3000) == 1) {
        const ssize_t n = recv(fd, buffer, sizeof buffer, 0);
        if (n <= 0) break;
        answer.append(buffer, static_cast<std::size_t>(n));
      }
    }
  }
  close(fd);
  return answer.substr(0, answer.find("\r\n"));
}

}  // namespace

TEST_CASE("GET /__admin/health and /__admin/version answer in WireMock's shape", "[admin]") {
  auto zoom = Server::start(seed_fixtures());
  AdminClient admin(zoom);
  auto health = admin.get_json("/health");
  CHECK(health["status"] == "healthy");
  CHECK(health["version"] == "0.1.0");
  CHECK(health["routes"] == 1);
  CHECK(health["examples"] == 2);
  CHECK(health["fixtures"]["generation"] == 1);
  CHECK(health["fixtures"]["lastReload"].is_null());
  CHECK(admin.get_json("/version") == json{{"version", "0.1.0"}});
}

TEST_CASE("the admin API moves with --admin-prefix and the old prefix is an ordinary path", "[admin]") {
  auto zoom = Server::start(seed_fixtures({.admin_prefix = "/_fake/admin/"}));
  AdminClient moved(zoom, "/_fake/admin");
  CHECK(moved.get_json("/health")["status"] == "healthy");
  AdminClient old(zoom);
  auto result = old.get("/health");
  REQUIRE(result);
  CHECK(result->status == 404);
  CHECK(result->get_header_value("X-Mock-Unmatched") == "true");
  CHECK(moved.count({{"urlPath", "/__admin/health"}}) == 1);
}

TEST_CASE("admin POSTs without a body or Content-Length are answered at once", "[admin]") {
  // httplib 0.11.4 would read such a body until the client hangs up (a 400 after 5 s).
  auto zoom = Server::start(seed_fixtures());
  for (const auto* path : {"/__admin/reset", "/__admin/mappings/reset", "/__admin/shutdown"}) {
    INFO(path);
    // Waiting for a body would end in httplib's 400 after its read timeout, not a 200.
    CHECK(post_without_content_length(zoom.port(), path) == "HTTP/1.1 200 OK");
  }
}

TEST_CASE("POST /__admin/shutdown stops an embedded server from outside its handler", "[admin]") {
  auto zoom = Server::start(seed_fixtures());
  const std::string url = zoom.url();
  AdminClient admin(zoom);
  auto result = admin.post("/shutdown", "");
  REQUIRE(result);
  CHECK(result->status == 200);
  CHECK(parsed(result)["status"] == "shutting down");
  zoom.wait();  // returns once it no longer listens
  httplib::Client client(url);
  client.set_connection_timeout(2s);
  CHECK_FALSE(client.Get("/__admin/health"));
  zoom.stop();  // still fine afterwards
}

TEST_CASE("request_shutdown from any thread ends wait()", "[admin]") {
  auto zoom = Server::start(seed_fixtures());
  std::thread asker([&] { zoom.request_shutdown(); });
  zoom.wait();
  asker.join();
  zoom.stop();
  CHECK(zoom.port() > 0);
}

TEST_CASE("fakezoom serve exits 0 after POST /__admin/shutdown", "[admin][cli]") {
  Process serve({FAKEZOOM_EXE, "serve", "--fixtures", FAKEZOOM_FIXTURES_DIR, "--port", "0", "--log", "off"});
  REQUIRE(serve.read_line());
  const auto event = json::parse(serve.read_line().value_or("{}"));
  REQUIRE(event.value("port", 0) > 0);
  httplib::Client client("127.0.0.1", event["port"].get<int>());
  auto result = client.Post("/__admin/shutdown", "", "application/json");
  REQUIRE(result);
  CHECK(result->status == 200);
  CHECK(serve.wait(10s) == 0);
}

TEST_CASE("fakezoom serve still exits 0 on SIGTERM", "[admin][cli]") {
  Process serve({FAKEZOOM_EXE, "serve", "--fixtures", FAKEZOOM_FIXTURES_DIR, "--port", "0", "--log", "off", "--watch"});
  REQUIRE(serve.read_line());
  REQUIRE(serve.read_line());
  serve.signal(SIGTERM);
  CHECK(serve.wait(10s) == 0);
}
