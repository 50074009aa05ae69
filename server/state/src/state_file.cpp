#include "fakezoom/state/state_file.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <sstream>

namespace fakezoom {

StateFileRead read_state_file(const std::string& path) {
  StateFileRead read;
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    if (errno != ENOENT) read.problems.push_back({path, "", std::string("cannot be read: ") + std::strerror(errno)});
    return read;
  }
  std::stringstream text;
  text << in.rdbuf();
  try {
    read.document = nlohmann::json::parse(text.str());
  } catch (const nlohmann::json::parse_error& e) {
    read.problems.push_back({path, "", std::string("is not JSON: ") + e.what()});
  }
  return read;
}

std::optional<std::string> write_state_file(const std::string& path, const nlohmann::json& document) {
  const std::string temporary = path + ".tmp." + std::to_string(::getpid());
  const std::string text = document.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
  const int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) return temporary + ": " + std::strerror(errno);
  std::size_t written = 0;
  while (written < text.size()) {
    const ssize_t n = ::write(fd, text.data() + written, text.size() - written);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      const std::string error = temporary + ": " + std::strerror(errno);
      ::close(fd);
      ::unlink(temporary.c_str());
      return error;
    }
    written += static_cast<std::size_t>(n);
  }
  // On disk before the rename: otherwise a crash could leave the new name on empty blocks.
  if (::fsync(fd) != 0 || ::close(fd) != 0) {
    const std::string error = temporary + ": " + std::strerror(errno);
    ::unlink(temporary.c_str());
    return error;
  }
  if (std::rename(temporary.c_str(), path.c_str()) != 0) {
    const std::string error = path + ": " + std::strerror(errno);
    ::unlink(temporary.c_str());
    return error;
  }
  return std::nullopt;
}

}  // namespace fakezoom
