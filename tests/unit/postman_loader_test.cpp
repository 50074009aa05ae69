// The Postman reader and the loader: what a fixture document becomes, and how a broken one is
// reported (server/fixtures/src/postman.cpp, postman_url.cpp, loader.cpp).
#include <catch2/catch.hpp>

#include <algorithm>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <set>

#include "fakezoom/fixtures/postman.hpp"
#include "fakezoom/fixtures/postman_url.hpp"
#include "unit_support.hpp"

using namespace fakezoom;
using namespace fakezoom::test;
namespace fs = std::filesystem;

namespace {

const Route& only_route(const FixtureSet& fixtures) {
  REQUIRE(fixtures.routes.routes().size() == 1);
  return fixtures.routes.routes().front();
}

std::vector<std::string> paths_of(const FixtureSet& fixtures) {
  std::vector<std::string> paths;
  for (const auto& route : fixtures.routes.routes()) paths.push_back(route.method + " " + route.path.to_string());
  return paths;
}

std::vector<std::string> pointers_of(const std::vector<Problem>& problems) {
  std::vector<std::string> pointers;
  for (const auto& problem : problems) pointers.push_back(problem.pointer);
  return pointers;
}

std::string message_at(const std::vector<Problem>& problems, const std::string& pointer) {
  for (const auto& problem : problems)
    if (problem.pointer == pointer) return problem.message;
  return "(no problem at " + pointer + ")";
}

// A folder under the system's temp directory, removed when the test ends.
class TempFolder {
public:
  TempFolder() {
    static std::atomic<int> counter{0};
    path_ = fs::temp_directory_path() /
            ("fakezoom-unit-" + std::to_string(std::chrono::steady_clock::now().time_since_epoch().count()) + "-" +
             std::to_string(counter++));
    fs::create_directories(path_);
  }
  ~TempFolder() {
    std::error_code ignored;
    fs::remove_all(path_, ignored);
  }
  TempFolder(const TempFolder&) = delete;
  TempFolder& operator=(const TempFolder&) = delete;

  std::string write(const std::string& relative, const std::string& text) const {
    const fs::path file = path_ / relative;
    fs::create_directories(file.parent_path());
    std::ofstream(file, std::ios::binary) << text;
    return file.string();
  }
  std::string path() const { return path_.string(); }

private:
  fs::path path_;
};

std::vector<Problem> load_problems(const std::vector<std::string>& paths) {
  try {
    load_fixtures(paths);
  } catch (const FixtureError& error) {
    return error.diagnostics();
  }
  return {};
}

}  // namespace

// ---- what a fixture defines ------------------------------------------------------------

TEST_CASE("the seed's single item becomes one route under /v2", "[unit][fixtures]") {
  const auto fixtures = fixture_set_from_text(kSeedItemFile, read_text(kSeedItemFile));
  const Route& route = only_route(fixtures);
  CHECK(route.method == "GET");
  CHECK(route.name == "Get a user token");
  CHECK(route.path.to_string() == "/v2/users/{userId}/token");
  CHECK(route.base_path == "/v2");
  CHECK(fixtures.base_path() == "/v2");
  CHECK(route.id == "get-v2-users-userId-token");
  CHECK_THAT(route.description, Catch::StartsWith("Retrieve a user's token."));
  CHECK(route.source.file == kSeedItemFile);
  CHECK(route.source.pointer == "");
  CHECK(route.documented_params.at("userId") == std::set<std::string>{":userId", kDocumentedUserId});
}

TEST_CASE("the seed's examples keep their status, name, headers, body and request", "[unit][fixtures]") {
  const auto fixtures = fixture_set_from_text(kSeedItemFile, read_text(kSeedItemFile));
  const auto& examples = only_route(fixtures).examples;
  REQUIRE(examples.size() == 2);
  CHECK(fixtures.example_count() == 2);

  CHECK(examples[0].id == "get-v2-users-userId-token-1");
  CHECK(examples[0].status == 200);
  CHECK(examples[0].name == "**HTTP Status Code:** `200`<br>\nToken returned.");
  CHECK(examples[0].folded_name == "**HTTP Status Code:** `200`<br> Token returned.");
  CHECK(examples[0].body == "{\n \"token\": \"string\"\n}");
  CHECK(examples[0].headers.get("Content-Type") == "application/json");
  CHECK(examples[0].method == "GET");
  CHECK(examples[0].query == QueryParams{{"type", "zak"}, {"ttl", "68423085"}});
  CHECK(examples[0].path_values == PathParams{{"userId", kDocumentedUserId}});
  CHECK(examples[0].source.pointer == "/response/0");

  CHECK(examples[1].id == "get-v2-users-userId-token-2");
  CHECK(examples[1].status == 404);
  CHECK(examples[1].body.empty());
  CHECK(examples[1].headers.get("Content-Type") == "text/plain");
  CHECK(examples[1].source.pointer == "/response/1");
}

TEST_CASE("a base path option replaces the prefix", "[unit][fixtures]") {
  const std::string seed = read_text(kSeedItemFile);
  SECTION("another prefix") {
    const auto fixtures = fixture_set_from_text("seed.json", seed, LoadOptions{"/zoom/v2"});
    CHECK(only_route(fixtures).path.to_string() == "/zoom/v2/users/{userId}/token");
    CHECK(fixtures.base_path() == "/zoom/v2");
  }
  SECTION("the root") {
    const auto fixtures = fixture_set_from_text("seed.json", seed, LoadOptions{"/"});
    CHECK(only_route(fixtures).path.to_string() == "/users/{userId}/token");
    CHECK(fixtures.base_path() == "");
  }
  SECTION("over a collection's baseUrl") {
    const auto fixtures = fixtures_from(collection({request_item("Users", "GET", {"users"})}, "https://api.zoom.us/v2"),
                                        LoadOptions{"/api/v3"});
    CHECK(paths_of(fixtures) == std::vector<std::string>{"GET /api/v3/users"});
  }
}

TEST_CASE("the prefix comes from the path of baseUrl", "[unit][fixtures]") {
  using Case = std::pair<std::string, std::string>;
  auto [base_url, prefix] = GENERATE(values<Case>({{"https://api.zoom.us/v2", "/v2"},
                                                   {"http://x/api/v3", "/api/v3"},
                                                   {"https://api.zoom.us/v2/", "/v2"},
                                                   {"http://localhost:9000", ""}}));
  INFO("baseUrl " << base_url);
  const auto fixtures = fixtures_from(collection({request_item("Users", "GET", {"users", ":userId"})}, base_url));
  CHECK(only_route(fixtures).base_path == prefix);
  CHECK(only_route(fixtures).path.to_string() == prefix + "/users/{userId}");
}

TEST_CASE("a collection's nested folders all contribute routes", "[unit][fixtures]") {
  json folder_in_folder = {{"name", "Users"},
                           {"item", {{{"name", "Tokens"}, {"item", {request_item("Get a user token", "GET", {"users", ":userId", "token"})}}},
                                     request_item("Get a user", "GET", {"users", ":userId"})}}};
  json document = collection({folder_in_folder, request_item("List meetings", "GET", {"users", ":userId", "meetings"})});
  const auto fixtures = fixtures_from(document);
  CHECK(paths_of(fixtures) == std::vector<std::string>{"GET /v2/users/{userId}/token", "GET /v2/users/{userId}",
                                                        "GET /v2/users/{userId}/meetings"});
  CHECK(fixtures.routes.routes()[0].source.pointer == "/item/0/item/0/item/0");
  CHECK(fixtures.routes.routes()[1].source.pointer == "/item/0/item/1");
  CHECK(fixtures.routes.routes()[2].source.pointer == "/item/1");
}

TEST_CASE("collection variables resolve in paths and queries", "[unit][fixtures]") {
  json document = collection({});
  document["variable"] = {{{"key", "host"}, {"value", "https://api.zoom.us"}},
                          {{"key", "baseUrl"}, {"value", "{{host}}/v2"}},
                          {{"key", "section"}, {"value", "report"}},
                          {{"key", "kind"}, {"value", "past"}}};
  json item = request_item("Report", "GET", {"{{section}}", "meetings"}, {saved_example("OK", 200, "{}", "application/json")});
  item["request"]["url"]["query"] = {{{"key", "type"}, {"value", "{{kind}}"}}};
  document["item"] = {item};
  const auto fixtures = fixtures_from(document);
  CHECK(only_route(fixtures).path.to_string() == "/v2/report/meetings");
  CHECK(only_route(fixtures).examples.at(0).query == QueryParams{{"type", "past"}});
}

TEST_CASE("an undefined {{variable}} path segment becomes a parameter", "[unit][fixtures]") {
  const auto fixtures = fixtures_from(collection({request_item("Get a meeting", "GET", {"meetings", "{{meetingId}}"})}));
  CHECK(only_route(fixtures).path.to_string() == "/v2/meetings/{meetingId}");
  auto found = fixtures.routes.lookup("GET", "/v2/meetings/85746065");
  REQUIRE(found.route);
  CHECK(found.params == PathParams{{"meetingId", "85746065"}});
}

TEST_CASE("an item whose baseUrl nothing defines gets /v2", "[unit][fixtures]") {
  json item = request_item("Get a user", "GET", {"users", ":userId"});
  const auto fixtures = fixtures_from(item);
  CHECK(only_route(fixtures).path.to_string() == "/v2/users/{userId}");
  CHECK(std::string(kDefaultBasePath) == "/v2");
}

TEST_CASE("variables resolve in a few passes and leave unknown ones", "[unit][fixtures]") {
  const std::map<std::string, std::string> variables{{"a", "{{b}}"}, {"b", "B"}, {"loop", "{{loop}}"}};
  CHECK(resolve_variables("{{a}}/{{unknown}}", variables) == "B/{{unknown}}");
  CHECK(resolve_variables("x{{loop}}y", variables) == "x{{loop}}y");
  CHECK(resolve_variables("{{unclosed", variables) == "{{unclosed");
}

TEST_CASE("Postman v2.0 style urls and headers as strings are read", "[unit][fixtures]") {
  json document = {
      {"info", {{"name", "v2.0"}, {"schema", "https://schema.getpostman.com/json/collection/v2.0.0/collection.json"}}},
      {"variable", {{{"key", "baseUrl"}, {"value", "https://api.zoom.us/v2"}}}},
      {"item",
       {{{"name", "List users"},
         {"request", {{"method", "get"}, {"url", "{{baseUrl}}/users?status=active&page_size=30"}}},
         {"response",
          {{{"name", "OK"},
            {"code", 200},
            {"header", "Content-Type: application/json\nX-Trace:  a   b \n"},
            {"body", "{\"users\":[]}"}}}}},
        {{"name", "Delete a user"}, {"request", "https://api.zoom.us/v2/users/:userId"}}}}};
  const auto fixtures = fixtures_from(document);
  CHECK(paths_of(fixtures) == std::vector<std::string>{"GET /v2/users", "GET /v2/users/{userId}"});
  const Example& example = fixtures.routes.routes()[0].examples.at(0);
  CHECK(example.query == QueryParams{{"status", "active"}, {"page_size", "30"}});
  CHECK(example.headers.get("Content-Type") == "application/json");
  CHECK(example.headers.get("X-Trace") == "a b");
}

TEST_CASE("disabled query parameters and headers are skipped", "[unit][fixtures]") {
  json example = saved_example("OK", 200, "{}");
  example["header"] = {{{"key", "Content-Type"}, {"value", "application/json"}},
                       {{"key", "X-Off"}, {"value", "1"}, {"disabled", true}}};
  json item = request_item("List", "GET", {"users"}, {example});
  item["request"]["url"]["query"] = {{{"key", "status"}, {"value", "active"}},
                                     {{"key", "page_size"}, {"value", "30"}, {"disabled", true}},
                                     {{"key", "next_page_token"}, {"value", nullptr}, {"disabled", false}}};
  const auto fixtures = fixtures_from(collection({item}));
  const Example& loaded = only_route(fixtures).examples.at(0);
  CHECK(loaded.query == QueryParams{{"status", "active"}, {"next_page_token", ""}});
  CHECK_FALSE(loaded.headers.get("X-Off"));
}

TEST_CASE("methods are upper case and default to GET", "[unit][fixtures]") {
  json lower = request_item("Create", "post", {"users"});
  json none = request_item("List", "GET", {"users"});
  none["request"].erase("method");
  CHECK(paths_of(fixtures_from(collection({lower, none}))) ==
        std::vector<std::string>{"POST /v2/users", "GET /v2/users"});
}

TEST_CASE("an example's Content-Type falls back to its preview language", "[unit][fixtures]") {
  json json_example = saved_example("json", 200, "{}");
  json_example["_postman_previewlanguage"] = "json";
  json text_example = saved_example("text", 400, "Bad");
  json empty_example = saved_example("empty", 204, "");
  const auto fixtures =
      fixtures_from(collection({request_item("X", "GET", {"x"}, {json_example, text_example, empty_example})}));
  const auto& examples = only_route(fixtures).examples;
  CHECK(examples.at(0).headers.get("Content-Type") == "application/json");
  CHECK(examples.at(1).headers.get("Content-Type") == "text/plain");
  CHECK_FALSE(examples.at(2).headers.get("Content-Type"));
}

TEST_CASE("an example without a name is named after its status", "[unit][fixtures]") {
  json example = saved_example("", 201);
  example.erase("name");
  CHECK(only_route(fixtures_from(collection({request_item("X", "POST", {"x"}, {example})}))).examples.at(0).name == "201");
}

TEST_CASE("an example's originalRequest says which request it answers", "[unit][fixtures]") {
  json example = saved_example("Not found", 404);
  example["originalRequest"] = {
      {"method", "GET"},
      {"url",
       {{"raw", "{{baseUrl}}/users/:userId?type=zak"},
        {"host", {"{{baseUrl}}"}},
        {"path", {"users", ":userId"}},
        {"query", {{{"key", "type"}, {"value", "zak"}}}},
        {"variable", {{{"key", "userId"}, {"value", "ghost@example.com"}}}}}}};
  const auto fixtures = fixtures_from(collection({request_item("Get a user", "GET", {"users", ":userId"}, {example})}));
  const Route& route = only_route(fixtures);
  CHECK(route.examples.at(0).query == QueryParams{{"type", "zak"}});
  CHECK(route.examples.at(0).path_values == PathParams{{"userId", "ghost@example.com"}});
  CHECK(route.documented_params.at("userId").count("ghost@example.com") == 1);
}

TEST_CASE("a route defined twice keeps both, with distinct ids, and serves the first", "[unit][fixtures]") {
  const auto fixtures = fixtures_from(collection({request_item("First", "GET", {"users", ":userId"}, {saved_example("a", 200)}),
                                                  request_item("Again", "GET", {"users", ":id"}, {saved_example("b", 200)})}));
  const auto& routes = fixtures.routes.routes();
  REQUIRE(routes.size() == 2);
  CHECK(routes[0].id == "get-v2-users-userId");
  CHECK(routes[1].id == "get-v2-users-id");
  CHECK(fixtures.routes.shadowed() == std::vector<std::size_t>{1});
  CHECK(fixtures.routes.lookup("GET", "/v2/users/me").route->name == "First");
}

TEST_CASE("a route defined twice under the same names gets a -dup id", "[unit][fixtures]") {
  const auto fixtures = fixtures_from(collection({request_item("First", "GET", {"users"}, {saved_example("a", 200)}),
                                                  request_item("Again", "GET", {"users"}, {saved_example("b", 200)})}));
  CHECK(fixtures.routes.routes()[1].id == "get-v2-users-dup2");
  CHECK(fixtures.routes.routes()[1].examples.at(0).id == "get-v2-users-dup2-1");
}

TEST_CASE("a users fixture lists the known users", "[unit][fixtures][users]") {
  const auto fixtures = fixture_set_from_text(kUsersFile, read_text(kUsersFile));
  CHECK(fixtures.routes.routes().empty());
  CHECK(fixtures.users.users().size() == 2);
  CHECK(fixtures.users.knows(kKnownUserId));
  CHECK(fixtures.users.knows("jchill@example.com"));
  CHECK(fixtures.users.knows("ana.lopez+zoom@EXAMPLE.com"));
  CHECK_FALSE(fixtures.users.knows("ghost@example.com"));
}

// ---- loading from disk -------------------------------------------------------------------

TEST_CASE("the shipped fixtures folder loads the seed, the users and meetings routes, and the users", "[unit][fixtures][disk]") {
  const auto fixtures = load_fixtures({kFixturesDir});
  const auto paths = paths_of(fixtures);
  CHECK(paths.front() == "GET /v2/users/{userId}/token");  // get-a-user-token sorts first
  for (const char* route : {"POST /v2/users", "GET /v2/users/{userId}", "DELETE /v2/users/{userId}",
                            "POST /v2/users/{userId}/meetings", "GET /v2/meetings/{meetingId}"}) {
    INFO(route);
    CHECK(std::find(paths.begin(), paths.end(), route) != paths.end());
  }
  CHECK(paths.size() == 13);
  CHECK(fixtures.example_count() == 26);
  CHECK(fixtures.users.users().size() == 2);
  CHECK(fixtures.base_path() == "/v2");
}

TEST_CASE("a folder's json files load in name order, subfolders included", "[unit][fixtures][disk]") {
  TempFolder folder;
  folder.write("b.json", collection({request_item("B", "GET", {"b"})}).dump());
  folder.write("a/nested.json", collection({request_item("A", "GET", {"a"})}).dump());
  folder.write("notes.txt", "not a fixture");
  folder.write("users.json", R"({"users":[{"id":"u1"}]})");
  std::vector<Problem> problems;
  const auto files = fixture_files({folder.path()}, problems);
  CHECK(problems.empty());
  REQUIRE(files.size() == 3);
  CHECK_THAT(files[0], Catch::EndsWith("nested.json"));
  CHECK_THAT(files[1], Catch::EndsWith("b.json"));
  CHECK_THAT(files[2], Catch::EndsWith("users.json"));

  const auto fixtures = load_fixtures({folder.path()});
  CHECK(paths_of(fixtures) == std::vector<std::string>{"GET /v2/a", "GET /v2/b"});
  CHECK(fixtures.users.knows("u1"));
}

TEST_CASE("files and folders can be given together", "[unit][fixtures][disk]") {
  const auto fixtures = load_fixtures({kSeedItemFile, kUsersFile});
  CHECK(fixtures.routes.routes().size() == 1);
  CHECK(fixtures.users.knows(kKnownUserId));
}

TEST_CASE("a path that does not exist is a fixture error", "[unit][fixtures][disk]") {
  const std::string missing = kFixturesDir + "/no-such-fixture.json";
  REQUIRE_THROWS_AS(load_fixtures({missing}), FixtureError);
  const auto problems = load_problems({missing});
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].file == missing);
  CHECK(problems[0].pointer == "");
  CHECK_THAT(problems[0].message, Catch::Contains("no such file"));
}

TEST_CASE("no fixtures at all is a fixture error", "[unit][fixtures][disk]") {
  SECTION("no paths") { CHECK(load_problems({}).size() == 1); }
  SECTION("an empty folder") {
    TempFolder folder;
    const auto problems = load_problems({folder.path()});
    REQUIRE(problems.size() == 1);
    CHECK_THAT(problems[0].message, Catch::Contains("no fixture files"));
  }
}

TEST_CASE("problems in several files are all reported, and nothing is loaded", "[unit][fixtures][disk]") {
  TempFolder folder;
  const auto good = folder.write("a-good.json", collection({request_item("A", "GET", {"a"})}).dump());
  const auto bad_json = folder.write("b-bad.json", "{ \"item\": [ }");
  const auto bad_code = folder.write("c-bad.json", collection({request_item("C", "GET", {"c"}, {saved_example("x", 9999)})}).dump());
  const std::string missing = folder.path() + "/missing.json";
  const auto problems = load_problems({folder.path(), missing});
  std::set<std::string> files;
  for (const auto& problem : problems) files.insert(problem.file);
  CHECK(files == std::set<std::string>{bad_json, bad_code, missing});
  CHECK(problems.size() == 3);
}

// ---- broken fixtures -------------------------------------------------------------------

TEST_CASE("a broken collection lists every problem with its file and JSON pointer", "[unit][fixtures][diagnostics]") {
  json string_code = request_item("String code", "GET", {"a"}, {saved_example("ok", 200), saved_example("bad", 200)});
  string_code["response"][1]["code"] = "404";
  json no_url = request_item("No URL", "GET", {"b"});
  no_url["request"].erase("url");
  json folder_not_array = {{"name", "Folder"}, {"item", json::object()}};
  json bad_header = request_item("Bad header", "GET", {"d"}, {saved_example("ok", 200)});
  bad_header["response"][0]["header"] = {{{"value", "no key"}}};
  json bad_body = request_item("Bad body", "GET", {"e"}, {saved_example("ok", 200)});
  bad_body["response"][0]["body"] = json{{"token", "string"}};
  const json document = collection({string_code, no_url, folder_not_array, 42, bad_header, bad_body});

  std::vector<Problem> problems;
  try {
    fixture_set_from_text("zoom.json", document.dump());
    FAIL("a broken collection loaded");
  } catch (const FixtureError& error) {
    problems = error.diagnostics();
    CHECK_THAT(error.what(), Catch::StartsWith("6 fixture problems"));
    CHECK_THAT(error.what(), Catch::Contains("zoom.json: /item/0/response/1/code: "));
  }
  CHECK(pointers_of(problems) == std::vector<std::string>{"/item/0/response/1/code", "/item/1/request/url",
                                                          "/item/2/item", "/item/3", "/item/4/response/0/header/0",
                                                          "/item/5/response/0/body"});
  for (const auto& problem : problems) {
    INFO(problem.to_string());
    CHECK(problem.file == "zoom.json");
    CHECK_FALSE(problem.message.empty());
  }
  CHECK_THAT(message_at(problems, "/item/0/response/1/code"), Catch::Contains("\"404\""));
  CHECK_THAT(message_at(problems, "/item/1/request/url"), Catch::Contains("missing"));
}

// The one problem a collection holding this item has, at `pointer`.
static void expect_only_problem_at(const json& item, const std::string& pointer) {
  INFO("expected a problem at " << pointer);
  CHECK(pointers_of(problems_of(collection({item}).dump())) == std::vector<std::string>{pointer});
}

static json item_with_example(const json& example) { return request_item("X", "GET", {"x"}, {example}); }

TEST_CASE("each kind of broken example is reported at its pointer", "[unit][fixtures][diagnostics]") {
  json example = saved_example("x", 200);
  SECTION("a status out of range") {
    example["code"] = 99;
    expect_only_problem_at(item_with_example(example), "/item/0/response/0/code");
  }
  SECTION("a missing status") {
    example.erase("code");
    expect_only_problem_at(item_with_example(example), "/item/0/response/0/code");
  }
  SECTION("a name that is not a string") {
    example["name"] = 7;
    expect_only_problem_at(item_with_example(example), "/item/0/response/0/name");
  }
  SECTION("headers that are not a list") {
    example["header"] = 7;
    expect_only_problem_at(item_with_example(example), "/item/0/response/0/header");
  }
  SECTION("a header value with a line break") {
    example["header"] = {{{"key", "X-Split"}, {"value", "a\r\nInjected: yes"}}};
    expect_only_problem_at(item_with_example(example), "/item/0/response/0/header/0");
  }
  SECTION("an example that is not an object") {
    expect_only_problem_at(item_with_example("ok"), "/item/0/response/0");
  }
  SECTION("an originalRequest that is not an object") {
    example["originalRequest"] = 7;
    expect_only_problem_at(item_with_example(example), "/item/0/response/0/originalRequest");
  }
}

TEST_CASE("each kind of broken request is reported at its pointer", "[unit][fixtures][diagnostics]") {
  json item = request_item("X", "GET", {"users", ":userId"});
  SECTION("a method that is not a string") {
    item["request"]["method"] = 1;
    expect_only_problem_at(item, "/item/0/request/method");
  }
  SECTION("a path segment that is not a string") {
    item["request"]["url"]["path"][1] = 5;
    expect_only_problem_at(item, "/item/0/request/url/path/1");
  }
  SECTION("a parameter without a name") {
    item["request"]["url"]["path"][1] = ":";
    expect_only_problem_at(item, "/item/0/request/url/path/1");
  }
  SECTION("a query that is not a list") {
    item["request"]["url"]["query"] = "type=zak";
    expect_only_problem_at(item, "/item/0/request/url/query");
  }
  SECTION("a host that is a number") {
    item["request"]["url"]["host"] = 5;
    expect_only_problem_at(item, "/item/0/request/url/host");
  }
  SECTION("a response list that is not a list") {
    item["response"] = json::object();
    expect_only_problem_at(item, "/item/0/response");
  }
  SECTION("an item that is neither request nor folder") {
    expect_only_problem_at({{"name", "lost"}}, "/item/0");
  }
}

TEST_CASE("a document that is not a fixture says what it should be", "[unit][fixtures][diagnostics]") {
  SECTION("not an object") { CHECK(pointers_of(problems_of("[]")) == std::vector<std::string>{""}); }
  SECTION("an object of another kind") { CHECK(pointers_of(problems_of(R"({"openapi":"3.0.0"})")) == std::vector<std::string>{""}); }
  SECTION("a Postman v1 collection") {
    CHECK(pointers_of(problems_of(R"({"requests":[]})")) == std::vector<std::string>{"/requests"});
  }
  SECTION("items that are not a list") {
    CHECK(pointers_of(problems_of(R"({"item":{"name":"x"}})")) == std::vector<std::string>{"/item"});
  }
  SECTION("variables that are not a list") {
    CHECK(pointers_of(problems_of(R"({"item":[],"variable":{"baseUrl":"x"}})")) == std::vector<std::string>{"/variable"});
  }
  SECTION("a users fixture with a user without id") {
    CHECK(pointers_of(problems_of(R"({"users":[{"id":"a"},{"email":"b@example.com"},{"id":"c","email":3}]})")) ==
          std::vector<std::string>{"/users/1/id", "/users/2/email"});
  }
}

TEST_CASE("invalid JSON is reported with its line and column", "[unit][fixtures][diagnostics]") {
  const auto problems = problems_of("{\n  \"item\": [\n    }\n");
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].file == "broken.json");
  CHECK(problems[0].pointer == "");
  CHECK_THAT(problems[0].message, Catch::Contains("invalid JSON at line 3, column 5"));
}

TEST_CASE("a diagnostic reads as file, pointer and message", "[unit][fixtures][diagnostics]") {
  CHECK(Problem{"fixtures/a.json", "/item/3/response/1/code", "must be an integer"}.to_string() ==
        "fixtures/a.json: /item/3/response/1/code: must be an integer");
  CHECK(Problem{"fixtures/a.json", "", "invalid JSON"}.to_string() == "fixtures/a.json: (document): invalid JSON");
  FixtureError error({{"a.json", "", "one"}});
  CHECK_THAT(error.what(), Catch::StartsWith("1 fixture problem\n"));
}

TEST_CASE("problems in a request's examples are reported even when its URL is broken",
          "[unit][fixtures][diagnostics]") {
  json item = request_item("X", "GET", {"x"}, {saved_example("ok", 200)});
  item["request"].erase("url");
  item["response"][0]["code"] = "200";
  CHECK(pointers_of(problems_of(collection({item}).dump())) ==
        std::vector<std::string>{"/item/0/request/url", "/item/0/response/0/code"});
}

TEST_CASE("a number too large for a double is a fixture problem, not a crash", "[unit][fixtures]") {
  auto document = fakezoom::read_fixture_text("big.json", R"({"item": [], "variable": [{"key": "x", "value": 1e400}]})", std::nullopt);
  REQUIRE(document.problems.size() == 1);
  CHECK(document.problems[0].file == "big.json");
  CHECK(document.problems[0].message.find("invalid JSON") == 0);
}

// ---- fixture text that would reach HTTP headers (fuzz/regressions/fixture_loader/) -------

TEST_CASE("a v2.0 string header whose name is not a token is a fixture problem", "[unit][fixtures][diagnostics]") {
  // string-header-name-with-space.json and string-header-without-name.json
  const auto header = GENERATE(as<std::string>{}, "Bad Name: x", ": no name\nX-Ok: y", "X-A: 1\nno colon here",
                               "X\x01Y: z");
  INFO(header);
  const auto problems = problems_of(R"({"item":[{"request":"/v2/a","response":[{"code":200,"header":)" +
                                    json(header).dump() + "}]}]}");
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].file == "broken.json");
  CHECK(problems[0].pointer == "/item/0/response/0/header");
  CHECK_THAT(problems[0].message, Catch::StartsWith("line "));
}

TEST_CASE("a v2.0 string header's value has control characters folded away", "[unit][fixtures]") {
  const auto fixtures = fixtures_from(json::parse(
      R"({"item":[{"request":"/v2/a","response":[{"code":200,"header":"X-A: a\u0000b\r\n\r\nX-B:c\t d\r\n"}]}]})"));
  const Example& example = only_route(fixtures).examples.at(0);
  CHECK(example.headers.get("X-A") == "a b");
  CHECK(example.headers.get("X-B") == "c d");
}

TEST_CASE("a header value holding NUL, or a header key that is not a token, is a fixture problem",
          "[unit][fixtures][diagnostics]") {
  // nul-in-header-value.json
  const auto [key, value] = GENERATE(table<std::string, std::string>(
      {{"X-A", std::string("a\0b", 3)}, {"X A", "b"}, {"X-A:", "b"}, {"X-\xC3\xA9", "b"}}));
  INFO(key);
  json example = saved_example("ok", 200);
  example["header"] = {{{"key", key}, {"value", value}}};
  const auto problems = problems_of(collection({request_item("A", "GET", {"a"}, {example})}).dump());
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].pointer == "/item/0/response/0/header/0");
}

TEST_CASE("an example name with NUL and control characters is folded into a safe header value", "[unit][fixtures]") {
  // nul-in-example-name.json: the folded name goes out as Matched-Stub-Name.
  const auto fixtures =
      fixtures_from(json::parse(R"({"item":[{"request":"/v2/a","response":[{"code":200,"name":"ok\u0000Set-Cookie: x\u001f\u007f"}]}]})"));
  const Example& example = only_route(fixtures).examples.at(0);
  CHECK(example.name == std::string("ok\0Set-Cookie: x\x1f\x7f", 18));
  CHECK(example.folded_name == "ok Set-Cookie: x");
  CHECK(is_header_value(example.folded_name));
}
