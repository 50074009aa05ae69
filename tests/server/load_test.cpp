// Load with nothing lost: 64 keep-alive clients, every answer checked, the journal's count
// exact, RSS printed. FAKEZOOM_LOAD_REQUESTS scales it (CI runs 100,000 under ASan (CMakePresets.json), 20,000 under TSan).
#include <httplib.h>

#include <atomic>
#include <catch2/catch.hpp>
#include <chrono>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <thread>
#include <vector>

#include "fakezoom/server.hpp"
#include "raw_http.hpp"
#include "test_paths.hpp"

namespace {

#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
constexpr std::size_t kDefaultRequests = 20'000;  // sanitizers run 5 to 20 times slower
#else
constexpr std::size_t kDefaultRequests = 100'000;
#endif

std::size_t requested_load() {
  const char* text = std::getenv("FAKEZOOM_LOAD_REQUESTS");
  if (!text || !*text) return kDefaultRequests;
  return std::strtoul(text, nullptr, 10);
}

}  // namespace

TEST_CASE("64 keep-alive clients get every answer right and the journal counts every request", "[server][load]") {
  constexpr std::size_t kClients = 64;
  const std::size_t total = requested_load();
  auto zoom = fakezoom::Server::start({.fixtures = {FAKEZOOM_FIXTURES_DIR}});
  const nlohmann::json token = {{"token", "string"}};
  const nlohmann::json no_user = {{"code", 1001}, {"message", "User does not exist: nobody."}};

  std::atomic<std::size_t> done{0}, wrong{0}, failed{0};
  std::vector<long> rss_kb;  // sampled by the main thread
  const auto started = std::chrono::steady_clock::now();
  std::vector<std::thread> clients;
  for (std::size_t c = 0; c < kClients; ++c) {
    clients.emplace_back([&, c] {
      httplib::Client client("127.0.0.1", zoom.port());
      client.set_keep_alive(true);
      client.set_read_timeout(std::chrono::seconds(30));  // only to end a hang
      const httplib::Headers bearer{{"Authorization", "Bearer t"}};
      const std::size_t mine = total / kClients + (c < total % kClients ? 1 : 0);
      for (std::size_t i = 0; i < mine; ++i) {
        const bool known = (i + c) % 4 != 0;  // one request in four for an unknown user
        const auto res = client.Get(known ? "/v2/users/me/token?type=zak&ttl=" + std::to_string(i)
                                          : "/v2/users/nobody/token?type=zak",
                                    bearer);
        if (!res) {
          ++failed;
        } else if (res->status != (known ? 200 : 404) ||
                   nlohmann::json::parse(res->body, nullptr, false) != (known ? token : no_user)) {
          ++wrong;
        }
        ++done;
      }
    });
  }
  while (done < total) {
    rss_kb.push_back(fakezoom::test::held_kb());
    std::this_thread::sleep_for(std::chrono::milliseconds(500));
  }
  for (auto& client : clients) client.join();
  const auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  rss_kb.push_back(fakezoom::test::held_kb());

  std::string series;
  for (const long kb : rss_kb) series += std::to_string(kb / 1024) + " ";
  WARN(total << " requests from " << kClients << " clients in " << seconds << " s (" << total / seconds
             << " requests/s); journal total " << zoom.journal().total() << "; memory held (RSS, or live heap under a sanitizer), MB every 0.5 s: " << series);
  CHECK(failed == 0);
  CHECK(wrong == 0);
  CHECK(zoom.journal().total() == total);
  // The journal keeps the newest 10,000: once full, memory stops growing (under a sanitizer,
  // whose quarantine keeps freed memory resident, the live heap is judged); bound loose.
  if (rss_kb.size() >= 4) CHECK(rss_kb.back() - rss_kb[rss_kb.size() / 4] < 64 * 1024);
}
