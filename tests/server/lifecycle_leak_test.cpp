// Many start/stop cycles of the embedded server, with requests in between, so that the ASan
// run's LeakSanitizer (and valgrind, by hand: fuzz/README.md) would see anything a cycle leaks:
// threads, sockets, engines, fixtures, journal entries, the watcher.
#include <httplib.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdlib>
#include <nlohmann/json.hpp>

#include "fakezoom/server.hpp"
#include "test_paths.hpp"

using fakezoom::Server;
using fakezoom::ServerOptions;

namespace {

// FAKEZOOM_LEAK_CYCLES lowers the count for a valgrind run, where a cycle costs far more.
int cycles() {
  const char* text = std::getenv("FAKEZOOM_LEAK_CYCLES");
  return text && *text ? std::max(1, std::atoi(text)) : 200;
}

}  // namespace

TEST_CASE("the embedded server starts and stops 200 times with requests in between and leaves nothing behind",
          "[server][lifecycle][leak]") {
  const int n = cycles();
  int answered = 0;
  for (int i = 0; i < n; ++i) {
    ServerOptions options;
    options.fixtures = {FAKEZOOM_FIXTURES_DIR};
    options.watch = i % 4 == 0;  // the watcher thread starts and stops too
    options.journal_secrets = i % 2 == 0;
    auto zoom = Server::start(options);
    httplib::Client client(zoom.url());  // one keep-alive connection for the cycle's requests
    client.set_keep_alive(true);
    const httplib::Headers bearer{{"Authorization", "Bearer t"}};
    auto ok = client.Get("/v2/users/me/token?type=zak&ttl=3600", bearer);
    auto unknown = client.Get("/v2/users/nobody/token", bearer);
    auto unauthorized = client.Get("/v2/users/me/token");
    auto invalid = client.Get("/v2/users/me/token?type=foo", bearer);
    auto listed = client.Get("/__admin/requests?limit=2");
    REQUIRE((ok && unknown && unauthorized && invalid && listed));
    CHECK(ok->status == 200);
    CHECK(unknown->status == 404);
    CHECK(unauthorized->status == 401);
    CHECK(invalid->status == 400);
    CHECK(listed->status == 200);
    CHECK(nlohmann::json::parse(listed->body)["requests"].size() == 2);
    CHECK(zoom.journal().total() == 4);
    answered += 5;
    // The client hangs up first: httplib 0.11.4 lets a worker wait out the keep-alive timeout
    // (5 s) on an idle connection before stop() returns. Half the cycles stop explicitly, the
    // others leave it to the destructor.
    client.stop();
    if (i % 2 == 0) zoom.stop();
  }
  CHECK(answered == 5 * n);
}
