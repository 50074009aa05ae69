// `fakezoom serve --tls-cert FILE --tls-key FILE`: HTTPS instead of HTTP.
#pragma once

#include <string>

#include "args.hpp"
#include "help.hpp"
#include "fakezoom/server.hpp"

namespace fakezoom::cli {

inline OptionGroup tls_options() {
  return {"HTTPS",
          {{"--tls-cert", "FILE", "none: plain HTTP", "serve HTTPS only, with this PEM certificate (chain); needs --tls-key.\nscripts/make-cert DIR makes a throwaway one for localhost"},
           {"--tls-key", "FILE", "", "the certificate's PEM private key (unencrypted)"}}};
}

// Sets options.tls_cert and tls_key; a usage error when only one of them is given. The files
// themselves are checked by Server::start, which names the bad one.
inline std::string apply_tls_options(const Args& args, ServerOptions& options) {
  options.tls_cert = args.last("--tls-cert");
  options.tls_key = args.last("--tls-key");
  if (options.tls_cert.has_value() != options.tls_key.has_value()) return "--tls-cert and --tls-key go together";
  return {};
}

}  // namespace fakezoom::cli
