// The Zoom account fakezoom remembers: users and their meetings, created, read, listed a page
// at a time, changed and deleted. Thread-safe; readers share a lock, writers take it alone.
// It answers in values and `Refusal`s: the zoom part turns them into Zoom's answers.
//   Account account({.seed = 7});
//   auto user = account.create_user({{"email", "a@example.com"}, {"type", 1}});
//   auto page = account.list_users({.status = "active", .page_size = 30});
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <shared_mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include <nlohmann/json.hpp>

#include "fakezoom/model/clock.hpp"
#include "fakezoom/model/problem.hpp"
#include "fakezoom/state/account_records.hpp"
#include "fakezoom/state/id_source.hpp"
#include "fakezoom/state/page_token.hpp"

namespace fakezoom {

enum class Refusal { none, user_not_found, meeting_not_found, email_taken, invalid_page_token };

template <typename T>
struct StateResult {
  std::optional<T> value;
  Refusal refusal = Refusal::none;

  StateResult(T v) : value(std::move(v)) {}                 // NOLINT: implicit on purpose
  StateResult(Refusal r) : refusal(r) {}                    // NOLINT
  explicit operator bool() const { return value.has_value(); }
};

struct PageRequest {
  std::size_t page_size = 30;
  std::string next_page_token;  // "" for the first page
};

template <typename T>
struct Page {
  std::vector<T> records;
  std::size_t page_size = 0;
  std::size_t page_number = 1;
  std::size_t page_count = 0;
  std::size_t total_records = 0;
  std::string next_page_token;  // "" on the last page, as Zoom sends it
};

// What the account starts from and `reset()` returns to: a state document (state_document.hpp)
// and which of its records stand for documented path values.
struct AccountSeed {
  nlohmann::json document = nlohmann::json::object();
  std::set<std::string> documented_users;
  std::set<std::string> documented_meetings;
};

struct AccountOptions {
  std::uint64_t seed = 1;  // ids and page tokens follow from it
  std::shared_ptr<Clock> clock = system_clock();
};

class Account {
public:
  // Throws std::invalid_argument listing the problems when the seed's document is bad.
  explicit Account(AccountOptions options, AccountSeed seed = {});
  ~Account();

  // The account's owner: `me` for every caller (the first user).
  std::optional<std::string> owner_id() const;

  // Users, by id or by email (case-insensitive).
  StateResult<AccountUser> create_user(nlohmann::json fields);  // email_taken
  std::optional<AccountUser> user(std::string_view id_or_email) const;
  std::string user_email(std::string_view id_or_email) const;  // "" when unknown or none
  bool has_user(std::string_view id_or_email) const;
  Refusal update_user(std::string_view id_or_email, const nlohmann::json& changes);
  Refusal set_user_status(std::string_view id_or_email, std::string status);
  Refusal delete_user(std::string_view id_or_email);  // and the user's meetings
  // status "" lists every user.
  StateResult<Page<AccountUser>> list_users(std::string_view status, PageRequest page) const;
  std::size_t user_count() const;

  // Meetings.
  StateResult<Meeting> create_meeting(std::string_view host, Meeting draft);  // user_not_found
  std::optional<Meeting> meeting(std::string_view id) const;
  // `changes` holds a meeting object's fields; `settings` merge into what is stored.
  Refusal update_meeting(std::string_view id, const nlohmann::json& changes);
  Refusal start_meeting(std::string_view id);  // status "started"
  Refusal end_meeting(std::string_view id);
  Refusal delete_meeting(std::string_view id);
  StateResult<Page<Meeting>> list_meetings(std::string_view host, PageRequest page) const;
  std::size_t meeting_count() const;

  // The whole state as a document (state_document.hpp), and replacing it with one: a bad
  // document changes nothing and comes back as its problems.
  nlohmann::json dump() const;
  std::vector<Problem> replace(const nlohmann::json& document);
  void reset();  // back to the seed, ids and tokens included

private:
  struct Store;
  std::string user_key(std::string_view id_or_email) const;  // "" when unknown; lock held
  AccountOptions options_;
  AccountSeed seed_;
  PageTokens tokens_;
  mutable std::shared_mutex mutex_;
  std::unique_ptr<Store> store_;
};

}  // namespace fakezoom
