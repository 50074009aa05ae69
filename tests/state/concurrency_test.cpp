// 64 clients create, read and delete meetings at once (the suite runs this under ASan and TSan).
#include <atomic>
#include <mutex>
#include <set>
#include <thread>

#include "state_http.hpp"

using fakezoom::state_test::Zoom;

TEST_CASE("64 clients creating, reading and deleting meetings at once: unique ids, consistent reads, exact counts", "[state][server]") {
  Zoom zoom({.threads = 64});
  constexpr int kClients = 64;
  constexpr int kMeetingsEach = 6;  // each client deletes the first two it made
  const auto before = zoom.server.state().meeting_count();
  std::mutex mutex;
  std::set<std::string> ids;
  std::atomic<int> created{0}, inconsistent{0}, failed{0};
  std::vector<std::thread> clients;
  for (int c = 0; c < kClients; ++c) {
    clients.emplace_back([&, c] {
      httplib::Client http("127.0.0.1", zoom.server.port());
      http.set_read_timeout(30, 0);
      const httplib::Headers auth = {{"Authorization", "Bearer load"}};
      std::vector<std::string> mine;
      for (int i = 0; i < kMeetingsEach; ++i) {
        const std::string topic = "client " + std::to_string(c) + " meeting " + std::to_string(i);
        auto res = http.Post("/v2/users/me/meetings", auth, nlohmann::json{{"topic", topic}}.dump(), "application/json");
        if (!res || res->status != 201) {
          ++failed;
          continue;
        }
        const std::string id = std::to_string(nlohmann::json::parse(res->body)["id"].get<std::int64_t>());
        ++created;
        mine.push_back(id);
        {
          std::lock_guard lock(mutex);
          ids.insert(id);
        }
        // A read after the write sees it.
        auto read = http.Get(("/v2/meetings/" + id).c_str(), auth);
        if (!read || read->status != 200 || nlohmann::json::parse(read->body)["topic"] != topic) ++inconsistent;
      }
      for (std::size_t i = 0; i < 2 && i < mine.size(); ++i) {
        auto del = http.Delete(("/v2/meetings/" + mine[i]).c_str(), auth);
        if (!del || del->status != 204) ++failed;
        auto gone = http.Get(("/v2/meetings/" + mine[i]).c_str(), auth);
        if (!gone || gone->status != 404) ++inconsistent;
      }
    });
  }
  for (auto& client : clients) client.join();
  CHECK(failed == 0);
  CHECK(inconsistent == 0);
  CHECK(created == kClients * kMeetingsEach);
  CHECK(ids.size() == static_cast<std::size_t>(kClients * kMeetingsEach));  // every id unique
  CHECK(zoom.server.state().meeting_count() == before + kClients * (kMeetingsEach - 2));
  auto listed = zoom.get("/v2/users/me/meetings?page_size=1");
  CHECK(listed.body["total_records"] == before + kClients * (kMeetingsEach - 2));
}
