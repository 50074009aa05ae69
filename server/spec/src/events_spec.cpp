#include "fakezoom/spec/events_spec.hpp"

#include "document_text.hpp"
#include "fakezoom/fixtures/diagnostic.hpp"
#include "fakezoom/fixtures/rules_file.hpp"  // pointer_token
#include "yaml_json.hpp"

namespace fakezoom {

namespace {

using nlohmann::ordered_json;

const ordered_json* member(const ordered_json& object, const char* key) {
  if (!object.is_object()) return nullptr;
  auto it = object.find(key);
  return it == object.end() ? nullptr : &*it;
}

// The request body's example: Zoom's "json-example", else the first of `examples`, else
// `example`. Null when the event documents none.
struct FoundExample {
  const ordered_json* value = nullptr;
  std::string pointer;
};
FoundExample find_example(const ordered_json& operation, const std::string& at) {
  const auto* content = member(operation, "requestBody");
  if (content) content = member(*content, "content");
  if (content) content = member(*content, "application/json");
  if (!content) return {};
  const std::string media = at + "/requestBody/content/application~1json";
  if (const auto* examples = member(*content, "examples"); examples && examples->is_object() && !examples->empty()) {
    auto chosen = examples->find("json-example");
    if (chosen == examples->end()) chosen = examples->begin();
    if (const auto* value = member(*chosen, "value"))
      return {value, media + "/examples/" + pointer_token(chosen.key()) + "/value"};
  }
  if (const auto* example = member(*content, "example")) return {example, media + "/example"};
  return {};
}

void read_event(const std::string& file, const std::string& name, const ordered_json& item, const std::string& at,
                webhooks::EventCatalog& catalog, std::vector<Problem>& problems) {
  if (name.empty() || name.find_first_of(" \t\r\n") != std::string::npos)
    return problems.push_back({file, at, "is not an event name (Zoom's look like meeting.created)"});
  const auto* operation = member(item, "post");
  if (!operation || !operation->is_object())
    return problems.push_back({file, at, "has no post operation: Zoom documents each event as the POST it sends"});
  auto found = find_example(*operation, at + "/post");
  if (!found.value) return catalog.document(name, ordered_json::object());
  // Zoom writes its examples as JSON text, which keeps their key order.
  ordered_json example;
  if (found.value->is_string()) {
    const std::string& text = found.value->get_ref<const std::string&>();
    example = ordered_json::parse(text, nullptr, false);
    if (example.is_discarded()) return problems.push_back({file, found.pointer, "is not JSON text of an event"});
  } else {
    example = *found.value;
  }
  const auto* payload = member(example, "payload");
  if (!payload || !payload->is_object())
    return problems.push_back(
        {file, found.pointer, "must be an event: {\"event\": NAME, \"event_ts\": MS, \"payload\": {...}}"});
  catalog.document(name, *payload);
}

}  // namespace

void read_events_spec_text(const std::string& file, const std::string& text, webhooks::EventCatalog& catalog,
                           std::vector<Problem>& problems) {
  ordered_json document;
  if (looks_like_yaml(file, text)) {
    std::string error;
    auto converted = yaml_to_json(text, error);
    if (!converted) return problems.push_back({file, "", "invalid YAML at " + error});
    document = ordered_json(*converted);
  } else {
    try {
      document = ordered_json::parse(text);
    } catch (const ordered_json::out_of_range& e) {  // a number like 1e400
      return problems.push_back({file, "", std::string("invalid JSON: ") + e.what()});
    } catch (const ordered_json::parse_error& e) {
      return problems.push_back({file, "", "invalid JSON at " + line_and_column(text, e.byte) + ": " + e.what()});
    }
  }
  const auto* version = member(document, "openapi");
  if (!version || !version->is_string() || !version->get_ref<const std::string&>().starts_with("3."))
    return problems.push_back({file, "", "not an OpenAPI 3 document (no \"openapi\": \"3.x\")"});
  bool any = false;
  for (const char* where : {"paths", "webhooks"}) {
    const auto* events = member(document, where);
    if (!events) continue;
    const std::string at = std::string("/") + where;
    if (!events->is_object()) {
      problems.push_back({file, at, "must be an object whose keys are event names"});
      any = true;  // said already
      continue;
    }
    any = any || !events->empty();
    for (const auto& [name, item] : events->items()) read_event(file, name, item, at + "/" + pointer_token(name), catalog, problems);
  }
  if (!any) problems.push_back({file, "", "documents no events: Zoom's events specs name each event as a path"});
}

webhooks::EventCatalog load_events_specs(const std::vector<std::string>& files) {
  webhooks::EventCatalog catalog;
  std::vector<Problem> problems;
  for (const auto& file : files) {
    std::string error;
    auto text = read_file_text(file, error);
    if (!text) {
      problems.push_back({file, "", "cannot read events spec: " + error});
      continue;
    }
    read_events_spec_text(file, *text, catalog, problems);
  }
  if (!problems.empty()) throw FixtureError(std::move(problems));
  return catalog;
}

}  // namespace fakezoom
