// Zoom's whole Postman collection (310 requests, 827 examples), read from ../shared/zoom-data
// and never copied into the repository. Skipped, with a warning, where that folder is absent.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <set>

#include "fakezoom/engine/engine.hpp"
#include "fakezoom/model/wire_errors.hpp"
#include "fakezoom/fixtures/lint.hpp"
#include "unit_support.hpp"
#include "test_paths.hpp"

using namespace fakezoom;
using namespace fakezoom::test;

namespace {

const std::string kZoomCollection = std::string(FAKEZOOM_ZOOM_DATA_DIR) + "/zoom-api.postman_collection.v2.1.json";

// True, with a warning and an assertion about the absence, when the collection is not there.
bool zoom_collection_absent() {
  if (std::filesystem::exists(kZoomCollection)) return false;
  WARN("Zoom collection tests skipped: " << kZoomCollection << " not found");
  CHECK_FALSE(std::filesystem::exists(kZoomCollection));
  return true;
}

// Loaded once for the whole run; only called once the file is known to exist.
const FixtureSet& zoom_fixtures() {
  static const FixtureSet fixtures = load_fixtures({kZoomCollection});
  return fixtures;
}

// A value the fixture documents for a parameter: a real one before the ":name" placeholder.
std::string documented_value(const Route& route, const std::string& name) {
  auto found = route.documented_params.find(name);
  if (found != route.documented_params.end())
    for (const auto& value : found->second)
      if (!value.empty() && value.front() != ':' && value.find('/') == std::string::npos) return value;
  return ":" + name;
}

// The request a client would send by default: `me` for the user, documented values otherwise.
HttpRequest default_request(const Route& route) {
  std::string path;
  for (const auto& segment : route.path.segments())
    path += "/" + (!segment.is_param ? segment.text
                   : segment.text == "userId" ? std::string("me")
                                               : documented_value(route, segment.text));
  return zoom_request(route.method, path);
}

// What a client can put in a header: the name with its line breaks made into runs of spaces.
std::string name_as_header(std::string name) {
  for (std::size_t at = name.find('\n'); at != std::string::npos; at = name.find('\n', at)) name.replace(at, 1, "  ");
  return name;
}

bool is_blank(const std::string& text) { return text.find_first_not_of(" \t\r\n") == std::string::npos; }

std::vector<const Route*> served_routes(const FixtureSet& fixtures) {
  const auto& shadowed = fixtures.routes.shadowed();
  std::vector<const Route*> routes;
  for (std::size_t i = 0; i < fixtures.routes.routes().size(); ++i)
    if (std::find(shadowed.begin(), shadowed.end(), i) == shadowed.end()) routes.push_back(&fixtures.routes.routes()[i]);
  return routes;
}

}  // namespace

TEST_CASE("Zoom's collection loads with all 310 requests and 827 examples", "[unit][zoom]") {
  if (zoom_collection_absent()) return;
  FixtureSet fixtures;
  REQUIRE_NOTHROW(fixtures = load_fixtures({kZoomCollection}));
  CHECK(fixtures.routes.routes().size() == 310);
  CHECK(fixtures.example_count() == 827);
}

TEST_CASE("Zoom's collection is served under /v2", "[unit][zoom]") {
  if (zoom_collection_absent()) return;
  const auto& fixtures = zoom_fixtures();
  CHECK(fixtures.base_path() == "/v2");
  for (const auto& route : fixtures.routes.routes()) {
    INFO(route.method << " " << route.path.to_string());
    CHECK(route.base_path == "/v2");
    CHECK(route.path.to_string().rfind("/v2/", 0) == 0);
  }
}

TEST_CASE("Zoom's collection defines no route twice", "[unit][zoom][lint]") {
  if (zoom_collection_absent()) return;
  const auto& fixtures = zoom_fixtures();
  CHECK(fixtures.routes.shadowed().empty());
  for (const auto& problem : lint(fixtures)) {
    INFO(problem.to_string());
    CHECK_THAT(problem.message, !Catch::Contains("is defined earlier"));
  }
}

TEST_CASE("every Zoom route answers its default request with a documented status", "[unit][zoom]") {
  if (zoom_collection_absent()) return;
  const auto& fixtures = zoom_fixtures();
  for (const Route* route : served_routes(fixtures)) {
    const HttpRequest request = default_request(*route);
    INFO(request.method << " " << request.path << " (route " << route->id << ")");
    const auto outcome = respond(fixtures, request, BodyMode::zoom);
    std::set<int> documented;
    std::set<std::string> ids;
    for (const auto& example : route->examples) {
      documented.insert(example.status);
      ids.insert(example.id);
    }
    INFO("answered " << outcome.response.status << ": " << outcome.reason);
    CHECK(outcome.route_id == route->id);
    CHECK(documented.count(outcome.response.status) == 1);
    CHECK(ids.count(outcome.response.headers.get("Matched-Stub-Id").value_or("")) == 1);
  }
}

TEST_CASE("every Zoom example is reachable by its id and by its name", "[unit][zoom][choice]") {
  if (zoom_collection_absent()) return;
  const auto& fixtures = zoom_fixtures();
  std::size_t reached = 0;
  for (const Route* route : served_routes(fixtures)) {
    const HttpRequest request = default_request(*route);
    for (const auto& example : route->examples) {
      INFO(request.method << " " << request.path << ", example " << example.id << ": " << example.name);
      const auto by_id = respond(fixtures, with_header(request, "x-mock-response-id", example.id), BodyMode::zoom);
      CHECK(by_id.response.headers.get("Matched-Stub-Id") == example.id);
      CHECK(by_id.response.status == example.status);
      const auto by_name =
          respond(fixtures, with_header(request, "x-mock-response-name", name_as_header(example.name)), BodyMode::zoom);
      CHECK(by_name.response.headers.get("Matched-Stub-Id") == example.id);
      reached += by_id.example_id == example.id && by_name.example_id == example.id;
    }
  }
  CHECK(reached == 827);
}

TEST_CASE("Zoom's documented errors are served as Zoom's JSON by default", "[unit][zoom][render]") {
  if (zoom_collection_absent()) return;
  const auto& fixtures = zoom_fixtures();
  std::size_t errors = 0;
  for (const Route* route : served_routes(fixtures))
    for (const auto& example : route->examples) {
      if (example.status < 400 || !is_blank(example.body)) continue;
      ++errors;
      INFO(route->method << " " << route->path.to_string() << ", example " << example.id << ": " << example.name);
      const auto outcome =
          respond(fixtures, with_header(default_request(*route), "x-mock-response-id", example.id), BodyMode::zoom);
      CHECK(outcome.response.status == example.status);
      CHECK(outcome.response.headers.get("Content-Type") == "application/json");
      const json body = json::parse(outcome.response.body, nullptr, false);
      CHECK(body.is_object());
      CHECK(body.value("code", json()).is_number_integer());
      CHECK_FALSE(body.value("message", std::string()).empty());
    }
  CHECK(errors == 417);  // every error Zoom documents has an empty body
}

TEST_CASE("verbatim mode serves Zoom's examples exactly as documented", "[unit][zoom][render]") {
  if (zoom_collection_absent()) return;
  const auto& fixtures = zoom_fixtures();
  std::size_t no_content_with_body = 0;
  for (const Route* route : served_routes(fixtures))
    for (const auto& example : route->examples) {
      INFO(route->method << " " << route->path.to_string() << ", example " << example.id);
      const auto outcome =
          respond(fixtures, with_header(default_request(*route), "x-mock-response-id", example.id), BodyMode::verbatim);
      CHECK(outcome.response.status == example.status);
      if (example.status == 204) {
        no_content_with_body += !example.body.empty();
        CHECK(outcome.response.body.empty());
      } else {
        CHECK(outcome.response.body == example.body);
      }
    }
  CHECK(no_content_with_body > 0);  // Zoom documents "{}" on some 204s; none is sent
}

TEST_CASE("an unknown user on Zoom's user routes gets error 1001 naming the user", "[unit][zoom]") {
  if (zoom_collection_absent()) return;
  const auto& fixtures = zoom_fixtures();
  auto method = GENERATE(as<std::string>{}, "GET", "PATCH", "DELETE");
  INFO(method << " /v2/users/ghost@example.com");
  SECTION("in Zoom's shape by default") {
    auto outcome = respond(fixtures, zoom_request(method, "/v2/users/ghost@example.com"), BodyMode::zoom);
    CHECK(outcome.response.status == 404);
    CHECK(body_json(outcome.response) == json{{"code", 1001}, {"message", "User does not exist: ghost@example.com."}});
  }
  SECTION("as documented in verbatim mode") {
    auto outcome = respond(fixtures, zoom_request(method, "/v2/users/ghost@example.com"), BodyMode::verbatim);
    CHECK(outcome.response.status == 404);
    CHECK(outcome.response.body.empty());
    CHECK(outcome.response.headers.get("Content-Type") == "text/plain");
  }
}

TEST_CASE("Zoom's own literal route wins over its parameter route", "[unit][zoom][routing]") {
  if (zoom_collection_absent()) return;
  const auto& fixtures = zoom_fixtures();
  auto outcome = respond(fixtures, zoom_request("GET", "/v2/users/me/zak"), BodyMode::zoom);
  CHECK(outcome.route_id == "get-v2-users-me-zak");
  CHECK(outcome.response.status == 200);
  CHECK(body_json(outcome.response).contains("token"));
}

TEST_CASE("no documented error message is the status line itself", "[unit][zoom][wire]") {
  if (zoom_collection_absent()) return;
  const auto& fixtures = zoom_fixtures();
  for (const Route* route : served_routes(fixtures))
    for (const auto& example : route->examples) {
      if (example.status < 400) continue;
      auto error = wire::documented_error(example.name, example.status);
      INFO(route->method << " " << route->path.to_string() << ", example " << example.id << ": " << example.name);
      REQUIRE(error);
      std::string start = error->message.substr(0, 11);
      for (auto& c : start) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      CHECK(start != "http status");
    }
}
