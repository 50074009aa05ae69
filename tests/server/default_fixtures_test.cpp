// With no fixtures given, fakezoom serves its defaults: the shipped fixtures and, when the
// build found Zoom's 2026 documents (fixtures/zoom-api/README.md), all of Zoom's current API.
#include <httplib.h>

#include <catch2/catch.hpp>
#include <filesystem>

#include "fakezoom/engine/engine.hpp"
#include "fakezoom/server.hpp"
#include "fakezoom/webhooks/outbox.hpp"
#include "test_paths.hpp"

using fakezoom::Server;

namespace {

bool has_zoom_api(const fakezoom::DefaultFixtures& defaults) {
  return std::filesystem::exists(std::filesystem::path(defaults.data_dir) / "zoom-api") ||
         std::filesystem::exists(std::filesystem::path(defaults.data_dir) / "fixtures" / "zoom-api");
}

int status_of(httplib::Client& client, const char* path) {
  auto answer = client.Get(path, {{"Authorization", "Bearer t"}});
  return answer ? answer->status : -1;
}

}  // namespace

TEST_CASE("the default fixtures are the shipped ones and, when built with them, Zoom's specs", "[server][defaults]") {
  const auto defaults = fakezoom::default_fixtures();
  REQUIRE_FALSE(defaults.fixtures.empty());
  CHECK(defaults.fixtures.front() == FAKEZOOM_FIXTURES_DIR);
  if (!has_zoom_api(defaults)) {
    WARN("this build has no Zoom specs (configured without ../shared/zoom-specs): only the shipped fixtures");
    CHECK(defaults.fixtures.size() == 1);
    CHECK(defaults.events_specs.empty());
    return;
  }
  CHECK(defaults.fixtures.size() == 2);
  CHECK(defaults.events_specs.size() == 5);
}

TEST_CASE("Server::start({}) serves the seed and, with Zoom's specs, every product's routes and events", "[server][defaults]") {
  auto zoom = Server::start({});
  httplib::Client client(zoom.url());
  CHECK(status_of(client, "/v2/users/me/token?type=zak&ttl=68423085") == 200);
  if (!has_zoom_api(fakezoom::default_fixtures())) {
    WARN("this build has no Zoom specs (configured without ../shared/zoom-specs): the seed alone was checked");
    return;
  }
  // One route of each product the shipped fixtures do not describe.
  CHECK(zoom.fixtures().routes.routes().size() > 800);
  CHECK(status_of(client, "/v2/users/me/webinars") == 200);          // Meetings
  CHECK(status_of(client, "/v2/phone/users") == 200);                // Phone
  CHECK(status_of(client, "/v2/chat/users/me/channels") == 200);     // Team Chat
  CHECK(status_of(client, "/v2/accounts/me/settings") == 200);       // Accounts
  // The stateful account answers the spec's users and meetings routes.
  auto created = client.Post("/v2/users/me/meetings", {{"Authorization", "Bearer t"}}, R"({"topic":"Defaults"})",
                             "application/json");
  REQUIRE(created);
  CHECK(created->status == 201);
  CHECK(created->body.find("\"topic\":\"Defaults\"") != std::string::npos);
  // Zoom's events specs are the catalog: a Meetings event and a Team Chat one are known.
  CHECK(zoom.webhooks().catalog().knows("recording.completed"));
  CHECK(zoom.webhooks().catalog().knows("chat_channel.created"));
}
