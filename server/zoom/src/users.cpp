#include "fakezoom/zoom/users.hpp"

#include <cctype>

namespace fakezoom {

namespace {
std::string lower(std::string_view s) {
  std::string out(s);
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}
}  // namespace

void UserDirectory::add(User user) {
  ids_.insert(user.id);
  if (!user.email.empty()) emails_.insert(lower(user.email));
  users_.push_back(std::move(user));
}

bool UserDirectory::knows(std::string_view id_or_email) const {
  if (id_or_email == "me") return true;
  if (ids_.count(std::string(id_or_email))) return true;
  return id_or_email.find('@') != std::string_view::npos && emails_.count(lower(id_or_email));
}

}  // namespace fakezoom
