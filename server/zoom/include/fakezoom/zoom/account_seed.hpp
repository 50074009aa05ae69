// The account fakezoom starts with: the users fixture's users (the first is the owner, `me`),
// then every userId and meetingId value a fixture documents, so that a documented request
// finds what it names and is answered as documented.
#pragma once

#include "fakezoom/state/account.hpp"
#include "fakezoom/zoom/fixture_set.hpp"

namespace fakezoom {

AccountSeed account_seed(const FixtureSet& fixtures);

}  // namespace fakezoom
