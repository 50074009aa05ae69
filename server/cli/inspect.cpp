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

Parsed parse_or_usage(const std::vector<std::string>& argv, const CommandHelp& command) {
  auto parsed = parse_args(argv, spec_of(command));
  if (!parsed.error.empty() || !parsed.args.positional.empty()) {
    std::cerr << usage_error_text(
        command, parsed.error.empty() ? "unexpected argument " + parsed.args.positional[0] : parsed.error);
    return {std::nullopt, kExitUsage};
  }
  if (parsed.args.has("--help")) {
    std::cout << help_text(command);
    return {std::nullopt, kExitOk};
  }
  return {parsed.args, kExitOk};
}

CommandHelp routes_help() {
  return {"routes",
          "[options]",
          "Lists each route (method, path, id) and its examples (status, id, name).",
          {{"output", {{"--json", "", "text", "one JSON document instead of text"}}}, fixture_options()}};
}

CommandHelp lint_help() {
  return {"lint",
          "[options]",
          "Checks fixtures: duplicate example names on one route, routes defined twice (their\n"
          "examples unreachable), routes without examples. Exit 1 when it finds a problem.",
          {fixture_options()}};
}

}  // namespace

int routes(const std::vector<std::string>& argv) {
  auto [args, exit_code] = parse_or_usage(argv, routes_help());
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
  auto [args, exit_code] = parse_or_usage(argv, lint_help());
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
