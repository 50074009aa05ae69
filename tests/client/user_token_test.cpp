#include "fakezoom/client.hpp"

#include <catch2/catch.hpp>

#include "stub_server.hpp"

using namespace fakezoom::client;
using fakezoom::client::test::StubServer;

namespace {

Client client_for(const StubServer& stub) {
  ClientOptions options;
  options.base_url = stub.base_url("/v2");
  options.bearer_token = "tok";
  options.read_timeout = std::chrono::seconds(2);
  return Client(options);
}

}  // namespace

TEST_CASE("get_user_token sends GET with the email percent-encoded in the path", "[client]") {
  StubServer stub;
  stub.reply_with({200, R"({"token":"string"})"});
  Client client = client_for(stub);

  REQUIRE(client.get_user_token("a+b@x.com", std::string("zak"), 68423085LL));

  const auto received = stub.received();
  REQUIRE(received.size() == 1);
  CHECK(received[0].method == "GET");
  CHECK(received[0].path() == "/v2/users/a%2Bb%40x.com/token");
}

TEST_CASE("get_user_token sends type then ttl as the query", "[client]") {
  StubServer stub;
  stub.reply_with({200, R"({"token":"string"})"});
  Client client = client_for(stub);

  REQUIRE(client.get_user_token("me", std::string("zak"), 68423085LL));

  const auto received = stub.received();
  REQUIRE(received.size() == 1);
  CHECK(received[0].query() == "type=zak&ttl=68423085");
  CHECK(received[0].header("Authorization") == "Bearer tok");
}

TEST_CASE("get_user_token leaves out the query parameters not given", "[client]") {
  StubServer stub;
  stub.reply_with({200, R"({"token":"string"})"});
  Client client = client_for(stub);

  REQUIRE(client.get_user_token("me", std::nullopt, 3600LL));
  REQUIRE(client.get_user_token("me"));

  const auto received = stub.received();
  REQUIRE(received.size() == 2);
  CHECK(received[0].target == "/v2/users/me/token?ttl=3600");
  CHECK(received[1].target == "/v2/users/me/token");
}

TEST_CASE("a 200 with a token gives the token", "[client]") {
  StubServer stub;
  stub.reply_with({200, "{\n \"token\": \"string\"\n}"});
  Client client = client_for(stub);

  const auto result = client.get_user_token("me", std::string("zak"), 68423085LL);

  REQUIRE(result);
  CHECK(result.value() == std::optional<std::string>("string"));
  REQUIRE(client.last_response());
  CHECK(client.last_response()->status == 200);
}

TEST_CASE("a null token, which Zoom documents for Google sign-ins, is an empty optional", "[client]") {
  StubServer stub;
  stub.reply_with({200, R"({"token":null})"});
  Client client = client_for(stub);

  const auto result = client.get_user_token("me");

  REQUIRE(result);
  CHECK_FALSE(result.value().has_value());
}

TEST_CASE("a 404 Zoom error becomes an http Error with code 1001 and Zoom's message", "[client]") {
  StubServer stub;
  stub.reply_with({404, R"({"code":1001,"message":"User does not exist: x."})"});
  Client client = client_for(stub);

  const auto result = client.get_user_token("x", std::string("zak"), 68423085LL);

  REQUIRE_FALSE(result);
  CHECK(result.error().kind == ErrorKind::http);
  CHECK(result.error().status == 404);
  CHECK(result.error().zoom_code == 1001);
  CHECK(result.error().message == "User does not exist: x.");
}

TEST_CASE("an empty text/plain 404, as Zoom documents it, is still a clear error", "[client]") {
  StubServer stub;
  stub.reply_with({404, "", "text/plain"});
  Client client = client_for(stub);

  const auto result = client.get_user_token("x");

  REQUIRE_FALSE(result);
  CHECK(result.error().kind == ErrorKind::http);
  CHECK(result.error().status == 404);
  CHECK_FALSE(result.error().zoom_code.has_value());
  CHECK(result.error().message == "HTTP 404 Not Found (empty body)");
  REQUIRE(client.last_response());
  CHECK(client.last_response()->header("Content-Type") == "text/plain");
}

TEST_CASE("a 200 without a usable token is a parse error", "[client]") {
  const auto [body, expected] = GENERATE(table<std::string, std::string>({
      {R"({"zak":"x"})", "no \"token\" field"},
      {R"({"token":42})", "not a string"},
      {"token=x", "not a JSON object"},
  }));
  INFO("body " << body);
  StubServer stub;
  Client client = client_for(stub);
  stub.reply_with({200, body});

  const auto result = client.get_user_token("me");

  REQUIRE_FALSE(result);
  CHECK(result.error().kind == ErrorKind::parse);
  CHECK(result.error().status == 200);
  CHECK(result.error().body == body);
  CHECK_THAT(result.error().message, Catch::Contains(expected));
}
