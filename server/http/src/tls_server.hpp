// The httplib server that SocketOptions ask for: plain HTTP, or HTTPS with the certificate and
// key they name. Internal to fakezoom::http.
#pragma once

#include <httplib.h>
#include <openssl/ssl.h>

#include <memory>
#include <string>

#include "fakezoom/http/http_server.hpp"

namespace fakezoom::http {

// An httplib::SSLServer when options.tls_cert and tls_key are set, else an httplib::Server.
// Throws std::invalid_argument naming the file when only one of the two is given, a file
// cannot be read or holds no PEM certificate or key, or the key is not the certificate's.
std::unique_ptr<httplib::Server> make_http_server(const SocketOptions& options);

struct FreeTlsContext {
  void operator()(SSL_CTX* context) const { SSL_CTX_free(context); }
};
using TlsContext = std::unique_ptr<SSL_CTX, FreeTlsContext>;

// A server context holding the certificate (chain) and key, TLS 1.2 and up. Throws
// std::invalid_argument naming the file, as make_http_server does.
TlsContext make_tls_context(const std::string& cert, const std::string& key);

}  // namespace fakezoom::http
