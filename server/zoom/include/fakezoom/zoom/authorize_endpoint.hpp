// GET /oauth/authorize, the first step of Zoom's authorization code flow for user-level apps:
// the user consents at once (a headless test has nobody to click) and is sent back to the
// app's redirect URI with a code, or with error=access_denied when the app's "consent" in the
// accounts fixture is "deny". Sources in docs/oauth.md.
#pragma once

#include <string_view>

#include "fakezoom/model/outcome.hpp"
#include "fakezoom/zoom/accounts.hpp"
#include "fakezoom/zoom/token_authority.hpp"

namespace fakezoom {

inline constexpr std::string_view kAuthorizePath = "/oauth/authorize";

bool is_authorize_request(const HttpRequest& request);
Outcome answer_authorize_request(const HttpRequest& request, const AccountDirectory& accounts, TokenAuthority& tokens);

}  // namespace fakezoom
