// Admin-test support: fakezoom on port 0 in-process, an httplib client on it, JSON helpers,
// a Postman collection whose one answer names its version, and bounded polling.
#pragma once

#include <httplib.h>

#include <catch2/catch.hpp>

#include <chrono>
#include <string>
#include <thread>

#include <nlohmann/json.hpp>

#include "fakezoom/server.hpp"
#include "test_paths.hpp"

namespace fakezoom::admin_test {

using nlohmann::json;
using namespace std::chrono_literals;

// The seed's route alone (its item, rules and the users fixture): what these tests were
// written against, whatever else fixtures/ ships.
inline ServerOptions seed_fixtures(ServerOptions options = {}) {
  const std::string dir = FAKEZOOM_FIXTURES_DIR;
  options.fixtures = {dir + "/get-a-user-token.postman_item.json", dir + "/get-a-user-token.rules.json",
                      dir + "/users.json", dir + "/accounts.json"};
  return options;
}

inline httplib::Headers bearer(const std::string& token = "tok") { return {{"Authorization", "Bearer " + token}}; }

inline json parsed(const httplib::Result& result) {
  REQUIRE(result);
  INFO("body: " << result->body);
  return json::parse(result->body);
}

// The admin API of one server over loopback.
struct AdminClient {
  explicit AdminClient(const Server& server, std::string prefix = "/__admin") : http(server.url()), prefix(std::move(prefix)) {
    // Bounds against a hang only: under TSan on a loaded machine a count over thousands of
    // entries takes seconds.
    http.set_connection_timeout(30s);
    http.set_read_timeout(60s);
  }

  httplib::Result get(const std::string& path) { return http.Get((prefix + path).c_str()); }
  httplib::Result post(const std::string& path, const std::string& body) {
    return http.Post((prefix + path).c_str(), body, "application/json");
  }
  httplib::Result post(const std::string& path, const char* body) { return post(path, std::string(body)); }
  httplib::Result post(const std::string& path, const json& body) { return post(path, body.dump()); }
  httplib::Result del(const std::string& path) { return http.Delete((prefix + path).c_str()); }

  json get_json(const std::string& path) {
    auto result = get(path);
    REQUIRE(result);
    CHECK(result->status == 200);
    return parsed(result);
  }
  std::size_t count(const json& pattern) {
    auto body = parsed(post("/requests/count", pattern));
    REQUIRE(body.contains("count"));
    return body["count"].get<std::size_t>();
  }
  std::vector<std::string> found_urls(const json& pattern) {
    std::vector<std::string> urls;
    const json body = parsed(post("/requests/find", pattern));
    for (const auto& request : body["requests"]) urls.push_back(request["url"]);
    return urls;
  }

  httplib::Client http;
  std::string prefix;
};

// Polls until `condition` holds or `deadline` passes; the result of the last look.
template <typename Condition>
bool eventually(Condition condition, std::chrono::milliseconds deadline = 15s) {
  const auto end = std::chrono::steady_clock::now() + deadline;
  while (std::chrono::steady_clock::now() < end) {
    if (condition()) return true;
    std::this_thread::sleep_for(5ms);
  }
  return condition();
}

// A Postman collection with one route, GET /v2/probe, whose only example is named
// "version N" and answers {"version": N, "padding": "..."}: a reader can tell which
// version of the file answered, and whether name and body came from the same one. The
// padding makes the file big enough that a reader can catch it half-written.
inline std::string probe_collection(int version) {
  json example = {{"name", "version " + std::to_string(version)},
                  {"code", 200},
                  {"header", json::array({{{"key", "Content-Type"}, {"value", "application/json"}}})},
                  {"body", json{{"version", version}, {"padding", std::string(64 * 1024, 'x')}}.dump()}};
  json item = {{"name", "Probe"},
               {"request",
                {{"method", "GET"}, {"url", {{"raw", "{{baseUrl}}/probe"}, {"host", {"{{baseUrl}}"}}, {"path", {"probe"}}}}}},
               {"response", json::array({example})}};
  return json{{"info", {{"name", "probe"}, {"schema", "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"}}},
              {"item", json::array({item})},
              {"variable", json::array({{{"key", "baseUrl"}, {"value", "https://api.zoom.us/v2"}}})}}
      .dump(1);
}

}  // namespace fakezoom::admin_test
