// `fakezoom routes` and `fakezoom lint`: what the fixtures define, and what is wrong with them.
#include <iostream>

#include <nlohmann/json.hpp>

#include "commands.hpp"
#include "fixture_options.hpp"
#include "fakezoom/fixtures/lint.hpp"

namespace fakezoom::cli {

namespace {

std::string where(const SourceLocation& source) { return source.file + "#" + source.pointer; }

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
          "Lists each route (method, path, id) and its examples (status, id, name), and where\n"
          "each comes from: the spec merged into a collection's route, its examples marked.",
          {{"output", {{"--json", "", "text", "one JSON document instead of text"}}}, fixture_options()}};
}

CommandHelp lint_help() {
  return {"lint",
          "[options]",
          "Checks fixtures: duplicate example names on one route, routes defined twice (their\n"
          "examples unreachable), routes without examples. Exit 1 when it finds a problem.\n"
          "With a collection and a spec, notes each route only one of them documents (exit 0 for those).",
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
      for (const auto& e : route.examples)
        examples.push_back({{"id", e.id}, {"status", e.status}, {"name", e.folded_name}, {"source", where(e.source)}});
      nlohmann::json merged = nlohmann::json::array();
      for (const auto& source : route.merged) merged.push_back(where(source));
      list.push_back({{"id", route.id}, {"method", route.method}, {"path", route.path.to_string()},
                      {"name", route.name}, {"source", where(route.source)}, {"merged", merged},
                      {"examples", examples}});
    }
    std::cout << nlohmann::json{{"routes", list}}.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
    return kExitOk;
  }
  for (const auto& route : fixtures->routes.routes()) {
    std::cout << route.method << " " << route.path.to_string() << "  (" << route.id << ")  " << route.name << "\n";
    for (const auto& source : route.merged) std::cout << "    also in " << where(source) << "\n";
    for (const auto& e : route.examples) {
      std::cout << "    " << e.status << "  " << e.id << "  " << e.folded_name;
      // An example from another file than its route's came from the spec merged in.
      if (e.source.file != route.source.file) std::cout << "  [from " << e.source.file << "]";
      std::cout << "\n";
    }
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
  const auto notes = one_sided_routes(*fixtures);
  for (const auto& note : notes) std::cout << "note: " << note.to_string() << "\n";
  if (!notes.empty()) std::cout << notes.size() << " route" << (notes.size() == 1 ? "" : "s") << " only one side documents\n";
  std::cout << problems.size() << " problem" << (problems.size() == 1 ? "" : "s") << " in "
            << fixtures->routes.routes().size() << " routes, " << fixtures->example_count() << " examples\n";
  return problems.empty() ? kExitOk : kExitChecksFailed;
}

}  // namespace fakezoom::cli
