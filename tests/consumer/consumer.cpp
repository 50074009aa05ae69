// A user's own test: fakezoom embedded, called with the user's own httplib::Client. Exits 0 when
// the seed's request answers 200 and the journal holds it; anything else is a failure. An
// httplib compiled without fakezoom's CPPHTTPLIB_* flags meets fakezoom's at link time: a debug
// build then hangs in the client call (seen here; the issue saw "free(): invalid pointer"),
// which scripts/test's timeout turns into a failure. An optimised build may not show it at all,
// so the flags themselves are checked first: linking fakezoom::server must have brought them.
#include <httplib.h>

#if !defined(CPPHTTPLIB_OPENSSL_SUPPORT) || !defined(CPPHTTPLIB_ZLIB_SUPPORT) || !defined(CPPHTTPLIB_BROTLI_SUPPORT)
#error "fakezoom::server did not bring cpp-httplib's pkg-config flags: this httplib.h and fakezoom's disagree"
#endif

#include <iostream>

#include "fakezoom/server.hpp"

int main() {
  auto zoom = fakezoom::Server::start({.fixtures = {FIXTURES_DIR}});
  httplib::Client client(zoom.url());
  auto answer = client.Get("/v2/users/me/token?type=zak", {{"Authorization", "Bearer t"}});
  if (!answer || answer->status != 200) {
    std::cerr << "consumer: expected 200, got " << (answer ? std::to_string(answer->status) : "no answer") << "\n";
    return 1;
  }
  const auto sent = zoom.journal().entries();
  if (sent.size() != 1 || sent[0].request.path != "/v2/users/me/token") {
    std::cerr << "consumer: expected one journal entry for /v2/users/me/token, got " << sent.size() << "\n";
    return 1;
  }
  std::cout << "consumer: 200 and one journal entry\n";
  return 0;
}
