#include "fakezoom/client/error.hpp"

#include <catch2/catch.hpp>

using namespace fakezoom::client;

TEST_CASE("a Zoom JSON error gives its code and message", "[unit]") {
  const std::string body = R"({"code":1001,"message":"User does not exist: x."})";
  const Error error = http_error(404, "Not Found", body);
  CHECK(error.kind == ErrorKind::http);
  CHECK(error.status == 404);
  CHECK(error.zoom_code == 1001);
  CHECK(error.message == "User does not exist: x.");
  CHECK(error.body == body);
}

TEST_CASE("a Zoom validation error keeps its message and the errors in the body", "[unit]") {
  const std::string body =
      R"({"code":300,"message":"Validation Failed.","errors":[{"field":"ttl","message":"Invalid"}]})";
  const Error error = http_error(400, "Bad Request", body);
  CHECK(error.zoom_code == 300);
  CHECK(error.message == "Validation Failed.");
  CHECK(error.body == body);
}

TEST_CASE("an empty error body still gives a clear message", "[unit]") {
  const Error error = http_error(404, "Not Found", "");
  CHECK(error.kind == ErrorKind::http);
  CHECK(error.status == 404);
  CHECK_FALSE(error.zoom_code.has_value());
  CHECK(error.message == "HTTP 404 Not Found (empty body)");
}

TEST_CASE("a missing reason phrase is replaced by the standard one", "[unit]") {
  CHECK(http_error(429, "", "").message == "HTTP 429 Too Many Requests (empty body)");
  CHECK(http_error(599, "", "").message == "HTTP 599 (empty body)");
}

TEST_CASE("a body that is not JSON is quoted, on one line and shortened", "[unit]") {
  const Error error = http_error(502, "Bad Gateway", "<html>\nbad gateway\n</html>");
  CHECK_FALSE(error.zoom_code.has_value());
  CHECK(error.message == "HTTP 502 Bad Gateway (body is not JSON: <html> bad gateway </html>)");

  const Error long_error = http_error(500, "Internal Server Error", std::string(1000, 'x'));
  CHECK(long_error.message.size() < 200);
  CHECK(long_error.message.find("...") != std::string::npos);
  CHECK(long_error.body.size() == 1000);
}

TEST_CASE("JSON that is not a Zoom error says so", "[unit]") {
  const Error error = http_error(404, "Not Found", R"({"error":{"name":"mockRequestNotFoundError"}})");
  CHECK_FALSE(error.zoom_code.has_value());
  CHECK(error.message.rfind("HTTP 404 Not Found (JSON body is not a Zoom error", 0) == 0);
  CHECK(http_error(400, "", "[1,2]").message.rfind("HTTP 400 Bad Request (JSON body is not a Zoom error", 0) == 0);
}

TEST_CASE("a Zoom code without a message is still reported", "[unit]") {
  const Error error = http_error(401, "Unauthorized", R"({"code":124})");
  CHECK(error.zoom_code == 124);
  CHECK(error.message == "HTTP 401 Unauthorized (Zoom error code 124, no message)");
}

TEST_CASE("a code that is not a small integer is not a Zoom code", "[unit]") {
  CHECK_FALSE(http_error(400, "", R"({"code":"1001","message":"m"})").zoom_code.has_value());
  CHECK_FALSE(http_error(400, "", R"({"code":1.5,"message":"m"})").zoom_code.has_value());
  CHECK_FALSE(http_error(400, "", R"({"code":18446744073709551615,"message":"m"})").zoom_code.has_value());
  CHECK_FALSE(http_error(400, "", R"({"code":-9999999999,"message":"m"})").zoom_code.has_value());
}

TEST_CASE("error kinds have stable names", "[unit]") {
  CHECK(to_string(ErrorKind::http) == "http");
  CHECK(to_string(ErrorKind::transport) == "transport");
  CHECK(to_string(ErrorKind::parse) == "parse");
  CHECK(to_string(ErrorKind::invalid_request) == "invalid_request");
}

TEST_CASE("a parse error keeps the status, says what is missing and keeps the body", "[unit]") {
  const Error error = parse_error(200, "the response has no \"token\" field", "{\"tok\": 1}");
  CHECK(error.kind == ErrorKind::parse);
  CHECK(error.status == 200);
  CHECK(error.message == "the response has no \"token\" field");
  CHECK(error.body == "{\"tok\": 1}");
  CHECK_FALSE(error.zoom_code);
}
