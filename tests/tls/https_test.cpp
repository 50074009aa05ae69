// fakezoom over HTTPS as fakezoom::client meets it: a full call with the certificate trusted,
// the transport errors of an untrusted, unknown or mismatched one, plain HTTP on the HTTPS
// port, and start-up refusing a bad certificate or key with the file's name.
#include <catch2/catch.hpp>

#include <fstream>

#include "tls_support.hpp"
#include "test_paths.hpp"

using fakezoom::Server;
using fakezoom::ServerOptions;
using fakezoom::test::CertificateFiles;
using fakezoom::test::describe;
using fakezoom::test::TempDir;
namespace client = fakezoom::client;
namespace test = fakezoom::test;

TEST_CASE("a client trusting the certificate gets a user token over HTTPS and the journal records the call", "[tls]") {
  TempDir dir;
  auto zoom = Server::start(test::https_options(test::make_certificate(dir)));
  CHECK(zoom.url() == "https://127.0.0.1:" + std::to_string(zoom.port()));
  CHECK(zoom.base_url() == zoom.url() + "/v2");

  auto zoom_client = test::client_for(zoom.base_url(), dir.file("tls/cert.pem"));
  auto token = zoom_client.get_user_token("me", "zak", 3600);
  INFO(describe(token));
  REQUIRE(token);
  CHECK(token.value() == "string");  // the seed's documented answer

  const auto entries = zoom.journal().entries();
  REQUIRE(entries.size() == 1);
  CHECK(entries[0].request.method == "GET");
  CHECK(entries[0].request.path == "/v2/users/me/token");
  CHECK(entries[0].request.query == fakezoom::QueryParams{{"type", "zak"}, {"ttl", "3600"}});
  CHECK(entries[0].status == 200);
  CHECK(entries[0].example_id == "get-v2-users-userId-token-1");
}

TEST_CASE("the certificate is good for localhost as well as 127.0.0.1", "[tls]") {
  TempDir dir;
  auto zoom = Server::start(test::https_options(test::make_certificate(dir)));
  auto zoom_client =
      test::client_for("https://localhost:" + std::to_string(zoom.port()) + "/v2", dir.file("tls/cert.pem"));
  auto token = zoom_client.get_user_token("me");
  INFO(describe(token));
  // localhost may resolve to ::1 first, where nothing listens; httplib then tries 127.0.0.1.
  CHECK(token);
}

TEST_CASE("a certificate the client does not trust is a transport error saying why", "[tls]") {
  TempDir dir;
  auto zoom = Server::start(test::https_options(test::make_certificate(dir)));

  SECTION("without a CA file the system's CAs do not know a self-signed certificate") {
    auto zoom_client = test::client_for(zoom.base_url(), std::nullopt);
    auto result = zoom_client.get_user_token("me");
    REQUIRE_FALSE(result);
    INFO(describe(result.error()));
    CHECK(result.error().kind == client::ErrorKind::transport);
    CHECK(result.error().status == 0);
    CHECK_THAT(result.error().message, Catch::Contains("could not be verified against the system CAs: self"));
    CHECK_THAT(result.error().message, Catch::EndsWith("[httplib: SSLServerVerification]"));
    CHECK_FALSE(zoom_client.last_response());
  }
  SECTION("another certificate as the CA file") {
    const auto other = test::make_certificate(dir, "other");
    auto zoom_client = test::client_for(zoom.base_url(), other.cert);
    auto result = zoom_client.get_user_token("me");
    REQUIRE_FALSE(result);
    INFO(describe(result.error()));
    CHECK(result.error().kind == client::ErrorKind::transport);
    CHECK_THAT(result.error().message, Catch::Contains("could not be verified against " + other.cert + ": "));
  }
  SECTION("a CA file that does not exist") {
    auto zoom_client = test::client_for(zoom.base_url(), dir.file("missing.pem"));
    auto result = zoom_client.get_user_token("me");
    REQUIRE_FALSE(result);
    INFO(describe(result.error()));
    CHECK(result.error().kind == client::ErrorKind::transport);
    CHECK_THAT(result.error().message, Catch::Contains("could not load CA certificates from " + dir.file("missing.pem")));
  }
  // Nothing reached the API: every refusal happened in the handshake.
  CHECK(zoom.journal().total() == 0);
}

TEST_CASE("a trusted certificate that does not name the host is a transport error", "[tls]") {
  TempDir dir;
  auto options = test::https_options(test::make_certificate(dir));
  options.host = "127.0.0.2";  // loopback too, but not in the certificate's subjectAltName
  auto zoom = Server::start(options);
  auto zoom_client = test::client_for(zoom.base_url(), dir.file("tls/cert.pem"));
  auto result = zoom_client.get_user_token("me");
  REQUIRE_FALSE(result);
  INFO(describe(result.error()));
  CHECK(result.error().kind == client::ErrorKind::transport);
  CHECK_THAT(result.error().message, Catch::Contains("is not for that host"));
  CHECK(zoom.journal().total() == 0);
}

TEST_CASE("plain HTTP on the HTTPS port fails cleanly and the server keeps answering", "[tls]") {
  TempDir dir;
  auto zoom = Server::start(test::https_options(test::make_certificate(dir)));
  auto plain = test::client_for("http://127.0.0.1:" + std::to_string(zoom.port()) + "/v2", std::nullopt);
  auto refused = plain.get_user_token("me");
  REQUIRE_FALSE(refused);
  INFO(describe(refused.error()));
  CHECK(refused.error().kind == client::ErrorKind::transport);
  CHECK(refused.error().status == 0);
  CHECK_FALSE(plain.last_response());

  auto trusted = test::client_for(zoom.base_url(), dir.file("tls/cert.pem"));
  auto token = trusted.get_user_token("me");
  INFO(describe(token));
  CHECK(token);
  CHECK(zoom.journal().total() == 1);
}

TEST_CASE("HTTPS on a plain HTTP port is a TLS handshake error", "[tls]") {
  auto zoom = Server::start({.fixtures = {FAKEZOOM_FIXTURES_DIR}});
  CHECK(zoom.url().rfind("http://", 0) == 0);
  auto zoom_client = test::client_for("https://127.0.0.1:" + std::to_string(zoom.port()) + "/v2", std::nullopt);
  auto result = zoom_client.get_user_token("me");
  REQUIRE_FALSE(result);
  INFO(describe(result.error()));
  CHECK(result.error().kind == client::ErrorKind::transport);
  CHECK_THAT(result.error().message, Catch::Contains("TLS handshake with 127.0.0.1:"));
}

namespace {

// Server::start refuses the options with a message that names the file and says what is wrong.
void expect_refused(const ServerOptions& options, const std::string& named, const std::string& says) {
  INFO("named " << named << ", says " << says);
  REQUIRE_THROWS_AS(Server::start(options), std::invalid_argument);
  CHECK_THROWS_WITH(Server::start(options), Catch::Contains(says) && Catch::Contains(named));
}

}  // namespace

TEST_CASE("start-up stops with an error naming the file when the certificate or key is unusable", "[tls]") {
  TempDir dir;
  const CertificateFiles good = test::make_certificate(dir);
  ServerOptions options = test::https_options(good);

  SECTION("the certificate file does not exist") {
    options.tls_cert = dir.file("missing-cert.pem");
    expect_refused(options, *options.tls_cert, "cannot read the TLS certificate");
  }
  SECTION("the key file does not exist") {
    options.tls_key = dir.file("missing-key.pem");
    expect_refused(options, *options.tls_key, "cannot read the TLS key");
  }
  SECTION("the certificate file holds no certificate") {
    options.tls_cert = dir.write("not-a-cert.pem", "hello\n");
    expect_refused(options, *options.tls_cert, "holds no PEM certificate");
  }
  SECTION("the certificate and the key are swapped") {
    options.tls_cert = good.key;
    options.tls_key = good.cert;
    expect_refused(options, good.key, "holds no PEM certificate");
  }
  SECTION("the key file holds no key") {
    options.tls_key = dir.write("not-a-key.pem", "hello\n");
    expect_refused(options, *options.tls_key, "holds no PEM private key");
  }
  SECTION("the key is another certificate's") {
    options.tls_key = test::make_certificate(dir, "other").key;
    expect_refused(options, *options.tls_key, "is not the key of the certificate " + good.cert);
  }
  SECTION("the key is encrypted (no terminal prompt for its password)") {
    const auto encrypted = dir.file("encrypted-key.pem");
    const auto made =
        test::run({"openssl", "pkey", "-in", good.key, "-aes256", "-passout", "pass:secret", "-out", encrypted});
    REQUIRE(made.exit_code == 0);
    options.tls_key = encrypted;
    expect_refused(options, encrypted, "holds no PEM private key (or an encrypted one");
  }
  SECTION("a certificate without its key") {
    options.tls_key.reset();
    expect_refused(options, "tls_key", "a TLS certificate needs its key");
  }
}
