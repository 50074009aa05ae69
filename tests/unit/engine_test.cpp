#include <catch2/catch.hpp>

#include <thread>

#include "fakezoom/engine/engine.hpp"
#include "fakezoom/journal/redact.hpp"
#include "unit_support.hpp"

using namespace fakezoom;
using namespace fakezoom::test;

namespace {

std::shared_ptr<const FixtureSet> shared_fixtures() {
  return std::shared_ptr<const FixtureSet>(&shipped_fixtures(), [](const FixtureSet*) {});
}

Engine engine_with(EngineOptions options = {}) { return Engine(shared_fixtures(), std::move(options)); }

HttpRequest token_request(const std::string& user = "me") {
  return zoom_request("GET", "/v2/users/" + user + "/token", {{"type", "zak"}, {"ttl", "68423085"}});
}

HttpRequest with_access_token(HttpRequest request, const std::string& token) {
  request.query.emplace_back("access_token", token);
  request.target += "&access_token=" + token;
  return request;
}

}  // namespace

TEST_CASE("the engine answers as respond does and journals what it answered", "[unit][engine]") {
  Engine engine = engine_with();
  auto response = engine.handle(token_request("ghost"));
  CHECK(response.status == 404);
  CHECK(body_json(response)["code"] == 1001);

  const auto entries = engine.journal().entries();
  REQUIRE(entries.size() == 1);
  CHECK(entries[0].request.path == "/v2/users/ghost/token");
  CHECK(entries[0].status == 404);
  CHECK(entries[0].matched);
  CHECK(entries[0].route_id == "get-v2-users-userId-token");
  CHECK(entries[0].example_id == "get-v2-users-userId-token-2");
  CHECK_FALSE(entries[0].reason.empty());
}

TEST_CASE("the engine journals misses as unmatched", "[unit][engine]") {
  Engine engine = engine_with();
  CHECK(engine.handle(zoom_request("GET", "/v2/nowhere")).status == 404);
  REQUIRE(engine.journal().size() == 1);
  CHECK_FALSE(engine.journal().entries()[0].matched);
}

TEST_CASE("the engine's body mode decides how documented errors are served", "[unit][engine]") {
  EngineOptions options;
  options.body_mode = BodyMode::verbatim;
  Engine engine = engine_with(options);
  auto response = engine.handle(token_request("ghost"));
  CHECK(response.status == 404);
  CHECK(response.body.empty());
}

TEST_CASE("tokens are redacted before a request is journaled", "[unit][engine][secrets]") {
  Engine engine = engine_with();
  const auto request = with_access_token(token_request(), "s3cr3t");
  auto response = engine.handle(with_header(request, "Authorization", "Bearer eyJ.secret.token"));
  CHECK(response.status == 401);  // the answer sees the token; only the journal forgets it

  REQUIRE(engine.journal().size() == 1);
  const HttpRequest journaled = engine.journal().entries()[0].request;
  CHECK(journaled.headers.get("Authorization") == "Bearer [REDACTED]");
  CHECK(first_value(journaled.query, "access_token") == "[REDACTED]");
  CHECK(first_value(journaled.query, "type") == "zak");
  CHECK(journaled.target.find("s3cr3t") == std::string::npos);
  CHECK_THAT(journaled.target, Catch::Contains("access_token=[REDACTED]"));
}

TEST_CASE("redaction keeps the scheme of any Authorization header", "[unit][engine][secrets]") {
  HttpRequest request = token_request();
  SECTION("Basic") {
    request.headers.set("authorization", "Basic dXNlcjpwYXNz");
    CHECK(redact_secrets(request).headers.get("Authorization") == "Basic [REDACTED]");
  }
  SECTION("no scheme") {
    request.headers.set("Authorization", "rawtoken");
    CHECK(redact_secrets(request).headers.get("Authorization") == "[REDACTED]");
  }
  SECTION("other headers stay") {
    request.headers.add("X-Request-Id", "42");
    CHECK(redact_secrets(request).headers.get("X-Request-Id") == "42");
  }
}

static void expect_no_token_in_target(const HttpRequest& request) {
  INFO("target: " << request.target);
  const auto redacted = redact_secrets(request);
  for (const auto& [key, value] : redacted.query)
    if (key == "access_token") CHECK(value == "[REDACTED]");
  CHECK(redacted.target.find("s3cr3t") == std::string::npos);
}

TEST_CASE("every access token in the request target is redacted", "[unit][engine][secrets]") {
  SECTION("a repeated parameter") {
    expect_no_token_in_target(with_access_token(with_access_token(token_request(), "first"), "s3cr3t"));
  }
  SECTION("a parameter whose name ends in access_token comes first") {
    HttpRequest request = token_request();
    request.query.emplace_back("refresh_access_token", "x");
    request.target += "&refresh_access_token=x";
    expect_no_token_in_target(with_access_token(request, "s3cr3t"));
  }
}

TEST_CASE("journal_secrets keeps tokens in the journal", "[unit][engine][secrets]") {
  EngineOptions options;
  options.journal_secrets = true;
  Engine engine = engine_with(options);
  engine.handle(with_header(token_request(), "Authorization", "Bearer eyJ.secret.token"));
  REQUIRE(engine.journal().size() == 1);
  CHECK(engine.journal().entries()[0].request.headers.get("Authorization") == "Bearer eyJ.secret.token");
}

TEST_CASE("an engine with journal capacity 0 journals nothing but counts", "[unit][engine]") {
  EngineOptions options;
  options.journal_capacity = 0;
  Engine engine = engine_with(options);
  engine.handle(token_request());
  CHECK(engine.journal().size() == 0);
  CHECK(engine.journal().total() == 1);
}

TEST_CASE("the engine is safe to call from many threads", "[unit][engine][threads]") {
  Engine engine = engine_with();
  constexpr int kThreads = 4;
  constexpr int kPerThread = 200;
  std::vector<std::thread> threads;
  std::vector<int> ok(kThreads, 0);
  for (int t = 0; t < kThreads; ++t)
    threads.emplace_back([&, t] {
      for (int i = 0; i < kPerThread; ++i) ok[t] += engine.handle(token_request()).status == 200;
    });
  for (auto& thread : threads) thread.join();
  for (int t = 0; t < kThreads; ++t) CHECK(ok[t] == kPerThread);
  CHECK(engine.journal().total() == kThreads * kPerThread);
}

TEST_CASE("an access token whose key is percent-encoded is redacted too", "[unit][engine][secrets]") {
  auto request = fakezoom::HttpRequest{};
  request.method = "GET";
  request.path = "/v2/users/me/token";
  request.target = "/v2/users/me/token?type=zak&access%5Ftoken=s3cr3t";
  request.query = {{"type", "zak"}, {"access_token", "s3cr3t"}};
  const auto redacted = fakezoom::redact_secrets(request);
  CHECK(redacted.target == "/v2/users/me/token?type=zak&access%5Ftoken=[REDACTED]");
  CHECK(redacted.target.find("s3cr3t") == std::string::npos);
}
