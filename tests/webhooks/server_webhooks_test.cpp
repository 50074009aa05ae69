// Webhooks through the embedded server: a subscription to a receiver on loopback, an event on
// demand from the admin API, the deliveries log waited on instead of slept on.
#include <httplib.h>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "fakezoom/engine/engine.hpp"
#include "fakezoom/server.hpp"
#include "fakezoom/webhooks/outbox.hpp"
#include "fakezoom/webhooks/signing.hpp"
#include "fakezoom/fixtures/diagnostic.hpp"
#include "temp_dir.hpp"
#include "test_paths.hpp"
#include "webhook_receiver.hpp"

using fakezoom::Server;
using fakezoom::ServerOptions;
using fakezoom::test::Receiver;
using nlohmann::json;
using namespace std::chrono_literals;

namespace {

Server serve_with(std::vector<fakezoom::webhooks::Subscription> subscriptions) {
  return Server::start(ServerOptions{.fixtures = {FAKEZOOM_FIXTURES_DIR}, .webhooks = std::move(subscriptions)});
}

httplib::Result post_json(httplib::Client& client, const std::string& path, const std::string& body) {
  return client.Post(path.c_str(), body, "application/json");
}

}  // namespace

TEST_CASE("an event asked for through the admin API reaches the receiver signed, and the log says so", "[webhooks]") {
  Receiver receiver(200, "secret-token");
  auto server = serve_with({{receiver.url("/zoom"), "secret-token", {}}});
  httplib::Client admin("127.0.0.1", server.port());
  auto sent = post_json(admin, "/__admin/webhooks/events",
                        R"({"event":"meeting.created","payload":{"account_id":"acc","operator":"a@example.com","object":{"id":1}}})");
  REQUIRE(sent);
  CHECK(sent->status == 202);
  CHECK(json::parse(sent->body)["queued"] == 1);

  auto log = admin.Get("/__admin/webhooks/deliveries?wait=1&timeout=10");
  REQUIRE(log);
  const json deliveries = json::parse(log->body);
  CHECK(deliveries["complete"] == true);
  REQUIRE(deliveries["deliveries"].size() == 1);
  const json& delivery = deliveries["deliveries"][0];
  CHECK(delivery["event"] == "meeting.created");
  CHECK(delivery["outcome"] == "delivered");
  CHECK(delivery["status"] == 200);
  CHECK(delivery["url"] == receiver.url("/zoom"));

  const auto got = receiver.received();
  CHECK(got.path == "/zoom");
  CHECK(got.body.rfind(R"({"event":"meeting.created","event_ts":)", 0) == 0);
  CHECK(got.body.find(R"("payload":{"account_id":"acc","operator":"a@example.com","object":{"id":1}}})") != std::string::npos);
  CHECK(got.tracking_id == delivery["trackingId"]);
  CHECK(got.signature == fakezoom::webhooks::zoom_signature("secret-token", std::to_string(delivery["sentAt"].get<long long>()), got.body));

  SECTION("the C++ API shows the same log") {
    CHECK(server.webhooks().log().counts().delivered == 1);
  }
  SECTION("POST /__admin/reset empties the deliveries log, as it does the journal") {
    REQUIRE(post_json(admin, "/__admin/reset", "")->status == 200);
    CHECK(json::parse(admin.Get("/__admin/webhooks/deliveries")->body)["deliveries"].empty());
  }
  SECTION("GET /__admin/webhooks lists the subscription without its secret") {
    auto listed = admin.Get("/__admin/webhooks");
    REQUIRE(listed);
    CHECK(listed->body.find("secret-token") == std::string::npos);
    const json body = json::parse(listed->body);
    CHECK(body["subscriptions"][0]["url"] == receiver.url("/zoom"));
    CHECK(body["subscriptions"][0]["events"] == "all");
    CHECK(body["counts"]["delivered"] == 1);
    CHECK(body["subscriptions"][0]["validation"]["state"] == "validated");
    CHECK(receiver.challenges() == 1);
  }
}

TEST_CASE("a receiver that answers 500 is logged as a failed delivery", "[webhooks]") {
  Receiver receiver(500, "s");
  auto server = serve_with({{receiver.url("/"), "s", {"meeting.created"}}});
  httplib::Client admin("127.0.0.1", server.port());
  REQUIRE(post_json(admin, "/__admin/webhooks/events", R"({"event":"meeting.created"})")->status == 202);
  SECTION("an event the subscription did not ask for is not sent") {
    auto other = post_json(admin, "/__admin/webhooks/events", R"({"event":"user.created"})");
    CHECK(json::parse(other->body)["queued"] == 0);
  }
  const json log = json::parse(admin.Get("/__admin/webhooks/deliveries?wait=1&timeout=10&event=meeting.created")->body);
  REQUIRE(log["deliveries"].size() == 1);
  CHECK(log["deliveries"][0]["outcome"] == "failed");
  CHECK(log["deliveries"][0]["status"] == 500);
  CHECK(receiver.count() == 1);
}

TEST_CASE("a receiver answering 500 gets Zoom's retry, on a time scale that makes 5 minutes 30 ms", "[webhooks]") {
  Receiver receiver(500, "secret-token");
  auto server = Server::start(ServerOptions{.fixtures = {FAKEZOOM_FIXTURES_DIR},
                                            .webhooks = {{receiver.url("/zoom"), "secret-token", {}}},
                                            .webhook_time_scale = 0.0001});
  httplib::Client admin("127.0.0.1", server.port());
  REQUIRE(post_json(admin, "/__admin/webhooks/events", R"({"event":"meeting.ended"})")->status == 202);
  auto first = json::parse(admin.Get("/__admin/webhooks/deliveries?wait=1&timeout=10")->body);
  REQUIRE(first["deliveries"].size() == 1);
  CHECK(first["deliveries"][0]["outcome"] == "failed");
  CHECK(first["deliveries"][0]["attempt"] == 1);
  CHECK(first["deliveries"][0]["retryAt"].is_number());
  receiver.set_status(200);
  auto both = json::parse(admin.Get("/__admin/webhooks/deliveries?wait=2&timeout=10")->body);
  REQUIRE(both["deliveries"].size() == 2);
  CHECK(both["deliveries"][1]["outcome"] == "delivered");
  CHECK(both["deliveries"][1]["attempt"] == 2);
  CHECK(both["deliveries"][1]["trackingId"] == both["deliveries"][0]["trackingId"]);
  CHECK(receiver.count() == 2);
}

TEST_CASE("an event the admin API cannot send answers 400 saying why", "[webhooks]") {
  auto server = serve_with({});
  httplib::Client admin("127.0.0.1", server.port());
  auto [body, says] = GENERATE(table<std::string, std::string>({
      {R"({"event":"meeting.craeted"})", "did you mean meeting.created"},
      {R"({"payload":{}})", "/event"},
      {R"({"event":"meeting.created","payload":[1]})", "/payload"},
      {R"([1])", "must be an object"},
      {"not json", "not valid JSON"},
  }));
  INFO(body);
  auto answer = post_json(admin, "/__admin/webhooks/events", body);
  REQUIRE(answer);
  CHECK(answer->status == 400);
  CHECK_THAT(answer->body, Catch::Contains(says));
}

TEST_CASE("with an events spec, an event is sent over its documented example and its events may be subscribed to", "[webhooks]") {
  fakezoom::test::TempDir dir;
  const auto spec = dir.write("events.json", R"({"openapi":"3.1.0","paths":{"webinar.created":{"post":{"requestBody":
    {"content":{"application/json":{"examples":{"json-example":{"value":
    "{\"event\":\"webinar.created\",\"event_ts\":1,\"payload\":{\"account_id\":\"AAAAAABBBB\",\"object\":{\"uuid\":\"u\",\"topic\":\"Doc\",\"id\":1}}}"
    }}}}}}}}})");
  Receiver receiver(200, "s");
  auto server = Server::start(ServerOptions{.fixtures = {FAKEZOOM_FIXTURES_DIR},
                                            .webhooks = {{receiver.url("/zoom"), "s", {"webinar.created"}}},
                                            .events_specs = {spec}});
  httplib::Client admin("127.0.0.1", server.port());
  auto sent = post_json(admin, "/__admin/webhooks/events", R"({"event":"webinar.created","payload":{"object":{"topic":"Mine","extra":true}}})");
  REQUIRE(sent);
  REQUIRE(sent->status == 202);
  REQUIRE(server.webhooks().log().wait_for(1, 10s).size() == 1);
  CHECK_THAT(receiver.received().body,
             Catch::EndsWith(R"("payload":{"account_id":"AAAAAABBBB","object":{"uuid":"u","topic":"Mine","id":1,"extra":true}}})"));

  SECTION("GET /__admin/webhooks counts the spec's event among the known and documented ones") {
    const json listed = json::parse(admin.Get("/__admin/webhooks")->body);
    CHECK(listed["events"]["documented"] == 1);
    CHECK(listed["events"]["known"] == fakezoom::webhooks::EventCatalog{}.names().size() + 1);
  }
  SECTION("without the spec the event is unknown") {
    try {
      Server::start(ServerOptions{.fixtures = {FAKEZOOM_FIXTURES_DIR}, .webhooks = {{receiver.url("/zoom"), "s", {"webinar.created"}}}});
      FAIL("started");
    } catch (const std::invalid_argument& error) {
      CHECK_THAT(error.what(), Catch::StartsWith("webhooks[0].events/0"));
    }
  }
}

namespace {
// An accounts fixture whose one app subscribes `url` to meeting.created.
std::string accounts_subscribing(const std::string& url) {
  return R"({"accounts":[{"id":"acc","apps":[{"client_id":"c","client_secret":"s","scopes":[],"secret_token":"app-token",
             "event_subscriptions":[{"endpoint_url":")" + url + R"(","events":["meeting.created"]}]}]}]})";
}
fakezoom::webhooks::Event meeting_created(int id) { return {"meeting.created", {{"object", {{"id", id}}}}, 0}; }
}  // namespace

TEST_CASE("an app in the accounts fixture subscribes its endpoint, validated at start and again when a reload changes it", "[webhooks]") {
  Receiver first(200, "app-token"), second(200, "app-token");
  fakezoom::test::TempDir dir;
  const auto accounts = dir.write("accounts.json", accounts_subscribing(first.url("/zoom")));
  const std::string item = std::string(FAKEZOOM_FIXTURES_DIR) + "/get-a-user-token.postman_item.json";
  auto server = Server::start(ServerOptions{.fixtures = {item, accounts}});
  CHECK(server.webhooks().publish(meeting_created(1)) == 1);
  REQUIRE(server.webhooks().log().wait_for(1, 10s).size() == 1);
  CHECK(first.count() == 1);
  CHECK(first.challenges() == 1);

  SECTION("a reload with another endpoint validates it and sends there") {
    dir.write("accounts.json", accounts_subscribing(second.url("/zoom")));
    REQUIRE(server.engine().reload().ok);
    server.webhooks().publish(meeting_created(2));
    const auto records = server.webhooks().log().wait_for(2, 10s);
    REQUIRE(records.size() == 2);
    CHECK(records[1].url == second.url("/zoom"));
    CHECK(records[1].outcome == fakezoom::webhooks::DeliveryOutcome::delivered);
    CHECK(second.challenges() == 1);
    CHECK(first.count() == 1);
  }
  SECTION("a reload that changes nothing does not validate again") {
    REQUIRE(server.engine().reload().ok);
    server.webhooks().publish(meeting_created(2));
    REQUIRE(server.webhooks().log().wait_for(2, 10s).size() == 2);
    CHECK(first.challenges() == 1);
    CHECK(first.count() == 2);
  }
  SECTION("a reload with an unusable subscription is refused naming the file and pointer; the old one stays") {
    dir.write("accounts.json", accounts_subscribing("ftp://127.0.0.1/"));
    const auto report = server.engine().reload();
    CHECK_FALSE(report.ok);
    REQUIRE(report.problems.size() == 1);
    CHECK(report.problems[0].file == accounts);
    CHECK(report.problems[0].pointer == "/accounts/0/apps/0/event_subscriptions/0/endpoint_url");
    const auto subscriptions = server.webhooks().subscriptions();
    REQUIRE(subscriptions.size() == 1);
    CHECK(subscriptions[0].subscription.endpoint_url == first.url("/zoom"));
  }
}

TEST_CASE("an accounts fixture subscribing to an event fakezoom does not know stops start-up at its pointer", "[webhooks]") {
  fakezoom::test::TempDir dir;
  auto text = accounts_subscribing("http://127.0.0.1:9/");
  text.replace(text.find("meeting.created"), 15, "meeting.craeted");
  const auto accounts = dir.write("accounts.json", text);
  try {
    Server::start(ServerOptions{.fixtures = {std::string(FAKEZOOM_FIXTURES_DIR) + "/get-a-user-token.postman_item.json", accounts}});
    FAIL("started");
  } catch (const fakezoom::FixtureError& error) {
    REQUIRE(error.diagnostics().size() == 1);
    CHECK(error.diagnostics()[0].file == accounts);
    CHECK(error.diagnostics()[0].pointer == "/accounts/0/apps/0/event_subscriptions/0/events/0");
    CHECK_THAT(error.diagnostics()[0].message, Catch::Contains("did you mean meeting.created"));
  }
}

TEST_CASE("a malformed events spec stops start-up naming the file and the JSON pointer", "[webhooks]") {
  fakezoom::test::TempDir dir;
  const auto spec = dir.write("events.json", R"({"openapi":"3.1.0","paths":{"webinar.created":{"get":{}}}})");
  try {
    Server::start(ServerOptions{.fixtures = {FAKEZOOM_FIXTURES_DIR}, .events_specs = {spec}});
    FAIL("started");
  } catch (const fakezoom::FixtureError& error) {
    REQUIRE(error.diagnostics().size() == 1);
    CHECK(error.diagnostics()[0].to_string() == spec + ": /paths/webinar.created: has no post operation: Zoom documents each event as the POST it sends");
  }
}

TEST_CASE("a subscription fakezoom cannot use stops start-up, naming the field", "[webhooks]") {
  auto [subscription, field] = GENERATE(table<fakezoom::webhooks::Subscription, std::string>({
      {{"ftp://127.0.0.1/", "s", {}}, "webhooks[0].endpoint_url"},
      {{"http://127.0.0.1/", "", {}}, "webhooks[0].secret_token"},
      {{"http://127.0.0.1/", "s", {"meeting.nope"}}, "webhooks[0].events/0"},
  }));
  INFO(field);
  try {
    serve_with({subscription});
    FAIL("started");
  } catch (const std::invalid_argument& error) {
    CHECK_THAT(error.what(), Catch::StartsWith(field));
  }
}

TEST_CASE("a receiver that does not answer the challenge gets no events, unless validation is skipped", "[webhooks]") {
  Receiver receiver(200);  // answers {"ok":true} to everything, the challenge too
  SECTION("validated, as Zoom does") {
    auto server = serve_with({{receiver.url("/"), "s", {}}});
    httplib::Client admin("127.0.0.1", server.port());
    REQUIRE(post_json(admin, "/__admin/webhooks/events", R"({"event":"meeting.created"})")->status == 202);
    const json log = json::parse(admin.Get("/__admin/webhooks/deliveries?wait=1&timeout=10")->body);
    REQUIRE(log["deliveries"].size() == 1);
    CHECK(log["deliveries"][0]["outcome"] == "dropped");
    CHECK_THAT(log["deliveries"][0]["error"].get<std::string>(), Catch::Contains("failed URL validation"));
    CHECK(json::parse(admin.Get("/__admin/webhooks")->body)["subscriptions"][0]["validation"]["state"] == "failed");
    CHECK(receiver.count() == 1);  // the challenge, and nothing after it
  }
  SECTION("skipped") {
    ServerOptions options{.fixtures = {FAKEZOOM_FIXTURES_DIR}, .webhooks = {{receiver.url("/"), "s", {}}}};
    options.webhook_skip_validation = true;
    auto server = Server::start(options);
    httplib::Client admin("127.0.0.1", server.port());
    REQUIRE(post_json(admin, "/__admin/webhooks/events", R"({"event":"meeting.created"})")->status == 202);
    const json log = json::parse(admin.Get("/__admin/webhooks/deliveries?wait=1&timeout=10")->body);
    REQUIRE(log["deliveries"].size() == 1);
    CHECK(log["deliveries"][0]["outcome"] == "delivered");
    CHECK(json::parse(admin.Get("/__admin/webhooks")->body)["subscriptions"][0]["validation"]["state"] == "skipped");
  }
}
