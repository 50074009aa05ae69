// Contract-test support: fakezoom started on port 0 with the shipped fixtures (tokens kept in
// its journal) and a fakezoom::client pointed at its base URL.
#pragma once

#include <catch2/catch.hpp>

#include <string>
#include <utility>
#include <vector>

#include "fakezoom/client.hpp"
#include "fakezoom/server.hpp"
#include "test_paths.hpp"

namespace fakezoom::contract {

// Distinctive, so a test can look for it anywhere in what was sent.
inline const std::string kToken = "contract-tok-7f3a9c";

// The ids fakezoom gives the seed's two examples: the route and the example's position.
inline const std::string kTokenReturned = "get-v2-users-userId-token-1";
inline const std::string kUserNotFound = "get-v2-users-userId-token-2";

inline std::string describe(const client::Error& error) {
  return std::string(client::to_string(error.kind)) + " error, status " + std::to_string(error.status) +
         ", zoom_code " + (error.zoom_code ? std::to_string(*error.zoom_code) : std::string("none")) +
         ", message \"" + error.message + "\", body \"" + error.body + "\"";
}

// What a Result holds, for INFO() before a REQUIRE on it.
template <class T>
std::string describe(const client::Result<T>& result) {
  return result ? std::string("ok") : describe(result.error());
}

struct FakeZoom {
  explicit FakeZoom(ServerOptions options = {})
      : server(start(std::move(options))), client(client_with(kToken)) {}

  // Another client on the same server, e.g. with no token or another one.
  client::Client client_with(std::string token) const {
    client::ClientOptions options;
    options.base_url = server.base_url();
    options.bearer_token = std::move(token);
    options.connect_timeout = std::chrono::seconds(5);
    options.read_timeout = std::chrono::seconds(5);
    return client::Client(std::move(options));
  }

  std::vector<JournalEntry> sent() { return server.journal().entries(); }

  // The one request the server received: a contract call must not retry or send twice.
  JournalEntry only_request() {
    auto entries = sent();
    REQUIRE(entries.size() == 1);
    return entries.front();
  }

  Server server;
  client::Client client;

private:
  static Server start(ServerOptions options) {
    options.fixtures = {FAKEZOOM_FIXTURES_DIR};
    options.journal_secrets = true;
    return Server::start(std::move(options));
  }
};

// GET /users/me/token through the general call, with the query given as is.
inline client::Request token_request(std::string user, client::QueryParams query) {
  client::Request request;
  request.method = "GET";
  request.path = client::Path::from_segments({"users", std::move(user), "token"});
  request.query = std::move(query);
  return request;
}

}  // namespace fakezoom::contract
