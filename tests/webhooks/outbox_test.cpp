// The outbox with a sender in the test's hands: no sockets, no sleeps; every wait is on a
// condition the test or the log sets.
#include <catch2/catch.hpp>

#include <atomic>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <set>

#include <nlohmann/json.hpp>

#include "fakezoom/webhooks/outbox.hpp"
#include "fakezoom/webhooks/signing.hpp"

using namespace fakezoom::webhooks;
using namespace std::chrono_literals;

namespace {

class FakeSender final : public Sender {
public:
  std::function<SendResult(const DeliveryRequest&)> answer = [](const DeliveryRequest&) { return SendResult{200}; };

  SendResult send(const DeliveryRequest& request, std::chrono::milliseconds) override {
    std::unique_lock lock(mutex_);
    ++entered_;
    changed_.notify_all();
    changed_.wait(lock, [&] { return open_; });
    sent_.push_back(request);
    return answer(request);
  }
  void hold() {
    std::lock_guard lock(mutex_);
    open_ = false;
  }
  void release() {
    {
      std::lock_guard lock(mutex_);
      open_ = true;
    }
    changed_.notify_all();
  }
  void wait_entered(int n) {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [&] { return entered_ >= n; });
  }
  std::vector<DeliveryRequest> sent() {
    std::lock_guard lock(mutex_);
    return sent_;
  }

private:
  std::mutex mutex_;
  std::condition_variable changed_;
  bool open_ = true;
  int entered_ = 0;
  std::vector<DeliveryRequest> sent_;
};

const Subscription kAll{"http://127.0.0.1:9/all", "secret", {}};

Event event(const std::string& name, int n = 0) {
  Event e;
  e.name = name;
  e.payload = {{"account_id", "a"}, {"object", {{"n", n}}}};
  e.event_ts = 1767225600000 + n;
  return e;
}

}  // namespace

TEST_CASE("published events reach the subscription in order, signed, each attempt logged", "[unit][webhooks]") {
  auto sender = std::make_shared<FakeSender>();
  auto clock = std::make_shared<fakezoom::ManualClock>();
  Outbox outbox({kAll}, {.clock = clock, .sender = sender, .validate = false});
  for (int i = 0; i < 5; ++i) CHECK(outbox.publish(event("meeting.created", i)) == 1);
  const auto records = outbox.log().wait_for(5, 10s);
  REQUIRE(records.size() == 5);
  const auto sent = sender->sent();
  REQUIRE(sent.size() == 5);
  std::set<std::string> request_ids, tracking_ids;
  for (int i = 0; i < 5; ++i) {
    INFO("delivery " << i);
    CHECK(sent[i].body.find("\"n\":" + std::to_string(i)) != std::string::npos);
    CHECK(sent[i].header("x-zm-request-timestamp") == "1767225600");
    CHECK(sent[i].header("x-zm-signature") == zoom_signature("secret", "1767225600", sent[i].body));
    CHECK(records[i].outcome == DeliveryOutcome::delivered);
    CHECK(records[i].event == "meeting.created");
    CHECK(records[i].url == kAll.endpoint_url);
    CHECK(records[i].status == 200);
    CHECK(records[i].sent_at == 1767225600);
    CHECK(records[i].tracking_id == sent[i].header("x-zm-trackingid"));
    request_ids.insert(records[i].request_id);
    tracking_ids.insert(records[i].tracking_id);
  }
  CHECK(request_ids.size() == 5);
  CHECK(tracking_ids.size() == 5);
  CHECK(outbox.log().counts().delivered == 5);
}

TEST_CASE("only the subscriptions that want an event get it", "[unit][webhooks]") {
  auto sender = std::make_shared<FakeSender>();
  Outbox outbox({kAll, {"http://127.0.0.1:9/users", "s", {"user.created"}}}, {.sender = sender, .validate = false});
  CHECK(outbox.publish(event("meeting.created")) == 1);
  CHECK(outbox.publish(event("user.created")) == 2);
  const auto records = outbox.log().wait_for(3, 10s);
  REQUIRE(records.size() == 3);
  CHECK(outbox.log().records("user.created").size() == 2);
  SECTION("one event has one tracking id at every subscription") {
    const auto users = outbox.log().records("user.created");
    CHECK(users[0].tracking_id == users[1].tracking_id);
  }
}

TEST_CASE("an answer that is not 2xx, or no answer, is a failed delivery with its reason", "[unit][webhooks]") {
  auto sender = std::make_shared<FakeSender>();
  auto [status, error, expected] = GENERATE(table<int, std::string, std::string>({
      {500, "", "answered 500, not 2xx"},
      {302, "", "answered 302, not 2xx"},
      {404, "", "answered 404, not 2xx"},
      {0, "could not connect (connection refused or unreachable)", "could not connect (connection refused or unreachable)"},
  }));
  INFO(status << " " << error);
  sender->answer = [status = status, error = error](const DeliveryRequest&) { return SendResult{status, error, "", 5ms}; };
  Outbox outbox({kAll}, {.sender = sender, .validate = false});
  outbox.publish(event("meeting.created"));
  const auto records = outbox.log().wait_for(1, 10s);
  REQUIRE(records.size() == 1);
  CHECK(records[0].outcome == DeliveryOutcome::failed);
  CHECK(records[0].status == status);
  CHECK_THAT(records[0].error, Catch::StartsWith(expected));
  CHECK(outbox.log().counts().failed == 1);
  CHECK(records[0].attempt == 1);
  // Zoom retries a 5xx and no answer, never a 3xx or 4xx.
  if (status == 500 || status == 0) {
    CHECK(records[0].retry_at > 0);
  } else {
    CHECK(records[0].retry_at == 0);
    CHECK_THAT(records[0].error, Catch::Contains("not retried"));
  }
}

TEST_CASE("a 2xx later than Zoom's three seconds is not delivered", "[unit][webhooks]") {
  auto sender = std::make_shared<FakeSender>();
  sender->answer = [](const DeliveryRequest&) { return SendResult{200, "", "", 3001ms}; };
  Outbox outbox({kAll}, {.sender = sender, .validate = false});
  outbox.publish(event("meeting.created"));
  const auto records = outbox.log().wait_for(1, 10s);
  REQUIRE(records.size() == 1);
  CHECK(records[0].outcome == DeliveryOutcome::failed);
  CHECK_THAT(records[0].error, Catch::Contains("3000 ms"));
}

TEST_CASE("a full queue drops its oldest pending delivery and logs it; publishing never waits", "[unit][webhooks]") {
  auto sender = std::make_shared<FakeSender>();
  sender->hold();
  Outbox outbox({kAll}, {.sender = sender, .queue_capacity = 3, .validate = false});
  outbox.publish(event("meeting.created", 0));
  sender->wait_entered(1);  // event 0 is in flight, the queue is empty
  for (int i = 1; i <= 5; ++i) outbox.publish(event("meeting.created", i));  // 1 and 2 are dropped
  CHECK(outbox.pending() == 3);
  const auto dropped = outbox.log().records();
  REQUIRE(dropped.size() == 2);
  CHECK(dropped[0].outcome == DeliveryOutcome::dropped);
  CHECK_THAT(dropped[0].error, Catch::Contains("queue was full"));
  sender->release();
  const auto records = outbox.log().wait_for(6, 10s);
  CHECK(records.size() == 6);
  const auto counts = outbox.log().counts();
  CHECK(counts.delivered == 4);
  CHECK(counts.dropped == 2);
  const auto sent = sender->sent();
  REQUIRE(sent.size() == 4);
  CHECK(sent[1].body.find("\"n\":3") != std::string::npos);  // 0, then 3, 4, 5 in order
}

TEST_CASE("an event published to be made later is made once when first sent, and never when dropped", "[unit][webhooks]") {
  auto sender = std::make_shared<FakeSender>();
  sender->hold();
  const Subscription other{"http://127.0.0.1:9/other", "secret", {}};
  Outbox outbox({kAll, other}, {.sender = sender, .queue_capacity = 1, .validate = false});
  std::atomic<int> made[3] = {0, 0, 0};
  const auto publish = [&](int n) {
    return outbox.publish("meeting.created", [&made, n] {
      ++made[n];
      return event("meeting.created", n);
    });
  };
  CHECK(publish(0) == 2);
  sender->wait_entered(2);  // both subscriptions are sending event 0: made once for the two
  publish(1);
  publish(2);  // event 1 is dropped from both queues unsent
  sender->release();
  outbox.log().wait_for(6, 10s);
  CHECK(made[0] == 1);
  CHECK(made[1] == 0);
  CHECK(made[2] == 1);
  CHECK(outbox.log().counts().dropped == 2);
  const auto sent = sender->sent();
  REQUIRE(sent.size() == 4);
  for (const auto& request : sent) CHECK(request.body.find("\"n\":1") == std::string::npos);
}

TEST_CASE("stopping logs what was still queued as dropped and does not wait out a stuck attempt", "[unit][webhooks]") {
  auto sender = std::make_shared<FakeSender>();
  sender->hold();
  OutboxStop report;
  {
    Outbox outbox({kAll}, {.sender = sender, .validate = false});
    for (int i = 0; i < 3; ++i) outbox.publish(event("meeting.created", i));
    sender->wait_entered(1);
    report = outbox.stop(10ms);
    CHECK(outbox.publish(event("meeting.created")) == 0);  // a stopped outbox takes nothing
    CHECK(outbox.log().counts().dropped == 2);
    CHECK(outbox.stop().pending == report.pending);  // idempotent
  }
  CHECK(report.pending == 2);
  CHECK(report.unfinished == 1);
  sender->release();  // the stuck attempt ends after the outbox is gone, harmlessly
}

TEST_CASE("an endpoint gets Zoom's URL validation challenge first, and events only once it answers right", "[unit][webhooks]") {
  auto sender = std::make_shared<FakeSender>();
  std::string plain;
  sender->answer = [&plain](const DeliveryRequest& request) {
    const auto body = nlohmann::json::parse(request.body);
    if (body["event"] != "endpoint.url_validation") return SendResult{200};
    plain = body["payload"]["plainToken"];
    return SendResult{200, "", nlohmann::json{{"plainToken", plain}, {"encryptedToken", encrypted_token("secret", plain)}}.dump()};
  };
  Outbox outbox({kAll}, {.sender = sender});
  outbox.publish(event("meeting.created"));
  REQUIRE(outbox.log().wait_for(1, 10s).size() == 1);
  const auto sent = sender->sent();
  REQUIRE(sent.size() == 2);
  CHECK(sent[0].body.rfind(R"({"event":"endpoint.url_validation","event_ts":)", 0) == 0);
  CHECK(sent[0].header("x-zm-signature") == zoom_signature("secret", sent[0].header("x-zm-request-timestamp"), sent[0].body));
  CHECK(plain.size() == 22);
  CHECK(outbox.subscriptions()[0].validation.state == ValidationState::validated);
  CHECK(outbox.log().records()[0].outcome == DeliveryOutcome::delivered);
}

TEST_CASE("an endpoint that fails the challenge gets no events, and the log says why", "[unit][webhooks]") {
  auto sender = std::make_shared<FakeSender>();
  auto [answer, reason] = GENERATE(table<SendResult, std::string>({
      {SendResult{200, "", R"({"ok":true})"}, "plainToken is not the one sent"},
      {SendResult{500}, "answered 500, not 200 or 204"},
      {SendResult{0, "could not connect (connection refused or unreachable)"}, "could not connect"},
      {SendResult{200, "", "not json"}, "not a JSON object"},
      {SendResult{200, "", R"({"plainToken":7})"}, "plainToken is not the one sent"},
  }));
  INFO(reason);
  sender->answer = [answer = answer](const DeliveryRequest&) { return answer; };
  std::vector<Validation> told;
  std::mutex told_mutex;
  Outbox outbox({kAll}, {.sender = sender, .on_validation = [&](const Subscription&, const Validation& v) {
                           std::lock_guard lock(told_mutex);
                           told.push_back(v);
                         }});
  outbox.publish(event("meeting.created"));
  const auto records = outbox.log().wait_for(1, 10s);
  REQUIRE(records.size() == 1);
  CHECK(records[0].outcome == DeliveryOutcome::dropped);
  CHECK_THAT(records[0].error, Catch::Contains("failed URL validation") && Catch::Contains(reason));
  CHECK(sender->sent().size() == 1);  // the challenge alone
  CHECK(outbox.subscriptions()[0].validation.state == ValidationState::failed);
  std::lock_guard lock(told_mutex);
  REQUIRE(told.size() == 1);
  CHECK(told[0].state == ValidationState::failed);
}

namespace {
// Answers the challenge as a receiver knowing `secret` does, and counts the challenges.
struct ChallengeAnswers {
  std::mutex mutex;
  std::vector<std::string> challenged;  // endpoint URLs, in order
};
void answer_challenges(FakeSender& sender, ChallengeAnswers& answers, bool right = true) {
  sender.answer = [&answers, right](const DeliveryRequest& request) {
    const auto body = nlohmann::json::parse(request.body);
    if (body["event"] != "endpoint.url_validation") return SendResult{200};
    std::lock_guard lock(answers.mutex);
    answers.challenged.push_back(request.url);
    const std::string plain = body["payload"]["plainToken"];
    return SendResult{200, "", nlohmann::json{{"plainToken", plain}, {"encryptedToken", right ? encrypted_token("secret", plain) : "no"}}.dump()};
  };
}
}  // namespace

TEST_CASE("resubscribing keeps a validated subscription as it is and validates a new one", "[unit][webhooks]") {
  auto sender = std::make_shared<FakeSender>();
  ChallengeAnswers answers;
  answer_challenges(*sender, answers);
  const Subscription other{"http://127.0.0.1:9/other", "secret", {}};
  Outbox outbox({kAll}, {.sender = sender});
  outbox.publish(event("meeting.created", 1));
  REQUIRE(outbox.log().wait_for(1, 10s).size() == 1);

  outbox.resubscribe({kAll, other});
  CHECK(outbox.publish(event("meeting.created", 2)) == 2);
  const auto records = outbox.log().wait_for(3, 10s);
  REQUIRE(records.size() == 3);
  for (const auto& record : records) CHECK(record.outcome == DeliveryOutcome::delivered);
  std::lock_guard lock(answers.mutex);
  CHECK(answers.challenged == std::vector<std::string>{kAll.endpoint_url, other.endpoint_url});
  const auto states = outbox.subscriptions();
  REQUIRE(states.size() == 2);
  CHECK(states[0].subscription == kAll);
  CHECK(states[1].validation.state == ValidationState::validated);
}

TEST_CASE("resubscribing validates a failed endpoint again, so a reload can be the fix", "[unit][webhooks]") {
  auto sender = std::make_shared<FakeSender>();
  ChallengeAnswers answers;
  answer_challenges(*sender, answers, false);
  Outbox outbox({kAll}, {.sender = sender});
  outbox.publish(event("meeting.created", 1));
  REQUIRE(outbox.log().wait_for(1, 10s).at(0).outcome == DeliveryOutcome::dropped);

  answer_challenges(*sender, answers, true);
  outbox.resubscribe({kAll});
  outbox.publish(event("meeting.created", 2));
  const auto records = outbox.log().wait_for(2, 10s);
  REQUIRE(records.size() == 2);
  CHECK(records[1].outcome == DeliveryOutcome::delivered);
  CHECK(outbox.subscriptions()[0].validation.state == ValidationState::validated);
  std::lock_guard lock(answers.mutex);
  CHECK(answers.challenged.size() == 2);
}

TEST_CASE("a subscription a resubscribe removes has its pending deliveries logged as dropped", "[unit][webhooks]") {
  auto sender = std::make_shared<FakeSender>();
  const Subscription gone{"http://127.0.0.1:9/gone", "secret", {}};
  Outbox outbox({kAll, gone}, {.sender = sender, .validate = false});
  sender->hold();
  outbox.publish(event("meeting.created", 1));
  sender->wait_entered(2);  // both workers are in their first attempt
  outbox.publish(event("meeting.created", 2));
  outbox.resubscribe({kAll});
  CHECK(outbox.subscriptions().size() == 1);
  sender->release();
  const auto records = outbox.log().wait_for(4, 10s);
  REQUIRE(records.size() == 4);
  std::size_t dropped = 0;
  for (const auto& record : records) {
    INFO(record.url << " " << record.error);
    if (record.outcome != DeliveryOutcome::dropped) continue;
    ++dropped;
    CHECK(record.url == gone.endpoint_url);
    CHECK_THAT(record.error, Catch::Contains("reload removed"));
  }
  CHECK(dropped == 1);
  CHECK(outbox.stop().unfinished == 0);
}

TEST_CASE("a 5xx is retried 5, 20 and 60 minutes later on the injected clock, signed afresh with the same tracking id, then given up", "[unit][webhooks]") {
  auto sender = std::make_shared<FakeSender>();
  sender->answer = [](const DeliveryRequest&) { return SendResult{503}; };
  auto clock = std::make_shared<fakezoom::ManualClock>();
  Outbox outbox({kAll}, {.clock = clock, .sender = sender, .validate = false});
  outbox.publish(event("meeting.ended"));
  const std::int64_t start = 1767225600;
  std::vector<std::int64_t> expected_retry = {start + 5 * 60, start + 25 * 60, start + 85 * 60, 0};
  for (std::size_t n = 1; n <= 4; ++n) {
    INFO("attempt " << n);
    const auto records = outbox.log().wait_for(n, 10s);
    REQUIRE(records.size() == n);
    CHECK(records.back().attempt == static_cast<int>(n));
    CHECK(records.back().retry_at == expected_retry[n - 1]);
    CHECK(outbox.pending() == (n < 4 ? 1u : 0u));  // the retry waits as pending
    if (n < 4) clock->set(std::chrono::system_clock::time_point(std::chrono::seconds(expected_retry[n - 1])));
  }
  const auto records = outbox.log().records();
  CHECK_THAT(records.back().error, Catch::Contains("given up after 3 retries"));
  const auto sent = sender->sent();
  REQUIRE(sent.size() == 4);
  std::set<std::string> request_ids, signatures;
  for (const auto& request : sent) {
    CHECK(request.header("x-zm-trackingid") == sent[0].header("x-zm-trackingid"));
    request_ids.insert(request.header("x-zm-request-id"));
    signatures.insert(request.header("x-zm-signature"));
    CHECK(request.header("x-zm-signature") == zoom_signature("secret", request.header("x-zm-request-timestamp"), request.body));
  }
  CHECK(request_ids.size() == 4);
  CHECK(signatures.size() == 4);  // each attempt's own timestamp
  CHECK(sent[3].header("x-zm-request-timestamp") == std::to_string(start + 85 * 60));

  SECTION("nothing comes after the last: the next event is the next attempt") {
    clock->advance(std::chrono::hours(24));
    outbox.publish(event("meeting.created"));
    const auto after = outbox.log().wait_for(5, 10s);
    REQUIRE(after.size() == 5);
    CHECK(after[4].event == "meeting.created");
  }
}

TEST_CASE("a receiver answering 500 then 200 gets the event delivered exactly once, by the first retry", "[unit][webhooks]") {
  auto sender = std::make_shared<FakeSender>();
  std::atomic<int> calls{0};
  sender->answer = [&calls](const DeliveryRequest&) { return SendResult{calls++ == 0 ? 500 : 200}; };
  auto clock = std::make_shared<fakezoom::ManualClock>();
  Outbox outbox({kAll}, {.clock = clock, .sender = sender, .validate = false});
  outbox.publish(event("meeting.created", 1));
  REQUIRE(outbox.log().wait_for(1, 10s).size() == 1);
  SECTION("not before its time: a later event goes first") {
    outbox.publish(event("meeting.created", 2));
    const auto records = outbox.log().wait_for(2, 10s);
    REQUIRE(records.size() == 2);
    CHECK(records[1].attempt == 1);
    CHECK(outbox.pending() == 1);
  }
  clock->advance(5min);
  const auto records = outbox.log().wait_for(outbox.log().records().size() + 1, 10s);
  const auto& last = records.back();
  CHECK(last.attempt == 2);
  CHECK(last.outcome == DeliveryOutcome::delivered);
  CHECK(last.tracking_id == records[0].tracking_id);
  CHECK(outbox.pending() == 0);
  CHECK(outbox.log().counts().delivered == records.size() - 1);
}

TEST_CASE("a 4xx or 3xx is not retried", "[unit][webhooks]") {
  auto sender = std::make_shared<FakeSender>();
  const int status = GENERATE(301, 400, 401, 404, 429);
  INFO(status);
  sender->answer = [status](const DeliveryRequest&) { return SendResult{status}; };
  Outbox outbox({kAll}, {.sender = sender, .validate = false});
  outbox.publish(event("meeting.created"));
  REQUIRE(outbox.log().wait_for(1, 10s).size() == 1);
  CHECK(outbox.log().records()[0].retry_at == 0);
  CHECK(outbox.pending() == 0);
}

TEST_CASE("endpoints are validated again every 72 hours; six failures in a row disable the subscription", "[unit][webhooks]") {
  auto sender = std::make_shared<FakeSender>();
  ChallengeAnswers answers;
  answer_challenges(*sender, answers, true);
  auto clock = std::make_shared<fakezoom::ManualClock>();
  std::mutex told_mutex;
  std::condition_variable told_changed;
  std::vector<Validation> told;
  Outbox outbox({kAll}, {.clock = clock, .sender = sender, .on_validation = [&](const Subscription&, const Validation& v) {
                           {
                             std::lock_guard lock(told_mutex);
                             told.push_back(v);
                           }
                           told_changed.notify_all();
                         }});
  const auto wait_told = [&](std::size_t n) {
    std::unique_lock lock(told_mutex);
    told_changed.wait_for(lock, 10s, [&] { return told.size() >= n; });
    REQUIRE(told.size() >= n);
    return told[n - 1];
  };
  CHECK(wait_told(1).state == ValidationState::validated);
  answer_challenges(*sender, answers, false);
  SECTION("a failed revalidation is counted; events still go until the sixth") {
    clock->advance(72h);
    const auto first = wait_told(2);
    CHECK(first.state == ValidationState::validated);
    CHECK(first.failed_revalidations == 1);
    outbox.publish(event("meeting.created"));
    REQUIRE(outbox.log().wait_for(1, 10s).at(0).outcome == DeliveryOutcome::delivered);
    SECTION("one that passes starts the count again") {
      answer_challenges(*sender, answers, true);
      clock->advance(72h);
      CHECK(wait_told(3).failed_revalidations == 0);
    }
  }
  SECTION("the sixth disables it: events are dropped and say so") {
    for (std::size_t n = 2; n <= 7; ++n) {
      clock->advance(72h);
      wait_told(n);
    }
    const auto sixth = wait_told(7);
    CHECK(sixth.state == ValidationState::disabled);
    CHECK(sixth.failed_revalidations == 6);
    CHECK(outbox.subscriptions()[0].validation.state == ValidationState::disabled);
    outbox.publish(event("meeting.created"));
    const auto records = outbox.log().wait_for(1, 10s);
    REQUIRE(records.size() == 1);
    CHECK(records[0].outcome == DeliveryOutcome::dropped);
    CHECK_THAT(records[0].error, Catch::Contains("disabled"));
  }
}

TEST_CASE("Zoom's retry schedule shrinks by the time scale", "[unit][webhooks]") {
  RetryPolicy zoom;
  CHECK(zoom.delay_after(1) == std::chrono::minutes(5));
  CHECK(zoom.delay_after(3) == std::chrono::minutes(60));
  CHECK_FALSE(zoom.delay_after(4));
  CHECK(zoom.revalidation_interval() == std::chrono::hours(72));
  RetryPolicy fast{.time_scale = 0.001};
  CHECK(fast.delay_after(1) == std::chrono::milliseconds(300));
  CHECK(fast.revalidation_interval() == std::chrono::milliseconds(259200));
}
