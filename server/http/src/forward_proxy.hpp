// `--proxy`: fakezoom as the HTTP forward proxy of a client that cannot be pointed anywhere but
// Zoom's own hosts. A `CONNECT api.zoom.us:443` (or zoom.us:443) is answered here, not
// forwarded: 200, then TLS with a certificate for those names (scripts/make-cert --zoom signs
// it with a throwaway CA the client trusts), and the HTTP inside the tunnel goes to this same
// server's port, where the engine answers it as any request. Any other target is refused.
// Internal to fakezoom::http.
#pragma once

#include <httplib.h>

#include <atomic>
#include <string>
#include <string_view>

#include "tls_server.hpp"

namespace fakezoom::http {

class ForwardProxy {
public:
  // Throws std::invalid_argument naming the file when the certificate or key is unusable.
  ForwardProxy(const std::string& cert, const std::string& key);

  // "api.zoom.us:443" and "zoom.us:443", any case: the only CONNECT targets it answers.
  static bool answers(std::string_view authority);

  // Carries the CONNECT's connection until either side closes it or `stopping` turns true,
  // then closes it under httplib (release_connection_socket). False, with nothing sent, when
  // the handler's socket cannot be found.
  bool tunnel(const httplib::Request& connect, const std::atomic<bool>& stopping) const;

private:
  TlsContext context_;
};

}  // namespace fakezoom::http
