// `fakezoom routes` and `fakezoom lint`: what the fixtures define, and what is wrong with them.
#include <iostream>

#include <map>
#include <optional>

#include <nlohmann/json.hpp>

#include "commands.hpp"
#include "fixture_options.hpp"
#include "fakezoom/spec/response_check.hpp"
#include "fakezoom/fixtures/lint.hpp"

namespace fakezoom::cli {

namespace {

std::string where(const SourceLocation& source) { return source.file + "#" + source.pointer; }

// Each example that breaks the spec its route comes from or was merged with (a spec given as a
// fixture): status, Content-Type and body as documented, against the operation's response.
// Nothing, with the reason on stderr, when such a spec cannot be read again.
std::optional<std::vector<Problem>> examples_against_their_specs(const FixtureSet& fixtures) {
  std::map<std::string, std::optional<ResponseCheck>> specs;
  const auto check_of = [&](const std::string& file) -> const ResponseCheck& {
    auto& slot = specs[file];
    if (!slot) slot.emplace(ResponseCheck::load(file));
    return *slot;
  };
  std::vector<Problem> problems;
  try {
    for (const auto& route : fixtures.routes.routes()) {
      std::vector<std::string> files;
      if (route.from_supplement) files.push_back(route.source.file);
      for (const auto& source : route.merged) files.push_back(source.file);
      for (const auto& file : files)
        for (const auto& example : route.examples) {
          auto found = check_of(file).check(route.method, route.path, example.status,
                                            example.headers.get("Content-Type").value_or(""), example.body);
          for (const auto& mismatch : found.value_or(std::vector<InputProblem>{}))
            problems.push_back({example.source.file, example.source.pointer,
                                example.id + " breaks " + file + ": " + mismatch.to_string()});
        }
    }
  } catch (const FixtureError& error) {
    std::cerr << "fakezoom: cannot load spec: " << error.what() << "\n";
    return std::nullopt;
  }
  return problems;
}

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
          "Examples that break the spec their route comes from (a spec given with --fixtures) are\n"
          "problems too. With a collection and a spec, notes each route only one of them documents\n"
          "(exit 0 for those).",
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
  auto problems = fakezoom::lint(*fixtures);
  if (auto spec_problems = examples_against_their_specs(*fixtures)) {
    problems.insert(problems.end(), spec_problems->begin(), spec_problems->end());
  } else {
    return kExitUsage;
  }
  for (const auto& problem : problems) std::cout << problem.to_string() << "\n";
  const auto notes = one_sided_routes(*fixtures);
  for (const auto& note : notes) std::cout << "note: " << note.to_string() << "\n";
  if (!notes.empty()) std::cout << notes.size() << " route" << (notes.size() == 1 ? "" : "s") << " only one side documents\n";
  std::cout << problems.size() << " problem" << (problems.size() == 1 ? "" : "s") << " in "
            << fixtures->routes.routes().size() << " routes, " << fixtures->example_count() << " examples\n";
  return problems.empty() ? kExitOk : kExitChecksFailed;
}

}  // namespace fakezoom::cli
