// The `fakezoom` subcommands. Each takes its arguments (after the command name) and returns
// the process exit code: 0 ok, 1 checks failed, 2 usage or fixture error.
#pragma once

#include <string>
#include <vector>

namespace fakezoom::cli {

int serve(const std::vector<std::string>& argv);
int routes(const std::vector<std::string>& argv);
int lint(const std::vector<std::string>& argv);
int replay(const std::vector<std::string>& argv);

}  // namespace fakezoom::cli
