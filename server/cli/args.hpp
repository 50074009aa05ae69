// A small command-line parser: `--name value`, `--name=value`, repeatable options, flags.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace fakezoom::cli {

struct OptionSpec {
  std::set<std::string> with_value;  // "--port"
  std::set<std::string> flags;       // "--verbatim"
};

struct Args {
  std::map<std::string, std::vector<std::string>> values;
  std::set<std::string> flags;
  std::vector<std::string> positional;

  std::optional<std::string> last(const std::string& name) const;
  std::vector<std::string> all(const std::string& name) const;
  bool has(const std::string& flag) const { return flags.count(flag) > 0; }
};

struct ParseResult {
  Args args;
  std::string error;  // non-empty: a usage error
};

ParseResult parse_args(const std::vector<std::string>& argv, const OptionSpec& spec);

// Exit codes every command shares.
inline constexpr int kExitOk = 0;
inline constexpr int kExitChecksFailed = 1;
inline constexpr int kExitUsage = 2;

}  // namespace fakezoom::cli
