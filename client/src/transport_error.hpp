// Turns a cpp-httplib failure into a transport Error whose message says what failed, the
// way Chilkat's LastErrorText would: which request, which host:port, refused or timed out.
#pragma once

#include <chrono>
#include <optional>
#include <string>

#include <httplib.h>

#include "fakezoom/client/error.hpp"

namespace fakezoom::client::detail {

struct TransportContext {
  std::string method;
  std::string url;        // origin + path, without the query string
  std::string host_port;  // "127.0.0.1:8080"
  std::chrono::milliseconds elapsed{0};
  std::chrono::milliseconds connect_timeout{0};
  std::chrono::milliseconds read_timeout{0};
  std::optional<std::string> ca_file;
  // OpenSSL's reason a certificate failed verification ("self-signed certificate"); empty
  // when the chain verified (and a failure is then the host name's).
  std::string tls_verify_problem;
};

Error transport_error(httplib::Error error, const TransportContext& context);

}  // namespace fakezoom::client::detail
