// The users fakezoom knows: the shipped users fixture, plus `me`. A `:userId` that is not
// known gets the route's documented 404, as Zoom answers "User does not exist".
#pragma once

#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace fakezoom {

struct User {
  std::string id;
  std::string email;
};

class UserDirectory {
public:
  void add(User user);
  // An id (exact) or an email (case-insensitive, as Zoom treats them); `me` always.
  bool knows(std::string_view id_or_email) const;
  const std::vector<User>& users() const { return users_; }

private:
  std::vector<User> users_;
  std::unordered_set<std::string> ids_;
  std::unordered_set<std::string> emails_;  // lower case
};

}  // namespace fakezoom
