// `--proxy`: a client that knows only Zoom's hosts, pointed at fakezoom as its HTTPS proxy and
// trusting the throwaway CA, gets fakezoom's answers from "api.zoom.us" and "zoom.us"; any
// other CONNECT target is refused and logged, and nothing is forwarded.
#include <catch2/catch.hpp>

#include <httplib.h>
#include <nlohmann/json.hpp>

#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "raw_http.hpp"
#include "tls_support.hpp"
#include "test_paths.hpp"

using fakezoom::Server;
using fakezoom::ServerOptions;
using fakezoom::test::TempDir;
namespace test = fakezoom::test;

namespace {

ServerOptions proxy_options(const test::ZoomCertificateFiles& files) {
  ServerOptions options;
  options.fixtures = {FAKEZOOM_FIXTURES_DIR};
  options.proxy_cert = files.cert;
  options.proxy_key = files.key;
  return options;
}

// What an SDK with Zoom's host written into it does: HTTPS to the real name, through the proxy.
std::unique_ptr<httplib::SSLClient> zoom_host(const std::string& host, const Server& proxy, const std::string& ca) {
  auto client = std::make_unique<httplib::SSLClient>(host, 443);
  client->set_proxy("127.0.0.1", proxy.port());
  client->set_ca_cert_path(ca.c_str());
  client->enable_server_certificate_verification(true);
  client->set_connection_timeout(5);
  client->set_read_timeout(5);
  return client;
}

}  // namespace

TEST_CASE("through --proxy, api.zoom.us answers the API and zoom.us answers OAuth, with the CA trusted", "[tls][proxy]") {
  TempDir dir;
  const auto files = test::make_zoom_certificate(dir);
  auto options = proxy_options(files);
  options.auth.mode = fakezoom::AuthMode::strict;
  auto zoom = Server::start(options);

  auto oauth = zoom_host("zoom.us", zoom, files.ca);
  oauth->set_basic_auth("fakezoom-admin-client-id", "fakezoom-admin-client-secret");
  auto token = oauth->Post("/oauth/token?grant_type=account_credentials&account_id=fakezoom-account-1", "",
                           "application/x-www-form-urlencoded");
  REQUIRE(token);
  INFO(token->body);
  REQUIRE(token->status == 200);
  const auto issued = nlohmann::json::parse(token->body);
  // Zoom's own api_url, so a client that follows it comes back through the proxy.
  CHECK(issued["api_url"] == "https://api.zoom.us");

  auto api = zoom_host("api.zoom.us", zoom, files.ca);
  auto me = api->Get("/v2/users/me", {{"Authorization", "Bearer " + issued["access_token"].get<std::string>()}});
  REQUIRE(me);
  INFO(me->body);
  CHECK(me->status == 200);
  CHECK(nlohmann::json::parse(me->body).contains("email"));

  SECTION("the journal records each request inside the tunnels, with the host the client asked for") {
    const auto entries = zoom.journal().entries();
    REQUIRE(entries.size() == 2);
    CHECK(entries[0].request.path == "/oauth/token");
    CHECK(entries[0].request.headers.get("Host").value_or("") == "zoom.us");
    CHECK(entries[1].request.path == "/v2/users/me");
    CHECK(entries[1].request.headers.get("Host").value_or("") == "api.zoom.us");
  }

  SECTION("a keep-alive tunnel carries many calls") {
    for (int call = 0; call < 20; ++call) {
      INFO("call " << call);
      auto again = api->Get("/v2/users/me", {{"Authorization", "Bearer " + issued["access_token"].get<std::string>()}});
      REQUIRE(again);
      CHECK(again->status == 200);
    }
  }
}

TEST_CASE("a client that does not trust the CA fails the handshake instead of reaching fakezoom", "[tls][proxy]") {
  TempDir dir;
  const auto files = test::make_zoom_certificate(dir);
  const auto other = test::make_zoom_certificate(dir, "other-ca");
  auto zoom = Server::start(proxy_options(files));
  auto api = zoom_host("api.zoom.us", zoom, other.ca);
  auto answer = api->Get("/v2/users/me/token?type=zak", {{"Authorization", "Bearer t"}});
  CHECK_FALSE(answer);
  CHECK(zoom.journal().entries().empty());
  // and the server still answers a client that does
  auto trusted = zoom_host("api.zoom.us", zoom, files.ca);
  auto next = trusted->Get("/v2/users/me/token?type=zak", {{"Authorization", "Bearer t"}});
  REQUIRE(next);
  CHECK(next->status == 200);
}

TEST_CASE("any other CONNECT target is refused with 403 and logged, and nothing is forwarded", "[tls][proxy]") {
  TempDir dir;
  std::mutex mutex;
  std::vector<std::string> lines;
  auto options = proxy_options(test::make_zoom_certificate(dir));
  options.log_sink = [&](const std::string& line) {
    std::lock_guard lock(mutex);
    lines.push_back(line);
  };
  auto zoom = Server::start(options);
  const auto target = GENERATE(as<std::string>{}, "example.com:443", "api.zoom.us:80", "zoom.us.example.com:443",
                               "127.0.0.1:22", "marketplace.zoom.us:443");
  INFO(target);
  test::RawConnection connection(zoom.port());
  REQUIRE(connection.send("CONNECT " + target + " HTTP/1.1\r\nHost: " + target + "\r\n\r\n"));
  const auto answer = connection.read_answer();
  CHECK(answer.status == 403);
  CHECK(nlohmann::json::parse(answer.body)["message"].get<std::string>().find("forwards nothing") != std::string::npos);
  std::lock_guard lock(mutex);
  REQUIRE_FALSE(lines.empty());
  CHECK(lines.back() == "fakezoom proxy: refused CONNECT " + target +
                            " from 127.0.0.1 (it answers api.zoom.us:443 and zoom.us:443 itself and forwards nothing)");
  CHECK(zoom.journal().entries().empty());
}

TEST_CASE("the proxy is refused at start when it cannot work", "[tls][proxy]") {
  TempDir dir;
  const auto files = test::make_zoom_certificate(dir);
  SECTION("with HTTPS on the port: clients speak plain HTTP to a proxy") {
    auto options = proxy_options(files);
    const auto https = test::make_certificate(dir);
    options.tls_cert = https.cert;
    options.tls_key = https.key;
    CHECK_THROWS_WITH(Server::start(options), Catch::Contains("cannot be combined with tls_cert"));
  }
  SECTION("with a certificate file that is not there, named") {
    auto options = proxy_options(files);
    options.proxy_cert = dir.file("missing.pem");
    CHECK_THROWS_WITH(Server::start(options), Catch::Contains("missing.pem"));
  }
  SECTION("with a certificate and no key") {
    auto options = proxy_options(files);
    options.proxy_key.reset();
    CHECK_THROWS_WITH(Server::start(options), Catch::Contains("needs its key"));
  }
}

TEST_CASE("stop() ends an open tunnel", "[tls][proxy]") {
  TempDir dir;
  const auto files = test::make_zoom_certificate(dir);
  auto zoom = Server::start(proxy_options(files));
  auto api = zoom_host("api.zoom.us", zoom, files.ca);
  auto answer = api->Get("/v2/users/me/token?type=zak", {{"Authorization", "Bearer t"}});
  REQUIRE(answer);
  CHECK(answer->status == 200);
  zoom.stop();  // returns: the tunnel's thread noticed (else ctest's timeout fails the test)
  CHECK_FALSE(api->Get("/v2/users/me/token?type=zak", {{"Authorization", "Bearer t"}}));
}
