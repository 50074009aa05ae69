// `respond(fixtures, request, mode)`: a pure function. The caller's explicit choice first, then
// Zoom's rules (tokens, scopes, validation, unknown users), then the account (when given: the
// users and meetings routes read and change it, account_routes.hpp), then the documented
// example that fits.
#pragma once

#include <functional>
#include <optional>

#include "fakezoom/model/http_fwd.hpp"
#include "fakezoom/model/outcome.hpp"
#include "fakezoom/model/render.hpp"
#include "fakezoom/zoom/access.hpp"
#include "fakezoom/zoom/fixture_set.hpp"

namespace fakezoom {

class Account;  // fakezoom/state/account.hpp

Outcome respond(const FixtureSet& fixtures, const HttpRequest& request, BodyMode mode);
// The same with the caller's token as the engine's auth mode sees it (see access.hpp).
// With an account, users and meetings are state: known ids are the account's, and its routes
// answer from it (account_routes.hpp). Without one, every answer is a documented example.
Outcome respond(const FixtureSet& fixtures, const HttpRequest& request, BodyMode mode, const CallerAuth& caller,
                Account* account = nullptr);

// Asked once Zoom's rules have passed a request on one of the account's routes, before the
// account reads or changes anything: an outcome refuses the request there (the engine's rate
// limits: a request over its limit changes nothing), nothing lets it through.
using AccountGate = std::function<std::optional<Outcome>(const Route&)>;
Outcome respond(const FixtureSet& fixtures, const HttpRequest& request, BodyMode mode, const CallerAuth& caller,
                Account* account, const AccountGate& gate);

}  // namespace fakezoom
