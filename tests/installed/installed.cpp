// A user's test against installed fakezoom: the server from fakezoom::server on port 0, the
// seed's request sent through fakezoom::client. Exits 0 when Zoom's answer and the journal are
// as the seed documents them.
#include <iostream>

#include <fakezoom/client.hpp>
#include <fakezoom/server.hpp>

int main() {
  auto zoom = fakezoom::Server::start({.fixtures = {FIXTURES_DIR}});
  fakezoom::client::Client client({.base_url = zoom.base_url(), .bearer_token = "installed-test"});
  auto token = client.get_user_token("me", "zak");
  if (!token.ok() || !token.value()) {
    std::cerr << "installed: GET /users/me/token did not give a token\n";
    return 1;
  }
  if (zoom.journal().entries().size() != 1) {
    std::cerr << "installed: expected one journal entry, got " << zoom.journal().entries().size() << "\n";
    return 1;
  }
  std::cout << "installed: a token from the installed server, and one journal entry\n";
  return 0;
}
