// `fakezoom replay`: every documented example's request sent to a base URL, each answer checked.
#include <chrono>
#include <fstream>
#include <iostream>
#include <regex>

#include "commands.hpp"
#include "fakezoom/client.hpp"
#include "fakezoom/replay/replay.hpp"
#include "fakezoom/spec/response_check.hpp"
#include "fixture_options.hpp"

namespace fakezoom::cli {

namespace {

CommandHelp replay_help() {
  return {"replay",
          "--base-url URL [options]",
          "Sends each documented example's request (variables resolved, x-mock-response-name naming\n"
          "the example) to URL and checks status, Content-Type and body against the documented ones.\n"
          "Prints a line per example and closes with `N passed, N failed`.",
          {{"target",
            {{"--base-url", "URL", "", "where the API lives, base path included: http://127.0.0.1:8080/v2 (required)"},
             {"--token", "T", "fakezoom-replay", "bearer token to send"},
             {"--timeout-ms", "N", "10000", "per-request read timeout"},
             {"--ca-file", "FILE", "the system's CAs", "PEM certificate(s) to trust for an https URL"}}},
           {"checks",
            {{"--only", "REGEX", "every example", "only examples whose \"METHOD /path id name\" matches"},
             {"--compare", "MODE", "exact", "exact: JSON bodies equal; shape: same types and keys, for the\n"
                                            "real Zoom API whose values differ from the documented ones"},
             {"--spec", "FILE", "", "also check each answer against this OpenAPI 3 / Swagger 2.0 spec: a documented\n"
                                    "status, its Content-Type and its body schema (each mismatch with its JSON pointer)"},
             {"--junit", "FILE", "", "also write a JUnit XML report"}}},
           fixture_options()}};
}

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

}  // namespace

int replay(const std::vector<std::string>& argv) {
  auto parsed = parse_args(argv, spec_of(replay_help()));
  auto usage = [](const std::string& message) {
    std::cerr << usage_error_text(replay_help(), message);
    return kExitUsage;
  };
  if (!parsed.error.empty()) return usage(parsed.error);
  const Args& args = parsed.args;
  if (args.has("--help")) {
    std::cout << help_text(replay_help());
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
  std::optional<ResponseCheck> spec;
  if (auto file = args.last("--spec")) {
    try {
      spec.emplace(ResponseCheck::load(*file));
    } catch (const FixtureError& error) {
      std::cerr << "fakezoom replay: cannot load spec: " << error.what() << "\n";
      return kExitUsage;
    }
  }
  std::size_t spec_checked = 0, spec_conforming = 0;

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
      if (const auto& answer = zoom.last_response()) {
        verdict = replay::judge(example, *answer, comparison);
        const auto mismatches =
            spec ? spec->check(route.method, route.path, answer->status, answer->header("Content-Type").value_or(""),
                               answer->body)
                 : std::nullopt;
        if (mismatches) {
          ++spec_checked;
          if (mismatches->empty()) ++spec_conforming;
          for (const auto& mismatch : *mismatches)
            verdict.detail += std::string(verdict.detail.empty() ? "" : "; ") + "spec: " + mismatch.to_string();
          verdict.passed = verdict.passed && mismatches->empty();
        }
      } else
        verdict = {false, result ? "no answer" : result.error().message};
      std::cout << (verdict.passed ? "PASS " : "FAIL ") << route_name << "  " << example.status << " " << example.id
                << (verdict.passed ? "" : ": " + verdict.detail) << "\n";
      results.push_back({route_name, example.id, example.folded_name, verdict, seconds_since(case_started)});
    }
  }
  std::size_t passed = 0;
  for (const auto& r : results) passed += r.verdict.passed ? 1 : 0;
  if (spec)
    std::cout << spec_conforming << " of " << spec_checked << " answers on the spec's operations conform to it ("
              << results.size() - spec_checked << " on routes it does not document)\n";
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
