// The README's embedding snippet, compiled and run, so the front page never lies.
#include <httplib.h>

#include <catch2/catch.hpp>

#include "fakezoom/server.hpp"
#include "test_paths.hpp"

namespace {
int status_of(const std::string& base_url) {
  httplib::Client client(base_url.substr(0, base_url.rfind('/')));
  auto res = client.Get("/v2/users/me/token?type=zak", {{"Authorization", "Bearer t"}});
  return res ? res->status : 0;
}
}  // namespace

TEST_CASE("the README's embedding example works as written", "[server][readme]") {
  auto call_your_code = [](const std::string& base_url) { CHECK(status_of(base_url) == 200); };
  // --- as in README.md, with the fixtures folder spelled out ---
  auto zoom = fakezoom::Server::start({.fixtures = {FAKEZOOM_FIXTURES_DIR}});  // port 0: a free port
  call_your_code(zoom.base_url());                                             // "http://127.0.0.1:PORT/v2"
  auto sent = zoom.journal().entries();  // method, path, query, headers, body, example, status
  zoom.stop();                           // also on destruction
  // ---
  REQUIRE(sent.size() == 1);
  CHECK(sent[0].request.path == "/v2/users/me/token");
}
