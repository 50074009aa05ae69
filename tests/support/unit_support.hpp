// Small builders shared by the unit tests: Postman documents as JSON values, requests as
// values, and the shipped fixtures loaded once. Nothing here opens a socket or writes a file.
#pragma once

#include <fstream>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "fakezoom/zoom/fixture_set.hpp"
#include "fakezoom/model/http_message.hpp"
#include "fakezoom/fixtures/loader.hpp"
#include "test_paths.hpp"

namespace fakezoom::test {

using nlohmann::json;

inline const std::string kFixturesDir = FAKEZOOM_FIXTURES_DIR;
inline const std::string kSeedItemFile = kFixturesDir + "/get-a-user-token.postman_item.json";
inline const std::string kUsersFile = kFixturesDir + "/users.json";
// The seed's item documents this value for :userId.
inline const std::string kDocumentedUserId = "quis officia in reprehenderit";
// From fixtures/users.json.
inline const std::string kKnownUserId = "KdYKjnimT4KPd8FFgQt9FQ";
inline const std::string kKnownUserEmail = "Ana.Lopez+zoom@example.com";

inline std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// fixtures/ as the server loads it: the seed's item and the users fixture. Loaded once.
inline const FixtureSet& shipped_fixtures() {
  static const FixtureSet fixtures = load_fixtures({kFixturesDir});
  return fixtures;
}

// ---- Postman documents ------------------------------------------------------------------

// A saved example ("response" entry) as Postman v2.1 exports it, without an originalRequest.
inline json saved_example(const std::string& name, int code, const std::string& body = "",
                          const std::string& content_type = "") {
  json example = {{"name", name}, {"code", code}, {"body", body}, {"header", json::array()}};
  if (!content_type.empty()) example["header"].push_back({{"key", "Content-Type"}, {"value", content_type}});
  return example;
}

// A request item on `{{baseUrl}}`: path segments as Postman writes them (":userId" for a parameter).
inline json request_item(const std::string& name, const std::string& method, const std::vector<std::string>& path,
                         json responses = json::array()) {
  std::string raw = "{{baseUrl}}";
  for (const auto& segment : path) raw += "/" + segment;
  return {{"name", name},
          {"request", {{"method", method}, {"url", {{"raw", raw}, {"host", {"{{baseUrl}}"}}, {"path", path}}}}},
          {"response", std::move(responses)}};
}

// A v2.1 collection with Zoom's base URL unless told otherwise.
inline json collection(json items, const std::string& base_url = "https://api.zoom.us/v2") {
  return {{"info",
           {{"name", "inline"}, {"schema", "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"}}},
          {"item", std::move(items)},
          {"variable", {{{"key", "baseUrl"}, {"value", base_url}}}}};
}

inline FixtureSet fixtures_from(const json& document, const LoadOptions& options = {}) {
  return fixture_set_from_text("inline.json", document.dump(), options);
}

// The problems a broken document is rejected with (empty when it loads).
inline std::vector<Problem> problems_of(const std::string& text) {
  try {
    fixture_set_from_text("broken.json", text);
  } catch (const FixtureError& error) {
    return error.diagnostics();
  }
  return {};
}

// ---- requests ----------------------------------------------------------------------------

inline std::string query_string(const QueryParams& query) {
  std::string out;
  for (const auto& [key, value] : query) out += (out.empty() ? "?" : "&") + key + "=" + value;
  return out;
}

// A request as a well-behaved Zoom client sends it: with a bearer token.
inline HttpRequest zoom_request(const std::string& method, const std::string& path, QueryParams query = {}) {
  HttpRequest request;
  request.method = method;
  request.path = path;
  request.target = path + query_string(query);
  request.query = std::move(query);
  request.headers.add("Authorization", "Bearer test-token");
  return request;
}

inline HttpRequest with_header(HttpRequest request, std::string name, std::string value) {
  request.headers.set(std::move(name), std::move(value));
  return request;
}

inline json body_json(const HttpResponse& response) { return json::parse(response.body); }

}  // namespace fakezoom::test
