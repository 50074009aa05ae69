// Everything the loaded fixtures define, immutable once built: the engine reads it from many
// threads without locks, and a reload swaps in a whole new one.
#pragma once

#include "fakezoom/zoom/accounts.hpp"
#include "fakezoom/model/route_table.hpp"
#include "fakezoom/zoom/users.hpp"

namespace fakezoom {

struct FixtureSet {
  RouteTable routes;
  UserDirectory users;
  AccountDirectory accounts;  // Server-to-Server OAuth apps (POST /oauth/token)

  std::size_t example_count() const;
  // Where the API lives: the first route's base path ("/v2").
  std::string base_path() const;
};

}  // namespace fakezoom
