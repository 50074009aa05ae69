// GET /__admin/webhooks, GET /__admin/webhooks/deliveries and POST /__admin/webhooks/events:
// the subscriptions, what was sent to them, and one event on demand (docs/webhooks.md).
#include <algorithm>
#include <charconv>

#include <nlohmann/json.hpp>

#include "admin_answer.hpp"

namespace fakezoom::admin {

namespace {

using nlohmann::json;

json counts_json(const webhooks::DeliveryCounts& counts) {
  return {{"delivered", counts.delivered}, {"failed", counts.failed}, {"dropped", counts.dropped}};
}

json record_json(const webhooks::DeliveryRecord& record) {
  return {{"event", record.event},
          {"url", record.url},
          {"outcome", webhooks::to_string(record.outcome)},
          {"status", record.status},
          {"durationMs", record.duration.count()},
          {"error", record.error},
          {"trackingId", record.tracking_id},
          {"requestId", record.request_id},
          {"sentAt", record.sent_at},
          {"attempt", record.attempt},
          {"retryAt", record.retry_at == 0 ? json(nullptr) : json(record.retry_at)}};
}

std::optional<std::size_t> count_param(const HttpRequest& request, const char* name) {
  auto text = first_value(request.query, name);
  if (!text) return std::size_t{0};
  std::size_t value = 0;
  auto [end, error] = std::from_chars(text->data(), text->data() + text->size(), value);
  if (error != std::errc() || end != text->data() + text->size()) return std::nullopt;
  return value;
}

}  // namespace

HttpResponse list_webhooks(AdminContext context) {
  auto& outbox = context.target.webhooks();
  json subscriptions = json::array();
  for (const auto& [subscription, validation, pending] : outbox.subscriptions()) {
    subscriptions.push_back({{"url", subscription.endpoint_url},
                             {"events", subscription.events.empty() ? json("all") : json(subscription.events)},
                             {"pending", pending},
                             {"validation", {{"state", webhooks::to_string(validation.state)},
                                             {"status", validation.status},
                                             {"reason", validation.reason},
                                             {"failedRevalidations", validation.failed_revalidations}}}});
  }
  const auto& catalog = outbox.catalog();
  return json_answer(200, {{"subscriptions", std::move(subscriptions)},
                           {"events", {{"known", catalog.names().size()}, {"documented", catalog.documented()}}},
                           {"pending", outbox.pending()},
                           {"counts", counts_json(outbox.log().counts())}});
}

HttpResponse list_deliveries(const HttpRequest& request, AdminContext context) {
  const std::string event = first_value(request.query, "event").value_or("");
  auto wait = count_param(request, "wait");
  if (!wait) return bad_input({"wait", "must be a whole number of deliveries"});
  auto timeout = count_param(request, "timeout");
  if (!timeout || *timeout > 60) return bad_input({"timeout", "must be a whole number of seconds from 0 to 60"});
  auto& log = context.target.webhooks().log();
  // ?wait=N blocks this request (not the server) until N deliveries are logged, so a test
  // needs no sleep; it answers what there is when the timeout passes.
  const auto records = *wait > 0 ? log.wait_for(*wait, std::chrono::seconds(*timeout == 0 ? 10 : *timeout), event)
                                 : log.records(event);
  json deliveries = json::array();
  for (const auto& record : records) deliveries.push_back(record_json(record));
  return json_answer(200, {{"deliveries", std::move(deliveries)},
                           {"counts", counts_json(log.counts())},
                           {"waitedFor", *wait},
                           {"complete", records.size() >= *wait}});
}

HttpResponse send_event(const HttpRequest& request, AdminContext context) {
  if (auto body = json_body(request); !body) return bad_input(body.problem());
  // Read again keeping key order: the payload is sent in the order it was given.
  const auto body = nlohmann::ordered_json::parse(request.body, nullptr, false);
  if (!body.is_object()) return bad_input({"", "the body must be an object: {\"event\": NAME, \"payload\": {...}}"});
  if (!body.contains("event") || !body["event"].is_string() || body["event"].get<std::string>().empty())
    return bad_input({"/event", "is required: the event type, e.g. meeting.created"});
  const std::string name = body["event"];
  auto& outbox = context.target.webhooks();
  const auto& catalog = outbox.catalog();
  if (!catalog.knows(name)) return bad_input({"/event", catalog.unknown(name)});
  if (body.contains("payload") && !body["payload"].is_object()) return bad_input({"/payload", "must be an object"});
  // Over the documented example when an events spec gave one; event_ts stays 0: publish()
  // stamps it with the engine's clock.
  auto event = catalog.event(name, body.contains("payload") ? body["payload"] : nlohmann::ordered_json::object());
  const std::size_t queued = outbox.publish(std::move(event));
  return json_answer(202, {{"event", name}, {"queued", queued}});
}

}  // namespace fakezoom::admin
