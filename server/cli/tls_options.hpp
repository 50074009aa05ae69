// `fakezoom serve --tls-cert FILE --tls-key FILE`: HTTPS instead of HTTP; `--proxy DIR`: the
// port is also a forward proxy answering Zoom's hosts (docs/proxy.md).
#pragma once

#include <string>

#include "args.hpp"
#include "help.hpp"
#include "fakezoom/server.hpp"

namespace fakezoom::cli {

inline OptionGroup tls_options() {
  return {"HTTPS",
          {{"--tls-cert", "FILE", "none: plain HTTP", "serve HTTPS only, with this PEM certificate (chain); needs --tls-key.\nscripts/make-cert DIR makes a throwaway one for localhost"},
           {"--tls-key", "FILE", "", "the certificate's PEM private key (unencrypted)"},
           {"--proxy", "DIR", "off", "also be an HTTP forward proxy (HTTPS_PROXY=http://HOST:PORT) that answers\n"
                                     "CONNECT api.zoom.us:443 and zoom.us:443 itself with DIR/zoom.pem and\n"
                                     "DIR/zoom-key.pem (scripts/make-cert --zoom DIR; clients trust DIR/ca.pem)\n"
                                     "and refuses any other target with 403"}}};
}

// Sets options.tls_cert and tls_key, and proxy_cert and proxy_key; a usage error when only
// one of the first two is given, or a proxy with HTTPS. The files
// themselves are checked by Server::start, which names the bad one.
inline std::string apply_tls_options(const Args& args, ServerOptions& options) {
  options.tls_cert = args.last("--tls-cert");
  options.tls_key = args.last("--tls-key");
  if (options.tls_cert.has_value() != options.tls_key.has_value()) return "--tls-cert and --tls-key go together";
  if (auto dir = args.last("--proxy")) {
    if (options.tls_cert) return "--proxy needs a plain HTTP port: clients speak HTTP to a proxy, TLS inside the tunnel; drop --tls-cert";
    options.proxy_cert = *dir + "/zoom.pem";
    options.proxy_key = *dir + "/zoom-key.pem";
  }
  return {};
}

}  // namespace fakezoom::cli
