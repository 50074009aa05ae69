// Time from spawn to the first 200: forks and execs a server command in its own process group,
// then sends the seed's request to 127.0.0.1:PORT every 0.5 ms until the answer's status line
// says 200, prints the milliseconds (one number) and stops the server (SIGTERM, then SIGKILL).
//   first200 PORT TIMEOUT_MS -- COMMAND [ARGS...]
// Exit 0 with the time; 1 when no 200 came in TIMEOUT_MS or the server exited first.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <thread>

namespace {

pid_t child = -1;

// Interrupted (the benchmark's own trap): take the server down with us.
void on_signal(int) {
  if (child > 0) kill(-child, SIGKILL);
  _exit(1);
}

bool got_200(int port) {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) return false;
  timeval tv{1, 0};
  setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  bool ok = false;
  if (connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0) {
    const std::string request =
        "GET /v2/users/me/token?type=zak&ttl=68423085 HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        "Authorization: Bearer x\r\nConnection: close\r\n\r\n";
    if (send(fd, request.data(), request.size(), MSG_NOSIGNAL) == static_cast<ssize_t>(request.size())) {
      char buffer[64] = {};
      std::size_t have = 0;
      while (have < 12) {
        const ssize_t n = recv(fd, buffer + have, sizeof buffer - 1 - have, 0);
        if (n <= 0) break;
        have += static_cast<std::size_t>(n);
      }
      ok = have >= 12 && std::strncmp(buffer, "HTTP/1.", 7) == 0 && std::strncmp(buffer + 9, "200", 3) == 0;
    }
  }
  close(fd);
  return ok;
}

void stop() {
  kill(-child, SIGTERM);
  for (int i = 0; i < 200; ++i) {
    if (waitpid(child, nullptr, WNOHANG) == child) return;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  kill(-child, SIGKILL);
  waitpid(child, nullptr, 0);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 5 || std::strcmp(argv[3], "--") != 0) {
    std::fprintf(stderr, "usage: first200 PORT TIMEOUT_MS -- COMMAND [ARGS...]\n");
    return 2;
  }
  const int port = std::atoi(argv[1]);
  const auto timeout = std::chrono::milliseconds(std::atoi(argv[2]));
  const auto start = std::chrono::steady_clock::now();
  signal(SIGTERM, on_signal);
  signal(SIGINT, on_signal);
  signal(SIGHUP, on_signal);
  child = fork();
  if (child < 0) return 2;
  if (child == 0) {
    setpgid(0, 0);
    execvp(argv[4], argv + 4);
    _exit(127);
  }
  setpgid(child, child);
  while (std::chrono::steady_clock::now() - start < timeout) {
    if (got_200(port)) {
      const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
      std::printf("%.1f\n", ms);
      stop();
      return 0;
    }
    if (waitpid(child, nullptr, WNOHANG) == child) return 1;
    std::this_thread::sleep_for(std::chrono::microseconds(500));
  }
  stop();
  return 1;
}
