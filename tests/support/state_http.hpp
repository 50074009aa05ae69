// fakezoom on the shipped fixtures, on port 0, and JSON calls to it with a bearer token.
#pragma once

#include <catch2/catch.hpp>
#include <httplib.h>

#include <nlohmann/json.hpp>
#include <string>

#include "fakezoom/state/account.hpp"
#include "fakezoom/server.hpp"
#include "test_paths.hpp"

namespace fakezoom::state_test {

struct Answer {
  int status = 0;
  nlohmann::json body;  // null when the body is empty or not JSON
  std::string text;
};

struct Zoom {
  explicit Zoom(ServerOptions options = {}) : server(start(std::move(options))), http("127.0.0.1", server.port()) {
    http.set_read_timeout(10, 0);
  }

  Answer call(const std::string& method, const std::string& path, const nlohmann::json& body = nullptr,
              httplib::Headers headers = {}) {
    headers.emplace("Authorization", "Bearer state-test");
    const std::string text = body.is_null() ? "" : body.dump();
    httplib::Result result = method == "GET"      ? http.Get(path.c_str(), headers)
                             : method == "DELETE" ? http.Delete(path.c_str(), headers, text, "application/json")
                             : method == "POST"   ? http.Post(path.c_str(), headers, text, "application/json")
                             : method == "PUT"    ? http.Put(path.c_str(), headers, text, "application/json")
                                                  : http.Patch(path.c_str(), headers, text, "application/json");
    REQUIRE(result);
    Answer answer{result->status, nlohmann::json::parse(result->body, nullptr, false), result->body};
    if (answer.body.is_discarded()) answer.body = nullptr;
    return answer;
  }
  Answer get(const std::string& path) { return call("GET", path); }

  // POST /v2/users, and the new user's id.
  std::string create_user(const std::string& email) {
    auto created = call("POST", "/v2/users", {{"action", "create"}, {"user_info", {{"email", email}, {"type", 1}}}});
    REQUIRE(created.status == 201);
    return created.body["id"];
  }
  std::string create_meeting(const std::string& user, nlohmann::json body = nlohmann::json::object()) {
    auto created = call("POST", "/v2/users/" + user + "/meetings", body);
    INFO(created.text);
    REQUIRE(created.status == 201);
    return std::to_string(created.body["id"].get<std::int64_t>());
  }

  Server server;
  httplib::Client http;

private:
  static Server start(ServerOptions options) {
    if (options.fixtures.empty()) options.fixtures = {FAKEZOOM_FIXTURES_DIR};
    return Server::start(std::move(options));
  }
};

}  // namespace fakezoom::state_test
