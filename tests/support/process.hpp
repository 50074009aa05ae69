// Runs a command for a CLI test: its stdout and stderr captured, lines read with a deadline,
// signals sent, exit awaited. A child still running when the Process is destroyed is killed.
#pragma once

#include <sys/types.h>

#include <chrono>
#include <optional>
#include <string>
#include <vector>

namespace fakezoom::test {

class Process {
public:
  explicit Process(std::vector<std::string> argv);
  Process(const Process&) = delete;
  Process& operator=(const Process&) = delete;
  ~Process();

  // The next stdout line, or nothing if none came before the deadline (or stdout closed).
  std::optional<std::string> read_line(std::chrono::milliseconds timeout = std::chrono::seconds(10));
  void signal(int signal_number);
  // The exit code (128 + signal for a signal), or nothing if it still runs after the timeout.
  std::optional<int> wait(std::chrono::milliseconds timeout = std::chrono::seconds(10));
  // Everything it wrote to stderr so far (call after wait()).
  std::string stderr_text();
  std::string stdout_rest();
  pid_t pid() const { return pid_; }

private:
  void drain(int fd, std::string& into, std::chrono::milliseconds timeout);
  pid_t pid_ = -1;
  int out_ = -1, err_ = -1;
  std::string out_buffer_, err_buffer_;
  std::optional<int> exit_code_;
};

struct RunResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

// Runs to completion (killed after the timeout, exit_code -1).
RunResult run(std::vector<std::string> argv, std::chrono::milliseconds timeout = std::chrono::seconds(30));

}  // namespace fakezoom::test
