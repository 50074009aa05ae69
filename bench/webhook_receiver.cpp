// A webhook receiver for scripts/bench --webhooks: answers every POST with 200 at once, so the
// figure is fakezoom's delivering, not the receiver's. Loopback only.
//   webhook_receiver PORT   (prints {"port":N} once listening)
#include <httplib.h>

#include <csignal>
#include <cstdio>
#include <cstdlib>

int main(int argc, char** argv) {
  const int wanted = argc > 1 ? std::atoi(argv[1]) : 0;
  std::signal(SIGPIPE, SIG_IGN);
  httplib::Server server;
  server.set_tcp_nodelay(true);
  server.Post(".*", [](const httplib::Request&, httplib::Response& res) { res.set_content("{}", "application/json"); });
  const int port = wanted > 0 ? (server.bind_to_port("127.0.0.1", wanted) ? wanted : -1) : server.bind_to_any_port("127.0.0.1");
  if (port <= 0) {
    std::fprintf(stderr, "webhook_receiver: cannot bind\n");
    return 1;
  }
  std::printf("{\"port\":%d}\n", port);
  std::fflush(stdout);
  server.listen_after_bind();
}
