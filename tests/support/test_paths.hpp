// Where the tests find the shipped fixtures, Zoom's reference data, the source tree and the
// programs they run. The paths are compiled into one generated object (tests/CMakeLists.txt),
// not into every test's flags, so a test object holds no absolute path and ccache shares it
// between clones of the repository.
#pragma once

namespace fakezoom::test::paths {
extern const char* const fixtures_dir;
extern const char* const zoom_data_dir;
extern const char* const source_dir;
extern const char* const fakezoom_exe;
extern const char* const client_exe;
}  // namespace fakezoom::test::paths

#define FAKEZOOM_FIXTURES_DIR (::fakezoom::test::paths::fixtures_dir)
#define FAKEZOOM_ZOOM_DATA_DIR (::fakezoom::test::paths::zoom_data_dir)
#define FAKEZOOM_SOURCE_DIR (::fakezoom::test::paths::source_dir)
#define FAKEZOOM_EXE (::fakezoom::test::paths::fakezoom_exe)
#define FAKEZOOM_CLIENT_EXE (::fakezoom::test::paths::client_exe)
