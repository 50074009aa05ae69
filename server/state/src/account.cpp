#include "fakezoom/state/account.hpp"

#include <algorithm>
#include <cctype>
#include <mutex>
#include <stdexcept>

#include "fakezoom/model/iso8601.hpp"
#include "fakezoom/state/state_document.hpp"

namespace fakezoom {

namespace {

std::string lower(std::string_view text) {
  std::string out(text);
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// Objects merge key by key (settings), anything else replaces.
void merge_into(nlohmann::json& into, const nlohmann::json& changes) {
  for (const auto& [key, value] : changes.items()) {
    if (value.is_object() && into.contains(key) && into[key].is_object())
      merge_into(into[key], value);
    else
      into[key] = value;
  }
}

template <typename Record, typename Index, typename Keep, typename Get>
Page<Record> page_of(const Index& index, std::size_t total, PageCursor cursor, std::size_t page_size, Keep keep,
                     Get get, const PageTokens& tokens, std::string_view list) {
  Page<Record> page;
  page.page_size = page_size;
  page.page_number = cursor.page_number;
  page.total_records = total;
  page.page_count = (total + page_size - 1) / page_size;
  auto it = index.upper_bound(cursor.after);
  for (; it != index.end() && page.records.size() < page_size; ++it)
    if (keep(it->second)) page.records.push_back(get(it->second));
  // Another page only when another kept record follows this one's last.
  while (it != index.end() && !keep(it->second)) ++it;
  if (it != index.end() && !page.records.empty()) {
    auto last = std::prev(it);
    while (!keep(last->second)) --last;
    page.next_page_token = tokens.issue(list, {last->first, cursor.page_number + 1});
  }
  return page;
}

}  // namespace

struct Account::Store {
  explicit Store(std::uint64_t seed) : ids(seed) {}

  struct StoredMeeting {
    std::uint64_t position = 0;
    Meeting meeting;
  };

  IdSource ids;
  std::uint64_t next_position = 1;
  std::map<std::uint64_t, AccountUser> users;  // by position: the lists' order
  std::unordered_map<std::string, std::uint64_t> user_by_id;
  std::unordered_map<std::string, std::uint64_t> user_by_email;  // lower case
  std::unordered_map<std::string, StoredMeeting> meetings;      // by id
  std::unordered_map<std::string, std::map<std::uint64_t, std::string>> meetings_by_host;

  void add_user(AccountUser user) {
    const auto position = next_position++;
    user_by_id[user.id] = position;
    if (!user.email.empty()) user_by_email[lower(user.email)] = position;
    users.emplace(position, std::move(user));
  }
  void add_meeting(Meeting meeting) {
    const auto position = next_position++;
    meetings_by_host[meeting.host_id].emplace(position, meeting.id);
    const std::string id = meeting.id;
    meetings.emplace(id, StoredMeeting{position, std::move(meeting)});
  }
  void remove_meeting(const std::string& id) {
    auto it = meetings.find(id);
    if (it == meetings.end()) return;
    auto host = meetings_by_host.find(it->second.meeting.host_id);
    if (host != meetings_by_host.end()) {
      host->second.erase(it->second.position);
      if (host->second.empty()) meetings_by_host.erase(host);
    }
    meetings.erase(it);
  }
};

Account::Account(AccountOptions options, AccountSeed seed)
    : options_(std::move(options)), seed_(std::move(seed)), tokens_(options_.seed) {
  reset();
}

Account::~Account() = default;

void Account::reset() {
  auto read = read_state_document(seed_.document, "the account's seed");
  if (!read.problems.empty()) {
    std::string message = "the account's seed is not a state document:";
    for (const auto& problem : read.problems) message += "\n  " + problem.to_string();
    throw std::invalid_argument(message);
  }
  auto store = std::make_unique<Store>(options_.seed);
  for (auto& user : read.state.users) {
    user.documented = seed_.documented_users.count(user.id) > 0;
    store->add_user(std::move(user));
  }
  for (auto& meeting : read.state.meetings) {
    meeting.documented = seed_.documented_meetings.count(meeting.id) > 0;
    store->add_meeting(std::move(meeting));
  }
  std::unique_lock lock(mutex_);
  store_ = std::move(store);
}

std::string Account::user_key(std::string_view id_or_email) const {
  auto by_id = store_->user_by_id.find(std::string(id_or_email));
  if (by_id != store_->user_by_id.end()) return by_id->first;
  if (id_or_email.find('@') == std::string_view::npos) return "";
  auto by_email = store_->user_by_email.find(lower(id_or_email));
  return by_email == store_->user_by_email.end() ? "" : store_->users.at(by_email->second).id;
}

std::optional<std::string> Account::owner_id() const {
  std::shared_lock lock(mutex_);
  if (store_->users.empty()) return std::nullopt;
  return store_->users.begin()->second.id;
}

StateResult<AccountUser> Account::create_user(nlohmann::json fields) {
  std::unique_lock lock(mutex_);
  const std::string email = fields.contains("email") && fields["email"].is_string() ? fields["email"].get<std::string>() : "";
  if (!email.empty() && store_->user_by_email.count(lower(email))) return Refusal::email_taken;
  AccountUser user;
  do user.id = store_->ids.user_id();
  while (store_->user_by_id.count(user.id));
  user.email = email;
  fields["id"] = user.id;
  if (!fields.contains("type")) fields["type"] = 1;
  // Zoom leaves a user created with action "create" pending until they confirm by email; a
  // fake sends no email, so every new user is active (docs/state.md).
  if (!fields.contains("status")) fields["status"] = "active";
  const std::int64_t pmi = store_->ids.pmi();
  fields["pmi"] = pmi;
  fields["personal_meeting_url"] = "https://zoom.us/j/" + std::to_string(pmi);
  fields["created_at"] = to_iso8601_seconds(options_.clock->now());
  // What Zoom's user object always has (2026 Users spec, GET /users/{userId}): when the user
  // was made, a role (a new user is a Member, role_id "2"; Owner "0", Admin "1"), a language.
  fields["user_created_at"] = fields["created_at"];
  if (!fields.contains("role_name")) fields["role_name"] = "Member";
  if (!fields.contains("role_id")) fields["role_id"] = "2";
  if (!fields.contains("language")) fields["language"] = "en-US";
  user.fields = std::move(fields);
  store_->add_user(user);
  return user;
}

std::optional<AccountUser> Account::user(std::string_view id_or_email) const {
  std::shared_lock lock(mutex_);
  const std::string key = user_key(id_or_email);
  if (key.empty()) return std::nullopt;
  return store_->users.at(store_->user_by_id.at(key));
}

std::string Account::user_email(std::string_view id_or_email) const {
  std::shared_lock lock(mutex_);
  const std::string key = user_key(id_or_email);
  if (key.empty()) return "";
  return store_->users.at(store_->user_by_id.at(key)).email;
}

bool Account::has_user(std::string_view id_or_email) const {
  std::shared_lock lock(mutex_);
  return !user_key(id_or_email).empty();
}

Refusal Account::update_user(std::string_view id_or_email, const nlohmann::json& changes) {
  std::unique_lock lock(mutex_);
  const std::string key = user_key(id_or_email);
  if (key.empty()) return Refusal::user_not_found;
  auto& user = store_->users.at(store_->user_by_id.at(key));
  for (const auto& [name, value] : changes.items()) {
    if (name == "id" || name == "email") continue;  // Zoom changes an email through its own route
    if (value.is_object() && user.fields.contains(name) && user.fields[name].is_object())
      merge_into(user.fields[name], value);
    else
      user.fields[name] = value;
  }
  user.documented = false;
  return Refusal::none;
}

Refusal Account::set_user_status(std::string_view id_or_email, std::string status) {
  return update_user(id_or_email, {{"status", std::move(status)}});
}

Refusal Account::delete_user(std::string_view id_or_email) {
  std::unique_lock lock(mutex_);
  const std::string key = user_key(id_or_email);
  if (key.empty()) return Refusal::user_not_found;
  const auto position = store_->user_by_id.at(key);
  auto host = store_->meetings_by_host.find(key);
  if (host != store_->meetings_by_host.end()) {
    for (const auto& [_, meeting_id] : host->second) store_->meetings.erase(meeting_id);
    store_->meetings_by_host.erase(host);
  }
  const auto& user = store_->users.at(position);
  if (!user.email.empty()) store_->user_by_email.erase(lower(user.email));
  store_->user_by_id.erase(key);
  store_->users.erase(position);
  return Refusal::none;
}

StateResult<Page<AccountUser>> Account::list_users(std::string_view status, PageRequest request) const {
  const std::string list = "users:" + std::string(status);
  PageCursor cursor;
  if (!request.next_page_token.empty()) {
    auto read = tokens_.read(list, request.next_page_token);
    if (!read) return Refusal::invalid_page_token;
    cursor = *read;
  }
  auto keep = [&](const AccountUser& user) {
    if (status.empty()) return true;
    auto it = user.fields.find("status");
    return it != user.fields.end() && it->is_string() && it->get_ref<const std::string&>() == status;
  };
  std::shared_lock lock(mutex_);
  std::size_t total = 0;
  for (const auto& [_, user] : store_->users) total += keep(user) ? 1 : 0;
  return page_of<AccountUser>(store_->users, total, cursor, std::max<std::size_t>(request.page_size, 1), keep,
                              [](const AccountUser& user) { return user; }, tokens_, list);
}

std::size_t Account::user_count() const {
  std::shared_lock lock(mutex_);
  return store_->users.size();
}

StateResult<Meeting> Account::create_meeting(std::string_view host, Meeting draft) {
  std::unique_lock lock(mutex_);
  const std::string host_id = user_key(host);
  if (host_id.empty()) return Refusal::user_not_found;
  draft.host_id = host_id;
  do draft.id = store_->ids.meeting_id();
  while (store_->meetings.count(draft.id));
  draft.uuid = store_->ids.meeting_uuid();
  if (draft.password.empty()) draft.password = store_->ids.passcode();
  draft.created_at = to_iso8601_seconds(options_.clock->now());
  if (draft.start_time.empty() && draft.type != 3) draft.start_time = draft.created_at;
  draft.status = "waiting";
  nlohmann::json extra = draft.extra.empty() ? nlohmann::json::object() : nlohmann::json::parse(draft.extra, nullptr, false);
  if (!extra.is_object()) extra = nlohmann::json::object();
  extra["start_url"] = "https://zoom.us/s/" + draft.id + "?zak=" + store_->ids.start_token();
  draft.extra = extra.dump();
  draft.documented = false;
  store_->add_meeting(draft);
  return draft;
}

std::optional<Meeting> Account::meeting(std::string_view id) const {
  std::shared_lock lock(mutex_);
  auto it = store_->meetings.find(std::string(id));
  if (it == store_->meetings.end()) return std::nullopt;
  return it->second.meeting;
}

Refusal Account::update_meeting(std::string_view id, const nlohmann::json& changes) {
  std::unique_lock lock(mutex_);
  auto it = store_->meetings.find(std::string(id));
  if (it == store_->meetings.end()) return Refusal::meeting_not_found;
  Meeting& meeting = it->second.meeting;
  nlohmann::json fields = meeting_json(meeting);
  for (const auto& [name, value] : changes.items()) {
    if (meeting_field_is_fixed(name)) continue;
    if (value.is_object() && fields.contains(name) && fields[name].is_object())
      merge_into(fields[name], value);
    else
      fields[name] = value;
  }
  Meeting changed = meeting_from_fields(fields);
  changed.id = meeting.id;  // as stored: a documented id may not be a number
  changed.documented = false;
  meeting = std::move(changed);
  return Refusal::none;
}

Refusal Account::start_meeting(std::string_view id) {
  std::unique_lock lock(mutex_);
  auto it = store_->meetings.find(std::string(id));
  if (it == store_->meetings.end()) return Refusal::meeting_not_found;
  it->second.meeting.status = "started";
  it->second.meeting.documented = false;
  return Refusal::none;
}

Refusal Account::end_meeting(std::string_view id) {
  std::unique_lock lock(mutex_);
  auto it = store_->meetings.find(std::string(id));
  if (it == store_->meetings.end()) return Refusal::meeting_not_found;
  // An instant meeting ends for good; a scheduled one waits for its next start (docs/state.md).
  if (it->second.meeting.type == 1) {
    store_->remove_meeting(it->first);
  } else {
    it->second.meeting.status = "waiting";
    it->second.meeting.documented = false;
  }
  return Refusal::none;
}

Refusal Account::delete_meeting(std::string_view id) {
  std::unique_lock lock(mutex_);
  if (!store_->meetings.count(std::string(id))) return Refusal::meeting_not_found;
  store_->remove_meeting(std::string(id));
  return Refusal::none;
}

StateResult<Page<Meeting>> Account::list_meetings(std::string_view host, PageRequest request) const {
  std::shared_lock lock(mutex_);
  const std::string host_id = user_key(host);
  if (host_id.empty()) return Refusal::user_not_found;
  const std::string list = "meetings:" + host_id;
  PageCursor cursor;
  if (!request.next_page_token.empty()) {
    auto read = tokens_.read(list, request.next_page_token);
    if (!read) return Refusal::invalid_page_token;
    cursor = *read;
  }
  static const std::map<std::uint64_t, std::string> kNone;
  auto hosted = store_->meetings_by_host.find(host_id);
  const auto& index = hosted == store_->meetings_by_host.end() ? kNone : hosted->second;
  return page_of<Meeting>(index, index.size(), cursor, std::max<std::size_t>(request.page_size, 1),
                          [](const std::string&) { return true; },
                          [&](const std::string& id) { return store_->meetings.at(id).meeting; }, tokens_, list);
}

std::size_t Account::meeting_count() const {
  std::shared_lock lock(mutex_);
  return store_->meetings.size();
}

nlohmann::json Account::dump() const {
  StateDocument state;
  std::shared_lock lock(mutex_);
  for (const auto& [_, user] : store_->users) state.users.push_back(user);
  std::vector<const Store::StoredMeeting*> meetings;
  meetings.reserve(store_->meetings.size());
  for (const auto& [_, stored] : store_->meetings) meetings.push_back(&stored);
  std::sort(meetings.begin(), meetings.end(), [](auto* a, auto* b) { return a->position < b->position; });
  for (const auto* stored : meetings) state.meetings.push_back(stored->meeting);
  return to_json(state);
}

std::vector<Problem> Account::replace(const nlohmann::json& document) {
  auto read = read_state_document(document);
  if (!read.problems.empty()) return read.problems;
  std::unique_lock lock(mutex_);
  auto store = std::make_unique<Store>(options_.seed);
  store->ids = store_->ids;  // ids go on from where they were: no id is handed out twice
  for (auto& user : read.state.users) store->add_user(std::move(user));
  for (auto& meeting : read.state.meetings) store->add_meeting(std::move(meeting));
  store_ = std::move(store);
  return {};
}

}  // namespace fakezoom
