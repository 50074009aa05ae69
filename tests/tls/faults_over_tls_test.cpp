// WireMock's faults over HTTPS: the broken bytes go through the TLS session, so an HTTPS
// client meets the same broken HTTP as a plain one (not a TLS error), and the server lives on.
#include <catch2/catch.hpp>

#include "tls_support.hpp"
#include "test_paths.hpp"

using fakezoom::Server;
using fakezoom::test::describe;
using fakezoom::test::TempDir;
namespace client = fakezoom::client;
namespace test = fakezoom::test;

TEST_CASE("each x-mock-fault reaches an HTTPS client as a broken connection, and the next call is answered",
          "[tls][faults]") {
  TempDir dir;
  auto zoom = Server::start(test::https_options(test::make_certificate(dir)));
  auto zoom_client = test::client_for(zoom.base_url(), dir.file("tls/cert.pem"));
  client::Request request;
  request.path = client::Path::from_segments({"users", "me", "token"});
  for (const char* fault : {"EMPTY_RESPONSE", "MALFORMED_RESPONSE_CHUNK", "RANDOM_DATA_THEN_CLOSE",
                            "CONNECTION_RESET_BY_PEER"}) {
    INFO(fault);
    auto faulted = request;
    faulted.headers = {{"x-mock-fault", fault}};
    auto broken = zoom_client.call(faulted);
    REQUIRE_FALSE(broken);
    INFO(describe(broken.error()));
    CHECK(broken.error().kind == client::ErrorKind::transport);
    // The same words as over plain HTTP (tests/faults): HTTP broke, not the TLS handshake.
    CHECK_THAT(broken.error().message, Catch::Contains("closed before a complete response was read"));
    CHECK_THAT(broken.error().message, Catch::EndsWith("[httplib: Read]"));
    CHECK(zoom.journal().entries().back().fault == fault);

    auto next = zoom_client.call(request);
    INFO("next call: " << describe(next));
    CHECK(next);
  }
}

TEST_CASE("curl meets each fault over HTTPS exactly as over plain HTTP", "[tls][faults]") {
  TempDir dir;
  const auto files = test::make_certificate(dir);
  auto plain = Server::start({.fixtures = {FAKEZOOM_FIXTURES_DIR}});
  auto https = Server::start(test::https_options(files));
  const auto curl = [&](const Server& zoom, const std::string& fault) {
    return test::run({"curl", "-sS", "--cacert", files.cert, "-o", "/dev/null", "-w", "%{http_code}", "-H",
                      "Authorization: Bearer t", "-H", "x-mock-fault: " + fault, zoom.base_url() + "/users/me/token"});
  };
  for (const char* fault : {"EMPTY_RESPONSE", "MALFORMED_RESPONSE_CHUNK", "RANDOM_DATA_THEN_CLOSE",
                            "CONNECTION_RESET_BY_PEER"}) {
    const auto over_http = curl(plain, fault);
    const auto over_https = curl(https, fault);
    INFO(fault << "\nplain: " << over_http.out << " " << over_http.err << "\nhttps: " << over_https.out << " "
               << over_https.err);
    CHECK(over_http.exit_code != 0);
    // Raw bytes on a TLS socket would be a TLS error (curl 35 or 56 with an SSL message, no
    // status); through the session, MALFORMED_RESPONSE_CHUNK even shows its 200 first.
    CHECK(over_https.exit_code == over_http.exit_code);
    CHECK(over_https.out == over_http.out);
  }
}
