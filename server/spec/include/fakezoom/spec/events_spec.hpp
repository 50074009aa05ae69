// Zoom's webhook events specs to the events fakezoom can send (`fakezoom serve --events-spec
// FILE`). Zoom publishes each product's events as an OpenAPI 3.1 document whose paths are the
// event names, each a POST whose request body has the event's schema and a JSON example
// ("json-example", written as JSON text). Each event becomes known, its example's payload the
// template an event sent on demand is merged over. OpenAPI 3.1's own `webhooks` map is read
// the same way.
#pragma once

#include <string>
#include <vector>

#include "fakezoom/model/problem.hpp"
#include "fakezoom/webhooks/event_catalog.hpp"

namespace fakezoom {

// No file I/O: JSON or YAML text (as read_spec_text tells them apart); problems go to
// `problems`, each with the file and the JSON pointer. Adds what it read to `catalog`.
void read_events_spec_text(const std::string& file, const std::string& text, webhooks::EventCatalog& catalog,
                           std::vector<Problem>& problems);

// The built-in catalog with every file's events added, in the order given. Throws FixtureError
// listing the problems of all of them.
webhooks::EventCatalog load_events_specs(const std::vector<std::string>& files);

}  // namespace fakezoom
