// Fuzzes the request matcher and response choice: any method, path, query, headers and body
// (in the text form of fuzz_support.hpp) against the shipped fixtures plus Zoom's collection,
// through `respond` in both body modes, stateless and with an account, and through an Engine
// with its account, journal and admin API.
#include <cctype>
#include <cstdint>
#include <cstdio>
#include <memory>

#include <nlohmann/json.hpp>

#include "fakezoom/engine/engine.hpp"
#include "fakezoom/fixtures/loader.hpp"
#include "fakezoom/zoom/account_seed.hpp"
#include "fuzz_fixtures.hpp"
#include "fuzz_support.hpp"
#include "response_checks.hpp"

using namespace fakezoom;
using fuzz::valid_utf8;

namespace {

std::shared_ptr<const FixtureSet> fixtures;
// One fixed time for the engine's account and the reference accounts, so what a create
// stores (created_at) is the same in both.
std::shared_ptr<ManualClock> test_clock;

// An account as a fresh Engine holds it: seeded from the fixtures, the engine's default seed.
std::unique_ptr<Account> fresh_account() {
  return std::make_unique<Account>(AccountOptions{EngineOptions{}.seed, test_clock}, account_seed(*fixtures));
}

// RFC 9110 token: what a method can be on the wire.
bool is_token(std::string_view text) {
  if (text.empty()) return false;
  for (const char c : text)
    if (!(std::isalnum(static_cast<unsigned char>(c)) ||
          std::string_view("!#$%&'*+-.^_`|~").find(c) != std::string_view::npos))
      return false;
  return true;
}

void check_journal(const Journal& journal, const HttpRequest& request, const HttpResponse& answer) {
  const auto entries = journal.entries();
  FUZZ_CHECK(entries.size() == 1 && journal.total() == 1, "one request did not make exactly one journal entry");
  const JournalEntry& entry = entries.front();
  FUZZ_CHECK(entry.status == answer.status, "the journal's status is not the one answered");
  FUZZ_CHECK(entry.request.method == request.method && entry.request.path == request.path &&
                 entry.request.body == request.body,
             "the journal does not show the request as it came in");
  // Tokens never reach the journal unless asked for (issue 6, part 5).
  for (const auto& [name, value] : entry.request.headers)
    if (iequals(name, "Authorization"))
      FUZZ_CHECK(value.size() >= 10 && value.compare(value.size() - 10, 10, "[REDACTED]") == 0,
                 "an Authorization header reached the journal unredacted");
  for (const auto& [key, value] : entry.request.query)
    if (key == "access_token") FUZZ_CHECK(value == "[REDACTED]", "an access_token query value reached the journal");
  // The raw target is journaled too (WireMock's request.url).
  // Every key that decodes to access_token is redacted, repeated or percent-encoded
  // ("access%5Ftoken="): regressions/request_matcher/.
  const auto q = entry.request.target.find('?');
  if (q != std::string::npos) {
    const std::string_view raw = std::string_view(entry.request.target).substr(q + 1);
    for (const auto& [key, value] : decode_query(raw))
      if (key == "access_token")
        FUZZ_CHECK(value == "[REDACTED]", "an access_token reached the journal in the request target");
  }
}

void check_admin_listing(Engine& engine) {
  HttpRequest list;
  list.method = "GET";
  list.path = list.target = "/__admin/requests";
  const HttpResponse answer = engine.handle(list);
  FUZZ_CHECK(answer.status == 200, "GET /__admin/requests did not answer 200");
  FUZZ_CHECK(valid_utf8(answer.body), "the admin API answered invalid UTF-8");
  const auto body = nlohmann::json::parse(answer.body, nullptr, false);
  FUZZ_CHECK(body.is_object() && body.contains("requests") && body["requests"].is_array(),
             "GET /__admin/requests is not {\"requests\": [...]}");
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  try {
    fixtures = std::make_shared<const FixtureSet>(fuzz::load_fuzz_fixtures(fuzz::fixture_paths()));
    test_clock = std::make_shared<ManualClock>();
  } catch (const FixtureError& e) {
    std::fprintf(stderr, "request_matcher: the fixtures do not load:\n%s\n", e.what());
    std::abort();
  }
  std::fprintf(stderr, "request_matcher: %zu routes, %zu examples\n", fixtures->routes.routes().size(),
               fixtures->example_count());
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const HttpRequest request = fuzz::parse_request_text(std::string_view(reinterpret_cast<const char*>(data), size));
  // Only requests the HTTP layer can deliver: httplib 0.11.4 refuses a request line whose
  // method is not one of its nine (400), so a method is always a token. Any token is fuzzed,
  // so unknown methods still are. (The 405 rule echoes the method into Matched-Stub-Name.)
  if (!is_token(request.method)) return -1;

  const Outcome zoom = respond(*fixtures, request, BodyMode::zoom);
  fuzz::check_outcome(*fixtures, request, zoom, BodyMode::zoom);
  const Outcome verbatim = respond(*fixtures, request, BodyMode::verbatim);
  fuzz::check_outcome(*fixtures, request, verbatim, BodyMode::verbatim);
  // The body mode changes how an example is rendered, never which one answers.
  FUZZ_CHECK(zoom.response.status == verbatim.response.status && zoom.example_id == verbatim.example_id,
             "zoom and verbatim modes chose different answers");
  if (request.method == "HEAD") {
    HttpRequest get = request;
    get.method = "GET";
    const Outcome as_get = respond(*fixtures, get, BodyMode::zoom);
    FUZZ_CHECK(as_get.response.status == zoom.response.status && as_get.example_id == zoom.example_id,
               "HEAD was not answered as GET");
  }

  // With an account, users and meetings are state; each mode gets a fresh one, as a request
  // to a fresh engine would, so a create in one does not make the other's a conflict.
  const Outcome stateful = respond(*fixtures, request, BodyMode::zoom, CallerAuth{}, fresh_account().get());
  fuzz::check_outcome(*fixtures, request, stateful, BodyMode::zoom);
  const Outcome stateful_verbatim =
      respond(*fixtures, request, BodyMode::verbatim, CallerAuth{}, fresh_account().get());
  FUZZ_CHECK(stateful.response.status == stateful_verbatim.response.status &&
                 stateful.example_id == stateful_verbatim.example_id,
             "zoom and verbatim modes chose different answers with an account");

  // The Engine: the admin prefix, the journal (with secrets redacted) and the admin listing.
  Engine engine(fixtures, EngineOptions{.journal_capacity = 4, .clock = test_clock});
  const HttpResponse answer = engine.handle(request);
  FUZZ_CHECK(answer.status >= 100 && answer.status <= 599, "the engine answered a status outside 100..599");
  const bool admin =
      request.path.compare(0, 8, "/__admin") == 0 && (request.path.size() == 8 || request.path[8] == '/');
  if (!admin) {
    FUZZ_CHECK(answer.status == stateful.response.status && answer.body == stateful.response.body,
               "the engine answered otherwise than respond() with a fresh account");
    check_journal(engine.journal(), request, answer);
    // A stateless engine answers as respond() without an account.
    Engine stateless(fixtures, EngineOptions{.journal_capacity = 0, .clock = test_clock, .stateless = true});
    const HttpResponse documented = stateless.handle(request);
    FUZZ_CHECK(documented.status == zoom.response.status && documented.body == zoom.response.body,
               "the stateless engine answered otherwise than respond()");
  } else {
    FUZZ_CHECK(nlohmann::json::parse(answer.body, nullptr, false).is_object(), "an admin answer is not a JSON object");
  }
  check_admin_listing(engine);
  return 0;
}
