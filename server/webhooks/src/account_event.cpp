#include "fakezoom/webhooks/account_event.hpp"

namespace fakezoom::webhooks {

Event account_event(const EventCatalog& catalog, const AccountChange& change, const EventOperator& by,
                    std::int64_t now_ms) {
  using nlohmann::ordered_json;
  Event event;
  event.name = change.event;
  event.event_ts = now_ms;
  // Without a documented example, the envelope of Zoom's examples: account_id, operator,
  // operator_id, then the rest, then object.
  const ordered_json* example = catalog.example(change.event);
  ordered_json& payload = event.payload;
  payload = example && example->is_object() && !example->empty()
                ? *example
                : ordered_json{{"account_id", nullptr}, {"operator", nullptr}, {"operator_id", nullptr}};
  payload["account_id"] = by.account_id;
  if (payload.contains("operator")) payload["operator"] = by.email;
  if (payload.contains("operator_id")) payload["operator_id"] = by.id;
  if (payload.contains("time_stamp")) payload["time_stamp"] = now_ms;
  for (const auto& [key, value] : change.extra.items()) payload[key] = value;
  // The example's object describes someone else: it is replaced whole, never merged into.
  payload["object"] = change.object;
  if (!change.old_object.is_null()) payload["old_object"] = change.old_object;
  else payload.erase("old_object");
  return event;
}

}  // namespace fakezoom::webhooks
