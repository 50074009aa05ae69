#include <catch2/catch.hpp>

#include <atomic>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

#include "fakezoom/model/clock.hpp"
#include "fakezoom/zoom/rate_limiter.hpp"
#include "fakezoom/model/http_message.hpp"

using namespace fakezoom;
using namespace std::chrono;

namespace {

// 2026-01-01T00:00:00Z, ManualClock's start: on a second and a day boundary.
const system_clock::time_point kMidnight{seconds{1'767'225'600}};
const std::string kAccount = "account-1";

// Admits `n` requests at `at`; how many were allowed.
int admit_n(RateLimiter& limiter, int n, std::string_view label, system_clock::time_point at,
            const std::string& account = kAccount) {
  int allowed = 0;
  for (int i = 0; i < n; ++i)
    if (limiter.admit(account, label, at)->allowed) ++allowed;
  return allowed;
}

}  // namespace

TEST_CASE("requests over the per-second limit are refused until the next second", "[unit][rate-limit]") {
  RateLimiter limiter(Plan::pro);  // Light: 30 a second
  CHECK(admit_n(limiter, 30, "Light", kMidnight) == 30);
  auto refused = limiter.admit(kAccount, "Light", kMidnight);
  REQUIRE(refused);
  CHECK_FALSE(refused->allowed);
  CHECK(refused->window == RateLimitWindow::qps);
  CHECK(refused->category == "Light");
  CHECK(refused->limit == 30);
  CHECK(refused->remaining == 0);
  CHECK(refused->retry_after == seconds{1});

  SECTION("within the same second, later in it, still refused; the wait is rounded up") {
    auto later = limiter.admit(kAccount, "Light", kMidnight + milliseconds{400});
    CHECK_FALSE(later->allowed);
    CHECK(later->retry_after == seconds{1});
  }
  SECTION("after Retry-After, allowed again with a fresh count") {
    auto next = limiter.admit(kAccount, "Light", kMidnight + refused->retry_after);
    REQUIRE(next);
    CHECK(next->allowed);
    CHECK(next->remaining == 29);
  }
}

TEST_CASE("an allowed answer's headers count down the daily limit when the plan has one, else the second's",
          "[unit][rate-limit]") {
  SECTION("free: Light's 6,000 a day") {
    RateLimiter limiter(Plan::free);
    auto first = limiter.admit(kAccount, "Light", kMidnight);
    CHECK(first->window == RateLimitWindow::daily);
    CHECK(first->limit == 6000);
    CHECK(first->remaining == 5999);
  }
  SECTION("pro: Light's 30 a second") {
    RateLimiter limiter(Plan::pro);
    limiter.admit(kAccount, "Light", kMidnight);
    auto second = limiter.admit(kAccount, "Light", kMidnight);
    CHECK(second->window == RateLimitWindow::qps);
    CHECK(second->limit == 30);
    CHECK(second->remaining == 28);
  }
}

TEST_CASE("a refused request uses up nothing", "[unit][rate-limit]") {
  RateLimiter limiter(Plan::free);  // Light: 4 a second, 6,000 a day
  CHECK(admit_n(limiter, 10, "Light", kMidnight) == 4);
  auto next = limiter.admit(kAccount, "Light", kMidnight + seconds{1});
  CHECK(next->allowed);
  CHECK(next->remaining == 6000 - 5);  // four in the first second, this one
}

TEST_CASE("the daily limit refuses until 00:00 GMT of the next day", "[unit][rate-limit]") {
  RateLimiter limiter(Plan::free);  // Heavy: 1 a second, 1,000 a day
  const auto morning = kMidnight + hours{9};
  for (int i = 0; i < 1000; ++i) REQUIRE(limiter.admit(kAccount, "Heavy", morning + seconds{i})->allowed);
  const auto after = morning + seconds{5000};
  auto refused = limiter.admit(kAccount, "Heavy", after);
  REQUIRE(refused);
  CHECK_FALSE(refused->allowed);
  CHECK(refused->window == RateLimitWindow::daily);
  CHECK(refused->limit == 1000);
  CHECK(refused->window_end == kMidnight + hours{24});
  CHECK(refused->retry_after == duration_cast<seconds>(kMidnight + hours{24} - after));

  SECTION("one second before midnight: still refused") {
    CHECK_FALSE(limiter.admit(kAccount, "Heavy", kMidnight + hours{24} - seconds{1})->allowed);
  }
  SECTION("at midnight: allowed, the day's count starts again") {
    auto next = limiter.admit(kAccount, "Heavy", kMidnight + hours{24});
    CHECK(next->allowed);
    CHECK(next->remaining == 999);
  }
}

TEST_CASE("counts are kept apart by account and label, and shared by Heavy and Resource-intensive's daily pool",
          "[unit][rate-limit]") {
  RateLimiter limiter(Plan::pro);
  CHECK(admit_n(limiter, 31, "Light", kMidnight) == 30);
  SECTION("another account has its own count") { CHECK(admit_n(limiter, 30, "Light", kMidnight, "account-2") == 30); }
  SECTION("another label has its own count") { CHECK(admit_n(limiter, 20, "Medium", kMidnight) == 20); }
  SECTION("Heavy's requests use up Resource-intensive's daily limit") {
    limiter.admit(kAccount, "Heavy", kMidnight);
    auto intensive = limiter.admit(kAccount, "Resource-intensive", kMidnight);
    CHECK(intensive->allowed);
    CHECK(intensive->window == RateLimitWindow::daily);
    CHECK(intensive->remaining == 30000 - 2);
  }
}

TEST_CASE("Resource-intensive counts per minute", "[unit][rate-limit]") {
  RateLimiter limiter(Plan::pro);  // 10 a minute
  for (int i = 0; i < 10; ++i) REQUIRE(limiter.admit(kAccount, "Resource-intensive", kMidnight + seconds{i})->allowed);
  auto refused = limiter.admit(kAccount, "Resource-intensive", kMidnight + seconds{20});
  CHECK_FALSE(refused->allowed);
  CHECK(refused->window == RateLimitWindow::qps);
  CHECK(refused->retry_after == seconds{40});
  CHECK(limiter.admit(kAccount, "Resource-intensive", kMidnight + seconds{60})->allowed);
}

TEST_CASE("a label without documented limits is not counted", "[unit][rate-limit]") {
  RateLimiter limiter(Plan::free);
  CHECK_FALSE(limiter.admit(kAccount, "", kMidnight));
  CHECK_FALSE(limiter.admit(kAccount, "Unheard-of", kMidnight));
}

TEST_CASE("reset forgets every count", "[unit][rate-limit]") {
  RateLimiter limiter(Plan::free);
  CHECK(admit_n(limiter, 5, "Light", kMidnight) == 4);
  limiter.reset();
  auto after = limiter.admit(kAccount, "Light", kMidnight);
  CHECK(after->allowed);
  CHECK(after->remaining == 5999);
}

TEST_CASE("concurrent requests never get more than the limit between them", "[unit][rate-limit]") {
  RateLimiter limiter(Plan::business);  // Light: 80 a second
  std::atomic<int> allowed{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t)
    threads.emplace_back([&] {
      for (int i = 0; i < 50; ++i)
        if (limiter.admit(kAccount, "Light", kMidnight)->allowed) ++allowed;
    });
  for (auto& thread : threads) thread.join();
  CHECK(allowed == 80);
}

TEST_CASE("Zoom's 429 says which limit was reached, in its body and headers", "[unit][rate-limit]") {
  RateLimiter limiter(Plan::free);
  SECTION("per second: Retry-After in whole seconds") {
    admit_n(limiter, 4, "Light", kMidnight);
    auto decision = limiter.admit(kAccount, "Light", kMidnight + milliseconds{250});
    const HttpResponse response = too_many_requests(*decision);
    CHECK(response.status == 429);
    CHECK(response.headers.get("Content-Type") == "application/json");
    const auto body = nlohmann::json::parse(response.body);
    CHECK(body["code"] == 429);
    CHECK(body["message"].get<std::string>().find("per-second") != std::string::npos);
    CHECK(response.headers.get("X-RateLimit-Category") == "Light");
    CHECK(response.headers.get("X-RateLimit-Type") == "QPS");
    CHECK(response.headers.get("X-RateLimit-Limit") == "4");
    CHECK(response.headers.get("X-RateLimit-Remaining") == "0");
    CHECK(response.headers.get("Retry-After") == "1");
  }
  SECTION("daily: Retry-After is the next 00:00:00Z") {
    for (int i = 0; i < 1000; ++i) limiter.admit(kAccount, "Heavy", kMidnight + seconds{i});
    const HttpResponse response = too_many_requests(*limiter.admit(kAccount, "Heavy", kMidnight + hours{2}));
    CHECK(response.status == 429);
    CHECK(nlohmann::json::parse(response.body)["message"].get<std::string>().find("daily") != std::string::npos);
    CHECK(response.headers.get("X-RateLimit-Category") == "Heavy");
    CHECK(response.headers.get("X-RateLimit-Type") == "Daily-limit");
    CHECK(response.headers.get("X-RateLimit-Limit") == "1000");
    CHECK(response.headers.get("Retry-After") == "2026-01-02T00:00:00Z");
  }
}

TEST_CASE("a token fakezoom issued counts against its account, any other token against one shared account",
          "[unit][rate-limit]") {
  TokenAuthority tokens(std::make_shared<ManualClock>());
  auto issued = tokens.issue("account-a", "client-a", {"user:read"});
  auto request_with = [](const std::string& token) {
    HttpRequest request;
    request.headers.add("Authorization", "Bearer " + token);
    return request;
  };
  CHECK(rate_limit_account(request_with(issued.access_token), tokens) == "account-a");
  CHECK(rate_limit_account(request_with("a"), tokens) == kSharedRateLimitAccount);
  CHECK(rate_limit_account(request_with("b"), tokens) == rate_limit_account(request_with("a"), tokens));
  CHECK(rate_limit_account(HttpRequest{}, tokens) == kSharedRateLimitAccount);
}
