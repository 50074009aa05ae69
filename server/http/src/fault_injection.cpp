// Why this works the way it does. cpp-httplib 0.11.4 gives a handler no access to its socket,
// and every answer it writes starts with a well-formed status line, so none of WireMock's
// faults can be made through its Response API:
// - set_content_provider / set_chunked_content_provider run only after the status line and
//   headers are out, and a provider returning false merely ends the connection: no RST, no
//   garbage before the status line.
// - set_socket_options is applied to the listening socket only, never to accepted ones
//   (checked: one call per server), so it cannot hand out per-connection sockets.
// - Server::process_and_close_socket is virtual but private: a subclass may override it but
//   not call the original, and re-implementing httplib's keep-alive loop is not worth it.
// What the handler can do is find its own socket (connection_socket.hpp).
// Then, on that socket:
// - EMPTY_RESPONSE: shutdown(SHUT_WR) sends FIN before any byte.
// - RANDOM_DATA_THEN_CLOSE: garbage that is not HTTP, then FIN.
// - MALFORMED_RESPONSE_CHUNK: "200 OK" with chunked transfer encoding, then a chunk whose size
//   is garbage, then FIN.
// - CONNECTION_RESET_BY_PEER: SO_LINGER {on, 0}, so closing it sends RST.
// Over HTTPS the same bytes go through the connection's TLS session (httplib 0.11.4 hands the
// handler its SSL* as Request::ssl; raw bytes on the socket would be a TLS error, not the
// fault asked for), then close_notify before the FIN: the client meets the same broken HTTP.
// Finally release_connection_socket closes the socket under httplib (which sends the RST).
#include "fault_injection.hpp"

#include "connection_socket.hpp"

#include <sys/socket.h>

#include <openssl/err.h>
#include <openssl/ssl.h>

#include <string>
#include <string_view>

namespace fakezoom::http {

namespace {

constexpr std::string_view kGarbage = "lskdu018973t09sylgasjkfg1][]'./.sdlv";  // WireMock's

}  // namespace

bool inject_fault(Fault fault, const httplib::Request& request) {
  const int fd = connection_socket(request);
  if (fd < 0) return false;
  // Only this handler's thread uses the session while the handler runs.
  SSL* tls = const_cast<SSL*>(request.ssl);
  switch (fault) {
    case Fault::empty_response:
      break;
    case Fault::random_data_then_close:
      send_all(fd, tls, kGarbage);
      break;
    case Fault::malformed_response_chunk:
      send_all(fd, tls, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n");
      send_all(fd, tls, kGarbage);
      break;
    case Fault::connection_reset_by_peer: {
      const linger reset{1, 0};
      setsockopt(fd, SOL_SOCKET, SO_LINGER, &reset, sizeof reset);
      break;
    }
  }
  // FIN first, so unread bytes in the receive buffer cannot turn the close into an RST.
  if (fault != Fault::connection_reset_by_peer) {
    if (tls) SSL_shutdown(tls);
    shutdown(fd, SHUT_WR);
  }
  // A failed SSL_write leaves errors queued on this thread; they must not be mistaken for
  // the next connection's.
  if (tls) ERR_clear_error();
  release_connection_socket(fd);
  return true;
}

}  // namespace fakezoom::http
