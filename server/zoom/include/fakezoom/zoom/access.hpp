// Who may call the API: `--auth any` takes any bearer token (fakezoom's default), `--auth
// strict` only tokens fakezoom issued, unexpired, with one of the route's scopes. The engine
// works out what the caller's token is worth; respond() gets it as a value and stays pure.
#pragma once

#include <optional>
#include <string>

#include "fakezoom/model/http_message.hpp"
#include "fakezoom/zoom/auth_options.hpp"
#include "fakezoom/model/route.hpp"
#include "fakezoom/zoom/token_authority.hpp"

namespace fakezoom {

// What respond() knows of the caller.
struct CallerAuth {
  AuthOptions options;
  TokenStatus token;  // what the bearer token is worth; only looked at under strict
  // Who "me" is: a user-level app's token's user, whatever the auth mode; empty: the
  // account's owner (a Server-to-Server token, or any token under --auth any).
  std::string me;
};

// The token of `Authorization: Bearer <token>` (scheme case-insensitive, blanks trimmed);
// nothing when there is none or it is empty. The view points into `headers`.
std::optional<std::string_view> bearer_token(const Headers& headers);

// Under strict: looks the request's bearer token up in `tokens`. Under any: only once a
// user-level token was issued, for its user.
CallerAuth caller_auth(const HttpRequest& request, const AuthOptions& options, const TokenAuthority& tokens);

struct AccessDenied {
  HttpResponse response;
  std::string id;    // Matched-Stub-Id, e.g. "fakezoom.auth.token-expired"
  std::string name;  // Matched-Stub-Name
};

// Why a caller with a bearer token may not call `route` (an expired or unknown token, or one
// with none of the route's scopes), or nothing. A route that documents no scopes needs none.
std::optional<AccessDenied> deny_access(const Route& route, const CallerAuth& caller);

}  // namespace fakezoom
