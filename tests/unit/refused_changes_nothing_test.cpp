// A request the engine refuses leaves the account as it was: nothing stored, nothing told.
#include <catch2/catch.hpp>

#include "fakezoom/engine/engine.hpp"
#include "unit_support.hpp"

using namespace fakezoom;
using namespace fakezoom::test;

namespace {

std::shared_ptr<const FixtureSet> shared_fixtures() {
  return std::shared_ptr<const FixtureSet>(&shipped_fixtures(), [](const FixtureSet*) {});
}

HttpRequest create(const std::string& user = "me", std::string body = R"({"topic":"Refused?"})") {
  auto request = zoom_request("POST", "/v2/users/" + user + "/meetings");
  request.headers.set("Content-Type", "application/json");
  request.body = std::move(body);
  return request;
}

struct RefusedCreate {
  const char* kind;
  HttpRequest request;
  int status;
};

}  // namespace

TEST_CASE("a meeting create refused in any way stores nothing (so no event tells of it)", "[unit][engine][state]") {
  auto no_token = create();
  no_token.headers.remove("Authorization");
  auto bad_header = create();
  bad_header.headers.set("x-mock-fault", "BROKEN");
  auto chosen_error = create();
  chosen_error.headers.set("x-mock-response-code", "404");
  const std::vector<RefusedCreate> refusals{
      {"no bearer token", no_token, 401},
      {"a body that is not JSON", create("me", "topic=x"), 400},
      {"a field of the wrong type", create("me", R"({"topic":7})"), 400},
      {"an unknown user", create("nobody@example.com"), 404},
      {"an unreadable x-mock-fault header", bad_header, 400},
      {"the caller's choice of an error example", chosen_error, 404},
  };
  const auto& refusal = refusals[GENERATE(range(0, 6))];
  INFO(refusal.kind);
  Engine engine(shared_fixtures(), EngineOptions{});
  const std::size_t before = engine.account().meeting_count();
  const auto answer = engine.handle(refusal.request);
  CHECK(answer.status == refusal.status);
  CHECK(engine.account().meeting_count() == before);
  // The same request without the refusal is stored, so the count could move.
  CHECK(engine.handle(create()).status == 201);
  CHECK(engine.account().meeting_count() == before + 1);
}
