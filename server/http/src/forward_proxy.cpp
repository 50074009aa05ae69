// The tunnel's inside is not parsed here: its bytes are relayed to the server's own port over
// loopback (the CONNECT's local address), so the requests in it meet everything a direct
// request meets (limits, the journal, faults, the access log) with no second HTTP reader.
// One thread per tunnel (the CONNECT's own httplib worker) polls both sockets; OpenSSL's
// session must not be read on one thread while written on another.
#include "forward_proxy.hpp"

#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <openssl/err.h>

#include <cerrno>
#include <string>

#include "connection_socket.hpp"
#include "fakezoom/model/headers.hpp"

namespace fakezoom::http {

namespace {

constexpr int kPollMs = 200;  // how soon a tunnel notices a stop

// A connection to the server's own port, at the address the client reached it on.
int connect_to_self(const httplib::Request& connect) {
  addrinfo hints{};
  hints.ai_flags = AI_NUMERICHOST | AI_NUMERICSERV;
  hints.ai_socktype = SOCK_STREAM;
  addrinfo* found = nullptr;
  if (getaddrinfo(connect.local_addr.c_str(), std::to_string(connect.local_port).c_str(), &hints, &found) != 0)
    return -1;
  int fd = socket(found->ai_family, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd >= 0 && ::connect(fd, found->ai_addr, found->ai_addrlen) != 0) {
    close(fd);
    fd = -1;
  }
  freeaddrinfo(found);
  if (fd >= 0) {
    int yes = 1;
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &yes, sizeof yes);
  }
  return fd;
}

// Bytes both ways until one side closes, fails, or a stop is asked for.
void relay(SSL* tls, int client, int server, const std::atomic<bool>& stopping) {
  char buffer[16384];
  while (!stopping.load(std::memory_order_relaxed)) {
    pollfd sockets[2] = {{client, POLLIN, 0}, {server, POLLIN, 0}};
    // Bytes OpenSSL already decrypted are not on the socket: poll would not see them.
    if (SSL_pending(tls) == 0) {
      const int ready = poll(sockets, 2, kPollMs);
      if (ready < 0 && errno != EINTR) return;
      if (ready <= 0) continue;
    } else {
      sockets[0].revents = POLLIN;
    }
    if (sockets[0].revents) {
      const int read = SSL_read(tls, buffer, sizeof buffer);
      if (read <= 0) {
        if (SSL_get_error(tls, read) != SSL_ERROR_WANT_READ) return;  // a TLS 1.3 handshake message
      } else if (!send_all(server, nullptr, {buffer, static_cast<std::size_t>(read)})) {
        return;
      }
    }
    if (sockets[1].revents) {
      const ssize_t read = recv(server, buffer, sizeof buffer, 0);
      if (read <= 0 || !send_all(client, tls, {buffer, static_cast<std::size_t>(read)})) return;
    }
  }
}

}  // namespace

ForwardProxy::ForwardProxy(const std::string& cert, const std::string& key) : context_(make_tls_context(cert, key)) {}

bool ForwardProxy::answers(std::string_view authority) {
  return iequals(authority, "api.zoom.us:443") || iequals(authority, "zoom.us:443");
}

bool ForwardProxy::tunnel(const httplib::Request& connect, const std::atomic<bool>& stopping) const {
  const int client = connection_socket(connect);
  if (client < 0) return false;
  static constexpr std::string_view established = "HTTP/1.1 200 Connection Established\r\n\r\n";
  if (send_all(client, nullptr, established)) {
    SSL* tls = SSL_new(context_.get());
    if (tls && SSL_set_fd(tls, client) == 1 && SSL_accept(tls) == 1) {
      if (const int server = connect_to_self(connect); server >= 0) {
        relay(tls, client, server, stopping);
        close(server);
      }
      SSL_shutdown(tls);
    }
    SSL_free(tls);
    ERR_clear_error();  // a failed handshake's errors are not the next connection's
  }
  shutdown(client, SHUT_RDWR);
  release_connection_socket(client);
  return true;
}

}  // namespace fakezoom::http
