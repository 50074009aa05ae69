// HTTPS test support: throwaway certificates from scripts/make-cert (the one users run), and
// fakezoom serving the shipped fixtures with one.
#pragma once

#include <catch2/catch.hpp>

#include <string>

#include "fakezoom/client.hpp"
#include "fakezoom/server.hpp"
#include "process.hpp"
#include "temp_dir.hpp"
#include "test_paths.hpp"

namespace fakezoom::test {

struct CertificateFiles {
  std::string cert;
  std::string key;
};

// A fresh certificate for localhost, 127.0.0.1 and ::1 in dir/name/.
inline CertificateFiles make_certificate(const TempDir& dir, const std::string& name = "tls") {
  const std::string folder = dir.file(name);
  const auto made = run({std::string(FAKEZOOM_SOURCE_DIR) + "/scripts/make-cert", folder});
  INFO(made.err);
  REQUIRE(made.exit_code == 0);
  return {folder + "/cert.pem", folder + "/key.pem"};
}

// scripts/make-cert --zoom: a throwaway CA and the certificate it signs for zoom.us and
// api.zoom.us, in dir/name/.
struct ZoomCertificateFiles {
  std::string ca;
  std::string cert;
  std::string key;
};

inline ZoomCertificateFiles make_zoom_certificate(const TempDir& dir, const std::string& name = "zoom-ca") {
  const std::string folder = dir.file(name);
  const auto made = run({std::string(FAKEZOOM_SOURCE_DIR) + "/scripts/make-cert", "--zoom", folder});
  INFO(made.err);
  REQUIRE(made.exit_code == 0);
  return {folder + "/ca.pem", folder + "/zoom.pem", folder + "/zoom-key.pem"};
}

inline ServerOptions https_options(const CertificateFiles& files) {
  ServerOptions options;
  options.fixtures = {FAKEZOOM_FIXTURES_DIR};
  options.tls_cert = files.cert;
  options.tls_key = files.key;
  return options;
}

inline client::Client client_for(std::string base_url, std::optional<std::string> ca_file) {
  client::ClientOptions options;
  options.base_url = std::move(base_url);
  options.bearer_token = "tls-test-token";
  options.connect_timeout = std::chrono::seconds(5);
  options.read_timeout = std::chrono::seconds(5);
  options.ca_file = std::move(ca_file);
  return client::Client(std::move(options));
}

inline std::string describe(const client::Error& error) {
  return std::string(client::to_string(error.kind)) + " status " + std::to_string(error.status) + ": " +
         error.message;
}

template <class T>
std::string describe(const client::Result<T>& result) {
  return result ? std::string("ok") : describe(result.error());
}

}  // namespace fakezoom::test
