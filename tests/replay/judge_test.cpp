// How replay judges an answer against a documented example.
#include <catch2/catch.hpp>

#include "fakezoom/replay/replay.hpp"

using fakezoom::Example;
using fakezoom::client::Response;
using fakezoom::replay::BodyComparison;
using fakezoom::replay::judge;

namespace {
Example documented(int status, std::string content_type, std::string body, std::string name = "example") {
  Example e;
  e.status = status;
  e.name = e.folded_name = std::move(name);
  if (!content_type.empty()) e.headers.add("Content-Type", content_type);
  e.body = std::move(body);
  return e;
}
Response answer(int status, std::string content_type, std::string body) {
  Response r;
  r.status = status;
  if (!content_type.empty()) r.headers.emplace_back("Content-Type", content_type);
  r.body = std::move(body);
  return r;
}
}  // namespace

TEST_CASE("replay compares JSON bodies as values, not text", "[unit][replay]") {
  const auto e = documented(200, "application/json", "{\n \"token\": \"string\"\n}");
  CHECK(judge(e, answer(200, "application/json; charset=utf-8", R"({"token":"string"})"), BodyComparison::exact).passed);
  CHECK_FALSE(judge(e, answer(200, "application/json", R"({"token":"other"})"), BodyComparison::exact).passed);
  CHECK(judge(e, answer(200, "application/json", R"({"token":"other","extra":1})"), BodyComparison::shape).passed);
  CHECK_FALSE(judge(e, answer(200, "application/json", R"({"token":5})"), BodyComparison::shape).passed);
}

TEST_CASE("replay fails another status or Content-Type", "[unit][replay]") {
  const auto e = documented(200, "application/json", R"({"a":1})");
  auto status = judge(e, answer(404, "application/json", R"({"a":1})"), BodyComparison::exact);
  CHECK_FALSE(status.passed);
  CHECK(status.detail == "status 404, documented 200");
  auto type = judge(e, answer(200, "text/plain", R"({"a":1})"), BodyComparison::exact);
  CHECK_FALSE(type.passed);
  CHECK(type.detail == "Content-Type text/plain, documented application/json");
}

TEST_CASE("an error documented with an empty body accepts Zoom's JSON error with its code", "[unit][replay]") {
  const auto e = documented(404, "text/plain", "", "**HTTP Status Code:** `404`<br>**Error Code:** `1001`<br>User does not exist: $userId.");
  CHECK(judge(e, answer(404, "application/json", R"({"code":1001,"message":"User does not exist: x."})"), BodyComparison::exact).passed);
  CHECK(judge(e, answer(404, "text/plain", ""), BodyComparison::exact).passed);
  CHECK_FALSE(judge(e, answer(404, "application/json", R"({"code":1002,"message":"no"})"), BodyComparison::exact).passed);
}

TEST_CASE("a 204 passes only without a body, whatever its example documents", "[unit][replay]") {
  const auto e = documented(204, "application/json", "{}");
  CHECK(judge(e, answer(204, "", ""), BodyComparison::exact).passed);
  CHECK_FALSE(judge(e, answer(204, "application/json", "{}"), BodyComparison::exact).passed);
}
