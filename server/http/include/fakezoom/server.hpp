// fakezoom on a socket, for the CLI and for embedding in a C++ test:
//   auto zoom = fakezoom::Server::start({.fixtures = {"fixtures"}});   // port 0: a free port
//   zoom.base_url();  zoom.journal().entries();  zoom.stop();
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "fakezoom/core/engine.hpp"
#include "fakezoom/core/fixture_set.hpp"
#include "fakezoom/core/journal.hpp"
#include "fakezoom/fixtures/diagnostic.hpp"  // FixtureError, thrown by start()

namespace fakezoom {

enum class LogFormat { off, text, json };

struct ServerOptions {
  std::vector<std::string> fixtures;  // files or folders
  std::string host = "127.0.0.1";
  int port = 0;  // 0 picks a free port
  std::optional<std::string> base_path;  // replaces the prefix from `{{baseUrl}}`
  bool verbatim = false;                 // serve examples exactly as documented
  std::string admin_prefix = "/__admin";
  std::size_t journal_capacity = Journal::kDefaultCapacity;
  bool journal_secrets = false;           // keep bearer tokens in the journal
  std::size_t max_body_bytes = 10u << 20;  // larger request bodies get 413
  std::size_t threads = 8;
  LogFormat log = LogFormat::off;
  // Where access-log lines go (one call per request, no newline); stderr when empty.
  std::function<void(const std::string&)> log_sink;
};

class Server {
public:
  // Loads the fixtures (throws FixtureError listing every problem), binds, and returns once
  // the server accepts connections. Throws std::runtime_error when it cannot bind.
  static Server start(ServerOptions options);
  static Server start(std::shared_ptr<const FixtureSet> fixtures, ServerOptions options);

  Server(Server&&) noexcept;
  Server& operator=(Server&&) noexcept;
  ~Server();  // stops

  int port() const;
  std::string url() const;       // "http://127.0.0.1:PORT"
  std::string base_url() const;  // url() and the API's base path: "http://127.0.0.1:PORT/v2"
  Journal& journal();
  const FixtureSet& fixtures() const;
  Engine& engine();
  // Idempotent; returns once the listening thread has ended.
  void stop();

private:
  struct Impl;
  explicit Server(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace fakezoom
