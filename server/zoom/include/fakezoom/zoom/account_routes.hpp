// Zoom's users and meetings routes answered from the account (state part) instead of the
// documented examples: created, read, listed a page at a time, changed and deleted. Answers
// take the shape of the route's documented example with the stored values filled in.
// docs/state.md lists the routes and the Zoom source of each behaviour.
#pragma once

#include <optional>
#include <string_view>

#include <nlohmann/json_fwd.hpp>

#include "fakezoom/model/http_fwd.hpp"
#include "fakezoom/model/query_params.hpp"
#include "fakezoom/model/outcome.hpp"
#include "fakezoom/model/route.hpp"
#include "fakezoom/state/account.hpp"

namespace fakezoom {

enum class AccountRoute {
  none,
  list_users, create_user, get_user, update_user, delete_user, user_status,
  list_meetings, create_meeting, get_meeting, update_meeting, delete_meeting, meeting_status,
};

// Which of them a route is, by method and path after its base path ("GET /users/{}").
AccountRoute account_route(const Route& route);
std::string_view to_string(AccountRoute route);

// Zoom's page sizes (the 2026 Users spec for users, the 2018 spec for meetings): the default,
// and the maximum a larger page_size is clamped to.
struct PageSizes {
  std::size_t default_size;
  std::size_t maximum;
};
PageSizes page_sizes(AccountRoute route);

// `userId` as the account knows it: `me` is `me_user` (a user-level token's user, by id or
// email) or, when that is empty, the account's owner.
std::string resolve_user(const Account& account, std::string_view user, std::string_view me_user = {});

// The account's answer, or nothing when the documented example answers (a documented record
// not changed since, a route the account does not model). `params` are the route's path values.
std::optional<Outcome> answer_from_account(Account& account, const Route& route, AccountRoute which,
                                           const PathParams& params, const QueryParams& query,
                                           const HttpRequest& request, std::string_view me_user = {});

}  // namespace fakezoom
