#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "fakezoom/state/account.hpp"
#include "fakezoom/state/state_document.hpp"
#include "fakezoom/state/state_file.hpp"

using fakezoom::Account;
using nlohmann::json;

namespace {
bool names(const std::vector<fakezoom::Problem>& problems, const std::string& pointer) {
  for (const auto& problem : problems)
    if (problem.pointer == pointer) return true;
  return false;
}
}  // namespace

TEST_CASE("a bad state document names every problem by its JSON pointer and changes nothing", "[state]") {
  Account account({});
  REQUIRE(account.replace({{"users", {{{"id", "u1"}, {"email", "u1@example.com"}}}}}).empty());
  const json before = account.dump();
  const json bad = {
      {"users", {{{"id", "u2"}, {"email", "same@example.com"}}, {{"id", "u3"}, {"email", "SAME@example.com"}}, {{"id", 5}}}},
      {"meetings", {{{"id", 1}, {"host_id", "nobody"}}, {{"id", 2}, {"host_id", "u2"}, {"duration", "long"}}}},
      {"webinars", json::array()}};
  auto problems = account.replace(bad);
  CHECK(names(problems, "/users/1/email"));
  CHECK(names(problems, "/users/2/id"));
  CHECK(names(problems, "/meetings/0/host_id"));
  CHECK(names(problems, "/meetings/1/duration"));
  CHECK(names(problems, "/webinars"));
  CHECK(account.dump() == before);
}

TEST_CASE("a dumped state replaces an account into the same state", "[state]") {
  Account account({.seed = 2});
  auto user = account.create_user({{"email", "a@example.com"}, {"first_name", "A"}});
  REQUIRE(account.create_meeting(user.value->id, fakezoom::Meeting{.topic = "T", .duration = 15}));
  const json dumped = account.dump();
  Account other({.seed = 9});
  REQUIRE(other.replace(dumped).empty());
  CHECK(other.dump() == dumped);
}

TEST_CASE("the state file is written whole and read back", "[state]") {
  const auto dir = std::filesystem::temp_directory_path() / ("fakezoom-state-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  const std::string path = (dir / "state.json").string();
  const json document = {{"users", {{{"id", "u"}, {"email", "u@example.com"}}}}, {"meetings", json::array()}};
  REQUIRE_FALSE(fakezoom::write_state_file(path, document));
  auto read = fakezoom::read_state_file(path);
  REQUIRE(read.document);
  CHECK(*read.document == document);
  // No temporary file is left beside it.
  CHECK(std::distance(std::filesystem::directory_iterator(dir), std::filesystem::directory_iterator()) == 1);

  SECTION("a file that is not JSON is a problem naming it") {
    std::ofstream(path) << "{\"users\": [";
    auto broken = fakezoom::read_state_file(path);
    REQUIRE(broken.problems.size() == 1);
    CHECK(broken.problems[0].file == path);
  }
  SECTION("a file that does not exist is no problem: the account starts from its seed") {
    auto missing = fakezoom::read_state_file((dir / "none.json").string());
    CHECK(missing.problems.empty());
    CHECK_FALSE(missing.document);
  }
  SECTION("a folder that cannot be written to is an error, not a crash") {
    CHECK(fakezoom::write_state_file((dir / "no-such-dir" / "s.json").string(), document));
  }
  std::filesystem::remove_all(dir);
}

TEST_CASE("a meeting object reads into a meeting and writes back the same, member by member", "[state]") {
  const json object = {{"id", 85746065},          {"uuid", "u=="},          {"host_id", "h1"},
                       {"topic", "t"},            {"type", 8},              {"start_time", "2026-01-01T10:00:00Z"},
                       {"duration", 45},          {"timezone", "UTC"},      {"password", "p"},
                       {"agenda", "a"},           {"created_at", "2025-12-31T00:00:00Z"},
                       {"status", "started"},     {"settings", {{"host_video", true}}},
                       {"start_url", "https://zoom.us/s/85746065?zak=z"},
                       {"join_url", "https://zoom.us/j/85746065"}};
  const auto meeting = fakezoom::meeting_from_fields(object);
  CHECK(meeting.id == "85746065");
  CHECK(meeting.duration == 45);
  CHECK(meeting.status == "started");
  CHECK(fakezoom::meeting_json(meeting) == object);
}

TEST_CASE("every member a meeting keeps is type-checked, and the fixed ones survive an update", "[state]") {
  auto [field, wrong] = GENERATE(table<const char*, json>({{"uuid", 1}, {"host_id", 2}, {"topic", 3}, {"type", "x"},
                                                           {"start_time", 4}, {"duration", "long"}, {"timezone", 5},
                                                           {"password", 6}, {"agenda", 7}, {"created_at", 8},
                                                           {"status", 9}}));
  INFO(field);
  const auto problems = fakezoom::meeting_field_problems({{field, wrong}});
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].field == field);
  const bool fixed = std::string(field) == "uuid" || std::string(field) == "host_id" || std::string(field) == "created_at";
  CHECK(fakezoom::meeting_field_is_fixed(field) == fixed);
}
