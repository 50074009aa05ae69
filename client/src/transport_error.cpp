// Messages for httplib::Error values. httplib 0.11.4 reports a read timeout and a peer that
// hung up alike (Error::Read), so the elapsed time tells them apart.
#include "transport_error.hpp"

namespace fakezoom::client::detail {
namespace {

std::string ms(std::chrono::milliseconds duration) { return std::to_string(duration.count()) + " ms"; }

std::string describe(httplib::Error error, const TransportContext& context) {
  const std::string& where = context.host_port;
  switch (error) {
    case httplib::Error::Connection:
      // httplib connects non-blocking and does not keep the socket error, so refused and
      // unreachable cannot be told apart here.
      return "could not connect to " + where + " (connection refused or host unreachable)";
    case httplib::Error::ConnectionTimeout:
      return "connecting to " + where + " timed out after " + ms(context.connect_timeout);
    case httplib::Error::Read:
      // A small margin: select() may wake a hair before the nominal timeout.
      if (context.elapsed + std::chrono::milliseconds(5) >= context.read_timeout) {
        return "timed out after " + ms(context.elapsed) + " waiting for the response from " + where +
               " (read timeout " + ms(context.read_timeout) + ")";
      }
      return "the connection to " + where + " closed before a complete response was read";
    case httplib::Error::Write:
      return "sending the request to " + where + " failed (connection closed or write timeout)";
    case httplib::Error::SSLConnection:
      return "TLS handshake with " + where + " failed (is it an HTTPS server?)";
    case httplib::Error::SSLLoadingCerts:
      return context.ca_file ? "could not load CA certificates from " + *context.ca_file
                             : std::string("could not load the system CA certificates");
    case httplib::Error::SSLServerVerification:
      // httplib checks the host name only once the chain has verified.
      if (context.tls_verify_problem.empty())
        return "the TLS certificate of " + where + " is not for that host (no matching subjectAltName)";
      return "the TLS certificate of " + where + " could not be verified" +
             (context.ca_file ? " against " + *context.ca_file : std::string(" against the system CAs")) + ": " +
             context.tls_verify_problem;
    case httplib::Error::Compression:
      return "the response from " + where + " could not be decompressed";
    case httplib::Error::Canceled:
      return "the request to " + where + " was canceled";
    default:
      return "the request to " + where + " failed";
  }
}

}  // namespace

Error transport_error(httplib::Error error, const TransportContext& context) {
  Error result;
  result.kind = ErrorKind::transport;
  result.message = context.method + " " + context.url + " failed: " + describe(error, context) +
                   " [httplib: " + httplib::to_string(error) + "]";
  return result;
}

}  // namespace fakezoom::client::detail
