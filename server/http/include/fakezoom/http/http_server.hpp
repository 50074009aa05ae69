// The HTTP adapter: an Engine on a socket. It reads each request into the engine's values,
// carries out the delay or fault the engine decided, and writes the answer back; it knows
// nothing of fixtures or files. fakezoom::Server (server/app) wires it to a loaded engine.
#pragma once

#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>

namespace fakezoom {

class Engine;  // fakezoom/engine/engine.hpp

enum class LogFormat { off, text, json };

namespace http {

struct SocketOptions {
  std::string host = "127.0.0.1";
  int port = 0;  // 0 picks a free port
  // PEM files: with both, only HTTPS. The constructor throws std::invalid_argument naming the
  // file when one is missing, unreadable or not the other's.
  std::optional<std::string> tls_cert;
  std::optional<std::string> tls_key;
  // PEM files (scripts/make-cert --zoom): with both, the server is also an HTTP forward proxy
  // that answers `CONNECT api.zoom.us:443` and `zoom.us:443` itself with this certificate and
  // refuses any other target with 403 (docs/proxy.md). Plain HTTP only: not with tls_cert.
  std::optional<std::string> proxy_cert;
  std::optional<std::string> proxy_key;
  std::size_t max_body_bytes = 10u << 20;  // larger request bodies get 413
  std::size_t threads = 64;
  std::size_t max_connections = 1024;
  std::chrono::milliseconds read_timeout{5000};
  std::size_t max_header_count = 100;  // more request headers get 431
  LogFormat log = LogFormat::off;
  std::function<void(const std::string&)> log_sink;  // stderr when empty
};

// Thrown when another socket holds the address: "port 8080 on 127.0.0.1 is already in use".
class AddressInUse : public std::runtime_error {
public:
  using std::runtime_error::runtime_error;
};

class HttpServer {
public:
  // Binds and returns once it accepts connections; throws AddressInUse when another socket
  // holds the port, std::runtime_error when it cannot bind for another reason. The engine
  // must outlive the server.
  HttpServer(Engine& engine, SocketOptions options);
  ~HttpServer();  // stops
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  int port() const;
  std::string url() const;  // "http://127.0.0.1:PORT", "https://..." with a certificate
  // Idempotent; returns once the listening thread has ended. Delayed answers in flight are
  // cut short and sent at once.
  void stop();
  // Asks for a stop and returns at once; safe from any thread, a request handler too.
  void request_shutdown();
  // Blocks until the server no longer listens (after stop() or a shutdown request).
  void wait();

private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace http

}  // namespace fakezoom
