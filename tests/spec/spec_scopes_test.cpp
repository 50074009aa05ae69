// The scopes a spec gives an operation (what --auth strict asks of a token), and which of a
// route's sources wins: its own Postman description first, the spec only when that names none.
#include <catch2/catch.hpp>

#include <filesystem>

#include "fakezoom/spec/spec.hpp"
#include "unit_support.hpp"
#include "test_paths.hpp"

using namespace fakezoom;
using namespace fakezoom::test;

namespace {

std::vector<std::string> scopes_of(const json& operation, const json& global_security = nullptr) {
  json document = {{"openapi", "3.0.0"}, {"paths", {{"/users/{userId}/token", {{"get", operation}}}}}};
  if (!global_security.is_null()) document["security"] = global_security;
  std::vector<Problem> problems;
  const auto spec = read_spec_json("spec.json", document, problems);
  REQUIRE(problems.empty());
  REQUIRE(spec.operations.size() == 1);
  return spec.operations.front().scopes;
}

}  // namespace

TEST_CASE("an operation's scopes come from the first source that names any", "[spec][oauth]") {
  SECTION("its security requirement") {
    CHECK(scopes_of({{"security", {{{"oauth", {"user:read:admin", "user:read"}}}}}}) ==
          std::vector<std::string>{"user:read:admin", "user:read"});
  }
  SECTION("the document's security requirement") {
    CHECK(scopes_of(json::object(), json::array({{{"oauth", {"user:read"}}}})) == std::vector<std::string>{"user:read"});
  }
  SECTION("Zoom's x-extensions when the security scopes are empty") {
    CHECK(scopes_of({{"security", {{{"openapi_authorization", json::array()}}}},
                     {"x-extensions", {{"x-macro-scopes", {"user:read"}}, {"x-granular-scopes", {"user:read:token"}}}}}) ==
          std::vector<std::string>{"user:read", "user:read:token"});
  }
  SECTION("the description's Scopes line") {
    CHECK(scopes_of({{"description", "Gets it.\n\n**Scopes:** `user:read:admin`\n"}}) ==
          std::vector<std::string>{"user:read:admin"});
  }
  SECTION("none at all") { CHECK(scopes_of(json::object()).empty()); }
}

TEST_CASE("Zoom's 2026 spec gives its scopes to a route whose description names none", "[spec][oauth]") {
  const std::string spec = std::string(FAKEZOOM_ZOOM_DATA_DIR) + "/zoom-users-openapi3-2026-02.json";
  if (!std::filesystem::exists(spec)) {
    WARN("skipped: " << spec << " not found");
    CHECK_FALSE(std::filesystem::exists(spec));
    return;
  }
  // The seed's route, without its description's Scopes line.
  auto item = json::parse(read_text(kSeedItemFile));
  item["request"]["description"] = "Gets a user's token.";
  FixtureSet fixtures = fixture_set_from_text("seed.json", item.dump());
  apply_specs(fixtures, {spec});
  const auto& scopes = fixtures.routes.routes().front().scopes;
  CHECK(std::find(scopes.begin(), scopes.end(), "user:read:admin") != scopes.end());
  CHECK(std::find(scopes.begin(), scopes.end(), "user:read:token:admin") != scopes.end());

  SECTION("while the description's own scopes win when it names some") {
    FixtureSet seed = fixture_set_from_text("seed.json", read_text(kSeedItemFile));
    apply_specs(seed, {spec});
    CHECK(seed.routes.routes().front().scopes == std::vector<std::string>{"user:read:admin", "user:read"});
  }
}
