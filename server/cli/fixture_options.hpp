// Options every command that reads fixtures shares: --fixtures (repeatable), --base-path.
#pragma once

#include <iostream>
#include <optional>

#include "args.hpp"
#include "fakezoom/fixtures/loader.hpp"

namespace fakezoom::cli {

inline constexpr const char* kFixtureOptionsHelp =
    "  --fixtures PATH     a Postman collection or item, a users fixture, or a folder of them\n"
    "                      (repeatable; default: ./fixtures)\n"
    "  --base-path PATH    the API's base path, replacing the one from {{baseUrl}} (default /v2)\n";

inline void add_fixture_options(OptionSpec& spec) {
  spec.with_value.insert({"--fixtures", "--base-path"});
}

inline std::vector<std::string> fixture_paths(const Args& args) {
  auto paths = args.all("--fixtures");
  if (paths.empty()) paths.push_back("fixtures");
  return paths;
}

inline LoadOptions load_options(const Args& args) { return LoadOptions{args.last("--base-path")}; }

// Loads, or prints every problem and returns nothing (the caller exits 2).
inline std::optional<FixtureSet> load_or_report(const Args& args) {
  try {
    return load_fixtures(fixture_paths(args), load_options(args));
  } catch (const FixtureError& error) {
    std::cerr << "fakezoom: cannot load fixtures: " << error.what() << "\n";
    return std::nullopt;
  }
}

}  // namespace fakezoom::cli
