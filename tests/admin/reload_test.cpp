// --watch: a change on disk is loaded in the background and swapped in whole only when it
// loads cleanly; a broken one is reported and the previous fixtures keep serving, also while
// clients keep asking.
#include <algorithm>
#include <atomic>
#include <filesystem>
#include <future>
#include <mutex>
#include <set>

#include "fakezoom/zoom/fixture_set.hpp"
#include "fakezoom/engine/engine.hpp"
#include "admin_support.hpp"
#include "temp_dir.hpp"

using namespace fakezoom::admin_test;
using fakezoom::Server;
using fakezoom::ServerOptions;
using fakezoom::test::TempDir;

namespace {

// Collects server events (reload reports) from the server's threads.
struct Events {
  std::function<void(const std::string&)> sink() {
    return [this](const std::string& line) {
      std::lock_guard lock(mutex);
      lines.push_back(line);
    };
  }
  std::size_t count_with(const std::string& text) {
    std::lock_guard lock(mutex);
    return static_cast<std::size_t>(
        std::count_if(lines.begin(), lines.end(), [&](const std::string& l) { return l.find(text) != std::string::npos; }));
  }
  std::mutex mutex;
  std::vector<std::string> lines;
};

constexpr const char* kNotReloaded = "fixtures not reloaded";

// Which version answered GET /v2/probe, after checking that the answer is whole and that its
// name and body come from the same version; "" with what was wrong in `problem` otherwise.
int probe(httplib::Client& client, std::string& problem) {
  auto result = client.Get("/v2/probe", bearer());
  if (!result) {
    problem = "no answer: " + httplib::to_string(result.error());
    return 0;
  }
  if (result->status != 200) {
    problem = "status " + std::to_string(result->status) + ": " + result->body;
    return 0;
  }
  const json body = json::parse(result->body, nullptr, false);
  if (!body.is_object() || !body["version"].is_number_integer() || body["padding"].get<std::string>().size() != 64 * 1024) {
    problem = "not a whole answer: " + result->body.substr(0, 80);
    return 0;
  }
  const int version = body["version"].get<int>();
  if (result->get_header_value("Matched-Stub-Name") != "version " + std::to_string(version)) {
    problem = "name " + result->get_header_value("Matched-Stub-Name") + " with the body of version " + std::to_string(version);
    return 0;
  }
  return version;
}

int current_version(const Server& zoom) {
  httplib::Client client(zoom.url());
  std::string problem;
  return probe(client, problem);
}

}  // namespace

TEST_CASE("under load, --watch swaps in good changes whole and keeps serving through a broken one", "[reload]") {
  TempDir dir;
  const std::string file = dir.write("probe.json", probe_collection(1));
  Events events;
  auto zoom = Server::start(ServerOptions{.fixtures = {file}, .watch = true, .watch_interval = 20ms, .event_sink = events.sink()});
  AdminClient admin(zoom);

  constexpr int kReaders = 3;
  std::atomic<bool> done{false};
  std::atomic<int> answers{0};
  std::mutex mutex;
  std::vector<std::string> problems;
  std::vector<std::set<int>> seen(kReaders);
  std::vector<std::thread> readers;
  for (int r = 0; r < kReaders; ++r)
    readers.emplace_back([&, r] {
      httplib::Client client(zoom.url());
      client.set_keep_alive(r == 0);
      int last = 0;
      while (!done) {
        std::string problem;
        const int version = probe(client, problem);
        if (version < last && problem.empty()) problem = "version " + std::to_string(version) + " after " + std::to_string(last);
        if (!problem.empty()) {
          std::lock_guard lock(mutex);
          problems.push_back(problem);
          continue;
        }
        last = version;
        seen[static_cast<std::size_t>(r)].insert(version);
        ++answers;
      }
    });
  auto answers_so_far = [&] { return answers.load(); };
  REQUIRE(eventually([&] { return answers_so_far() > 20; }));

  // 1. Broken: version 2 cut off in the middle, written in place (no atomic rename).
  const std::string two = probe_collection(2);
  dir.write("probe.json", two.substr(0, two.size() / 2));
  REQUIRE(eventually([&] { return events.count_with(kNotReloaded) >= 1; }));
  const int before_broken_wait = answers;
  REQUIRE(eventually([&] { return answers > before_broken_wait + 20; }));
  CHECK(zoom.engine().generation() == 1);
  CHECK(admin.get_json("/health")["fixtures"]["lastReload"]["ok"] == false);

  // 2. Good again: version 3, also written in place (a half-written read may be reported too).
  dir.write("probe.json", probe_collection(3));
  REQUIRE(eventually([&] { return zoom.engine().generation() == 2; }));
  const int after_swap = answers;
  REQUIRE(eventually([&] { return answers > after_swap + 20; }));

  done = true;
  for (auto& reader : readers) reader.join();
  {
    std::lock_guard lock(mutex);
    INFO("first problem: " << (problems.empty() ? "" : problems.front()));
    CHECK(problems.empty());
  }
  std::set<int> all;
  for (const auto& s : seen) all.insert(s.begin(), s.end());
  CHECK(all == std::set<int>{1, 3});  // never the broken version 2, never half of anything
  CHECK(current_version(zoom) == 3);
  CHECK(events.count_with("fixtures reloaded (1 routes, 1 examples)") == 1);
  CHECK(zoom.engine().generation() == 2);
}

TEST_CASE("a watched folder is reloaded when files are added to it or removed", "[reload]") {
  TempDir dir;
  dir.write("a-probe.json", probe_collection(1));
  Events events;
  auto zoom = Server::start(ServerOptions{.fixtures = {dir.path()}, .watch = true, .watch_interval = 20ms, .event_sink = events.sink()});
  AdminClient admin(zoom);
  REQUIRE(admin.get_json("/health")["examples"] == 1);

  dir.write("b-users.json", R"({"users": [{"id": "u1", "email": "u1@example.com"}]})");
  REQUIRE(eventually([&] { return zoom.engine().generation() == 2; }));
  CHECK(zoom.fixtures().users.knows("u1@example.com"));

  std::filesystem::remove(dir.file("a-probe.json"));
  REQUIRE(eventually([&] { return zoom.engine().generation() == 3; }));
  CHECK(admin.get_json("/health")["routes"] == 0);
}

TEST_CASE("a server that watches stops promptly, whatever its interval", "[reload]") {
  TempDir dir;
  const std::string file = dir.write("probe.json", probe_collection(1));
  auto zoom = Server::start(ServerOptions{.fixtures = {file}, .watch = true, .watch_interval = 60s});
  auto stopped = std::async(std::launch::async, [&] { zoom.stop(); });
  CHECK(stopped.wait_for(30s) == std::future_status::ready);  // a hang bound: the interval is 60 s
}

TEST_CASE("without --watch a change on disk changes nothing until asked", "[reload]") {
  TempDir dir;
  const std::string file = dir.write("probe.json", probe_collection(1));
  auto zoom = Server::start(ServerOptions{.fixtures = {file}});
  dir.write("probe.json", probe_collection(2));
  AdminClient admin(zoom);
  // Several answers later still version 1: no background reload happens.
  for (int i = 0; i < 5; ++i) CHECK(current_version(zoom) == 1);
  REQUIRE(admin.post("/mappings/reset", "")->status == 200);
  CHECK(current_version(zoom) == 2);
}

TEST_CASE("an admin reload under load never shows a request half of one version", "[reload]") {
  TempDir dir;
  const std::string file = dir.write("probe.json", probe_collection(1));
  auto zoom = Server::start(ServerOptions{.fixtures = {file}});
  std::atomic<bool> done{false};
  std::atomic<int> answers{0}, bad{0};
  std::thread reader([&] {
    httplib::Client client(zoom.url());
    client.set_keep_alive(true);
    while (!done) {
      std::string problem;
      (probe(client, problem) > 0 ? answers : bad)++;
    }
  });
  AdminClient admin(zoom);
  for (int version = 2; version <= 6; ++version) {
    dir.write("probe.json", probe_collection(version));
    REQUIRE(admin.post("/mappings/reset", "")->status == 200);
    const int seen = answers;
    REQUIRE(eventually([&] { return answers > seen + 3; }));
  }
  done = true;
  reader.join();
  CHECK(bad == 0);
  CHECK(current_version(zoom) == 6);
  CHECK(zoom.engine().generation() == 6);
}
