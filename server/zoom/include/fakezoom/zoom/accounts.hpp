// The Zoom accounts fakezoom knows and their Server-to-Server OAuth apps (from an accounts
// fixture): who may ask POST /oauth/token for a token, which scopes that token carries, and
// where the app's event notifications go.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace fakezoom {

// One of an app's event subscriptions (Zoom's "Event Subscriptions" feature): where its
// notifications go and which event types (none: all).
struct AppEventSubscription {
  std::string endpoint_url;
  std::vector<std::string> events;
  std::string file, pointer;  // where the accounts fixture gives it, for problems found later
};

struct OAuthApp {
  std::string client_id;
  std::string client_secret;
  std::vector<std::string> scopes;  // what its tokens are granted, in the fixture's order
  // Signs every notification of the app's event subscriptions (Zoom's "Secret Token").
  std::string secret_token;
  std::vector<AppEventSubscription> event_subscriptions;
  // A user-level OAuth app: where GET /oauth/authorize may send the user back (exact match,
  // as Zoom's app settings and allow list do). Empty: Server-to-Server only.
  std::vector<std::string> redirect_uris;
  bool user_denies = false;  // "consent": "deny": the user declines, as a test of that path needs
  // "user": who authorizes it at GET /oauth/authorize (an id or email of the account's users),
  // and so who "me" is with its tokens. Empty: the account's owner.
  std::string user;
};

// A Zoom account as Server-to-Server OAuth sees it: its id and its apps (the account that
// holds users and meetings is state/account.hpp).
struct OAuthAccount {
  std::string id;
  std::vector<OAuthApp> apps;
};

// An app found by its client id, with the account that owns it.
struct AppOfAccount {
  const OAuthAccount* account = nullptr;
  const OAuthApp* app = nullptr;
};

class AccountDirectory {
public:
  // A client id names one app across all accounts; the loader reports a second one.
  void add(OAuthAccount account);
  const OAuthAccount* find(std::string_view account_id) const;
  // Nothing (both null) for an unknown client id.
  AppOfAccount find_app(std::string_view client_id) const;
  bool knows_client(std::string_view client_id) const { return find_app(client_id).app != nullptr; }
  const std::vector<OAuthAccount>& accounts() const { return accounts_; }
  bool empty() const { return accounts_.empty(); }

private:
  std::vector<OAuthAccount> accounts_;
};

}  // namespace fakezoom
