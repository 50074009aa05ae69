#include "fakezoom/zoom/accounts.hpp"

namespace fakezoom {

void AccountDirectory::add(OAuthAccount account) { accounts_.push_back(std::move(account)); }

const OAuthAccount* AccountDirectory::find(std::string_view account_id) const {
  for (const auto& account : accounts_)
    if (account.id == account_id) return &account;
  return nullptr;
}

AppOfAccount AccountDirectory::find_app(std::string_view client_id) const {
  for (const auto& account : accounts_)
    for (const auto& app : account.apps)
      if (app.client_id == client_id) return {&account, &app};
  return {};
}

}  // namespace fakezoom
