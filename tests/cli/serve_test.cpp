// `fakezoom serve` as a process: its start-up lines, port file, signals and exit codes.
#include <httplib.h>
#include <signal.h>

#include <catch2/catch.hpp>
#include <fstream>
#include <nlohmann/json.hpp>

#include "process.hpp"
#include "temp_dir.hpp"
#include "test_paths.hpp"

using fakezoom::test::Process;
using fakezoom::test::TempDir;

namespace {

// Starts `fakezoom serve` on a free port and reads its two start-up lines.
struct Served {
  explicit Served(std::vector<std::string> extra = {})
      : process([&] {
          std::vector<std::string> argv{FAKEZOOM_EXE, "serve", "--fixtures", FAKEZOOM_FIXTURES_DIR, "--port", "0"};
          argv.insert(argv.end(), extra.begin(), extra.end());
          return argv;
        }()) {
    human = process.read_line().value_or("");
    auto json_line = process.read_line().value_or("{}");
    event = nlohmann::json::parse(json_line, nullptr, false);
  }
  int port() const { return event.value("port", 0); }

  Process process;
  std::string human;
  nlohmann::json event;
};

}  // namespace

TEST_CASE("serve prints a human line and a JSON line once it accepts connections", "[cli][serve]") {
  Served served;
  REQUIRE(served.port() > 0);
  const std::string url = "http://127.0.0.1:" + std::to_string(served.port()) + "/v2";
  CHECK(served.human == "fakezoom listening on " + url + " (13 routes, 26 examples)");
  CHECK(served.event["event"] == "listening");
  CHECK(served.event["url"] == url);

  httplib::Client client("127.0.0.1", served.port());
  auto health = client.Get("/__admin/health");
  REQUIRE(health);
  CHECK(health->status == 200);
  CHECK(nlohmann::json::parse(health->body)["status"] == "healthy");
}

TEST_CASE("SIGINT and SIGTERM stop the server with exit code 0", "[cli][serve]") {
  const int stop_signal = GENERATE(SIGINT, SIGTERM);
  Served served;
  REQUIRE(served.port() > 0);
  served.process.signal(stop_signal);
  // A generous bound so a slow sanitizer build passes; scripts/bench measures the real time.
  CHECK(served.process.wait(std::chrono::seconds(5)) == 0);
}

TEST_CASE("the port file holds the port once the server listens", "[cli][serve]") {
  TempDir dir;
  const auto port_file = dir.file("port");
  Served served({"--port-file", port_file});
  REQUIRE(served.port() > 0);
  std::ifstream in(port_file);
  int port = 0;
  in >> port;
  CHECK(port == served.port());
}

TEST_CASE("the seed's curl command answers 200 against the served fixtures", "[cli][seed]") {
  Served served({"--log", "off"});
  REQUIRE(served.port() > 0);
  const std::string base = "http://127.0.0.1:" + std::to_string(served.port()) + "/v2";
  auto result =
      fakezoom::test::run({"curl", "-s", "-w", "\\n%{http_code}", "-G", "-d", "type=zak", "-d", "ttl=68423085", "-H",
                           "Authorization: Bearer <access_token>", base + "/users/:userId/token"});
  REQUIRE(result.exit_code == 0);
  const auto newline = result.out.rfind('\n');
  CHECK(result.out.substr(newline + 1) == "200");
  CHECK(nlohmann::json::parse(result.out.substr(0, newline)) == nlohmann::json{{"token", "string"}});

  SECTION("and 404 with x-mock-response-code: 404") {
    auto not_found = fakezoom::test::run({"curl", "-s", "-o", "/dev/null", "-w", "%{http_code}", "-G", "-d", "type=zak",
                                          "-H", "Authorization: Bearer <access_token>", "-H",
                                          "x-mock-response-code: 404", base + "/users/:userId/token"});
    CHECK(not_found.out == "404");
  }
}

TEST_CASE("the access log redacts tokens", "[cli][serve][log]") {
  const std::string format = GENERATE(as<std::string>{}, "text", "json");
  Served served({"--log", format});
  REQUIRE(served.port() > 0);
  httplib::Client client("127.0.0.1", served.port());
  REQUIRE(client.Get("/v2/users/me/token?type=zak", {{"Authorization", "Bearer very-secret"}}));
  served.process.signal(SIGTERM);
  REQUIRE(served.process.wait() == 0);
  const auto log = served.process.stderr_text();
  INFO(log);
  CHECK(log.find("/v2/users/me/token") != std::string::npos);
  CHECK(log.find("Bearer [REDACTED]") != std::string::npos);
  CHECK(log.find("very-secret") == std::string::npos);
}

TEST_CASE("serve with --verbatim serves the seed's 404 exactly as documented", "[cli][serve]") {
  Served served({"--verbatim"});
  REQUIRE(served.port() > 0);
  httplib::Client client("127.0.0.1", served.port());
  auto res = client.Get("/v2/users/nobody/token", {{"Authorization", "Bearer t"}});
  REQUIRE(res);
  CHECK(res->status == 404);
  CHECK(res->body.empty());
  CHECK(res->get_header_value("Content-Type") == "text/plain");
}

TEST_CASE("serve refuses bad usage and broken fixtures with exit code 2", "[cli][serve]") {
  SECTION("an unknown option") {
    auto result = fakezoom::test::run({FAKEZOOM_EXE, "serve", "--no-such-option"});
    CHECK(result.exit_code == 2);
    CHECK(result.err.find("unknown option --no-such-option") != std::string::npos);
  }
  SECTION("a port out of range") {
    CHECK(fakezoom::test::run({FAKEZOOM_EXE, "serve", "--port", "70000"}).exit_code == 2);
  }
  SECTION("no worker threads") { CHECK(fakezoom::test::run({FAKEZOOM_EXE, "serve", "--threads", "0"}).exit_code == 2); }
  SECTION("a broken fixture lists every problem with its file and JSON pointer") {
    TempDir dir;
    const auto file = dir.write("broken.json", R"({"item":[
      {"name":"a","request":{"method":"GET","url":"{{baseUrl}}/a"},"response":[{"name":"ok","code":"200"}]},
      {"name":"b","request":{"method":"GET"},"response":[{"name":"x","code":200,"header":7}]}]})");
    auto result = fakezoom::test::run({FAKEZOOM_EXE, "serve", "--port", "0", "--fixtures", file});
    CHECK(result.exit_code == 2);
    INFO(result.err);
    CHECK(result.err.find(file + ": /item/0/response/0/code:") != std::string::npos);
    CHECK(result.err.find(file + ": /item/1/request/url:") != std::string::npos);
    CHECK(result.err.find(file + ": /item/1/response/0/header:") != std::string::npos);
    CHECK(result.out.find("listening") == std::string::npos);
  }
}

TEST_CASE("serve on a port another fakezoom holds exits 2, naming the address", "[cli][serve][port]") {
  Served first;
  REQUIRE(first.port() > 0);
  const std::string port = std::to_string(first.port());
  auto second = fakezoom::test::run(
      {FAKEZOOM_EXE, "serve", "--fixtures", FAKEZOOM_FIXTURES_DIR, "--port", port, "--log", "off"});
  CHECK(second.exit_code == 2);
  const std::string message = "port " + port + " on 127.0.0.1 is already in use";
  INFO(second.err);
  CHECK(second.err.find("fakezoom: " + message) != std::string::npos);
  // Whoever waits for the JSON start event reads the failure there instead.
  const auto event = nlohmann::json::parse(second.out, nullptr, false);
  CHECK(event.value("event", "") == "failed");
  CHECK(event.value("message", "") == message);
  CHECK(second.out.find("listening") == std::string::npos);
}

TEST_CASE("serve with --spec validates the routes the spec covers", "[cli][serve][spec]") {
  TempDir dir;
  const auto spec = dir.write("users.yaml", R"(openapi: 3.0.0
info: {title: t, version: "1"}
servers: [{url: "https://api.zoom.us/v2"}]
paths:
  /users/{userId}/token:
    get:
      parameters:
        - {name: userId, in: path, required: true, schema: {type: string}}
        - {name: ttl, in: query, schema: {type: integer, maximum: 10}}
      responses: {"200": {description: ok}}
)");
  Served served({"--spec", spec, "--log", "off"});
  REQUIRE(served.port() > 0);
  httplib::Client client("127.0.0.1", served.port());
  const httplib::Headers auth{{"Authorization", "Bearer t"}};
  auto too_long = client.Get("/v2/users/me/token?ttl=11", auth);
  REQUIRE(too_long);
  CHECK(too_long->status == 400);
  auto body = nlohmann::json::parse(too_long->body);
  CHECK(body["code"] == 300);
  CHECK(body["errors"][0]["field"] == "ttl");
  auto fine = client.Get("/v2/users/me/token?ttl=5", auth);
  REQUIRE(fine);
  CHECK(fine->status == 200);
  // The seed documents ttl=68423085: a documented request always passes its own rules.
  auto documented = client.Get("/v2/users/me/token?type=zak&ttl=68423085", auth);
  REQUIRE(documented);
  CHECK(documented->status == 200);

  SECTION("a broken spec stops start-up with exit code 2 naming the file") {
    const auto broken = dir.write("broken.json", R"({"openapi": "3.0.0", "paths": 7})");
    auto result = fakezoom::test::run(
        {FAKEZOOM_EXE, "serve", "--port", "0", "--fixtures", FAKEZOOM_FIXTURES_DIR, "--spec", broken});
    CHECK(result.exit_code == 2);
    CHECK(result.err.find(broken) != std::string::npos);
  }
}

TEST_CASE("serve --state-file keeps the account across a SIGTERM and the next start", "[cli][serve][state]") {
  TempDir dir;
  const auto state_file = dir.file("account.json");
  const httplib::Headers auth{{"Authorization", "Bearer t"}};
  std::string id;
  {
    Served first({"--state-file", state_file, "--log", "off"});
    REQUIRE(first.port() > 0);
    httplib::Client client("127.0.0.1", first.port());
    auto created =
        client.Post("/v2/users", auth, R"({"action":"create","user_info":{"email":"kept@example.com","type":1}})",
                    "application/json");
    REQUIRE(created);
    REQUIRE(created->status == 201);
    id = nlohmann::json::parse(created->body)["id"];
    first.process.signal(SIGTERM);
    REQUIRE(first.process.wait(std::chrono::seconds(5)) == 0);
  }
  std::ifstream saved(state_file);
  REQUIRE(saved);
  const auto document = nlohmann::json::parse(saved, nullptr, false);
  REQUIRE(document.is_object());
  CHECK(document["users"].dump().find("kept@example.com") != std::string::npos);

  Served second({"--state-file", state_file, "--log", "off"});
  REQUIRE(second.port() > 0);
  httplib::Client client("127.0.0.1", second.port());
  auto read = client.Get("/v2/users/" + id, auth);
  REQUIRE(read);
  CHECK(read->status == 200);
  CHECK(nlohmann::json::parse(read->body)["email"] == "kept@example.com");
  auto token = client.Get("/v2/users/" + id + "/token?type=zak", auth);
  REQUIRE(token);
  CHECK(token->status == 200);
}

TEST_CASE("serve --spec checks request bodies against the operation's schema", "[cli][serve][spec][body]") {
  TempDir dir;
  const auto spec = dir.write("users.yaml", R"(openapi: 3.0.0
info: {title: t, version: "1"}
servers: [{url: "https://api.zoom.us/v2"}]
paths:
  /users:
    post:
      requestBody:
        content:
          application/json:
            schema:
              type: object
              required: [action]
              properties:
                action: {type: string, enum: [create, autoCreate, custCreate, ssoCreate]}
                user_info:
                  type: object
                  required: [email, type]
                  properties: {email: {type: string, maxLength: 128}, type: {type: integer}}
      responses: {"201": {description: created}}
)");
  Served served({"--spec", spec, "--log", "off"});
  REQUIRE(served.port() > 0);
  httplib::Client client("127.0.0.1", served.port());
  const httplib::Headers auth{{"Authorization", "Bearer t"}};
  auto users = [&] {
    auto list = client.Get("/v2/users", auth);
    return list && list->status == 200 ? nlohmann::json::parse(list->body).value("total_records", -1) : -1;
  };
  const int before = users();
  REQUIRE(before > 0);
  auto broken = client.Post("/v2/users", auth, R"({"action":"make","user_info":{"type":"basic"}})", "application/json");
  REQUIRE(broken);
  CHECK(broken->status == 400);
  const auto body = nlohmann::json::parse(broken->body);
  CHECK(body["code"] == 300);
  CHECK(body["message"] == "Validation Failed.");
  CHECK(body["errors"].size() == 3);
  CHECK(users() == before);  // nothing stored from the refused request
  auto fine = client.Post("/v2/users", auth, R"({"action":"create","user_info":{"email":"b@example.com","type":1}})",
                          "application/json");
  REQUIRE(fine);
  CHECK(fine->status == 201);
  CHECK(users() == before + 1);
}

TEST_CASE("serve refuses a webhook subscription it cannot use with exit code 2, naming the flag", "[cli][serve][webhooks]") {
  using Args = std::vector<std::string>;
  auto [flags, says] = GENERATE(table<Args, std::string>({
      {{"--webhook-url", "ftp://127.0.0.1/", "--webhook-secret", "s"}, "--webhook-url must be an http:// or https:// URL"},
      {{"--webhook-url", "http://127.0.0.1:9/"}, "--webhook-secret is required"},
      {{"--webhook-secret", "s"}, "need --webhook-url"},
      {{"--webhook-skip-validation"}, "--webhook-skip-validation needs --webhook-url"},
      {{"--webhook-url", "http://127.0.0.1:9/", "--webhook-secret", "s", "--webhook-events", "meeting.created,user.craeted"},
       "--webhook-events: \"user.craeted\" is not an event type fakezoom knows; did you mean user.created"},
      {{"--webhook-time-scale", "0"}, "--webhook-time-scale must be a number above 0"},
      {{"--webhook-time-scale", "fast"}, "--webhook-time-scale must be a number above 0"},
      {{"--events-spec", "/nonexistent/events.json"}, "/nonexistent/events.json: (document): cannot read events spec"},
  }));
  Args argv = {FAKEZOOM_EXE, "serve", "--port", "0", "--fixtures", FAKEZOOM_FIXTURES_DIR};
  argv.insert(argv.end(), flags.begin(), flags.end());
  auto result = fakezoom::test::run(argv);
  INFO(result.err);
  CHECK(result.exit_code == 2);
  CHECK(result.err.find(says) != std::string::npos);
  CHECK(result.out.find("listening") == std::string::npos);
}
