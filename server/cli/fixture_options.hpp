// Options every command that reads fixtures shares: --fixtures (repeatable), --base-path.
#pragma once

#include <iostream>
#include <optional>

#include "args.hpp"
#include "help.hpp"
#include "fakezoom/fixtures/loader.hpp"
#include "fakezoom/server.hpp"  // default_fixtures
#include "fakezoom/spec/spec.hpp"

namespace fakezoom::cli {

inline OptionGroup fixture_options() {
  return {"fixtures",
          {{"--fixtures", "PATH", "Zoom's current API", "a Postman collection or item, an OpenAPI 3 or Swagger 2.0 spec,\na users or accounts fixture, or a folder of them (default: the shipped\nfixtures and Zoom's 2026 specs, docs/fixtures.md)", true},
           {"--base-path", "PATH", "from {{baseUrl}}, /v2", "the API's base path, replacing the one from {{baseUrl}}"}}};
}

inline std::vector<std::string> fixture_paths(const Args& args) {
  auto paths = args.all("--fixtures");
  if (paths.empty()) paths = default_fixtures().fixtures;
  return paths;
}

inline LoadOptions load_options(const Args& args) { return LoadOptions{args.last("--base-path")}; }

// Loads, or prints every problem and returns nothing (the caller exits 2).
inline std::optional<FixtureSet> load_or_report(const Args& args) {
  try {
    return load_fixtures_with_specs(fixture_paths(args), load_options(args), {});
  } catch (const FixtureError& error) {
    std::cerr << "fakezoom: cannot load fixtures: " << error.what() << "\n";
    return std::nullopt;
  }
}

}  // namespace fakezoom::cli
