#include "process.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <stdexcept>
#include <thread>

namespace fakezoom::test {

using Clock = std::chrono::steady_clock;

Process::Process(std::vector<std::string> argv) {
  int out[2], err[2];
  if (pipe(out) != 0 || pipe(err) != 0) throw std::runtime_error("pipe failed");
  pid_ = fork();
  if (pid_ < 0) throw std::runtime_error("fork failed");
  if (pid_ == 0) {
    dup2(out[1], 1);
    dup2(err[1], 2);
    close(out[0]);
    close(out[1]);
    close(err[0]);
    close(err[1]);
    // A test runner may block signals; the child must see SIGTERM and SIGINT as usual.
    sigset_t none;
    sigemptyset(&none);
    sigprocmask(SIG_SETMASK, &none, nullptr);
    std::vector<char*> args;
    for (auto& a : argv) args.push_back(a.data());
    args.push_back(nullptr);
    execvp(args[0], args.data());
    _exit(127);
  }
  close(out[1]);
  close(err[1]);
  out_ = out[0];
  err_ = err[0];
  fcntl(out_, F_SETFL, O_NONBLOCK);
  fcntl(err_, F_SETFL, O_NONBLOCK);
}

Process::~Process() {
  if (!exit_code_ && pid_ > 0) {
    kill(pid_, SIGKILL);
    waitpid(pid_, nullptr, 0);
  }
  if (out_ >= 0) close(out_);
  if (err_ >= 0) close(err_);
}

void Process::drain(int fd, std::string& into, std::chrono::milliseconds timeout) {
  pollfd p{fd, POLLIN, 0};
  if (poll(&p, 1, static_cast<int>(timeout.count())) <= 0) return;
  char buffer[4096];
  ssize_t n;
  while ((n = read(fd, buffer, sizeof buffer)) > 0) into.append(buffer, static_cast<std::size_t>(n));
}

std::optional<std::string> Process::read_line(std::chrono::milliseconds timeout) {
  const auto deadline = Clock::now() + timeout;
  while (true) {
    if (auto nl = out_buffer_.find('\n'); nl != std::string::npos) {
      std::string line = out_buffer_.substr(0, nl);
      out_buffer_.erase(0, nl + 1);
      return line;
    }
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
    if (left.count() <= 0) return std::nullopt;
    pollfd p{out_, POLLIN, 0};
    if (poll(&p, 1, static_cast<int>(left.count())) <= 0) return std::nullopt;
    char buffer[4096];
    ssize_t n = read(out_, buffer, sizeof buffer);
    if (n == 0) return std::nullopt;  // closed
    if (n > 0) out_buffer_.append(buffer, static_cast<std::size_t>(n));
  }
}

void Process::signal(int signal_number) { kill(pid_, signal_number); }

std::optional<int> Process::wait(std::chrono::milliseconds timeout) {
  if (exit_code_) return exit_code_;
  const auto deadline = Clock::now() + timeout;
  while (true) {
    // Keep the pipes flowing so a chatty child never blocks on a full pipe.
    drain(out_, out_buffer_, std::chrono::milliseconds(0));
    drain(err_, err_buffer_, std::chrono::milliseconds(0));
    int status = 0;
    if (waitpid(pid_, &status, WNOHANG) == pid_) {
      exit_code_ = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
      drain(out_, out_buffer_, std::chrono::milliseconds(0));
      drain(err_, err_buffer_, std::chrono::milliseconds(0));
      return exit_code_;
    }
    if (Clock::now() > deadline) return std::nullopt;
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
}

std::string Process::stderr_text() {
  drain(err_, err_buffer_, std::chrono::milliseconds(0));
  return err_buffer_;
}

std::string Process::stdout_rest() {
  drain(out_, out_buffer_, std::chrono::milliseconds(0));
  return out_buffer_;
}

RunResult run(std::vector<std::string> argv, std::chrono::milliseconds timeout) {
  Process process(std::move(argv));
  RunResult result;
  auto code = process.wait(timeout);
  result.exit_code = code.value_or(-1);
  result.out = process.stdout_rest();
  result.err = process.stderr_text();
  return result;
}

}  // namespace fakezoom::test
