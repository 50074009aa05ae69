#include <catch2/catch.hpp>

#include <set>

#include "fakezoom/state/account.hpp"
#include "fakezoom/state/page_token.hpp"

using fakezoom::Account;
using fakezoom::AccountSeed;
using fakezoom::Meeting;
using fakezoom::PageTokens;
using fakezoom::Refusal;

namespace {
std::unique_ptr<Account> account_with_meetings(std::size_t count) {
  AccountSeed seed;
  seed.document = {{"users", {{{"id", "host"}, {"email", "host@example.com"}}, {{"id", "other"}}}}};
  auto account = std::make_unique<Account>(fakezoom::AccountOptions{.seed = 11}, seed);
  for (std::size_t i = 0; i < count; ++i) REQUIRE(account->create_meeting("host", Meeting{.topic = std::to_string(i)}));
  return account;
}
}  // namespace

TEST_CASE("walking every page returns every meeting once, in the order created", "[state]") {
  const std::size_t total = GENERATE(0, 1, 29, 30, 31, 95);
  const std::size_t page_size = GENERATE(1, 7, 30, 300);
  INFO(total << " meetings, " << page_size << " a page");
  auto holder = account_with_meetings(total);
  Account& account = *holder;
  std::vector<std::string> topics;
  std::string token;
  std::size_t pages = 0;
  do {
    auto page = account.list_meetings("host", {page_size, token});
    REQUIRE(page);
    ++pages;
    CHECK(page.value->total_records == total);
    CHECK(page.value->page_number == pages);
    CHECK(page.value->page_count == (total + page_size - 1) / page_size);
    CHECK(page.value->records.size() <= page_size);
    for (const auto& meeting : page.value->records) topics.push_back(meeting.topic);
    token = page.value->next_page_token;
  } while (!token.empty() && pages < 1000);
  REQUIRE(topics.size() == total);
  for (std::size_t i = 0; i < total; ++i) CHECK(topics[i] == std::to_string(i));
  CHECK(pages == std::max<std::size_t>(1, (total + page_size - 1) / page_size));
}

TEST_CASE("a page token is stable while the list does not change", "[state]") {
  auto holder = account_with_meetings(5);
  Account& account = *holder;
  auto first = account.list_meetings("host", {2, ""});
  auto again = account.list_meetings("host", {2, ""});
  CHECK(first.value->next_page_token == again.value->next_page_token);
  CHECK_FALSE(first.value->next_page_token.empty());
}

TEST_CASE("a tampered, unknown or foreign page token is refused", "[state]") {
  auto holder = account_with_meetings(5);
  Account& account = *holder;
  const std::string token = account.list_meetings("host", {2, ""}).value->next_page_token;
  std::string edited = token;
  edited[5] = edited[5] == '1' ? '2' : '1';
  const std::string other_list = account.list_users("", {1, ""}).value->next_page_token;
  REQUIRE_FALSE(other_list.empty());
  for (const std::string& tampered : {edited, std::string("IAfJX3jsOLW7w3dokmFl84zOa0MAVGyMEB2"), other_list,
                                      token.substr(0, 40)}) {
    INFO(tampered);
    auto page = account.list_meetings("host", {2, tampered});
    CHECK_FALSE(page);
    CHECK(page.refusal == Refusal::invalid_page_token);
  }
}

TEST_CASE("tokens are keyed by the seed: another seed's tokens are refused", "[state]") {
  PageTokens seven(7), eight(8);
  const std::string token = seven.issue("meetings:host", {10, 2});
  CHECK(seven.read("meetings:host", token));
  CHECK_FALSE(eight.read("meetings:host", token));
  CHECK_FALSE(seven.read("meetings:other", token));
}

TEST_CASE("a page of users filters by status and counts only those", "[state]") {
  AccountSeed seed;
  seed.document = {{"users",
                    {{{"id", "a"}, {"email", "a@example.com"}, {"status", "active"}},
                     {{"id", "b"}, {"email", "b@example.com"}, {"status", "inactive"}},
                     {{"id", "c"}, {"email", "c@example.com"}, {"status", "active"}}}}};
  Account account({}, seed);
  auto active = account.list_users("active", {1, ""});
  REQUIRE(active);
  CHECK(active.value->total_records == 2);
  CHECK(active.value->records.at(0).id == "a");
  auto second = account.list_users("active", {1, active.value->next_page_token});
  REQUIRE(second);
  CHECK(second.value->records.at(0).id == "c");
  CHECK(second.value->next_page_token.empty());
}
