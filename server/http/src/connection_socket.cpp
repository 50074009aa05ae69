#include "connection_socket.hpp"

#include <dirent.h>
#include <fcntl.h>
#include <netdb.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdlib>
#include <string>

namespace fakezoom::http {

namespace {

bool endpoint(int fd, bool peer, std::string& ip, int& port) {
  sockaddr_storage address{};
  socklen_t length = sizeof address;
  auto* raw = reinterpret_cast<sockaddr*>(&address);
  if ((peer ? getpeername(fd, raw, &length) : getsockname(fd, raw, &length)) != 0) return false;
  if (address.ss_family != AF_INET && address.ss_family != AF_INET6) return false;
  char host[NI_MAXHOST];
  char service[NI_MAXSERV];
  if (getnameinfo(raw, length, host, sizeof host, service, sizeof service, NI_NUMERICHOST | NI_NUMERICSERV) != 0)
    return false;
  ip = host;
  port = std::atoi(service);
  return true;
}

}  // namespace

int connection_socket(const httplib::Request& request) {
  DIR* folder = opendir("/proc/self/fd");
  if (!folder) return -1;
  int found = -1;
  while (dirent* item = readdir(folder)) {
    if (item->d_name[0] < '0' || item->d_name[0] > '9') continue;
    const int fd = std::atoi(item->d_name);
    if (fd == dirfd(folder)) continue;
    std::string remote_ip, local_ip;
    int remote_port = 0, local_port = 0;
    if (!endpoint(fd, true, remote_ip, remote_port) || remote_port != request.remote_port ||
        remote_ip != request.remote_addr)
      continue;
    if (!endpoint(fd, false, local_ip, local_port) || local_port != request.local_port ||
        local_ip != request.local_addr)
      continue;
    found = fd;
    break;
  }
  closedir(folder);
  return found;
}

bool send_all(int fd, SSL* tls, std::string_view bytes) {
  while (!bytes.empty()) {
    const long sent = tls ? SSL_write(tls, bytes.data(), static_cast<int>(bytes.size()))
                          : send(fd, bytes.data(), bytes.size(), MSG_NOSIGNAL);
    if (sent <= 0) return false;
    bytes.remove_prefix(static_cast<std::size_t>(sent));
  }
  return true;
}

bool release_connection_socket(int fd) {
  const int dev_null = open("/dev/null", O_RDWR | O_CLOEXEC);
  if (dev_null < 0) return false;
  dup2(dev_null, fd);
  close(dev_null);
  return true;
}

}  // namespace fakezoom::http
