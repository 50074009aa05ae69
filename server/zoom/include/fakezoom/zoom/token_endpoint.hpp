// Zoom's Server-to-Server OAuth token endpoint, `POST /oauth/token?grant_type=account_credentials
// &account_id=ID` with `Authorization: Basic base64(client_id:client_secret)`: checks the
// credentials against the accounts fixture and issues a token from the engine's TokenAuthority.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "fakezoom/zoom/accounts.hpp"
#include "fakezoom/model/outcome.hpp"
#include "fakezoom/zoom/token_authority.hpp"

namespace fakezoom {

inline constexpr std::string_view kTokenPath = "/oauth/token";

bool is_token_request(const HttpRequest& request);

inline constexpr std::string_view kRevokePath = "/oauth/revoke";

bool is_revoke_request(const HttpRequest& request);

// POST /oauth/revoke?token=...: ends a user-level app's access or refresh token, and the rest
// of its authorization; {"status":"success"}.
Outcome answer_revoke_request(const HttpRequest& request, const AccountDirectory& accounts, TokenAuthority& tokens);

// Answers whatever the auth mode; `grant_type` and `account_id` may come in the query string
// or in an `application/x-www-form-urlencoded` body (real clients do both).
Outcome answer_token_request(const HttpRequest& request, const AccountDirectory& accounts, TokenAuthority& tokens);

// The token endpoint's answer with its access_token "[REDACTED]", for the journal.
std::string redact_issued_token(const std::string& body);

// `Authorization: Basic base64(user:password)`, the user ending at the first colon: the token
// endpoint's client id and secret, the admin page's token.
struct BasicCredentials {
  std::string user;
  std::string password;
};
std::optional<BasicCredentials> basic_credentials(const Headers& headers);

// RFC 4648 base64 (padding optional); nothing for anything else.
std::optional<std::string> base64_decode(std::string_view text);

}  // namespace fakezoom
