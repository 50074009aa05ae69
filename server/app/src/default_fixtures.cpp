// What fakezoom serves when it is given no fixtures: its shipped fixtures and, where the
// build found them, Zoom's 2026 REST specs and events specs (fixtures/zoom-api/README.md).
#include <cstdlib>
#include <filesystem>
#include <system_error>

#include "data_dirs.hpp"
#include "fakezoom/fixtures/loader.hpp"
#include "fakezoom/server.hpp"

namespace fakezoom {

namespace fs = std::filesystem;

namespace {

bool is_folder(const fs::path& path) {
  std::error_code error;
  return fs::is_directory(path, error);
}

// The events specs in a folder, as the fixtures loader lists a folder (load_events_specs
// reads files); none when there is no such folder.
std::vector<std::string> events_in(const fs::path& folder) {
  if (!is_folder(folder)) return {};
  std::vector<Problem> unused;
  return fixture_files({folder.string()}, unused);
}

// An installed tree (share/fakezoom: fixtures/ with zoom-api/ inside it, events/).
DefaultFixtures installed(const fs::path& data) {
  return {.fixtures = {(data / "fixtures").string()}, .events_specs = events_in(data / "events"),
          .data_dir = data.string()};
}

// The command's own tree: bin/fakezoom beside share/fakezoom, wherever it was unpacked.
std::optional<fs::path> beside_executable() {
  std::error_code error;
  auto exe = fs::read_symlink("/proc/self/exe", error);
  if (error) return std::nullopt;
  auto data = exe.parent_path().parent_path() / "share" / "fakezoom";
  if (exe.parent_path().filename() != "bin" || !is_folder(data / "fixtures")) return std::nullopt;
  return data;
}

}  // namespace

DefaultFixtures default_fixtures() {
  if (const char* dir = std::getenv("FAKEZOOM_DATA_DIR"); dir && *dir) return installed(dir);
  if (auto data = beside_executable()) return installed(*data);
  // A build tree: the repository's fixtures, and the documents the configure step copied.
  if (is_folder(app::kSourceFixturesDir)) {
    const fs::path data = app::kBuildDataDir;
    DefaultFixtures found{.fixtures = {app::kSourceFixturesDir}, .data_dir = data.string()};
    if (is_folder(data / "zoom-api")) found.fixtures.push_back((data / "zoom-api").string());
    found.events_specs = events_in(data / "events");
    return found;
  }
  return installed(app::kInstalledDataDir);
}

ServerOptions with_default_fixtures(ServerOptions options) {
  if (!options.fixtures.empty()) return options;
  auto defaults = default_fixtures();
  options.fixtures = std::move(defaults.fixtures);
  if (options.events_specs.empty()) options.events_specs = std::move(defaults.events_specs);
  return options;
}

}  // namespace fakezoom
