// Zoom's whole public Postman collection served over HTTP. Reference data stays in
// ../shared/zoom-data; without it these tests say so and check nothing else.
#include <httplib.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "fakezoom/zoom/fixture_set.hpp"
#include "fakezoom/engine/engine.hpp"
#include "fakezoom/server.hpp"
#include "test_paths.hpp"

namespace {
const std::string kCollection = std::string(FAKEZOOM_ZOOM_DATA_DIR) + "/zoom-api.postman_collection.v2.1.json";

// Fills a route's parameters with values it documents, so Zoom's rules let it through.
std::string documented_path(const fakezoom::Route& route) {
  std::string path;
  for (const auto& segment : route.path.segments()) {
    std::string value = segment.text;
    if (segment.is_param) {
      value = segment.text == "userId" ? "me" : "1234";
    }
    path += "/" + value;  // "me" and "1234" need no encoding
  }
  return path;
}
}  // namespace

TEST_CASE("every example of Zoom's collection is served over HTTP by its id", "[server][zoom-data]") {
  if (!std::filesystem::exists(kCollection)) {
    WARN("skipped: Zoom's collection is not at " << kCollection << " (see ../shared/zoom-data/README.md)");
    CHECK_FALSE(std::filesystem::exists(kCollection));
    return;
  }
  auto zoom = fakezoom::Server::start({.fixtures = {kCollection}});
  REQUIRE(zoom.fixtures().routes.routes().size() == 310);
  REQUIRE(zoom.fixtures().example_count() == 827);
  httplib::Client client(zoom.url());
  client.set_keep_alive(true);

  std::size_t served = 0;
  for (const auto& route : zoom.fixtures().routes.routes()) {
    const std::string path = documented_path(route);
    for (const auto& example : route.examples) {
      INFO(route.method << " " << path << " example " << example.id << ": " << example.folded_name);
      httplib::Headers headers{{"Authorization", "Bearer tok"}, {"x-mock-response-id", example.id}};
      httplib::Request req;
      req.method = route.method;
      req.path = path;
      req.headers = headers;
      if (route.method != "GET" && route.method != "DELETE") {
        req.body = "{}";
        req.headers.emplace("Content-Type", "application/json");
      }
      auto res = client.send(req);
      REQUIRE(res);
      CHECK(res->status == example.status);
      CHECK(res->get_header_value("Matched-Stub-Id") == example.id);
      ++served;
    }
  }
  CHECK(served == 827);
}
