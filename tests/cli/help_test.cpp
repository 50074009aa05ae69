// `--help` lists every option a command takes, with defaults; typos get the closest name.
#include <catch2/catch.hpp>

#include <regex>
#include <sstream>

#include "process.hpp"
#include "test_paths.hpp"

using fakezoom::test::run;

namespace {

struct ListedOption {
  std::string name;
  bool takes_value = false;
};

// The options as --help lists them: "  --port N   ..." lines.
std::vector<ListedOption> listed_options(const std::string& help) {
  std::vector<ListedOption> options;
  const std::regex line("^  (--[a-z-]+)( [^ (][^ ]*)?");
  std::istringstream in(help);
  for (std::string text; std::getline(in, text);) {
    std::smatch m;
    if (std::regex_search(text, m, line)) options.push_back({m[1], m[2].matched});
  }
  return options;
}

}  // namespace

TEST_CASE("every option --help lists is one the command accepts", "[cli][help]") {
  const std::string command = GENERATE(as<std::string>{}, "serve", "routes", "lint", "replay");
  const auto help = run({FAKEZOOM_EXE, command, "--help"});
  REQUIRE(help.exit_code == 0);
  const auto options = listed_options(help.out);
  CHECK(options.size() >= 2);
  for (const auto& option : options) {
    INFO(command << " " << option.name);
    // --help after the option: exit 0 only when the parser knew the option.
    const auto result = run({FAKEZOOM_EXE, command, option.takes_value ? option.name + "=x" : option.name, "--help"});
    CHECK(result.exit_code == 0);
  }
}

TEST_CASE("serve --help groups its options and shows their defaults", "[cli][help]") {
  const auto help = run({FAKEZOOM_EXE, "serve", "--help"}).out;
  for (const char* group : {"fixtures:", "network:", "answers:", "admin API and journal:", "faults and reload:",
                            "HTTPS:", "output:"}) {
    INFO(group);
    CHECK(help.find(std::string("\n") + group + "\n") != std::string::npos);
  }
  for (const char* fallback : {"(default: 8080)", "(default: 127.0.0.1)", "(default: 64)", "(default: text)",
                               "(default: any)", "(default: /__admin)", "(default: 10000)", "(default: pro)"}) {
    INFO(fallback);
    CHECK(help.find(fallback) != std::string::npos);
  }
}

TEST_CASE("a mistyped option or command names the closest one and exits 2", "[cli][help]") {
  SECTION("an option") {
    const auto result = run({FAKEZOOM_EXE, "serve", "--prot", "0"});
    CHECK(result.exit_code == 2);
    CHECK(result.err.find("unknown option --prot (did you mean --port?)") != std::string::npos);
    CHECK(result.err.find("fakezoom serve --help") != std::string::npos);
  }
  SECTION("an option of another command") {
    const auto result = run({FAKEZOOM_EXE, "replay", "--base-ulr", "http://127.0.0.1:1/v2"});
    CHECK(result.exit_code == 2);
    CHECK(result.err.find("(did you mean --base-url?)") != std::string::npos);
  }
  SECTION("a command") {
    const auto result = run({FAKEZOOM_EXE, "serv"});
    CHECK(result.exit_code == 2);
    CHECK(result.err.find("unknown command 'serv' (did you mean 'serve'?)") != std::string::npos);
  }
  SECTION("nothing close") {
    const auto result = run({FAKEZOOM_EXE, "serve", "--zzzzzzzzzz"});
    CHECK(result.exit_code == 2);
    CHECK(result.err.find("did you mean") == std::string::npos);
  }
}
