#include <catch2/catch.hpp>

#include "fakezoom/model/choice.hpp"

using namespace fakezoom;

namespace {

Example example(std::string id, int status, std::string name, QueryParams query = {}) {
  Example e;
  e.id = std::move(id);
  e.status = status;
  e.name = std::move(name);
  e.folded_name = fold_whitespace(e.name);
  e.method = "GET";
  e.query = std::move(query);
  return e;
}

Route route_with(std::vector<Example> examples) {
  Route route;
  route.method = "GET";
  route.path = PathTemplate({{"v2", false}, {"users", false}, {"userId", true}, {"token", false}});
  route.id = route_id(route.method, route.path);
  route.examples = std::move(examples);
  return route;
}

// The seed's two examples, as Zoom names them.
Route user_token_route() {
  return route_with({example("token-1", 200, "**HTTP Status Code:** `200`<br>\nToken returned."),
                     example("token-2", 404,
                             "**HTTP Status Code:** `404` **Not Found**<br><br>\n**Error Code:** `1001`<br>\n"
                             "User does not exist: $userId.\n")});
}

ExplicitChoice choice_from(const Headers& headers, QueryParams query = {}) {
  return take_explicit_choice(headers, query);
}

std::string chosen_id(const Route& route, const ExplicitChoice& choice) {
  auto selection = select_explicit(route, choice);
  return selection ? selection->example->id : "(none)";
}

std::string best_id(const Route& route, const QueryParams& query = {}, const PathParams& params = {}) {
  auto selection = select_best(route, params, query);
  return selection ? selection->example->id : "(none)";
}

}  // namespace

TEST_CASE("a request without any choice asks for nothing", "[unit][choice]") {
  QueryParams query{{"type", "zak"}};
  auto choice = take_explicit_choice(Headers{{"Accept", "application/json"}}, query);
  CHECK_FALSE(choice.any());
  CHECK(query == QueryParams{{"type", "zak"}});
}

TEST_CASE("Postman's x-mock-response headers choose an example", "[unit][choice]") {
  const Route route = user_token_route();
  SECTION("by status code") {
    auto choice = choice_from({{"x-mock-response-code", "404"}});
    CHECK(choice.code == 404);
    CHECK(chosen_id(route, choice) == "token-2");
  }
  SECTION("by name, with runs of white space folded and the ends trimmed") {
    auto choice = choice_from({{"X-Mock-Response-Name", "  **HTTP Status Code:**   `404` **Not Found**<br><br> "
                                                        "**Error Code:** `1001`<br> User does not exist: $userId. "}});
    CHECK(choice.name == "**HTTP Status Code:** `404` **Not Found**<br><br> **Error Code:** `1001`<br> "
                         "User does not exist: $userId.");
    CHECK(chosen_id(route, choice) == "token-2");
  }
  SECTION("by id, surrounding white space ignored") {
    auto choice = choice_from({{"x-mock-response-id", " token-1 "}});
    CHECK(choice.id == "token-1");
    CHECK(chosen_id(route, choice) == "token-1");
  }
  SECTION("by code and name together, both must fit") {
    auto choice = choice_from({{"x-mock-response-code", "200"},
                               {"x-mock-response-name", "**HTTP Status Code:** `200`<br> Token returned."}});
    CHECK(chosen_id(route, choice) == "token-1");
    choice.code = 404;
    CHECK(chosen_id(route, choice) == "(none)");
  }
}

TEST_CASE("Prism's Prefer header chooses an example", "[unit][choice]") {
  const Route route = user_token_route();
  SECTION("code only") {
    auto choice = choice_from({{"Prefer", "code=404"}});
    CHECK(choice.code == 404);
    CHECK_FALSE(choice.name);
    CHECK(chosen_id(route, choice) == "token-2");
  }
  SECTION("code and a quoted example name") {
    auto choice = choice_from({{"Prefer", R"(code=200, example="**HTTP Status Code:** `200`<br> Token returned.")"}});
    CHECK(choice.code == 200);
    CHECK(choice.name == "**HTTP Status Code:** `200`<br> Token returned.");
    CHECK(chosen_id(route, choice) == "token-1");
  }
  SECTION("keys are case-insensitive and unknown preferences are ignored") {
    auto choice = choice_from({{"prefer", "respond-async, wait=5, CODE = 404"}});
    CHECK(choice.code == 404);
    CHECK(choice.malformed.empty());
  }
}

TEST_CASE("a Prefer example name may hold a comma inside quotes", "[unit][choice]") {
  const Route route = route_with({example("members-1", 200, "**HTTP Status Code:** `200`<br> Only available for paid account,{accountId}."),
                                  example("members-2", 400, "Bad request")});
  auto choice = choice_from({{"Prefer", R"(example="**HTTP Status Code:** `200`<br> Only available for paid account,{accountId}.")"}});
  CHECK(choice.name == "**HTTP Status Code:** `200`<br> Only available for paid account,{accountId}.");
  CHECK(chosen_id(route, choice) == "members-1");
}

TEST_CASE("the __code and __example query parameters choose and are removed before matching", "[unit][choice]") {
  QueryParams query{{"type", "zak"}, {"__code", "404"}, {"ttl", "60"}, {"__example", "Not  found"}};
  auto choice = take_explicit_choice(Headers{}, query);
  CHECK(choice.code == 404);
  CHECK(choice.name == "Not found");
  CHECK(query == QueryParams{{"type", "zak"}, {"ttl", "60"}});
}

TEST_CASE("Postman's headers win over Prism's forms", "[unit][choice]") {
  QueryParams query{{"__code", "400"}};
  auto choice = take_explicit_choice(Headers{{"Prefer", "code=401"}, {"x-mock-response-code", "404"}}, query);
  CHECK(choice.code == 404);
  CHECK(query.empty());
}

TEST_CASE("an unreadable status code is reported, never guessed", "[unit][choice]") {
  const Route route = user_token_route();
  auto text = GENERATE(as<std::string>{}, "abc", "99", "600", "404x", "", "4 04");
  INFO("x-mock-response-code: '" << text << "'");
  auto choice = choice_from({{"x-mock-response-code", text}});
  CHECK(choice.any());
  CHECK_FALSE(choice.code);
  CHECK_THAT(choice.malformed, Catch::Contains("x-mock-response-code"));
  CHECK_THAT(choice.describe(), Catch::Contains("must be an HTTP status code"));
  CHECK(chosen_id(route, choice) == "(none)");
}

TEST_CASE("a choice describes what was asked for", "[unit][choice]") {
  ExplicitChoice choice;
  choice.code = 404;
  choice.name = "Not found";
  choice.id = "x-1";
  CHECK(choice.describe() == "code 404, name 'Not found', id 'x-1'");
}

TEST_CASE("asking for an example that does not exist selects nothing", "[unit][choice]") {
  const Route route = user_token_route();
  SECTION("no such code") { CHECK(chosen_id(route, choice_from({{"x-mock-response-code", "500"}})) == "(none)"); }
  SECTION("no such name") { CHECK(chosen_id(route, choice_from({{"x-mock-response-name", "Teapot"}})) == "(none)"); }
  SECTION("no such id") { CHECK(chosen_id(route, choice_from({{"x-mock-response-id", "token-3"}})) == "(none)"); }
}

TEST_CASE("the default selection prefers 200, then the order in the file", "[unit][choice]") {
  SECTION("200 before an earlier error") {
    CHECK(best_id(route_with({example("a", 404, "Not found"), example("b", 200, "OK")})) == "b");
  }
  SECTION("200 before an earlier other success") {
    CHECK(best_id(route_with({example("a", 201, "Created"), example("b", 200, "OK")})) == "b");
  }
  SECTION("another success before an error") {
    CHECK(best_id(route_with({example("a", 400, "Bad request"), example("b", 204, "No content")})) == "b");
  }
  SECTION("the first of equals") {
    CHECK(best_id(route_with({example("a", 200, "OK"), example("b", 200, "OK again")})) == "a");
    CHECK(best_id(route_with({example("a", 404, "Not found"), example("b", 400, "Bad")})) == "a");
  }
  SECTION("a 200 named after a Zoom error code is not preferred as a success") {
    CHECK(best_id(route_with({example("a", 200, "**Error Code:** `300`<br> Invalid"), example("b", 201, "Created")})) == "b");
  }
}

TEST_CASE("the default selection prefers the example whose query fits the request", "[unit][choice]") {
  const Route route = route_with({example("token", 200, "Token", {{"type", "token"}}),
                                  example("zak", 200, "ZAK", {{"type", "zak"}}),
                                  example("error", 400, "Bad type", {{"type", "other"}, {"ttl", "1"}})});
  CHECK(best_id(route, {{"type", "zak"}}) == "zak");
  CHECK(best_id(route, {{"type", "token"}}) == "token");
  SECTION("an example fitting more of the query outweighs the preference for 200") {
    CHECK(best_id(route, {{"type", "other"}, {"ttl", "1"}}) == "error");
  }
  SECTION("with no query the preference for 200 decides") { CHECK(best_id(route) == "token"); }
}

TEST_CASE("the default selection weighs path values above query values", "[unit][choice]") {
  Example by_path = example("by-path", 404, "Unknown");
  by_path.path_values = {{"userId", "ghost"}};
  Route route = route_with({example("by-query", 200, "OK", {{"type", "zak"}}), by_path});
  CHECK(best_id(route, {{"type", "zak"}}, {{"userId", "ghost"}}) == "by-path");
  CHECK(best_id(route, {{"type", "zak"}}, {{"userId", "me"}}) == "by-query");
}

TEST_CASE("the default selection skips examples documented for another method", "[unit][choice]") {
  Example post = example("post", 200, "Posted");
  post.method = "POST";
  CHECK(best_id(route_with({post, example("get", 404, "Not found")})) == "get");
  CHECK(best_id(route_with({post})) == "(none)");
}

TEST_CASE("the first example with a status is Zoom's answer for an unknown user", "[unit][choice]") {
  const Route route = route_with({example("a", 200, "OK"), example("b", 404, "first"), example("c", 404, "second")});
  REQUIRE(first_with_status(route, 404));
  CHECK(first_with_status(route, 404)->id == "b");
  CHECK(first_with_status(route, 401) == nullptr);
}
