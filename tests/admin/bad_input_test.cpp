// Bad admin input: 400 with WireMock's errors shape naming the field, and nothing changed.
#include "admin_support.hpp"

using namespace fakezoom::admin_test;
using fakezoom::Server;

namespace {

struct BadInput {
  const char* what;
  const char* method;
  const char* path;
  std::string body;
  std::string field;  // JSON pointer (source.pointer) or query parameter (source.parameter)
};

// Everything an admin call could have changed, as one value.
json state(AdminClient& admin) {
  auto mappings = admin.get_json("/mappings");
  return {{"settings", admin.get_json("/settings")},
          {"overrides", mappings["overrides"]},
          {"generation", mappings["meta"]["generation"]},
          {"total", admin.get_json("/requests")["meta"]["total"]}};
}

}  // namespace

TEST_CASE("bad admin input gets 400 naming the field and changes nothing", "[admin]") {
  auto zoom = Server::start(seed_fixtures());
  httplib::Client client(zoom.url());
  REQUIRE(client.Get("/v2/users/me/token", bearer()));
  AdminClient admin(zoom);
  REQUIRE(admin.post("/settings", json{{"fixedDelay", 1}})->status == 200);
  const json before = state(admin);
  const std::string fault_path = "/mappings/get-v2-users-userId-token-1/fault";
  const std::string delay_path = "/mappings/get-v2-users-userId-token-1/delay";

  const std::vector<BadInput> cases{
      {"invalid JSON", "POST", "/requests/count", "{\"method\": ", ""},
      {"no body", "POST", "/requests/find", "", ""},
      {"not an object", "POST", "/requests/count", "[1,2]", ""},
      {"unknown matcher", "POST", "/requests/count", R"({"headers":{"Accept":{"equalToo":"x"}}})", "/headers/Accept/equalToo"},
      {"matcher of the wrong type", "POST", "/requests/count", R"({"queryParameters":{"type":{"equalTo":3}}})",
       "/queryParameters/type/equalTo"},
      {"matcher that is not an object", "POST", "/requests/find", R"({"headers":{"Accept":"text/plain"}})", "/headers/Accept"},
      {"two matchers on one field", "POST", "/requests/count", R"({"headers":{"Accept":{"equalTo":"a","contains":"b"}}})",
       "/headers/Accept/equalTo"},
      {"absent that is not a boolean", "POST", "/requests/count", R"({"headers":{"Accept":{"absent":"yes"}}})",
       "/headers/Accept/absent"},
      {"invalid regular expression", "POST", "/requests/count", R"({"urlPathPattern":"/v2/(users"})", "/urlPathPattern"},
      {"invalid regular expression in a matcher", "POST", "/requests/find", R"({"headers":{"A":{"matches":"[a-"}}})",
       "/headers/A/matches"},
      {"method of the wrong type", "POST", "/requests/count", R"({"method":1})", "/method"},
      {"url of the wrong type", "POST", "/requests/count", R"({"urlPath":["/v2"]})", "/urlPath"},
      {"two url fields", "POST", "/requests/count", R"({"url":"/a","urlPath":"/a"})", "/urlPath"},
      {"unknown field", "POST", "/requests/count", R"({"methd":"GET"})", "/methd"},
      {"unsupported WireMock field", "POST", "/requests/count", R"({"bodyPatterns":[]})", "/bodyPatterns"},
      {"path parameter without a template", "POST", "/requests/count", R"({"pathParameters":{"userId":{"equalTo":"me"}}})",
       "/pathParameters"},
      {"path parameter the template lacks", "POST", "/requests/count",
       R"({"urlPathTemplate":"/v2/users/{userId}","pathParameters":{"id":{"equalTo":"me"}}})", "/pathParameters/id"},
      {"limit that is no number", "GET", "/requests?limit=many", "", "limit"},
      {"negative limit", "GET", "/requests?limit=-1", "", "limit"},
      {"partly numeric limit", "GET", "/requests?limit=2abc", "", "limit"},
      {"since that is no date", "GET", "/requests?since=yesterday", "", "since"},
      {"since with an impossible date", "GET", "/requests?since=2024-02-30T00:00:00Z", "", "since"},
      {"fixedDelay of the wrong type", "POST", "/settings", R"({"fixedDelay":"100"})", "/fixedDelay"},
      {"negative fixedDelay", "POST", "/settings", R"({"fixedDelay":-5})", "/fixedDelay"},
      {"fixedDelay beyond the cap", "POST", "/settings", R"({"fixedDelay":60001})", "/fixedDelay"},
      {"fractional fixedDelay", "POST", "/settings", R"({"fixedDelay":1.5})", "/fixedDelay"},
      {"unknown setting", "POST", "/settings", R"({"fixedDelay":0,"slowness":3})", "/slowness"},
      {"unsupported setting", "POST", "/settings", R"({"delayDistribution":{"type":"uniform"}})", "/delayDistribution"},
      {"settings that are not JSON", "POST", "/settings", "fixedDelay=3", ""},
      {"unknown fault", "POST", fault_path.c_str(), R"({"fault":"SLOW_LORIS"})", "/fault"},
      {"fault of the wrong type", "POST", fault_path.c_str(), R"({"fault":1})", "/fault"},
      {"fault missing", "POST", fault_path.c_str(), R"({})", "/fault"},
      {"fault with an unknown field", "POST", fault_path.c_str(), R"({"fault":"EMPTY_RESPONSE","why":1})", "/why"},
      {"delay of the wrong type", "POST", delay_path.c_str(), R"({"fixedDelayMilliseconds":"1"})", "/fixedDelayMilliseconds"},
  };
  for (const auto& c : cases) {
    INFO(c.what << ": " << c.method << " " << c.path << " " << c.body);
    auto result = std::string(c.method) == "GET" ? admin.get(c.path) : admin.post(c.path, c.body);
    REQUIRE(result);
    CHECK(result->status == 400);
    INFO("answer: " << result->body);
    const json body = json::parse(result->body, nullptr, false);
    REQUIRE(body.contains("errors"));
    const json& error = body["errors"][0];
    CHECK(error["code"] == 10);
    CHECK_FALSE(error["title"].get<std::string>().empty());
    const json& source = error["source"];
    if (!c.field.empty() && c.field.front() != '/')
      CHECK(source["parameter"] == c.field);
    else
      CHECK(source["pointer"] == c.field);
    if (!c.field.empty()) CHECK_THAT(error["title"].get<std::string>(), Catch::StartsWith(c.field + ": "));
  }
  CHECK(state(admin) == before);
}

TEST_CASE("a fault or delay for an id no route or example has gets 404", "[admin]") {
  auto zoom = Server::start(seed_fixtures());
  AdminClient admin(zoom);
  auto fault = admin.post("/mappings/no-such-example/fault", json{{"fault", "EMPTY_RESPONSE"}});
  REQUIRE(fault);
  CHECK(fault->status == 404);
  CHECK_THAT(fault->body, Catch::Contains("no-such-example"));
  auto delay = admin.post("/mappings/no-such-example/delay", json{{"fixedDelayMilliseconds", 5}});
  REQUIRE(delay);
  CHECK(delay->status == 404);
  CHECK(admin.get_json("/mappings")["overrides"] == json{{"faults", json::array()}, {"delays", json::array()}});
}

TEST_CASE("an unknown admin endpoint gets 404 in WireMock's errors shape", "[admin]") {
  auto zoom = Server::start(seed_fixtures());
  AdminClient admin(zoom);
  auto result = admin.get("/nothing-here");
  REQUIRE(result);
  CHECK(result->status == 404);
  CHECK(json::parse(result->body)["errors"][0]["code"] == 404);
}
