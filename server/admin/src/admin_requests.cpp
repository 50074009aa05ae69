// The journal through the admin API: list (newest first), one by id, clear, count and find by
// a WireMock request pattern, the unmatched ones and their near misses.
#include <charconv>

#include "admin_answer.hpp"
#include "fakezoom/journal/journal_json.hpp"
#include "fakezoom/model/iso8601.hpp"
#include "fakezoom/admin/near_miss.hpp"
#include "fakezoom/admin/request_pattern.hpp"

namespace fakezoom::admin {

using nlohmann::json;

namespace {

// WireMock refuses verification when the journal is off rather than answer "0 requests".
HttpResponse journal_disabled() {
  return error(500, "The request journal is disabled, so no verification or request searching operations are available");
}

Checked<std::size_t> parse_limit(const std::string& text) {
  std::size_t value = 0;
  auto [end, problem] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || problem != std::errc() || end != text.data() + text.size())
    return InputProblem{"limit", "must be a non-negative integer, got \"" + text + "\""};
  return value;
}

// The pattern from the body, or the answer refusing it.
std::optional<HttpResponse> read_pattern(const HttpRequest& request, RequestPattern& pattern) {
  auto body = json_body(request);
  if (!body) return bad_input(body.problem());
  auto parsed = parse_request_pattern(body.value());
  if (!parsed) return bad_input(parsed.problem());
  pattern = std::move(parsed.value());
  return std::nullopt;
}

json logged_requests(const std::vector<JournalEntry>& entries) {
  json list = json::array();
  for (const auto& entry : entries) list.push_back(logged_request_json(entry));
  return list;
}

// Only the unmatched entries are expanded.
std::vector<JournalEntry> unmatched(const Journal& journal) {
  std::vector<JournalEntry> out;
  for (const auto& record : journal.records())
    if (!record.matched()) out.push_back(record.entry());
  return out;
}

}  // namespace

HttpResponse list_requests(const HttpRequest& request, AdminContext context) {
  const Journal& journal = context.target.journal();
  std::size_t limit = static_cast<std::size_t>(-1);
  if (auto text = first_value(request.query, "limit")) {
    auto parsed = parse_limit(*text);
    if (!parsed) return bad_input(parsed.problem());
    limit = parsed.value();
  }
  std::optional<std::chrono::system_clock::time_point> since;
  if (auto text = first_value(request.query, "since")) {
    since = parse_iso8601(*text);
    if (!since) return bad_input({"since", "must be an ISO 8601 date and time such as 2024-05-01T12:00:00Z, got \"" + *text + "\""});
  }
  // Without `since`, only the entries shown are copied out of the journal and expanded.
  json list = json::array();
  for (const auto& record : journal.newest(since ? static_cast<std::size_t>(-1) : limit)) {
    if (list.size() >= limit) break;
    // At the milliseconds WireMock shows: "since an entry's loggedDateString" excludes that entry.
    if (since && std::chrono::floor<std::chrono::milliseconds>(record.logged()) <= *since) continue;
    list.push_back(to_json(record.entry()));
  }
  return json_answer(200, {{"requests", list},
                           {"meta", {{"total", journal.total()}}},
                           {"requestJournalDisabled", journal.capacity() == 0}});
}

HttpResponse get_request(std::string_view id, AdminContext context) {
  std::uint64_t sequence = 0;
  const auto [end, problem] = std::from_chars(id.data(), id.data() + id.size(), sequence);
  // The id as shown: digits only, no leading zero ("01" is no entry's id).
  if (problem == std::errc() && end == id.data() + id.size() && std::to_string(sequence) == id)
    if (auto record = context.target.journal().find(sequence)) return json_answer(200, to_json(record->entry()));
  return error(404, "No journaled request with id " + std::string(id) + ".");
}

HttpResponse delete_requests(AdminContext context) {
  context.target.journal().clear();
  return json_answer(200, json::object());
}

HttpResponse count_requests(const HttpRequest& request, AdminContext context) {
  RequestPattern pattern;
  if (auto refused = read_pattern(request, pattern)) return *refused;
  const Journal& journal = context.target.journal();
  if (journal.capacity() == 0) return journal_disabled();
  std::size_t count = 0;
  for (const auto& record : journal.records()) count += matches(pattern, record.request()) ? 1 : 0;
  return json_answer(200, {{"count", count}});
}

// Oldest first, as WireMock finds them.
HttpResponse find_requests(const HttpRequest& request, AdminContext context) {
  RequestPattern pattern;
  if (auto refused = read_pattern(request, pattern)) return *refused;
  const Journal& journal = context.target.journal();
  if (journal.capacity() == 0) return journal_disabled();
  std::vector<JournalEntry> found;
  for (const auto& record : journal.records())
    if (matches(pattern, record.request())) found.push_back(record.entry());
  return json_answer(200, {{"requests", logged_requests(found)}, {"requestJournalDisabled", false}});
}

HttpResponse unmatched_requests(AdminContext context) {
  const Journal& journal = context.target.journal();
  if (journal.capacity() == 0) return journal_disabled();
  return json_answer(200, {{"requests", logged_requests(unmatched(journal))}, {"requestJournalDisabled", false}});
}

// For each unmatched request, oldest first, its three nearest routes against the fixtures
// serving now.
HttpResponse unmatched_near_misses(AdminContext context) {
  const Journal& journal = context.target.journal();
  if (journal.capacity() == 0) return journal_disabled();
  json list = json::array();
  for (const auto& entry : unmatched(journal)) {
    const json request = logged_request_json(entry);
    for (const auto& miss : near_misses(context.fixtures, entry.request)) {
      json shown = to_json(miss);
      shown["request"] = request;
      list.push_back(std::move(shown));
    }
  }
  return json_answer(200, {{"nearMisses", list}});
}

}  // namespace fakezoom::admin
