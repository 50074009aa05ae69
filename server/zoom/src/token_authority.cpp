#include "fakezoom/zoom/token_authority.hpp"

#include <cstdio>

namespace fakezoom {

namespace {

std::string hex(std::uint64_t value) {
  char text[17];
  std::snprintf(text, sizeof text, "%016llx", static_cast<unsigned long long>(value));
  return text;
}

}  // namespace

TokenAuthority::TokenAuthority(std::shared_ptr<Clock> clock)
    : clock_(clock ? std::move(clock) : system_clock()), random_(std::random_device{}()) {}

IssuedToken TokenAuthority::issue(std::string account_id, std::string client_id, std::vector<std::string> scopes) {
  return issue_grant({std::move(account_id), std::move(client_id), std::move(scopes), {}, {}, {}});
}

IssuedToken TokenAuthority::issue(const RefreshGrant& grant) {
  has_user_tokens_.store(true, std::memory_order_relaxed);
  return issue_grant({grant.account_id, grant.client_id, grant.scopes, {}, grant.user_id, grant.authorization});
}

IssuedToken TokenAuthority::issue_grant(Grant grant) {
  const auto now = clock_->now();
  IssuedToken issued;
  issued.expires_in = kLifetime;
  grant.expires_at = now + kLifetime;
  issued.grant = std::move(grant);
  std::lock_guard lock(mutex_);
  // Opaque, unguessable enough for a fake, and never the same twice in one server (the
  // counter); "fz" tells a reader whose token it is.
  issued.access_token = "fz." + hex(++issued_) + "." + hex(random_()) + hex(random_());
  // Cleaning on issue keeps the check path a plain lookup.
  if (tokens_.size() >= 1024) forget_long_expired(now);
  tokens_.emplace(issued.access_token, issued.grant);
  return issued;
}

void TokenAuthority::forget_long_expired(Clock::time_point now) {
  for (auto it = tokens_.begin(); it != tokens_.end();) {
    if (it->second.expires_at + kRememberExpired < now)
      it = tokens_.erase(it);
    else
      ++it;
  }
}

TokenStatus TokenAuthority::check(std::string_view access_token) const {
  const auto now = clock_->now();
  std::lock_guard lock(mutex_);
  auto it = tokens_.find(std::string(access_token));
  if (it == tokens_.end()) return {};
  // Zoom's token is good for expires_in seconds: at exactly 3600 s it has expired.
  return {now < it->second.expires_at ? TokenStatus::State::valid : TokenStatus::State::expired, it->second};
}

std::optional<std::string> TokenAuthority::account_of_token(std::string_view access_token) const {
  std::lock_guard lock(mutex_);
  auto it = tokens_.find(std::string(access_token));
  if (it == tokens_.end()) return std::nullopt;
  return it->second.account_id;
}

std::size_t TokenAuthority::expire(std::optional<std::string_view> access_token) {
  const auto now = clock_->now();
  std::lock_guard lock(mutex_);
  std::size_t ended = 0;
  const auto end = [&](Grant& grant) {
    if (grant.expires_at <= now) return;
    grant.expires_at = now;  // check() says expired from this instant on
    ++ended;
  };
  if (access_token) {
    if (auto it = tokens_.find(std::string(*access_token)); it != tokens_.end()) end(it->second);
  } else {
    for (auto& [token, grant] : tokens_) end(grant);
  }
  return ended;
}

std::string TokenAuthority::issue_code(AuthorizationCode code) {
  const auto now = clock_->now();
  code.expires_at = now + kCodeLifetime;
  std::lock_guard lock(mutex_);
  std::string text = "fzc" + hex(++issued_) + hex(random_()) + hex(random_());
  // Codes nobody redeemed stay bounded: the expired ones go when many are held.
  if (codes_.size() >= 1024)
    std::erase_if(codes_, [&](const auto& entry) { return entry.second.expires_at <= now; });
  codes_.emplace(text, std::move(code));
  return text;
}

std::optional<AuthorizationCode> TokenAuthority::redeem_code(std::string_view code) {
  const auto now = clock_->now();
  std::lock_guard lock(mutex_);
  auto it = codes_.find(std::string(code));
  if (it == codes_.end()) return std::nullopt;
  AuthorizationCode found = std::move(it->second);
  codes_.erase(it);  // once, whatever the answer
  if (found.expires_at <= now) return std::nullopt;
  return found;
}

std::string TokenAuthority::issue_refresh(RefreshGrant grant) {
  std::lock_guard lock(mutex_);
  std::string text = "fzr." + hex(++issued_) + "." + hex(random_()) + hex(random_());
  refresh_.emplace(text, std::move(grant));
  return text;
}

std::optional<RefreshGrant> TokenAuthority::spend_refresh(std::string_view refresh_token, std::string_view client_id) {
  std::lock_guard lock(mutex_);
  auto it = refresh_.find(std::string(refresh_token));
  if (it == refresh_.end() || it->second.client_id != client_id) return std::nullopt;
  RefreshGrant grant = std::move(it->second);
  refresh_.erase(it);
  return grant;
}

bool TokenAuthority::revoke(std::string_view token, std::string_view client_id) {
  std::lock_guard lock(mutex_);
  const std::string key(token);
  std::string authorization;
  if (auto it = tokens_.find(key); it != tokens_.end() && it->second.client_id == client_id) {
    authorization = it->second.authorization;
    tokens_.erase(it);
  } else if (auto refresh = refresh_.find(key); refresh != refresh_.end() && refresh->second.client_id == client_id) {
    authorization = refresh->second.authorization;
    refresh_.erase(refresh);
  } else {
    return false;
  }
  if (!authorization.empty()) {
    std::erase_if(tokens_, [&](const auto& entry) { return entry.second.authorization == authorization; });
    std::erase_if(refresh_, [&](const auto& entry) { return entry.second.authorization == authorization; });
  }
  return true;
}

std::size_t TokenAuthority::end_authorizations(std::string_view client_id, std::string_view user_id) {
  std::lock_guard lock(mutex_);
  const auto of_user = [&](const auto& entry) {
    return !entry.second.authorization.empty() && entry.second.client_id == client_id && entry.second.user_id == user_id;
  };
  return std::erase_if(tokens_, of_user) + std::erase_if(refresh_, of_user);
}

bool TokenAuthority::issued(std::string_view access_token) const {
  std::lock_guard lock(mutex_);
  return tokens_.count(std::string(access_token)) > 0;
}

std::size_t TokenAuthority::size() const {
  std::lock_guard lock(mutex_);
  return tokens_.size();
}

void TokenAuthority::set_api_url(std::string url) {
  std::lock_guard lock(mutex_);
  api_url_ = std::move(url);
}

std::string TokenAuthority::api_url() const {
  std::lock_guard lock(mutex_);
  return api_url_;
}

}  // namespace fakezoom
