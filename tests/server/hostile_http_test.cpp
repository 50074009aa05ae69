// Hostile HTTP over real sockets: each input gets a defined answer (or a close), a line in
// the access log where httplib lets one be written, and the server answers normally after.
#include <sys/resource.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <mutex>
#include <nlohmann/json.hpp>
#include <thread>
#include <vector>

#include "fakezoom/server.hpp"
#include "raw_http.hpp"
#include "test_paths.hpp"

using fakezoom::Server;
using fakezoom::ServerOptions;
using fakezoom::test::RawAnswer;
using fakezoom::test::RawConnection;

namespace {

constexpr const char* kTokenRequest =
    "GET /v2/users/me/token?type=zak HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer t\r\n";

struct LoggedServer {
  explicit LoggedServer(std::size_t max_body_bytes = 1u << 20) {
    ServerOptions options;
    options.fixtures = {FAKEZOOM_FIXTURES_DIR};
    options.max_body_bytes = max_body_bytes;
    options.read_timeout = std::chrono::milliseconds(300);  // small: a stalled request ends fast
    options.log = fakezoom::LogFormat::text;
    options.log_sink = [this](const std::string& line) {
      std::lock_guard lock(mutex);
      lines.push_back(line);
    };
    server.emplace(Server::start(std::move(options)));
  }
  int port() const { return server->port(); }
  std::vector<std::string> log() {
    std::lock_guard lock(mutex);
    return lines;
  }
  // httplib calls the logger after the answer is sent: a client can read it first.
  std::vector<std::string> log_of(std::size_t count) {
    for (int i = 0; i < 1000 && log().size() < count; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(10));
    return log();
  }

  std::mutex mutex;
  std::vector<std::string> lines;
  std::optional<Server> server;
};

// The seed's request on a fresh connection gets the seed's answer.
void check_still_serves(int port) {
  const RawAnswer answer = fakezoom::test::exchange(port, std::string(kTokenRequest) + "\r\n");
  CHECK(answer.status == 200);
  CHECK(nlohmann::json::parse(answer.body, nullptr, false) == nlohmann::json{{"token", "string"}});
}

int zoom_code(const RawAnswer& answer) {
  const auto body = nlohmann::json::parse(answer.body, nullptr, false);
  return body.is_object() && body.contains("code") && body["code"].is_number() ? body["code"].get<int>() : -1;
}

// Sends `request` alone on a connection: the answer's status and Zoom code (-1: not Zoom's
// shape), one log line with the status and no raw control byte, and the server serves after.
void check_defined_answer(LoggedServer& zoom, const std::string& request, int status, int code) {
  INFO(request.substr(0, 200));
  const RawAnswer answer = fakezoom::test::exchange(zoom.port(), request);
  INFO(answer.head);
  CHECK(answer.status == status);
  if (code != -1) CHECK(zoom_code(answer) == code);
  const auto log = zoom.log_of(1);
  REQUIRE(log.size() == 1);
  CHECK(log.back().find("\" " + std::to_string(status) + " ") != std::string::npos);
  CHECK(log.back().find('\r') == std::string::npos);
  CHECK(log.back().find('\x1b') == std::string::npos);
  check_still_serves(zoom.port());
}

}  // namespace

TEST_CASE("hostile requests get a defined answer in Zoom's error shape and a log line", "[server][hostile]") {
  LoggedServer zoom;
  std::string request;
  int status = 0;
  int code = 0;
  SECTION("a malformed request line") {
    request = "HELLO\r\n\r\n";
    status = code = 400;
    check_defined_answer(zoom, request, status, code);
  }
  SECTION("an unknown method") {
    request = "BREW /v2/users/me/token HTTP/1.1\r\nHost: x\r\n\r\n";
    status = code = 400;
    check_defined_answer(zoom, request, status, code);
  }
  SECTION("a method httplib parses but routes nowhere (TRACE) is the engine's 405") {
    request = "TRACE /v2/users/me/token HTTP/1.1\r\nHost: x\r\n\r\n";
    status = 405;
    code = -1;  // Postman's shape, not Zoom's
    check_defined_answer(zoom, request, status, code);
  }
  SECTION("invalid percent-encoding in the path stays literal: an unknown user") {
    request = "GET /v2/users/%zz%/token?type=zak HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer t\r\n\r\n";
    status = 404;
    code = 1001;
    check_defined_answer(zoom, request, status, code);
  }
  SECTION("invalid percent-encoding in the query is a value that breaks the rules") {
    request = "GET /v2/users/me/token?type=%G1 HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer t\r\n\r\n";
    status = 400;
    code = 300;
    check_defined_answer(zoom, request, status, code);
  }
  SECTION("a NUL byte in the path") {
    request = std::string("GET /v2/users/a\0b/token HTTP/1.1\r\nHost: x\r\n\r\n", 44);
    status = code = 400;
    check_defined_answer(zoom, request, status, code);
  }
  SECTION("a NUL byte in a header value") {
    request = std::string(kTokenRequest) + std::string("X-Evil: a\0b\r\n\r\n", 15);
    status = code = 400;
    check_defined_answer(zoom, request, status, code);
  }
  SECTION("a CR and an escape sequence in the path") {
    request = "GET /v2/users/a\rb\x1b[31m/token HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer t\r\n\r\n";
    status = 404;
    code = 1001;
    check_defined_answer(zoom, request, status, code);
  }
  SECTION("a 1 MB header") {
    request = std::string(kTokenRequest) + "X-Big: " + std::string(1 << 20, 'a') + "\r\n\r\n";
    status = code = 400;
    check_defined_answer(zoom, request, status, code);
  }
  SECTION("10,000 headers") {
    request = kTokenRequest;
    for (int i = 0; i < 10'000; ++i) request += "X-H" + std::to_string(i) + ": v\r\n";
    request += "\r\n";
    status = code = 431;
    check_defined_answer(zoom, request, status, code);
  }
  SECTION("a target over 8 KB") {
    request = "GET /v2/" + std::string(9000, 'a') + " HTTP/1.1\r\nHost: x\r\n\r\n";
    status = code = 414;
    check_defined_answer(zoom, request, status, code);
  }
  SECTION("a Content-Length that is not a number") {
    request = "POST /__admin/reset HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n";
    status = code = 400;
    check_defined_answer(zoom, request, status, code);
  }
  SECTION("a declared Content-Length larger than the body sent (answered at the read timeout)") {
    request = "POST /__admin/reset HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\nabc";
    status = code = 400;
    check_defined_answer(zoom, request, status, code);
  }
}

TEST_CASE("a 100 MB body over the limit gets 413 and is never held in memory", "[server][hostile]") {
  LoggedServer zoom(1u << 20);
  RawConnection connection(zoom.port());
  const std::size_t body_bytes = 100u << 20;
  REQUIRE(connection.send("POST /__admin/reset HTTP/1.1\r\nHost: x\r\nContent-Length: " + std::to_string(body_bytes) +
                          "\r\n\r\n"));
  const long before_kb = fakezoom::test::held_kb();
  const std::string chunk(1u << 16, 'x');
  std::size_t sent = 0;
  // httplib 0.11.4 reads and discards a body over the limit, then answers: keep sending.
  while (sent < body_bytes && connection.send(chunk)) sent += chunk.size();
  const RawAnswer answer = connection.read_answer();
  const long after_kb = fakezoom::test::held_kb();
  WARN("100 MB body: sent " << sent << " bytes; memory held (RSS, or live heap under a sanitizer) " << before_kb
                                  << " kB before, " << after_kb << " kB after");
  CHECK(answer.status == 413);
  CHECK(zoom_code(answer) == 413);
  CHECK(after_kb - before_kb < 50 * 1024);  // the body was not kept: far below 100 MB
  const auto log = zoom.log_of(1);
  REQUIRE(log.size() == 1);
  CHECK(log[0].find("\"POST /__admin/reset\" 413") != std::string::npos);
  check_still_serves(zoom.port());
}

TEST_CASE("a client sending one byte a second is closed by the read timeout, others are served meanwhile",
          "[server][hostile]") {
  LoggedServer zoom;
  RawConnection slow(zoom.port());
  const std::string request = std::string(kTokenRequest) + "\r\n";
  const auto started = std::chrono::steady_clock::now();
  bool closed = false;
  std::size_t sent = 0;
  std::thread slow_client([&] {
    for (; sent < request.size() && !closed; ++sent) {
      if (!slow.send(request.substr(sent, 1))) break;
      std::this_thread::sleep_for(std::chrono::seconds(1));
    }
    closed = slow.closed_by_server();
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  check_still_serves(zoom.port());  // while the slow client trickles
  slow_client.join();
  const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started);
  WARN("slow client: closed after " << sent << " of " << request.size() << " bytes, " << ms.count() << " ms");
  CHECK(closed);
  CHECK(sent < request.size());
  // httplib closes a stalled request without a response and without calling the logger.
  CHECK(zoom.log_of(1).size() == 1);
  check_still_serves(zoom.port());
}

TEST_CASE("1,000 connections opened and left idle do not keep others from being served", "[server][hostile]") {
  constexpr std::size_t kIdle = 1000;
  // Each idle connection holds a descriptor here and one in the server (same process).
  rlimit files{};
  getrlimit(RLIMIT_NOFILE, &files);
  if (files.rlim_cur < 2 * kIdle + 200 && files.rlim_max >= 2 * kIdle + 200) {
    files.rlim_cur = 2 * kIdle + 200;
    setrlimit(RLIMIT_NOFILE, &files);
  }
  getrlimit(RLIMIT_NOFILE, &files);
  REQUIRE(files.rlim_cur >= 2 * kIdle + 200);

  LoggedServer zoom;
  std::vector<RawConnection> idle;
  idle.reserve(kIdle);
  const auto opening = std::chrono::steady_clock::now();
  for (std::size_t i = 0; i < kIdle; ++i) {
    idle.emplace_back(zoom.port());
    REQUIRE(idle.back().connected());
  }
  const long rss_kb = fakezoom::test::resident_kb();
  WARN("opened 1,000 connections in " << std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - opening).count() << " ms");
  const auto started = std::chrono::steady_clock::now();
  check_still_serves(zoom.port());
  const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started);
  WARN("with 1,000 idle connections: a request answered in " << ms.count() << " ms; RSS " << rss_kb << " kB");
  const auto closing = std::chrono::steady_clock::now();
  idle.clear();
  check_still_serves(zoom.port());
  zoom.server->stop();
  WARN("closed them and stopped in " << std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - closing).count() << " ms");
}

TEST_CASE("a chunked body over the limit gets 413 too, once httplib has read it", "[server][hostile]") {
  LoggedServer zoom(1u << 20);
  RawConnection connection(zoom.port());
  REQUIRE(connection.send("POST /__admin/reset HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"));
  const std::string chunk(1u << 16, 'x');
  for (int i = 0; i < 32; ++i) REQUIRE(connection.send("10000\r\n" + chunk + "\r\n"));  // 2 MB
  REQUIRE(connection.send("0\r\n\r\n"));
  const RawAnswer answer = connection.read_answer();
  CHECK(answer.status == 413);
  CHECK(zoom_code(answer) == 413);
  check_still_serves(zoom.port());
}
