// The engine's defaults that its users repeat (EngineOptions, the embeddable ServerOptions, the
// CLI's help), written once. Light on purpose: fakezoom/server.hpp includes it.
#pragma once

#include <string_view>

namespace fakezoom {

inline constexpr std::string_view kDefaultAdminPrefix = "/__admin";

}  // namespace fakezoom
