// Which fixtures the server-side fuzz targets and the seed builder load, and loading them so
// that one file the loader refuses (a format still being written) costs only that file.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "fakezoom/fixtures/loader.hpp"

namespace fakezoom::fuzz {

// Fixture folders and files the server-side targets load; FAKEZOOM_FUZZ_FIXTURES (paths
// separated by ':') overrides what CMake compiled in (the shipped fixtures/ and, when present,
// Zoom's collection in ../shared/zoom-data).
// A default path that does not exist (no ../shared/zoom-data here) is left out.
inline std::vector<std::string> fixture_paths() {
  const char* env = std::getenv("FAKEZOOM_FUZZ_FIXTURES");
  const std::string list = env ? env : FAKEZOOM_FUZZ_DEFAULT_FIXTURES;
  std::vector<std::string> paths;
  std::size_t start = 0;
  while (start <= list.size()) {
    auto end = list.find(':', start);
    if (end == std::string::npos) end = list.size();
    if (end > start) {
      std::string path = list.substr(start, end - start);
      if (env || std::filesystem::exists(path)) paths.push_back(std::move(path));
    }
    start = end + 1;
  }
  return paths;
}

// All of `paths`; when that fails, every fixture file that loads on its own, together.
inline FixtureSet load_fuzz_fixtures(const std::vector<std::string>& paths) {
  try {
    return load_fixtures(paths);
  } catch (const FixtureError& e) {
    std::fprintf(stderr, "fakezoom fuzz: the fixtures do not load together, trying file by file:\n%s\n", e.what());
  }
  std::vector<Problem> problems;
  std::vector<std::string> loadable;
  for (const auto& file : fixture_files(paths, problems)) {
    try {
      load_fixtures({file});
      loadable.push_back(file);
    } catch (const FixtureError& e) {
      std::fprintf(stderr, "fakezoom fuzz: leaving out %s: %s\n", file.c_str(), e.what());
    }
  }
  return load_fixtures(loadable);
}

}  // namespace fakezoom::fuzz
