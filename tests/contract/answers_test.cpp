// Answers: what the client makes of fakezoom's 200, its 404s (Zoom's JSON and the verbatim
// empty text/plain), and that choosing an example is never the client's doing.
#include "contract_support.hpp"

using namespace fakezoom::contract;
using fakezoom::client::ErrorKind;

TEST_CASE("the documented 200 body is parsed to its token", "[contract]") {
  FakeZoom zoom;
  const auto token = zoom.client.get_user_token("me", std::string("zak"), 68423085LL);
  INFO(describe(token));
  REQUIRE(token);
  CHECK(token.value() == std::optional<std::string>("string"));

  REQUIRE(zoom.client.last_response());
  CHECK(zoom.client.last_response()->status == 200);
  CHECK(zoom.client.last_response()->header("Matched-Stub-Id") == kTokenReturned);

  const auto entry = zoom.only_request();
  CHECK(entry.status == 200);
  CHECK(entry.matched);
  CHECK(entry.example_id == kTokenReturned);
}

TEST_CASE("an unknown user's 404 becomes an error with Zoom code 1001", "[contract]") {
  FakeZoom zoom;
  const auto token = zoom.client.get_user_token("nobody@example.com", std::string("zak"), 68423085LL);
  REQUIRE_FALSE(token);
  const auto& error = token.error();
  INFO(describe(error));
  CHECK(error.kind == ErrorKind::http);
  CHECK(error.status == 404);
  CHECK(error.zoom_code == 1001);
  CHECK(error.message == "User does not exist: nobody@example.com.");

  const auto entry = zoom.only_request();
  CHECK(entry.status == 404);
  CHECK(entry.example_id == kUserNotFound);
}

TEST_CASE("the verbatim 404, an empty text/plain body, still becomes a clear error", "[contract]") {
  FakeZoom zoom({.verbatim = true});
  const auto token = zoom.client.get_user_token("nobody@example.com", std::string("zak"), 68423085LL);
  REQUIRE_FALSE(token);
  const auto& error = token.error();
  INFO(describe(error));
  CHECK(error.kind == ErrorKind::http);
  CHECK(error.status == 404);
  CHECK_FALSE(error.zoom_code);
  CHECK(error.body.empty());
  CHECK(error.message.find("404") != std::string::npos);

  REQUIRE(zoom.client.last_response());
  CHECK(zoom.client.last_response()->header("Content-Type").value_or("").rfind("text/plain", 0) == 0);
  CHECK(zoom.only_request().example_id == kUserNotFound);
}

TEST_CASE("the verbatim 200 is parsed to its token as well", "[contract]") {
  FakeZoom zoom({.verbatim = true});
  const auto token = zoom.client.get_user_token("me", std::string("zak"), 68423085LL);
  INFO(describe(token));
  REQUIRE(token);
  CHECK(token.value() == std::optional<std::string>("string"));
  CHECK(zoom.only_request().example_id == kTokenReturned);
}

TEST_CASE("the client never picks the example itself: no x-mock or Prefer headers, no __code", "[contract]") {
  FakeZoom zoom;
  auto anonymous = zoom.client_with("");
  (void)zoom.client.get_user_token("me", std::string("zak"), 68423085LL);
  (void)zoom.client.get_user_token("nobody@example.com");
  (void)zoom.client.call(token_request("me", {{"type", "token"}}));
  (void)anonymous.get_user_token("me");

  const auto entries = zoom.sent();
  REQUIRE(entries.size() == 4);
  for (const auto& entry : entries) {
    INFO(entry.request.target);
    for (const auto& [name, value] : entry.request.headers) {
      INFO(name << ": " << value);
      std::string lower = name;
      for (auto& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      CHECK(lower.rfind("x-mock", 0) == std::string::npos);
      CHECK(lower != "prefer");
    }
    for (const auto& [key, value] : entry.request.query) CHECK(key.rfind("__", 0) == std::string::npos);
  }
  // The statuses are fakezoom's own choice for each request.
  CHECK(entries[0].status == 200);
  CHECK(entries[1].status == 404);
  CHECK(entries[2].status == 200);
  CHECK(entries[3].status == 401);
}

TEST_CASE("a general call hands back the raw 200 answer with its headers", "[contract]") {
  FakeZoom zoom;
  const auto answer = zoom.client.call(token_request("me", {{"type", "zak"}, {"ttl", "68423085"}}));
  INFO(describe(answer));
  REQUIRE(answer);
  const auto& response = answer.value();
  CHECK(response.status == 200);
  CHECK(response.header("content-type").value_or("").rfind("application/json", 0) == 0);
  CHECK(response.header("Matched-Stub-Id") == kTokenReturned);
  CHECK(nlohmann::json::parse(response.body) == nlohmann::json{{"token", "string"}});
  CHECK(zoom.only_request().example_id == kTokenReturned);
}
