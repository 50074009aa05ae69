// What must hold for every answer `respond` gives, whatever the request and the fixtures:
// shared by request_matcher (fixed fixtures, fuzzed requests) and fixture_loader (fuzzed
// fixtures, requests made from them).
#pragma once

#include <cctype>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "fakezoom/engine/engine.hpp"
#include "fuzz_support.hpp"

namespace fakezoom::fuzz {

inline bool starts_with(std::string_view text, std::string_view prefix) {
  return text.substr(0, prefix.size()) == prefix;
}

inline bool blank(std::string_view s) {
  for (char c : s)
    if (!std::isspace(static_cast<unsigned char>(c))) return false;
  return true;
}

// Reads a field without nlohmann's throwing getters: a harness must not crash on its own.
inline std::optional<long long> int_field(const nlohmann::json& object, const char* key) {
  if (!object.is_object()) return std::nullopt;
  auto it = object.find(key);
  if (it == object.end() || !it->is_number_integer()) return std::nullopt;
  return it->get<long long>();
}

inline std::string string_field(const nlohmann::json& object, const char* key) {
  if (!object.is_object()) return {};
  auto it = object.find(key);
  return it == object.end() || !it->is_string() ? std::string() : it->get<std::string>();
}

inline const Example* find_example(const FixtureSet& fixtures, const std::string& route_id,
                                   const std::string& example_id) {
  for (const auto& route : fixtures.routes.routes()) {
    if (route.id != route_id) continue;
    for (const auto& example : route.examples)
      if (example.id == example_id) return &example;
  }
  return nullptr;
}

// The request asks for an example itself (Postman's or Prism's forms), which comes before
// Zoom's rules.
inline bool asks_for_example(const HttpRequest& request) {
  for (const auto& [name, value] : request.headers)
    if (iequals(name, "Prefer") || iequals(name, "x-mock-response-code") || iequals(name, "x-mock-response-name") ||
        iequals(name, "x-mock-response-id"))
      return true;
  for (const auto& [key, value] : request.query)
    if (key == "__code" || key == "__example") return true;
  return false;
}

// What the loader refuses in a documented header (a name that is not an RFC 9110 token, a
// value holding CR, LF or NUL) must not reach the wire any other way either.
inline void check_headers(const Headers& headers) {
  for (const auto& [name, value] : headers) {
    FUZZ_CHECK(name.find_first_of("\r\n") == std::string::npos && value.find_first_of("\r\n") == std::string::npos,
               "a response header holds CR or LF (response splitting)");
    FUZZ_CHECK(!name.empty(), "a response header has an empty name");
    FUZZ_CHECK(is_header_name(name), "a response header name is not a token");
    FUZZ_CHECK(header_safe(name) && header_safe(value), "a response header holds NUL");
  }
}

inline void check_outcome(const FixtureSet& fixtures, const HttpRequest& request, const Outcome& outcome,
                          BodyMode mode) {
  const HttpResponse& response = outcome.response;
  FUZZ_CHECK(response.status >= 100 && response.status <= 599, "status outside 100..599");
  FUZZ_CHECK(response.headers.count("Matched-Stub-Id") == 1, "not exactly one Matched-Stub-Id header");
  FUZZ_CHECK(response.headers.count("Matched-Stub-Name") == 1, "not exactly one Matched-Stub-Name header");
  FUZZ_CHECK(!outcome.example_id.empty() && response.headers.get("Matched-Stub-Id") == outcome.example_id,
             "Matched-Stub-Id is empty or not the outcome's example id");
  check_headers(response.headers);
  // Even a 204 error example with an "Error Code:" label and a blank body (once answered with
  // Zoom's JSON error: regressions/fixture_loader/error-label-on-204.json).
  if (response.status == 204 || response.status == 304) FUZZ_CHECK(response.body.empty(), "a body on a 204 or 304");

  const bool rule = starts_with(outcome.example_id, "fakezoom.");
  // The account's 204s (a PATCH or DELETE of a user or meeting) are Zoom's: no body, no type.
  const bool bodyless_state = starts_with(outcome.example_id, "fakezoom.account.") && response.status == 204;
  if (bodyless_state) {
    FUZZ_CHECK(!response.headers.get("Content-Type"), "an account 204 with a Content-Type");
  } else if (rule) {
    // fakezoom's own answers: Zoom's or Postman's JSON, always parseable, always UTF-8.
    // (The account's answers carry a charset, as Zoom's own do.)
    FUZZ_CHECK(starts_with(response.headers.get("Content-Type").value_or(""), "application/json"),
               "a fakezoom rule answered without JSON");
    FUZZ_CHECK(valid_utf8(response.body), "a fakezoom rule answered invalid UTF-8");
    const auto body = nlohmann::json::parse(response.body, nullptr, false);
    FUZZ_CHECK(body.is_object(), "a fakezoom rule's body is not a JSON object");
    if (starts_with(outcome.example_id, "fakezoom.auth.")) {
      FUZZ_CHECK(response.status == 401, "an auth rule answered another status than 401");
      FUZZ_CHECK(int_field(body, "code") == 124, "an auth rule's body is not Zoom's code 124");
    }
    // Every 401 fakezoom makes up is Zoom's 124 (a documented 401 example may carry its own code).
    if (response.status == 401) FUZZ_CHECK(int_field(body, "code") == 124, "a made-up 401 without Zoom's code 124");
    // A documented example may be a 405 of its own; fakezoom's 405 always says what is allowed.
    if (response.status == 405)
      FUZZ_CHECK(!response.headers.get("Allow").value_or("").empty(), "fakezoom's 405 without Allow");
    if (outcome.example_id == "fakezoom.unmatched") {
      FUZZ_CHECK(response.status == 404 && response.headers.get("X-Mock-Unmatched") == "true",
                 "unmatched but not 404 + X-Mock-Unmatched");
      FUZZ_CHECK(body.contains("error") && string_field(body["error"], "name") == "mockRequestNotFoundError",
                 "unmatched without Postman's mockRequestNotFoundError");
    }
  } else {
    // A documented example answered: its status, and its body as documented (verbatim), or
    // in Zoom's JSON shape when the documented body is blank (zoom).
    const Example* example = find_example(fixtures, outcome.route_id, outcome.example_id);
    FUZZ_CHECK(example != nullptr, "Matched-Stub-Id names no example of the route that answered");
    FUZZ_CHECK(response.status == example->status, "the answer's status is not the example's");
    const bool bodyless = example->status == 204 || example->status == 304;
    if (mode == BodyMode::verbatim || !blank(example->body))
      FUZZ_CHECK(response.body == (bodyless ? std::string() : example->body),
                 "the body is not the example's as documented");
    if (mode == BodyMode::zoom && blank(example->body) && example->status >= 400) {
      const auto body = nlohmann::json::parse(response.body, nullptr, false);
      FUZZ_CHECK(int_field(body, "code").has_value() && body.contains("message") && body["message"].is_string(),
                 "an error example with a blank body is not answered in Zoom's {code, message} shape");
    }
  }

  // Zoom's rule, independent of the implementation: a request on a documented route without
  // any Authorization header, that does not ask for an example itself, gets 401 code 124.
  if (!request.headers.get("Authorization") && !asks_for_example(request) &&
      outcome.example_id != "fakezoom.unmatched" && outcome.example_id != "fakezoom.method-not-allowed")
    FUZZ_CHECK(response.status == 401 && starts_with(outcome.example_id, "fakezoom.auth."),
               "a request without Authorization on a documented route was not refused with 401");
}

}  // namespace fakezoom::fuzz
