#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "fakezoom/zoom/record_shape.hpp"

using namespace fakezoom;
using nlohmann::json;

namespace {
// The shape as a tree, the plain way: what shaped_json_text must write without building it.
json merged(const json& documented, const json& stored, bool keep) {
  if (!documented.is_object() || !stored.is_object()) return stored;
  json out = keep ? documented : neutral(documented);
  for (const auto& [key, value] : stored.items())
    out[key] = value.is_object() && documented.contains(key) && documented[key].is_object()
                   ? merged(documented[key], value, keep || key == "settings")
                   : value;
  return out;
}
}  // namespace

TEST_CASE("a record shaped like its documented example writes what dumping the merged object writes", "[unit][record-shape]") {
  const json documented = json::parse(R"({
    "id": 85746065, "topic": "My Meeting", "duration": 60, "pre_schedule": false, "agenda": "Jill's agenda",
    "occurrences": [{"occurrence_id": "1"}], "score": 1.5, "nothing": null,
    "recurrence": {"type": 1, "repeat_interval": 1},
    "settings": {"host_video": true, "audio": "both", "breakout_room": {"enable": true, "rooms": []}}
  })");
  auto [name, stored] = GENERATE_COPY(table<const char*, json>({
      {"nothing stored", json::object()},
      {"scalars stored", json::parse(R"({"id": 11122233344, "topic": "bench", "duration": 30})")},
      {"undocumented keys interleave in order", json::parse(R"({"aaa": 1, "host_email": "h@example.com", "zzz": [1, 2]})")},
      {"settings merge over the documented defaults", json::parse(R"({"settings": {"audio": "voip", "waiting_room": true}})")},
      {"nested settings merge too", json::parse(R"({"settings": {"breakout_room": {"enable": false}}})")},
      {"an object over a scalar replaces it", json::parse(R"({"topic": {"odd": true}, "recurrence": 3})")},
      {"text that needs escaping", json::parse(R"({"topic": "say \"hi\"\n\\ ok", "agenda": "caf\u00e9 \u0001"})")},
      {"a key that needs escaping", json::parse(R"({"we\"ird": "v"})")},
      {"negative and large numbers", json::parse(R"({"duration": -5, "id": 18446744073709551615, "score": 2.25})")},
  }));
  INFO(name);
  const std::string expected = merged(documented, stored, false).dump();
  CHECK(shaped_json_text(&documented, stored) == expected);
  CHECK(json::parse(shaped_json_text(&documented, stored)) == json::parse(expected));
}

TEST_CASE("a documented person's data never shows through, Zoom's settings defaults do", "[unit][record-shape]") {
  const json documented = {{"topic", "Jill's meeting"}, {"duration", 60}, {"settings", {{"host_video", true}}}};
  const json answer = json::parse(shaped_json_text(&documented, json{{"id", 1}}));
  // A text with no value is left out, never answered as "" (Zoom leaves out what has none yet).
  CHECK_FALSE(answer.contains("topic"));
  CHECK(answer["duration"] == 0);
  CHECK(answer["settings"]["host_video"] == true);
  CHECK(answer["id"] == 1);
}

TEST_CASE("without a documented object the record answers as it is", "[unit][record-shape]") {
  const json stored = {{"id", 1}, {"topic", "t"}};
  CHECK(shaped_json_text(nullptr, stored) == stored.dump());
  const json array = json::array({1});
  CHECK(shaped_json_text(&array, stored) == stored.dump());
}

TEST_CASE("invalid UTF-8 in a stored value is replaced, not thrown", "[unit][record-shape]") {
  const json documented = {{"topic", ""}};
  const json stored = {{"topic", std::string("bad \xff byte")}};
  CHECK(shaped_json_text(&documented, stored) == stored.dump(-1, ' ', false, json::error_handler_t::replace));
}
