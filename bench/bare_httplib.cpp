// The library's own ceiling: a bare cpp-httplib server that answers every GET with the bytes
// fakezoom sends for the seed's request (status, Content-Type, body, Matched-Stub-* headers),
// configured as server/http/src/http_server.cpp configures httplib (TCP_NODELAY, 1000 keep-alive
// requests). It answers one of two ways, so that fakezoom can be compared with the library used
// as fakezoom uses it: by default from one catch-all regex route, server.Get(".*"); with `hook`,
// from the pre-routing handler, which skips httplib's regex router. Built by scripts/bench,
// which runs it both ways with 64 worker threads, as many as fakezoom starts.
//   bare_httplib PORT [THREADS] [hook]   (0 picks a free port; prints {"port":N} once listening;
//                                         THREADS, default 8, sizes the worker pool)
#include <httplib.h>

#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

int main(int argc, char** argv) {
  const int wanted = argc > 1 ? std::atoi(argv[1]) : 0;
  const int threads = argc > 2 ? std::atoi(argv[2]) : 8;
  const bool hook = argc > 3 && std::strcmp(argv[3], "hook") == 0;
  if (argc > 3 && !hook) {
    std::fprintf(stderr, "usage: bare_httplib PORT [THREADS] [hook]\n");
    return 2;
  }
  std::signal(SIGPIPE, SIG_IGN);
  httplib::Server server;
  server.set_tcp_nodelay(true);
  server.set_keep_alive_max_count(1000);
  server.new_task_queue = [threads] { return new httplib::ThreadPool(threads > 0 ? threads : 8); };
  static const std::string body = "{\n \"token\": \"string\"\n}";
  static const auto answer = [](httplib::Response& res) {
    res.set_header("Matched-Stub-Id", "get-v2-users-userId-token-1");
    res.set_header("Matched-Stub-Name", "**HTTP Status Code:** `200`<br> Token returned.");
    res.set_content(body, "application/json");
  };
  if (hook) {
    // GET and HEAD only, as the route below answers (httplib serves HEAD from GET routes); any
    // other method falls through to the router, which has no route and answers 404 either way.
    server.set_pre_routing_handler([](const httplib::Request& req, httplib::Response& res) {
      if (req.method != "GET" && req.method != "HEAD") return httplib::Server::HandlerResponse::Unhandled;
      answer(res);
      return httplib::Server::HandlerResponse::Handled;
    });
  } else {
    server.Get(".*", [](const httplib::Request&, httplib::Response& res) { answer(res); });
  }
  const int port = wanted == 0 ? server.bind_to_any_port("127.0.0.1") : (server.bind_to_port("127.0.0.1", wanted) ? wanted : -1);
  if (port <= 0) {
    std::perror("bare_httplib: bind");
    return 2;
  }
  std::printf("{\"port\":%d}\n", port);
  std::fflush(stdout);
  return server.listen_after_bind() ? 0 : 1;
}
