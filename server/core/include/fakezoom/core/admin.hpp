// The admin API under `/__admin` (the prefix is an option), in WireMock's shapes so its habits
// and clients carry over. Admin requests are never journaled. Bad input gets 400 naming the
// field and changes nothing. One concept per source file: admin.cpp routes and answers the
// small endpoints, admin_requests.cpp the journal, admin_mappings.cpp routes, examples,
// overrides and reloads.
#pragma once

#include <string_view>

#include <nlohmann/json.hpp>

#include "fakezoom/core/fixture_set.hpp"
#include "fakezoom/core/http_message.hpp"
#include "fakezoom/core/journal_json.hpp"  // to_json(JournalEntry)

namespace fakezoom {

inline constexpr std::string_view kVersion = "0.1.0";

class Engine;

struct AdminContext {
  Engine& engine;
  const FixtureSet& fixtures;  // the set serving when the admin request came in
};

// `path` is the part after the admin prefix ("/health").
HttpResponse handle_admin(const HttpRequest& request, std::string_view path, AdminContext context);

}  // namespace fakezoom
