// Why not httplib's SSLServer(cert_path, key_path): it reports any problem as is_valid() ==
// false, with no word on which file or what is wrong, and its key loading falls back to
// OpenSSL's terminal password prompt for an encrypted key (a server that hangs at start-up).
// The callback constructor lets us load both files ourselves and say what failed.
#include "tls_server.hpp"

#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/ssl.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <stdexcept>
#include <string>

namespace fakezoom::http {
namespace {

// The reason of OpenSSL's first queued error ("no start line": the root cause, where the
// last is often a generic "PEM lib"), and the queue emptied.
std::string openssl_reason() {
  const unsigned long code = ERR_peek_error();
  const char* reason = code ? ERR_reason_error_string(code) : nullptr;
  ERR_clear_error();
  return reason ? std::string(" (OpenSSL: ") + reason + ")" : std::string();
}

void check_readable(const std::string& what, const std::string& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw std::invalid_argument("cannot read the TLS " + what + " " + file + ": " + std::strerror(errno));
}

// Refuses every password: an encrypted key fails to load instead of prompting on a terminal.
int no_password(char*, int, int, void*) { return -1; }

// Loads the certificate chain and its key into ctx; the problem, naming the file, otherwise.
std::string load_pair(SSL_CTX& ctx, const std::string& cert, const std::string& key) {
  ERR_clear_error();
  if (SSL_CTX_use_certificate_chain_file(&ctx, cert.c_str()) != 1)
    return "the TLS certificate " + cert + " holds no PEM certificate" + openssl_reason();
  BIO* key_file = BIO_new_file(key.c_str(), "r");
  if (!key_file) return "cannot read the TLS key " + key + openssl_reason();
  EVP_PKEY* private_key = PEM_read_bio_PrivateKey(key_file, nullptr, no_password, nullptr);
  BIO_free(key_file);
  if (!private_key)
    return "the TLS key " + key + " holds no PEM private key (or an encrypted one, which is not supported)" +
           openssl_reason();
  const bool accepted = SSL_CTX_use_PrivateKey(&ctx, private_key) == 1 && SSL_CTX_check_private_key(&ctx) == 1;
  EVP_PKEY_free(private_key);
  if (!accepted) return "the TLS key " + key + " is not the key of the certificate " + cert + openssl_reason();
  // What httplib's own constructors set; TLS 1.0 and 1.1 are long deprecated.
  SSL_CTX_set_options(&ctx, SSL_OP_NO_COMPRESSION | SSL_OP_NO_SESSION_RESUMPTION_ON_RENEGOTIATION);
  SSL_CTX_set_min_proto_version(&ctx, TLS1_2_VERSION);
  return {};
}

}  // namespace

std::unique_ptr<httplib::Server> make_http_server(const SocketOptions& options) {
  if (!options.tls_cert && !options.tls_key) return std::make_unique<httplib::Server>();
  if (!options.tls_cert || !options.tls_key)
    throw std::invalid_argument(options.tls_cert ? "a TLS certificate needs its key (tls_key)"
                                                 : "a TLS key needs its certificate (tls_cert)");
  check_readable("certificate", *options.tls_cert);
  check_readable("key", *options.tls_key);
  std::string problem;
  auto server = std::make_unique<httplib::SSLServer>([&](SSL_CTX& ctx) {
    problem = load_pair(ctx, *options.tls_cert, *options.tls_key);
    return problem.empty();
  });
  if (!server->is_valid())
    throw std::invalid_argument(problem.empty() ? "OpenSSL could not make a TLS context" + openssl_reason() : problem);
  return server;
}

TlsContext make_tls_context(const std::string& cert, const std::string& key) {
  check_readable("certificate", cert);
  check_readable("key", key);
  TlsContext context(SSL_CTX_new(TLS_server_method()));
  if (!context) throw std::invalid_argument("OpenSSL could not make a TLS context" + openssl_reason());
  if (auto problem = load_pair(*context, cert, key); !problem.empty()) throw std::invalid_argument(problem);
  return context;
}

}  // namespace fakezoom::http
