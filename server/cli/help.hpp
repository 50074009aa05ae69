// Every command's options as one table: the parser's spec and the --help text come from it,
// so help lists every flag with its default, and a typo can be answered with the closest name.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "args.hpp"

namespace fakezoom::cli {

struct Option {
  std::string name;      // "--port"
  std::string value;     // "N"; empty: a flag without a value
  std::string fallback;  // shown as "(default: ...)"; empty: none
  std::string help;      // may hold "\n" for more lines
  bool repeatable = false;
};

struct OptionGroup {
  std::string title;
  std::vector<Option> options;
};

struct CommandHelp {
  std::string name;      // "serve"
  std::string synopsis;  // after "usage: fakezoom serve "
  std::string about;     // a paragraph
  std::vector<OptionGroup> groups;
};

OptionSpec spec_of(const CommandHelp& command);  // --help included
std::string help_text(const CommandHelp& command);
// "fakezoom serve: MESSAGE" and where to read more: a usage error does not bury its one line
// under the whole help.
std::string usage_error_text(const CommandHelp& command, const std::string& message);

// The candidate nearest to `word` by edit distance, when it is near enough to be a typo.
std::string closest(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace fakezoom::cli
