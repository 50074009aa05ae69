#include <catch2/catch.hpp>

#include "fakezoom/journal/journal.hpp"
#include "fakezoom/model/render.hpp"

using namespace fakezoom;
using namespace std::chrono_literals;

namespace {

HttpRequest seed_request() {
  HttpRequest r;
  r.method = "GET";
  r.path = "/v2/users/me/token";
  r.target = "/v2/users/me/token?type=zak&ttl=68423085";
  r.query = {{"type", "zak"}, {"ttl", "68423085"}};
  r.headers = {{"Host", "127.0.0.1:8080"}, {"Authorization", "Bearer eyJ.secret"}};
  r.client_ip = "127.0.0.1";
  return r;
}

std::shared_ptr<const PreparedAnswer> seed_answer() {
  auto prepared = std::make_shared<PreparedAnswer>();
  prepared->response.status = 200;
  prepared->response.headers = {{"Content-Type", "application/json"},
                                {"Matched-Stub-Id", "get-v2-users-userId-token-1"},
                                {"Matched-Stub-Name", "Token returned."}};
  prepared->response.body = "{\"token\": \"string\"}";
  prepared->route_id = "get-v2-users-userId-token";
  prepared->example_id = "get-v2-users-userId-token-1";
  prepared->example_name = "Token returned.";
  return prepared;
}

JournalRecord record_of(const HttpRequest& request, const HttpResponse& response,
                        const std::shared_ptr<const PreparedAnswer>& prepared, bool redact = true) {
  return JournalRecord::pack({.logged = std::chrono::system_clock::time_point(1700000000123ms),
                              .request = request,
                              .redact = redact,
                              .response = response,
                              .prepared = prepared,
                              .matched = true,
                              .route_id = "get-v2-users-userId-token",
                              .example_id = "get-v2-users-userId-token-1",
                              .example_name = "Token returned.",
                              .reason = "best documented example",
                              .fault = "",
                              .delay = 15ms,
                              .process_time = 42us});
}

bool same_headers(const Headers& a, const Headers& b) { return std::equal(a.begin(), a.end(), b.begin(), b.end()); }

}  // namespace

TEST_CASE("a record expands to exactly the entry it was packed from", "[unit][journal]") {
  JournalEntry given;
  given.logged = std::chrono::system_clock::time_point(1700000000123ms);
  given.request = seed_request();
  given.request.body = std::string("bytes\0with a nul", 16);
  given.request.headers.add("X-Repeated", "1");
  given.request.headers.add("x-repeated", "2");
  given.status = 503;
  given.response_headers = {{"Retry-After", "3"}};
  given.response_body = std::string(300, 'x');  // longer than one varint byte counts
  given.route_id = "route";
  given.example_id = "example";
  given.example_name = "name";
  given.reason = "why";
  given.fault = "EMPTY_RESPONSE";
  given.delay = 250ms;
  given.process_time = 17us;

  const JournalEntry e = JournalRecord::pack(given).entry();
  CHECK(e.logged == given.logged);
  CHECK(e.request.method == "GET");
  CHECK(e.request.path == given.request.path);
  CHECK(e.request.target == given.request.target);
  CHECK(e.request.query == given.request.query);
  CHECK(same_headers(e.request.headers, given.request.headers));
  CHECK(e.request.body == given.request.body);
  CHECK(e.request.client_ip == "127.0.0.1");
  CHECK(e.request.headers.get("Authorization") == "Bearer eyJ.secret");  // given as is: nothing redacted
  CHECK(e.status == 503);
  CHECK(same_headers(e.response_headers, given.response_headers));
  CHECK(e.response_body == given.response_body);
  CHECK(e.route_id == "route");
  CHECK(e.example_id == "example");
  CHECK(e.example_name == "name");
  CHECK(e.reason == "why");
  CHECK(e.fault == "EMPTY_RESPONSE");
  CHECK(e.delay == 250ms);
  CHECK(e.process_time == 17us);
}

TEST_CASE("a journaled request loses its tokens from headers, query and target", "[unit][journal][secrets]") {
  HttpRequest request = seed_request();
  request.target = "/v2/users/me/token?type=zak&access%5Ftoken=abc";
  request.query = {{"type", "zak"}, {"access_token", "abc"}};
  const auto prepared = seed_answer();

  const HttpRequest redacted = record_of(request, prepared->response, prepared).request();
  CHECK(redacted.headers.get("Authorization") == "Bearer [REDACTED]");
  CHECK(redacted.query == QueryParams{{"type", "zak"}, {"access_token", "[REDACTED]"}});
  CHECK(redacted.target == "/v2/users/me/token?type=zak&access%5Ftoken=[REDACTED]");

  SECTION("a plain query only has its header redacted") {
    const HttpRequest plain = record_of(seed_request(), prepared->response, prepared).request();
    CHECK(plain.headers.get("Authorization") == "Bearer [REDACTED]");
    CHECK(plain.target == seed_request().target);
    CHECK(plain.query == seed_request().query);
  }
  SECTION("unless the server keeps secrets") {
    const HttpRequest kept = record_of(request, prepared->response, prepared, false).request();
    CHECK(kept.headers.get("Authorization") == "Bearer eyJ.secret");
    CHECK(kept.target == request.target);
  }
}

TEST_CASE("a record shares the prepared answer and keeps only the headers added to it", "[unit][journal]") {
  const auto prepared = seed_answer();
  HttpResponse sent = prepared->response;
  sent.headers.add("X-RateLimit-Remaining", "9");

  const JournalRecord record = record_of(seed_request(), sent, prepared);
  const JournalEntry e = record.entry();
  CHECK(same_headers(e.response_headers, sent.headers));
  CHECK(e.response_body == prepared->response.body);
  CHECK(e.status == 200);
  CHECK(e.route_id == "get-v2-users-userId-token");
  CHECK(e.example_id == "get-v2-users-userId-token-1");
  CHECK(e.example_name == "Token returned.");
  CHECK(e.reason == "best documented example");
  // The seed's request and what sets it apart from its example's answer: a few hundred bytes.
  CHECK(record.packed_size() < 250);
}

TEST_CASE("an answer that is not its example's prepared one is kept whole", "[unit][journal]") {
  const auto prepared = seed_answer();
  HttpResponse changed = prepared->response;
  changed.body = "{\"token\": \"other\"}";
  changed.headers.set("Content-Type", "text/plain");  // moved to the end: no longer a prefix

  const JournalEntry e = record_of(seed_request(), changed, prepared).entry();
  CHECK(e.response_body == "{\"token\": \"other\"}");
  CHECK(same_headers(e.response_headers, changed.headers));
  CHECK(e.example_id == "get-v2-users-userId-token-1");
}

namespace {

void record_request(Journal& journal, const HttpRequest& request, const std::shared_ptr<const PreparedAnswer>& prepared) {
  journal.record(AnsweredRequest{.logged = std::chrono::system_clock::time_point(1700000000123ms),
                                 .request = request,
                                 .redact = true,
                                 .response = prepared->response,
                                 .prepared = prepared,
                                 .matched = true,
                                 .route_id = prepared->route_id,
                                 .example_id = prepared->example_id,
                                 .example_name = prepared->example_name,
                                 .reason = "best documented example",
                                 .fault = "",
                                 .delay = 0ms,
                                 .process_time = 1us});
}

}  // namespace

// Records share pages of packed bytes: a snapshot must stay whole while the journal moves on
// and evicts every record it holds, and a record too large for a page is kept whole too.
TEST_CASE("journaled requests stay whole across pages, evictions and snapshots", "[unit][journal]") {
  const auto prepared = seed_answer();
  Journal journal(300);
  auto request = seed_request();
  auto path_of = [](int n) { return "/v2/users/user-" + std::to_string(n) + "/token"; };
  for (int n = 1; n <= 1000; ++n) {
    request.path = path_of(n);
    record_request(journal, request, prepared);
  }
  const auto snapshot = journal.records();
  for (int n = 1001; n <= 2000; ++n) {
    request.path = path_of(n);
    record_request(journal, request, prepared);
  }
  request.path = path_of(2001);
  request.body = std::string(20000, 'x');  // beyond a page's share
  record_request(journal, request, prepared);

  REQUIRE(snapshot.size() == 300);
  for (std::size_t i = 0; i < snapshot.size(); ++i) {
    const JournalEntry e = snapshot[i].entry();
    CHECK(e.request.path == path_of(701 + static_cast<int>(i)));
    CHECK(e.response_body == prepared->response.body);
    CHECK(e.request.headers.get("Authorization") == std::optional<std::string>("Bearer [REDACTED]"));
  }
  const auto now = journal.entries();
  REQUIRE(now.size() == 300);
  CHECK(now.front().request.path == path_of(1702));
  CHECK(now.front().sequence == 1702);
  CHECK(now.back().request.path == path_of(2001));
  CHECK(now.back().request.body == std::string(20000, 'x'));
  journal.clear();
  CHECK(journal.entries().empty());
  record_request(journal, seed_request(), prepared);
  CHECK(journal.entries().at(0).request.path == "/v2/users/me/token");
}
