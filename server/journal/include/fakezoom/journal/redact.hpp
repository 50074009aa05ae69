// The one redactor: secrets out of a request before it is journaled or logged.
#pragma once

#include <string_view>

#include "fakezoom/model/http_fwd.hpp"

namespace fakezoom {

// The Authorization value after its scheme, X-Admin-Token, `access_token` in the query, and
// `access_token`, `refresh_token`, `client_secret` in a form-encoded body.
HttpRequest redact_secrets(HttpRequest request);

// The rules redact_secrets applies, for the journal's fast path that packs a request without
// copying it: one set of rules, so a new secret is redacted everywhere.
inline constexpr std::string_view kRedacted = "[REDACTED]";
inline bool is_secret_query_key(std::string_view decoded_key) { return decoded_key == "access_token"; }
bool is_secret_form_field(std::string_view decoded_name);
// "Bearer " of "Bearer abc": what redaction keeps of an Authorization value.
std::string_view authorization_scheme(std::string_view value);
// Whether a request holds a secret only redact_secrets' copying redaction can take out (an
// encoded or query `access_token`, an admin token, a form body); when false, redacting the
// Authorization value and `access_token` query values in place is enough.
bool needs_copying_redaction(const HttpRequest& request);

}  // namespace fakezoom
