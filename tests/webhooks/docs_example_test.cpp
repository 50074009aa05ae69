// docs/webhooks.md's receiver example, compiled from the page itself (tests/webhooks/
// CMakeLists.txt copies its marked block into docs_webhooks_example.inc) and run, so the page
// cannot drift from the code.
#include <httplib.h>

#include <catch2/catch.hpp>

#include <filesystem>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "fakezoom/client/webhook.hpp"
#include "fakezoom/server.hpp"
#include "fakezoom/webhooks/outbox.hpp"
#include "test_paths.hpp"

namespace {
// The page's paths are the repository root's ("fixtures"); back where it was afterwards.
class InSourceDir {
public:
  InSourceDir() : was_(std::filesystem::current_path()) { std::filesystem::current_path(FAKEZOOM_SOURCE_DIR); }
  ~InSourceDir() { std::filesystem::current_path(was_); }

private:
  std::filesystem::path was_;
};
}  // namespace

TEST_CASE("docs/webhooks.md's receiver and fakezoom run as written", "[webhooks][docs]") {
  InSourceDir here;
#include "docs_webhooks_example.inc"
}
