// Which documented example answers a request: the caller's explicit choice (Postman's
// x-mock-response-* headers, Prism's Prefer header and __code/__example query), or the best
// fit by Postman's rules. Pure functions of (route, request).
#pragma once

#include <optional>
#include <string>

#include "fakezoom/model/headers.hpp"
#include "fakezoom/model/query_params.hpp"
#include "fakezoom/model/route.hpp"

namespace fakezoom {

struct ExplicitChoice {
  std::optional<int> code;
  std::optional<std::string> name;  // folded
  std::optional<std::string> id;
  std::string malformed;  // non-empty when the caller asked for something unreadable

  bool any() const { return code || name || id || !malformed.empty(); }
  std::string describe() const;  // "code 404, name 'X'" for error messages
};

// Reads the caller's choice and removes Prism's __code / __example from `query`, so they
// take no part in matching.
ExplicitChoice take_explicit_choice(const Headers& headers, QueryParams& query);

struct Selection {
  const Example* example = nullptr;
  std::string reason;  // why this one, for the journal and `fakezoom explain`
};

std::optional<Selection> select_explicit(const Route& route, const ExplicitChoice& choice);
// Postman's order: same method, best path score, best query score; then successes (200
// first), then the order in the file.
std::optional<Selection> select_best(const Route& route, const PathParams& params,
                                    const QueryParams& query);
// Among equally good fits, Postman prefers a 200, then other successes, then other non-errors
// (0 to 3); Zoom names documented errors "Error Code" whatever their status. The route table
// stores it in Example::preference.
int example_preference(const Example& example);
// The route's first documented 404: Zoom's answer for an unknown user.
const Example* first_with_status(const Route& route, int status);

}  // namespace fakezoom
