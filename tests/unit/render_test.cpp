#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "fakezoom/model/outcome.hpp"
#include "fakezoom/model/render.hpp"

using namespace fakezoom;
using nlohmann::json;

namespace {

Example documented(int status, std::string name, std::string body, std::string content_type) {
  Example e;
  e.id = "example-1";
  e.status = status;
  e.name = std::move(name);
  e.folded_name = fold_whitespace(e.name);
  e.body = std::move(body);
  if (!content_type.empty()) e.headers.add("Content-Type", std::move(content_type));
  return e;
}

// The seed's 404, exactly as documented: the message only in the name, an empty text/plain body.
Example seed_not_found() {
  return documented(404,
                    "**HTTP Status Code:** `404` **Not Found**<br><br>\n**Error Code:** `1001`<br>\n"
                    "User does not exist: $userId.\n",
                    "", "text/plain");
}

const PathParams kGhost{{"userId", "ghost@example.com"}};

}  // namespace

TEST_CASE("an error documented only in its name is answered in Zoom's JSON shape", "[unit][render]") {
  auto response = render_example(seed_not_found(), kGhost, BodyMode::zoom);
  CHECK(response.status == 404);
  CHECK(response.headers.get_all("Content-Type") == std::vector<std::string>{"application/json"});
  CHECK(json::parse(response.body) == json{{"code", 1001}, {"message", "User does not exist: ghost@example.com."}});
}

TEST_CASE("verbatim mode serves an error example exactly as documented", "[unit][render]") {
  auto response = render_example(seed_not_found(), kGhost, BodyMode::verbatim);
  CHECK(response.status == 404);
  CHECK(response.body.empty());
  CHECK(response.headers.get_all("Content-Type") == std::vector<std::string>{"text/plain"});
}

TEST_CASE("an example with a body is served as documented in both modes", "[unit][render]") {
  const auto mode = GENERATE(BodyMode::zoom, BodyMode::verbatim);
  INFO("verbatim: " << (mode == BodyMode::verbatim));
  SECTION("a success") {
    auto response = render_example(documented(200, "**HTTP Status Code:** `200`<br>\nToken returned.",
                                              "{\n \"token\": \"string\"\n}", "application/json"),
                                   kGhost, mode);
    CHECK(response.status == 200);
    CHECK(response.body == "{\n \"token\": \"string\"\n}");
    CHECK(response.headers.get("Content-Type") == "application/json");
  }
  SECTION("an error that documents its own body") {
    auto response = render_example(documented(404, "**Error Code:** `1001`<br>\nUser does not exist: $userId.",
                                              R"({"code":1001,"message":"documented"})", "application/json"),
                                   kGhost, mode);
    CHECK(response.body == R"({"code":1001,"message":"documented"})");
  }
}

TEST_CASE("Zoom's JSON error keeps the example's other documented headers", "[unit][render]") {
  Example limited = documented(429, "**HTTP Status Code:** `429`<br>\nYou have reached the maximum per-second rate limit.",
                               "", "text/plain");
  limited.headers.add("Retry-After", "1");
  limited.headers.add("X-RateLimit-Category", "Light");
  auto response = render_example(limited, {}, BodyMode::zoom);
  CHECK(response.status == 429);
  CHECK(response.headers.get_all("Content-Type") == std::vector<std::string>{"application/json"});
  CHECK(response.headers.get("Retry-After") == "1");
  CHECK(response.headers.get("X-RateLimit-Category") == "Light");
  CHECK(json::parse(response.body) == json{{"code", 429}, {"message", "You have reached the maximum per-second rate limit."}});
}

TEST_CASE("a success without a body stays without a body in Zoom mode", "[unit][render]") {
  auto response = render_example(documented(200, "**HTTP Status Code:** `200`<br>\nSuccess", "", ""), {}, BodyMode::zoom);
  CHECK(response.status == 200);
  CHECK(response.body.empty());
  CHECK_FALSE(response.headers.get("Content-Type"));
}

TEST_CASE("a 204 documented with a body sends none", "[unit][render]") {
  // 38 of Zoom's 204 examples document "{}"; HTTP sends no body with 204.
  const auto mode = GENERATE(BodyMode::zoom, BodyMode::verbatim);
  INFO("verbatim: " << (mode == BodyMode::verbatim));
  auto response = render_example(documented(204, "**HTTP Status Code:** `204` **No Content**<br>\nProfile updated successfully.",
                                            "{}", "application/json"),
                                 {}, mode);
  CHECK(response.status == 204);
  CHECK(response.body.empty());
}

TEST_CASE("a 204 or 304 error example without a body gets no Zoom JSON error as a body", "[unit][render]") {
  // fuzz/regressions/fixture_loader/error-label-on-204.json
  const int status = GENERATE(204, 304);
  INFO(status);
  auto response = render_example(documented(status, "**Error Code:** `1005`<br>Email $email has already been used.", "", ""),
                                 {}, BodyMode::zoom);
  CHECK(response.status == status);
  CHECK(response.body.empty());
  CHECK_FALSE(response.headers.get("Content-Type"));
}

TEST_CASE("placeholders in a message are filled from the path parameters", "[unit][render]") {
  const PathParams params{{"userId", "u1"}, {"meetingId", "85746065"}};
  SECTION("{name}") {
    CHECK(fill_placeholders("User {userId} not exist or not belong to this account.", params) ==
          "User u1 not exist or not belong to this account.");
  }
  SECTION("$name") { CHECK(fill_placeholders("User does not exist: $userId.", params) == "User does not exist: u1."); }
  SECTION("every occurrence of every parameter") {
    CHECK(fill_placeholders("$userId {userId} $meetingId {meetingId}", params) == "u1 u1 85746065 85746065");
  }
  SECTION("$name is not a prefix of a longer name") {
    CHECK(fill_placeholders("Users $userIds and $userId_x but $userId.", params) == "Users $userIds and $userId_x but u1.");
  }
  SECTION("placeholders without a parameter stay") {
    CHECK(fill_placeholders("Webinar {webinarId} of $userId", params) == "Webinar {webinarId} of u1");
  }
}

TEST_CASE("a prepared answer is the rendering respond would send, Matched-Stub headers included", "[unit][render]") {
  Example ok = documented(200, "**HTTP Status Code:** `200`<br>\nToken returned.", "{\"token\": \"string\"}",
                          "application/json");
  prepare_answers("get-v2-users-userId-token", ok);
  REQUIRE(ok.prepared_zoom);
  HttpResponse expected = render_example(ok, {}, BodyMode::zoom);
  set_matched_stub(expected, ok.id, ok.folded_name);
  CHECK(ok.prepared_zoom->response.status == expected.status);
  CHECK(ok.prepared_zoom->response.body == expected.body);
  CHECK(std::equal(ok.prepared_zoom->response.headers.begin(), ok.prepared_zoom->response.headers.end(),
                   expected.headers.begin(), expected.headers.end()));
  CHECK(ok.prepared_zoom->route_id == "get-v2-users-userId-token");
  CHECK(ok.prepared_zoom->example_name == ok.folded_name);
  // Both modes answer alike here: one shared copy.
  CHECK(ok.prepared_verbatim == ok.prepared_zoom);
}

TEST_CASE("an answer naming the request's user is not prepared in Zoom's mode", "[unit][render]") {
  Example not_found = seed_not_found();
  prepare_answers("get-v2-users-userId-token", not_found);
  CHECK_FALSE(not_found.prepared_zoom);  // "User does not exist: $userId." is filled per request
  REQUIRE(not_found.prepared_verbatim);
  CHECK(not_found.prepared_verbatim->response.body.empty());
  CHECK(not_found.prepared_verbatim->response.headers.get("Matched-Stub-Id") == "example-1");
}
