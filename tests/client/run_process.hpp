// run_process: runs a command (no shell) and captures its exit code, stdout and stderr, for
// tests of the fakezoom-client executable.
#pragma once

#include <string>
#include <vector>

namespace fakezoom::client::test {

struct ProcessResult {
  int exit_code = -1;  // 128 + signal number when the process was killed by a signal
  std::string out;
  std::string err;
};

ProcessResult run_process(const std::vector<std::string>& argv);

}  // namespace fakezoom::client::test
