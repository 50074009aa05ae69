#include "fakezoom/client.hpp"

#include <catch2/catch.hpp>

#include "stub_server.hpp"

using namespace fakezoom::client;
using fakezoom::client::test::closed_loopback_port;
using fakezoom::client::test::StubReply;
using fakezoom::client::test::StubServer;

namespace {

ClientOptions options_for(const StubServer& stub, std::string token = "tok") {
  ClientOptions options;
  options.base_url = stub.base_url("/v2");
  options.bearer_token = std::move(token);
  options.connect_timeout = std::chrono::seconds(2);
  options.read_timeout = std::chrono::seconds(2);
  return options;
}

Request get(std::vector<std::string> segments) {
  Request request;
  request.path = Path::from_segments(segments);
  return request;
}

}  // namespace

TEST_CASE("a call sends the bearer token in exactly one Authorization header", "[client]") {
  StubServer stub;
  stub.reply_with({200, R"({})"});
  Client client(options_for(stub, "tok"));

  REQUIRE(client.call(get({"users", "me"})));

  const auto received = stub.received();
  REQUIRE(received.size() == 1);
  CHECK(received[0].header_count("Authorization") == 1);
  CHECK(received[0].header("Authorization") == "Bearer tok");
  CHECK(received[0].target.find("tok") == std::string::npos);
}

TEST_CASE("an empty token sends no Authorization header", "[client]") {
  StubServer stub;
  stub.reply_with({200, R"({})"});
  Client client(options_for(stub, ""));

  REQUIRE(client.call(get({"users", "me"})));

  const auto received = stub.received();
  REQUIRE(received.size() == 1);
  CHECK(received[0].header_count("Authorization") == 0);
}

TEST_CASE("a call keeps the base URL's path prefix and sends the user agent", "[client]") {
  StubServer stub;
  stub.reply_with({200, R"({})"});
  Client client(options_for(stub));

  REQUIRE(client.call(get({"users", "me", "token"})));

  const auto received = stub.received();
  REQUIRE(received.size() == 1);
  CHECK(received[0].target == "/v2/users/me/token");
  CHECK(received[0].header("User-Agent") == "fakezoom-client/0.1");
  CHECK(received[0].header_count("Content-Type") == 0);
}

TEST_CASE("a JSON body is sent with Content-Type application/json", "[client]") {
  StubServer stub;
  stub.reply_with({201, R"({"id":"u1"})"});
  Client client(options_for(stub));
  Request request;
  request.method = "POST";
  request.path = Path::from_encoded("/users");
  request.json_body = nlohmann::json{{"action", "create"}};

  const auto result = client.call(request);

  REQUIRE(result);
  CHECK(result.value().status == 201);
  CHECK(result.value().body == R"({"id":"u1"})");
  const auto received = stub.received();
  REQUIRE(received.size() == 1);
  CHECK(received[0].method == "POST");
  CHECK(received[0].header("Content-Type") == "application/json");
  CHECK(nlohmann::json::parse(received[0].body) == nlohmann::json{{"action", "create"}});
}

TEST_CASE("the raw response stays available with its headers, even at 404", "[client]") {
  StubServer stub;
  stub.reply_with({404, R"({"code":1001,"message":"User does not exist: x."})"});
  Client client(options_for(stub));

  const auto result = client.call(get({"users", "x"}));

  REQUIRE_FALSE(result);
  REQUIRE(client.last_response().has_value());
  CHECK(client.last_response()->status == 404);
  CHECK(client.last_response()->reason == "Not Found");
  CHECK(client.last_response()->header("content-type") == "application/json");
  CHECK(client.last_response()->body == result.error().body);
}

TEST_CASE("connection refused is a transport error naming host and port", "[client]") {
  const int port = closed_loopback_port();
  ClientOptions options;
  options.base_url = "http://127.0.0.1:" + std::to_string(port) + "/v2";
  options.bearer_token = "tok";
  Client client(options);

  const auto result = client.call(get({"users", "me"}));

  REQUIRE_FALSE(result);
  CHECK(result.error().kind == ErrorKind::transport);
  CHECK(result.error().status == 0);
  CHECK_FALSE(result.error().zoom_code.has_value());
  CHECK_THAT(result.error().message, Catch::Contains("127.0.0.1:" + std::to_string(port)) &&
                                         Catch::Contains("connection refused") &&
                                         Catch::Contains("GET http://127.0.0.1"));
  CHECK_FALSE(client.last_response().has_value());
}

TEST_CASE("an answer slower than the read timeout is a transport timeout error", "[client]") {
  StubServer stub;
  StubReply slow{200, R"({})"};
  slow.hold = true;
  stub.reply_with(slow);
  ClientOptions options = options_for(stub);
  options.read_timeout = std::chrono::milliseconds(150);
  Client client(options);

  const auto result = client.call(get({"users", "me"}));

  REQUIRE_FALSE(result);
  CHECK(result.error().kind == ErrorKind::transport);
  CHECK_THAT(result.error().message, Catch::Contains("timed out") && Catch::Contains("read timeout 150 ms"));
}

TEST_CASE("an invalid base URL or token is refused before anything is sent", "[client]") {
  StubServer stub;
  ClientOptions options = options_for(stub);
  // A query in the base URL would be dropped; a line break in the token would inject a header.
  const auto [base_suffix, token] = GENERATE(table<std::string, std::string>({{"/v2?x=1", "tok"},
                                                                              {"/v2", "tok\r\nX-Evil: 1"}}));
  INFO("base URL suffix " << base_suffix);
  options.base_url = stub.base_url(base_suffix);
  options.bearer_token = token;

  Client client(options);
  const auto result = client.call(get({"users", "me"}));

  REQUIRE_FALSE(result);
  CHECK(result.error().kind == ErrorKind::invalid_request);
  CHECK(stub.received().empty());
}
