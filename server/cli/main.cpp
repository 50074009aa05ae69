// `fakezoom`: a fake Zoom API serving documented examples from Postman fixtures.
#include <iostream>
#include <string>
#include <vector>

#include "args.hpp"
#include "commands.hpp"
#include "help.hpp"
#include "fakezoom/version.hpp"

namespace {

constexpr const char* kUsage = R"(usage: fakezoom <command> [options]

A fake Zoom API that serves the documented examples of Postman collections.

commands:
  serve    serve the fixtures over HTTP (default: Zoom's current API on http://127.0.0.1:8080)
  routes   list the routes and examples the fixtures define
  lint     check fixtures; exit 1 on problems
  replay   send every documented example to a base URL and check the answers

options:
  --help, -h   this text; `fakezoom <command> --help` lists a command's options and defaults
  --version    fakezoom's version

Run `fakezoom <command> --help` for a command's options.
Exit codes: 0 ok, 1 checks failed, 2 usage or fixture error.
)";

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty() || args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
    (args.empty() ? std::cerr : std::cout) << kUsage;
    return args.empty() ? fakezoom::cli::kExitUsage : fakezoom::cli::kExitOk;
  }
  if (args[0] == "--version") {
    std::cout << "fakezoom " << fakezoom::kVersion << "\n";
    return 0;
  }
  const std::string command = args[0];
  args.erase(args.begin());
  if (command == "serve") return fakezoom::cli::serve(args);
  if (command == "routes") return fakezoom::cli::routes(args);
  if (command == "lint") return fakezoom::cli::lint(args);
  if (command == "replay") return fakezoom::cli::replay(args);
  std::cerr << "fakezoom: unknown command '" << command << "'";
  if (auto near = fakezoom::cli::closest(command, {"serve", "routes", "lint", "replay", "help"}); !near.empty())
    std::cerr << " (did you mean '" << near << "'?)";
  std::cerr << "\n\n" << kUsage;
  return fakezoom::cli::kExitUsage;
}
