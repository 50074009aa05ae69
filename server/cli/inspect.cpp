// `fakezoom routes` and `fakezoom lint`: what the fixtures define, and what is wrong with them.
#include <iostream>

#include <nlohmann/json.hpp>

#include "commands.hpp"
#include "fixture_options.hpp"
#include "fakezoom/fixtures/lint.hpp"

namespace fakezoom::cli {

namespace {

// Args to run with, or the exit code when --help or a usage error ends the command here.
struct Parsed {
  std::optional<Args> args;
  int exit_code = kExitOk;
};

Parsed parse_or_usage(const std::vector<std::string>& argv, OptionSpec spec, const char* usage) {
  add_fixture_options(spec);
  spec.flags.insert("--help");
  auto parsed = parse_args(argv, spec);
  if (!parsed.error.empty() || !parsed.args.positional.empty()) {
    std::cerr << "fakezoom: " << (parsed.error.empty() ? "unexpected argument " + parsed.args.positional[0] : parsed.error)
              << "\n\n" << usage << kFixtureOptionsHelp;
    return {std::nullopt, kExitUsage};
  }
  if (parsed.args.has("--help")) {
    std::cout << usage << kFixtureOptionsHelp;
    return {std::nullopt, kExitOk};
  }
  return {parsed.args, kExitOk};
}

constexpr const char* kRoutesUsage =
    "usage: fakezoom routes [--fixtures PATH]... [--base-path /v2] [--json]\n\n"
    "Lists each route (method, path, id) and its examples (status, id, name).\n\n"
    "options:\n"
    "  --json              one JSON document instead of text\n";

constexpr const char* kLintUsage =
    "usage: fakezoom lint [--fixtures PATH]... [--base-path /v2]\n\n"
    "Checks fixtures: duplicate example names on one route, routes defined twice (their\n"
    "examples unreachable), routes without examples. Exit 1 when it finds a problem.\n\n"
    "options:\n";

}  // namespace

int routes(const std::vector<std::string>& argv) {
  auto [args, exit_code] = parse_or_usage(argv, OptionSpec{{}, {"--json"}}, kRoutesUsage);
  if (!args) return exit_code;
  auto fixtures = load_or_report(*args);
  if (!fixtures) return kExitUsage;

  if (args->has("--json")) {
    nlohmann::json list = nlohmann::json::array();
    for (const auto& route : fixtures->routes.routes()) {
      nlohmann::json examples = nlohmann::json::array();
      for (const auto& e : route.examples) examples.push_back({{"id", e.id}, {"status", e.status}, {"name", e.folded_name}});
      list.push_back({{"id", route.id}, {"method", route.method}, {"path", route.path.to_string()},
                      {"name", route.name}, {"source", route.source.file + "#" + route.source.pointer},
                      {"examples", examples}});
    }
    std::cout << nlohmann::json{{"routes", list}}.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
    return kExitOk;
  }
  for (const auto& route : fixtures->routes.routes()) {
    std::cout << route.method << " " << route.path.to_string() << "  (" << route.id << ")  " << route.name << "\n";
    for (const auto& e : route.examples) std::cout << "    " << e.status << "  " << e.id << "  " << e.folded_name << "\n";
  }
  std::cout << fixtures->routes.routes().size() << " routes, " << fixtures->example_count() << " examples\n";
  return kExitOk;
}

int lint(const std::vector<std::string>& argv) {
  auto [args, exit_code] = parse_or_usage(argv, OptionSpec{}, kLintUsage);
  if (!args) return exit_code;
  auto fixtures = load_or_report(*args);
  if (!fixtures) return kExitUsage;
  const auto problems = fakezoom::lint(*fixtures);
  for (const auto& problem : problems) std::cout << problem.to_string() << "\n";
  std::cout << problems.size() << " problem" << (problems.size() == 1 ? "" : "s") << " in "
            << fixtures->routes.routes().size() << " routes, " << fixtures->example_count() << " examples\n";
  return problems.empty() ? kExitOk : kExitChecksFailed;
}

}  // namespace fakezoom::cli
