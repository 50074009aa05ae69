#include "fakezoom/admin/admin.hpp"

#include "fakezoom/zoom/access.hpp"
#include "fakezoom/zoom/token_endpoint.hpp"

namespace fakezoom {

namespace {

// Compares every byte whatever differs first, so timing does not tell how much of a guess was right.
bool same_secret(std::string_view sent, std::string_view token) {
  if (token.empty() || sent.size() != token.size()) return false;
  unsigned char differ = 0;
  for (std::size_t i = 0; i < token.size(); ++i) differ |= static_cast<unsigned char>(sent[i] ^ token[i]);
  return differ == 0;
}

}  // namespace

bool admin_authorized(const HttpRequest& request, const std::optional<std::string>& admin_token) {
  if (!admin_token) return true;
  if (const std::string* header = request.headers.find("X-Admin-Token"); header && same_secret(*header, *admin_token))
    return true;
  if (const auto bearer = bearer_token(request.headers); bearer && same_secret(*bearer, *admin_token)) return true;
  // A browser on the admin page: HTTP Basic with the token as the password, any user name.
  const auto basic = basic_credentials(request.headers);
  return basic && same_secret(basic->password, *admin_token);
}

}  // namespace fakezoom
