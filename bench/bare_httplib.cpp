// The library's own ceiling: a bare cpp-httplib server that answers every GET with the bytes
// fakezoom sends for the seed's request (status, Content-Type, body, Matched-Stub-* headers),
// configured as server/http/src/server.cpp configures httplib (TCP_NODELAY, 1000 keep-alive
// requests, one catch-all regex route). Built by scripts/bench, which runs it with 64 worker
// threads, as many as fakezoom starts.
//   bare_httplib PORT [THREADS]   (0 picks a free port; prints {"port":N} once listening;
//                                  THREADS, default 8, sizes the worker pool)
#include <httplib.h>

#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <string>

int main(int argc, char** argv) {
  const int wanted = argc > 1 ? std::atoi(argv[1]) : 0;
  const int threads = argc > 2 ? std::atoi(argv[2]) : 8;
  std::signal(SIGPIPE, SIG_IGN);
  httplib::Server server;
  server.set_tcp_nodelay(true);
  server.set_keep_alive_max_count(1000);
  server.new_task_queue = [threads] { return new httplib::ThreadPool(threads > 0 ? threads : 8); };
  static const std::string body = "{\n \"token\": \"string\"\n}";
  server.Get(".*", [](const httplib::Request&, httplib::Response& res) {
    res.set_header("Matched-Stub-Id", "get-v2-users-userId-token-1");
    res.set_header("Matched-Stub-Name", "**HTTP Status Code:** `200`<br> Token returned.");
    res.set_content(body, "application/json");
  });
  const int port = wanted == 0 ? server.bind_to_any_port("127.0.0.1") : (server.bind_to_port("127.0.0.1", wanted) ? wanted : -1);
  if (port <= 0) {
    std::perror("bare_httplib: bind");
    return 2;
  }
  std::printf("{\"port\":%d}\n", port);
  std::fflush(stdout);
  return server.listen_after_bind() ? 0 : 1;
}
