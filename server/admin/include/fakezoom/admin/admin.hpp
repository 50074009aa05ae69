// The admin API under `/__admin` (the prefix is an option), in WireMock's shapes so its habits
// and clients carry over. Admin requests are never journaled. Bad input gets 400 naming the
// field and changes nothing. One concept per source file: admin.cpp routes and answers the
// small endpoints, admin_requests.cpp the journal, admin_mappings.cpp routes, examples,
// overrides and reloads.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "fakezoom/admin/admin_target.hpp"
#include "fakezoom/model/http_fwd.hpp"

namespace fakezoom {

struct FixtureSet;  // fakezoom/zoom/fixture_set.hpp

struct AdminContext {
  AdminTarget& target;
  const FixtureSet& fixtures;  // the set serving when the admin request came in
};

// `path` is the part after the admin prefix ("/health").
HttpResponse handle_admin(const HttpRequest& request, std::string_view path, AdminContext context);

// Whether an admin request carries the admin token (always true when none is set).
bool admin_authorized(const HttpRequest& request, const std::optional<std::string>& admin_token);

}  // namespace fakezoom
