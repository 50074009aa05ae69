#include "fakezoom/zoom/access.hpp"

#include <algorithm>
#include <cctype>

#include "fakezoom/zoom/wire_oauth.hpp"

namespace fakezoom {

std::optional<std::string_view> bearer_token(const Headers& headers) {
  const std::string* value = headers.find("Authorization");
  if (!value) return std::nullopt;
  std::string_view v = *value;
  auto blank = [](char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; };
  while (!v.empty() && blank(v.front())) v.remove_prefix(1);
  if (v.size() < 7 || !iequals(v.substr(0, 6), "Bearer") || v[6] != ' ') return std::nullopt;
  v.remove_prefix(7);
  while (!v.empty() && blank(v.front())) v.remove_prefix(1);
  while (!v.empty() && blank(v.back())) v.remove_suffix(1);
  if (v.empty()) return std::nullopt;
  return v;
}

CallerAuth caller_auth(const HttpRequest& request, const AuthOptions& options, const TokenAuthority& tokens) {
  CallerAuth caller{options, {}, {}};
  if (options.mode != AuthMode::strict && !tokens.has_user_tokens()) return caller;
  if (auto token = bearer_token(request.headers)) caller.token = tokens.check(*token);
  if (caller.token.grant) caller.me = caller.token.grant->user_id;
  return caller;
}

std::optional<AccessDenied> deny_access(const Route& route, const CallerAuth& caller) {
  if (caller.options.mode != AuthMode::strict) return std::nullopt;
  const int status = caller.options.invalid_token_status;
  switch (caller.token.state) {
    case TokenStatus::State::unknown:
      return AccessDenied{wire::invalid_access_token(status), "fakezoom.auth.unknown-token",
                          "Zoom rule: a token fakezoom did not issue (--auth strict)"};
    case TokenStatus::State::expired:
      return AccessDenied{wire::access_token_expired(status), "fakezoom.auth.token-expired",
                          "Zoom rule: access token expired (--auth strict)"};
    case TokenStatus::State::valid: break;
  }
  if (route.scopes.empty()) return std::nullopt;
  // Zoom's scope lists are alternatives (an account-level app has `user:read:admin`, a
  // user-level one `user:read`): one of them is enough.
  const auto& granted = caller.token.grant->scopes;
  const bool has_one = std::any_of(route.scopes.begin(), route.scopes.end(), [&](const std::string& scope) {
    return std::find(granted.begin(), granted.end(), scope) != granted.end();
  });
  if (has_one) return std::nullopt;
  return AccessDenied{wire::missing_scopes(route.scopes), "fakezoom.auth.missing-scopes",
                      "Zoom rule: the token has none of the route's scopes (--auth strict)"};
}

}  // namespace fakezoom
