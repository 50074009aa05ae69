// A user removing a user-level app, driven from the admin API: the user's tokens end and the
// subscription is sent Zoom's app_deauthorized, over loopback with the shipped fixtures.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "fakezoom/webhooks/outbox.hpp"
#include "state_http.hpp"
#include "webhook_receiver.hpp"

using fakezoom::ServerOptions;
using fakezoom::state_test::Zoom;
using fakezoom::test::Receiver;
using nlohmann::json;
using namespace std::chrono_literals;

namespace {

// An access and a refresh token of the shipped user app, through /oauth/authorize and /oauth/token.
json user_tokens(Zoom& zoom) {
  auto authorized = zoom.http.Get(
      "/oauth/authorize?response_type=code&client_id=fakezoom-user-app-client-id&redirect_uri=http%3A%2F%2Flocalhost%3A3000%2Fcallback");
  REQUIRE(authorized);
  REQUIRE(authorized->status == 302);
  const std::string location = authorized->get_header_value("Location");
  const std::string code = location.substr(location.find("code=") + 5);
  httplib::Client client("127.0.0.1", zoom.server.port());
  client.set_basic_auth("fakezoom-user-app-client-id", "fakezoom-user-app-client-secret");
  auto token = client.Post("/oauth/token",
                           "grant_type=authorization_code&code=" + code + "&redirect_uri=http%3A%2F%2Flocalhost%3A3000%2Fcallback",
                           "application/x-www-form-urlencoded");
  REQUIRE(token);
  REQUIRE(token->status == 200);
  return json::parse(token->body);
}

}  // namespace

TEST_CASE("deauthorizing an app from the admin API ends the user's tokens and sends app_deauthorized", "[webhooks][oauth]") {
  Receiver receiver(200, "s");
  Zoom zoom(ServerOptions{.webhooks = {{receiver.url("/zoom"), "s", {"app_deauthorized"}}}});
  const json tokens = user_tokens(zoom);

  auto answer = zoom.call("POST", "/__admin/oauth/deauthorize",
                          {{"client_id", "fakezoom-user-app-client-id"}, {"user_data_retention", true}});
  INFO(answer.text);
  REQUIRE(answer.status == 200);
  CHECK(answer.body["tokens_ended"] == 2);  // the access token and the refresh token
  CHECK(answer.body["user_id"] == "z8yBXksmRcOG2cXkbHHpqA");

  const auto records = zoom.server.webhooks().log().wait_for(1, 10s);
  REQUIRE(records.size() == 1);
  const json event = json::parse(receiver.received().body);
  CHECK(event["event"] == "app_deauthorized");
  CHECK(event["payload"]["client_id"] == "fakezoom-user-app-client-id");
  CHECK(event["payload"]["user_id"] == "z8yBXksmRcOG2cXkbHHpqA");
  CHECK(event["payload"]["account_id"] == "fakezoom-account-1");
  CHECK(event["payload"]["user_data_retention"] == "true");

  httplib::Client client("127.0.0.1", zoom.server.port());
  client.set_basic_auth("fakezoom-user-app-client-id", "fakezoom-user-app-client-secret");
  auto refreshed = client.Post("/oauth/token", "grant_type=refresh_token&refresh_token=" + tokens["refresh_token"].get<std::string>(),
                               "application/x-www-form-urlencoded");
  REQUIRE(refreshed);
  CHECK(json::parse(refreshed->body)["error"] == "invalid_grant");

  SECTION("an unknown app is 404, a body without client_id 400") {
    CHECK(zoom.call("POST", "/__admin/oauth/deauthorize", {{"client_id", "nobody"}}).status == 404);
    CHECK(zoom.call("POST", "/__admin/oauth/deauthorize", json::object()).status == 400);
  }
}
