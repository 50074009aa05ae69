// The admin API under `/__admin`, in WireMock's shapes so its habits and clients carry over.
#pragma once

#include <optional>
#include <string_view>

#include <nlohmann/json.hpp>

#include "fakezoom/core/fixture_set.hpp"
#include "fakezoom/core/http_message.hpp"
#include "fakezoom/core/journal.hpp"

namespace fakezoom {

inline constexpr std::string_view kVersion = "0.1.0";

// A journal entry as WireMock's `GET /__admin/requests` shows it, plus fakezoom's own fields.
nlohmann::json to_json(const JournalEntry& entry);

struct AdminContext {
  Journal& journal;
  const FixtureSet& fixtures;
};

// `path` is the part after the admin prefix ("/health"). No value: not an admin path.
HttpResponse handle_admin(const HttpRequest& request, std::string_view path, AdminContext context);

}  // namespace fakezoom
