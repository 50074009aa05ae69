// The error bodies of Zoom's OAuth: the token endpoint's `{"reason","error"}` shape and the
// API's answers to a token it will not take (code 124, code 4711). Sources in docs/oauth.md.
#pragma once

#include <string_view>
#include <vector>
#include <string>

#include "fakezoom/model/http_fwd.hpp"

namespace fakezoom::wire {

inline constexpr int kMissingScopes = 4711;  // Zoom: 400 "Invalid access token, does not contain scopes:[...]."

// 400 {"reason":"Invalid client_id or client_secret","error":"invalid_client"}
HttpResponse invalid_client();
// 400 {"reason":"unsupported grant type","error":"unsupported_grant_type"}
HttpResponse unsupported_grant_type();
// 400 {"reason":"Invalid Account Id","error":"invalid_request"}
HttpResponse invalid_account_id();

// Any other {"reason","error"} answer of Zoom's OAuth endpoints, status 400:
// "invalid_grant" for a code or refresh token that is unknown, used, expired or not the
// client's ({"reason":"Invalid Token!","error":"invalid_grant"} after a refresh rotated it).
HttpResponse oauth_error(std::string_view reason, std::string_view error);

// Code 124 with the status the auth options give (401 as observed, or the spec's 400).
HttpResponse access_token_expired(int status);
HttpResponse invalid_access_token(int status);
// 400 {"code":4711,"message":"Invalid access token, does not contain scopes:[a, b]."}
HttpResponse missing_scopes(const std::vector<std::string>& scopes);

}  // namespace fakezoom::wire
