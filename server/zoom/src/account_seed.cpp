#include "fakezoom/zoom/account_seed.hpp"

#include <algorithm>
#include <cctype>
#include <optional>
#include <set>

namespace fakezoom {

namespace {
std::set<std::string> documented_values(const FixtureSet& fixtures, const std::string& name) {
  std::set<std::string> values;
  for (const auto& route : fixtures.routes.routes()) {
    auto it = route.documented_params.find(name);
    if (it != route.documented_params.end()) values.insert(it->second.begin(), it->second.end());
  }
  values.erase("me");
  // The seed's own example documents ":userId" itself (its request leaves the variable
  // unresolved): that too is a documented request, answered as documented.
  values.erase("");
  return values;
}

// Without a users fixture (a spec served alone) the owner, `me`, is the user that "Get a
// user" documents: its 200 example, whole.
std::optional<nlohmann::json> documented_owner(const FixtureSet& fixtures) {
  for (const auto& route : fixtures.routes.routes()) {
    const auto& segments = route.path.segments();
    if (route.method != "GET" || segments.size() < 2 || !segments.back().is_param ||
        segments[segments.size() - 2].text != "users" || segments[segments.size() - 2].is_param)
      continue;
    for (const auto& example : route.examples) {
      if (example.status != 200) continue;
      const auto body = nlohmann::json::parse(example.body, nullptr, false);
      if (!body.is_object() || !body.contains("id") || !body["id"].is_string() || !body.contains("email") ||
          !body["email"].is_string())
        continue;
      nlohmann::json owner = body;
      owner["type"] = 1;
      owner["status"] = "active";
      return owner;
    }
  }
  return std::nullopt;
}

bool is_number(const std::string& text) {
  return !text.empty() && text.size() < 19 &&
         std::all_of(text.begin(), text.end(), [](unsigned char c) { return std::isdigit(c); });
}
}  // namespace

AccountSeed account_seed(const FixtureSet& fixtures) {
  AccountSeed seed;
  nlohmann::json users = nlohmann::json::array();
  std::set<std::string> ids;
  for (const auto& user : fixtures.users.users()) {
    if (!ids.insert(user.id).second) continue;
    users.push_back({{"id", user.id}, {"email", user.email}, {"type", 1}, {"status", "active"}});
  }
  if (users.empty())
    if (auto owner = documented_owner(fixtures)) {
      ids.insert((*owner)["id"].get<std::string>());
      users.push_back(std::move(*owner));
    }
  for (const auto& id : documented_values(fixtures, "userId")) {
    if (!ids.insert(id).second) continue;
    users.push_back({{"id", id}, {"status", "active"}});
    seed.documented_users.insert(id);
  }
  nlohmann::json meetings = nlohmann::json::array();
  if (!users.empty()) {
    const std::string owner = users[0]["id"];
    for (const auto& id : documented_values(fixtures, "meetingId")) {
      nlohmann::json meeting = {{"host_id", owner}, {"type", 2}};
      if (is_number(id))
        meeting["id"] = std::stoll(id);
      else
        meeting["id"] = id;
      meetings.push_back(std::move(meeting));
      seed.documented_meetings.insert(id);
    }
  }
  seed.document = {{"users", std::move(users)}, {"meetings", std::move(meetings)}};
  return seed;
}

}  // namespace fakezoom
