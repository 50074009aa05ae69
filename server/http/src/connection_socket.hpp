// A request's own socket. cpp-httplib 0.11.4 gives a handler no access to it (and its
// Server::process_and_close_socket is private), but it does give the connection's two
// endpoints (remote_addr/port, local_addr/port). On Linux the handler finds its socket among
// the process's descriptors (/proc/self/fd) by those endpoints; only the requests that need
// it (a fault, a proxy's CONNECT) pay for the scan. The connection stays open while its
// handler runs, so the match cannot be another connection's.
#pragma once

#include <httplib.h>
#include <openssl/ssl.h>

#include <string_view>

namespace fakezoom::http {

// The descriptor, or -1 when none matches.
int connection_socket(const httplib::Request& request);

// Every byte on the socket, through `tls` when it is not null; false once a write fails.
bool send_all(int fd, SSL* tls, std::string_view bytes);

// Ends the handler's use of its socket: dup2() puts /dev/null on the descriptor number, so the
// socket itself is closed while httplib still holds a valid descriptor that it writes its
// answer to (ENOTSOCK, no SIGPIPE) and closes. Closing the number ourselves instead would let
// another thread's new connection reuse it under httplib's feet. False when /dev/null cannot
// be opened (the socket is then left as it was).
bool release_connection_socket(int fd);

}  // namespace fakezoom::http
