// `fakezoom replay`: every documented example's request sent to a base URL, each answer checked.
#include <chrono>
#include <fstream>
#include <iostream>
#include <regex>

#include "commands.hpp"
#include "fakezoom/client.hpp"
#include "fakezoom/replay/replay.hpp"
#include "fixture_options.hpp"

namespace fakezoom::cli {

namespace {

constexpr const char* kReplayUsage =
    "usage: fakezoom replay --base-url URL [--fixtures PATH]... [--token T] [--junit FILE]\n"
    "                       [--only REGEX] [--compare exact|shape] [--timeout-ms N] [--ca-file FILE]\n\n"
    "Sends each documented example's request (variables resolved, x-mock-response-name naming\n"
    "the example) to URL and checks status, Content-Type and body against the documented ones.\n"
    "Prints a line per example and closes with `N passed, N failed`.\n\n"
    "options:\n"
    "  --base-url URL      where the API lives, base path included: http://127.0.0.1:8080/v2\n"
    "  --token T           bearer token to send (default: fakezoom-replay)\n"
    "  --junit FILE        also write a JUnit XML report\n"
    "  --only REGEX        only examples whose \"METHOD /path id name\" matches\n"
    "  --compare MODE      exact: JSON bodies equal (default); shape: same types and keys, for the\n"
    "                      real Zoom API whose values differ from the documented ones\n"
    "  --timeout-ms N      per-request read timeout (default 10000)\n"
    "  --ca-file FILE      PEM certificate(s) to trust for an https URL instead of the system's CAs\n";

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

}  // namespace

int replay(const std::vector<std::string>& argv) {
  OptionSpec spec{{"--base-url", "--token", "--junit", "--only", "--compare", "--timeout-ms", "--ca-file"}, {"--help"}};
  add_fixture_options(spec);
  auto parsed = parse_args(argv, spec);
  auto usage = [](const std::string& message) {
    std::cerr << "fakezoom replay: " << message << "\n\n" << kReplayUsage << kFixtureOptionsHelp;
    return kExitUsage;
  };
  if (!parsed.error.empty()) return usage(parsed.error);
  const Args& args = parsed.args;
  if (args.has("--help")) {
    std::cout << kReplayUsage << kFixtureOptionsHelp;
    return kExitOk;
  }
  if (!args.positional.empty()) return usage("unexpected argument " + args.positional[0]);
  auto base_url = args.last("--base-url");
  if (!base_url) return usage("--base-url is required");
  const std::string compare = args.last("--compare").value_or("exact");
  if (compare != "exact" && compare != "shape") return usage("--compare must be exact or shape");
  const auto comparison = compare == "exact" ? replay::BodyComparison::exact : replay::BodyComparison::shape;
  std::optional<std::regex> only;
  if (auto pattern = args.last("--only")) {
    try {
      only.emplace(*pattern, std::regex::ECMAScript | std::regex::icase);
    } catch (const std::regex_error& e) {
      return usage("--only is not a valid regular expression: " + std::string(e.what()));
    }
  }
  long timeout_ms = 10000;
  try {
    timeout_ms = std::stol(args.last("--timeout-ms").value_or("10000"));
  } catch (const std::exception&) {
    return usage("--timeout-ms must be a number");
  }
  auto fixtures = load_or_report(args);
  if (!fixtures) return kExitUsage;

  client::Client zoom({.base_url = *base_url,
                       .bearer_token = args.last("--token").value_or("fakezoom-replay"),
                       .read_timeout = std::chrono::milliseconds(timeout_ms),
                       .user_agent = "fakezoom-replay/0.1",
                       .ca_file = args.last("--ca-file")});
  std::vector<replay::CaseResult> results;
  const auto started = Clock::now();
  for (const auto& route : fixtures->routes.routes()) {
    const std::string route_name = route.method + " " + route.path.to_string();
    for (const auto& example : route.examples) {
      if (only && !std::regex_search(route_name + " " + example.id + " " + example.folded_name, *only)) continue;
      const auto case_started = Clock::now();
      auto result = zoom.call(replay::request_for(route, example));
      replay::Verdict verdict;
      if (const auto& answer = zoom.last_response())
        verdict = replay::judge(example, *answer, comparison);
      else
        verdict = {false, result ? "no answer" : result.error().message};
      std::cout << (verdict.passed ? "PASS " : "FAIL ") << route_name << "  " << example.status << " " << example.id
                << (verdict.passed ? "" : ": " + verdict.detail) << "\n";
      results.push_back({route_name, example.id, example.folded_name, verdict, seconds_since(case_started)});
    }
  }
  std::size_t passed = 0;
  for (const auto& r : results) passed += r.verdict.passed ? 1 : 0;
  std::cout << passed << " passed, " << results.size() - passed << " failed" << std::endl;
  if (auto file = args.last("--junit")) {
    std::ofstream out(*file);
    if (!(out << replay::junit_xml(results, seconds_since(started)))) {
      std::cerr << "fakezoom replay: cannot write " << *file << "\n";
      return kExitUsage;
    }
  }
  return passed == results.size() ? kExitOk : kExitChecksFailed;
}

}  // namespace fakezoom::cli
