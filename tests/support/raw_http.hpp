// HTTP over a raw loopback socket, for tests that send what no client library would:
// malformed lines, NUL bytes, endless headers, slow or idle connections.
#pragma once

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <string>
#include <string_view>
#include <utility>

namespace fakezoom::test {

struct RawAnswer {
  int status = 0;         // 0: no status line came
  std::string head;       // status line and headers
  std::string body;
  bool closed = false;    // the server closed the connection
};

class RawConnection {
public:
  // `read_timeout` only detects a hang; tests never assert on time.
  explicit RawConnection(int port, std::chrono::milliseconds read_timeout = std::chrono::seconds(20)) {
    fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<std::uint16_t>(port));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    connected_ = fd_ >= 0 && ::connect(fd_, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0;
    timeval tv{static_cast<time_t>(read_timeout.count() / 1000), static_cast<suseconds_t>(read_timeout.count() % 1000 * 1000)};
    if (fd_ >= 0) setsockopt(fd_, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
  }
  RawConnection(const RawConnection&) = delete;
  RawConnection& operator=(const RawConnection&) = delete;
  RawConnection(RawConnection&& other) noexcept : fd_(std::exchange(other.fd_, -1)), connected_(other.connected_) {}
  ~RawConnection() {
    if (fd_ >= 0) ::close(fd_);
  }

  bool connected() const { return connected_; }

  // False when the server has closed (EPIPE, ECONNRESET).
  bool send(std::string_view data) {
    while (!data.empty()) {
      const auto n = ::send(fd_, data.data(), data.size(), MSG_NOSIGNAL);
      if (n <= 0) return false;
      data.remove_prefix(static_cast<std::size_t>(n));
    }
    return true;
  }

  // One answer: the head, then Content-Length bytes of body.
  RawAnswer read_answer() {
    RawAnswer answer;
    std::size_t end;
    while ((end = buffer_.find("\r\n\r\n")) == std::string::npos)
      if (!fill(answer)) return answer;
    answer.head = buffer_.substr(0, end);
    buffer_.erase(0, end + 4);
    if (answer.head.rfind("HTTP/1.1 ", 0) == 0) answer.status = std::atoi(answer.head.c_str() + 9);
    std::size_t length = 0;
    if (auto at = answer.head.find("Content-Length: "); at != std::string::npos)
      length = std::strtoul(answer.head.c_str() + at + 16, nullptr, 10);
    while (buffer_.size() < length)
      if (!fill(answer)) break;
    answer.body = buffer_.substr(0, length);
    buffer_.erase(0, std::min(length, buffer_.size()));
    return answer;
  }

  // Whether the server closes the connection (rather than the wait for it timing out).
  bool closed_by_server() {
    RawAnswer ignored;
    while (fill(ignored)) {
    }
    return ignored.closed;
  }

private:
  bool fill(RawAnswer& answer) {
    char chunk[65536];
    const auto n = ::recv(fd_, chunk, sizeof chunk, 0);
    if (n == 0 || (n < 0 && errno == ECONNRESET)) answer.closed = true;
    if (n <= 0) return false;
    buffer_.append(chunk, static_cast<std::size_t>(n));
    return true;
  }

  int fd_ = -1;
  bool connected_ = false;
  std::string buffer_;
};

// The whole exchange on a fresh connection.
inline RawAnswer exchange(int port, std::string_view request) {
  RawConnection connection(port);
  connection.send(request);
  return connection.read_answer();
}

// Resident set size of this process, from /proc (Linux).
inline long resident_kb() {
  std::FILE* statm = std::fopen("/proc/self/statm", "r");
  long pages = 0, resident = 0;
  if (statm) {
    if (std::fscanf(statm, "%ld %ld", &pages, &resident) != 2) resident = 0;
    std::fclose(statm);
  }
  return resident * (sysconf(_SC_PAGESIZE) / 1024);
}

#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
extern "C" std::size_t __sanitizer_get_current_allocated_bytes();
#endif

// What the heap holds now. Under a sanitizer RSS also counts freed memory held in quarantine
// (a 100 MB body read in small pieces shows as tens of MB), so ask its allocator instead.
inline long held_kb() {
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
  return static_cast<long>(__sanitizer_get_current_allocated_bytes() / 1024);
#else
  return resident_kb();
#endif
}

}  // namespace fakezoom::test
