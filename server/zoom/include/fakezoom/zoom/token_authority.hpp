// The access tokens fakezoom issued at POST /oauth/token: which account and scopes each one
// carries and when it expires by the engine's clock. Thread-safe; owned by the Engine.
#pragma once

#include <atomic>
#include <chrono>
#include <memory>
#include <mutex>
#include <optional>
#include <cstdint>
#include <random>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "fakezoom/model/clock.hpp"

namespace fakezoom {

// What a token was issued for.
struct Grant {
  std::string account_id;
  std::string client_id;
  std::vector<std::string> scopes;
  Clock::time_point expires_at;
  // A user-level app's token: the user who authorized it (id or email, as the accounts fixture
  // names it), and that authorization, whose tokens end together. Both empty for a
  // Server-to-Server token, whose "me" is the account's owner.
  std::string user_id;
  std::string authorization;
};

struct IssuedToken {
  std::string access_token;
  std::chrono::seconds expires_in{0};
  Grant grant;
};

// What a user authorized at GET /oauth/authorize: redeemed once for tokens at POST /oauth/token.
struct AuthorizationCode {
  std::string account_id;
  std::string client_id;
  std::string redirect_uri;  // the token request must send the same one
  std::string code_challenge;  // PKCE (RFC 7636); empty: none was sent
  std::string code_challenge_method;  // "S256" or "plain"
  std::vector<std::string> scopes;
  Clock::time_point expires_at;
  std::string user_id;  // who consented; empty: the account's owner
};

// What a refresh token stands for: the grant its next access token gets.
struct RefreshGrant {
  std::string account_id;
  std::string client_id;
  std::vector<std::string> scopes;
  std::string user_id;
  std::string authorization;  // see Grant
};

// What a bearer token is worth, at one instant.
struct TokenStatus {
  enum class State { unknown, expired, valid };
  State state = State::unknown;
  std::optional<Grant> grant;  // set unless unknown
};

class TokenAuthority {
public:
  // Zoom's Server-to-Server tokens live an hour ("expires_in": 3600).
  static constexpr std::chrono::seconds kLifetime{3600};
  // Tokens expired longer ago than this are forgotten (and then answer "Invalid access token."
  // rather than "Access token is expired."), so memory stays bounded however many are issued.
  static constexpr std::chrono::hours kRememberExpired{24};

  explicit TokenAuthority(std::shared_ptr<Clock> clock);

  IssuedToken issue(std::string account_id, std::string client_id, std::vector<std::string> scopes);
  // A user-level app's access token for what a code or refresh token granted.
  IssuedToken issue(const RefreshGrant& grant);
  TokenStatus check(std::string_view access_token) const;
  // The account a token fakezoom issued belongs to, expired or not; nothing for a token it
  // never issued (any token under --auth any).
  std::optional<std::string> account_of_token(std::string_view access_token) const;
  std::size_t size() const;

  // Zoom's authorization codes are good for five minutes, once (Zoom's OAuth page).
  static constexpr std::chrono::minutes kCodeLifetime{5};
  // A new code for what `code` says (its expires_at is set here).
  std::string issue_code(AuthorizationCode code);
  // The code's grant, once: a second redemption, or one after five minutes, finds nothing.
  std::optional<AuthorizationCode> redeem_code(std::string_view code);
  // A refresh token for `grant`; rotate() spends one and gives the next (the old one then
  // finds nothing), as Zoom rotates them on every refresh.
  std::string issue_refresh(RefreshGrant grant);
  // Only the client it was issued to may spend it; anyone else finds nothing and leaves it.
  std::optional<RefreshGrant> spend_refresh(std::string_view refresh_token, std::string_view client_id);
  // Ends a token now, as an hour passing would: it then answers "Access token is expired.", so
  // a client's refresh path is testable without waiting. Without a token, every one still
  // valid. Returns how many were valid and are now expired.
  std::size_t expire(std::optional<std::string_view> access_token = std::nullopt);
  bool issued(std::string_view access_token) const;  // expired or not, and not yet forgotten
  // POST /oauth/revoke: an access or refresh token issued to `client_id` ends, with every other
  // token of its authorization (Zoom's revoke ends the grant). False when it found none.
  bool revoke(std::string_view token, std::string_view client_id);
  // The user removed the app: every token of `client_id` for `user_id` ends. Returns how many
  // access and refresh tokens that were.
  std::size_t end_authorizations(std::string_view client_id, std::string_view user_id);
  // Whether a user-level token was ever issued: only then does `me` need the token looked up
  // under --auth any.
  bool has_user_tokens() const { return has_user_tokens_.load(std::memory_order_relaxed); }

  // What POST /oauth/token answers as "api_url": where this server serves the API. The HTTP
  // server sets it once it knows its port; until then the request's Host header stands in.
  void set_api_url(std::string url);
  std::string api_url() const;

  const Clock& clock() const { return *clock_; }

private:
  IssuedToken issue_grant(Grant grant);  // expires_at set here
  void forget_long_expired(Clock::time_point now);  // with mutex_ held

  std::shared_ptr<Clock> clock_;
  mutable std::mutex mutex_;
  std::unordered_map<std::string, Grant> tokens_;
  std::unordered_map<std::string, AuthorizationCode> codes_;
  std::unordered_map<std::string, RefreshGrant> refresh_;
  std::mt19937_64 random_;
  std::uint64_t issued_ = 0;
  std::atomic<bool> has_user_tokens_{false};
  std::string api_url_;
};

}  // namespace fakezoom
