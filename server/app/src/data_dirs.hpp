// Where fakezoom's data is, as this build was configured (data_dirs.cpp.in).
#pragma once

namespace fakezoom::app {
extern const char* const kSourceFixturesDir;  // the repository's fixtures/
extern const char* const kBuildDataDir;       // the build tree's share/fakezoom: zoom-api/, events/
extern const char* const kInstalledDataDir;   // the install prefix's share/fakezoom
}  // namespace fakezoom::app
