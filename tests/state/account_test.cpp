#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "fakezoom/state/account.hpp"

using fakezoom::Account;
using fakezoom::AccountSeed;
using fakezoom::Meeting;
using fakezoom::Refusal;
using nlohmann::json;

namespace {
AccountSeed one_owner() {
  AccountSeed seed;
  seed.document = {{"users", {{{"id", "owner-1"}, {"email", "owner@example.com"}}}}, {"meetings", json::array()}};
  return seed;
}
}  // namespace

TEST_CASE("a created user can be read by id and by email, in any case", "[state]") {
  Account account({.seed = 3}, one_owner());
  auto created = account.create_user({{"email", "Ana@Example.com"}, {"type", 1}, {"first_name", "Ana"}});
  REQUIRE(created);
  CHECK(created.value->id.size() == 22);
  CHECK(account.user(created.value->id)->fields["first_name"] == "Ana");
  CHECK(account.user("ana@example.COM")->id == created.value->id);
  CHECK(account.user(created.value->id)->fields["status"] == "active");
  CHECK(account.user_count() == 2);
}

TEST_CASE("an email already in the account is refused and nothing is stored", "[state]") {
  Account account({}, one_owner());
  auto again = account.create_user({{"email", "OWNER@example.com"}, {"type", 1}});
  CHECK_FALSE(again);
  CHECK(again.refusal == Refusal::email_taken);
  CHECK(account.user_count() == 1);
}

TEST_CASE("updating a user changes what later reads return, but never its id or email", "[state]") {
  Account account({}, one_owner());
  REQUIRE(account.update_user("owner-1", {{"dept", "Sales"}, {"id", "other"}, {"email", "x@example.com"}}) == Refusal::none);
  auto user = account.user("owner-1");
  REQUIRE(user);
  CHECK(user->fields["dept"] == "Sales");
  CHECK(user->fields["id"] == "owner-1");
  CHECK(user->email == "owner@example.com");
  CHECK(account.update_user("nobody", {{"dept", "x"}}) == Refusal::user_not_found);
}

TEST_CASE("status changes are read back", "[state]") {
  Account account({}, one_owner());
  REQUIRE(account.set_user_status("owner-1", "inactive") == Refusal::none);
  CHECK(account.user("owner-1")->fields["status"] == "inactive");
}

TEST_CASE("deleting a user deletes the user's meetings and frees the email", "[state]") {
  Account account({}, one_owner());
  auto user = account.create_user({{"email", "host@example.com"}});
  REQUIRE(user);
  auto meeting = account.create_meeting(user.value->id, Meeting{.topic = "Standup"});
  REQUIRE(meeting);
  REQUIRE(account.delete_user("host@example.com") == Refusal::none);
  CHECK_FALSE(account.user(user.value->id));
  CHECK_FALSE(account.meeting(meeting.value->id));
  CHECK(account.meeting_count() == 0);
  CHECK(account.delete_user(user.value->id) == Refusal::user_not_found);
  CHECK(account.create_user({{"email", "host@example.com"}}));
}

TEST_CASE("a meeting gets Zoom's shape of id, uuid, passcode and links, and its host", "[state]") {
  Account account({}, one_owner());
  auto meeting = account.create_meeting("owner@example.com", Meeting{.topic = "Review", .duration = 45});
  REQUIRE(meeting);
  CHECK(meeting.value->id.size() == 11);
  CHECK(meeting.value->host_id == "owner-1");
  CHECK(meeting.value->uuid.size() == 24);
  CHECK(meeting.value->password.size() == 6);
  auto object = fakezoom::meeting_json(*meeting.value);
  CHECK(object["id"].is_number_integer());
  CHECK(object["join_url"].get<std::string>().find(meeting.value->id) != std::string::npos);
  CHECK(object["start_url"].get<std::string>().find(meeting.value->id) != std::string::npos);
  CHECK(object["duration"] == 45);
}

TEST_CASE("a meeting for an unknown host is refused", "[state]") {
  Account account({}, one_owner());
  CHECK(account.create_meeting("ghost", Meeting{}).refusal == Refusal::user_not_found);
  CHECK(account.meeting_count() == 0);
}

TEST_CASE("meeting settings merge with what is stored", "[state]") {
  Account account({}, one_owner());
  Meeting draft;
  draft.extra = json{{"settings", {{"waiting_room", true}, {"mute_upon_entry", false}}}}.dump();
  auto meeting = account.create_meeting("owner-1", draft);
  REQUIRE(meeting);
  REQUIRE(account.update_meeting(meeting.value->id, {{"topic", "New"}, {"settings", {{"mute_upon_entry", true}}}}) == Refusal::none);
  auto object = fakezoom::meeting_json(*account.meeting(meeting.value->id));
  CHECK(object["topic"] == "New");
  CHECK(object["settings"]["waiting_room"] == true);
  CHECK(object["settings"]["mute_upon_entry"] == true);
}

TEST_CASE("ending an instant meeting removes it; a scheduled one stays, waiting", "[state]") {
  Account account({}, one_owner());
  auto instant = account.create_meeting("owner-1", Meeting{.type = 1});
  auto scheduled = account.create_meeting("owner-1", Meeting{.type = 2});
  REQUIRE((instant && scheduled));
  REQUIRE(account.end_meeting(instant.value->id) == Refusal::none);
  REQUIRE(account.end_meeting(scheduled.value->id) == Refusal::none);
  CHECK_FALSE(account.meeting(instant.value->id));
  CHECK(account.meeting(scheduled.value->id)->status == "waiting");
  CHECK(account.end_meeting("1") == Refusal::meeting_not_found);
}

TEST_CASE("ids follow from the seed: the same seed and calls give the same ids", "[state]") {
  auto ids = [](std::uint64_t seed) {
    Account account({.seed = seed}, one_owner());
    auto user = account.create_user({{"email", "a@example.com"}});
    auto meeting = account.create_meeting("owner-1", Meeting{});
    return user.value->id + "/" + meeting.value->id + "/" + meeting.value->uuid;
  };
  CHECK(ids(7) == ids(7));
  CHECK(ids(7) != ids(8));
}

TEST_CASE("reset returns to the seed, ids included", "[state]") {
  Account account({.seed = 5}, one_owner());
  auto first = account.create_user({{"email", "a@example.com"}});
  account.reset();
  CHECK(account.user_count() == 1);
  CHECK_FALSE(account.user("a@example.com"));
  auto again = account.create_user({{"email", "a@example.com"}});
  CHECK(again.value->id == first.value->id);
}

TEST_CASE("a seed that is not a state document stops the account from being built", "[state]") {
  AccountSeed bad;
  bad.document = {{"users", {{{"email", "no-id@example.com"}}}}};
  CHECK_THROWS_WITH(Account({}, bad), Catch::Contains("/users/0/id"));
}
