#include "fakezoom/zoom/record_shape.hpp"

#include <algorithm>
#include <charconv>
#include <cstdint>

#include <nlohmann/json.hpp>

namespace fakezoom {

namespace {

using json = nlohmann::json;

bool plain(const std::string& text) {
  return std::all_of(text.begin(), text.end(), [](unsigned char c) { return c >= 0x20 && c < 0x7f && c != '"' && c != '\\'; });
}

// The common scalars written directly (dump() builds a serializer per call); everything else,
// and any text that needs escaping, through dump().
void append_value(std::string& out, const json& value) {
  char digits[24];
  switch (value.type()) {
    case json::value_t::string:
      if (const auto& text = value.get_ref<const std::string&>(); plain(text)) {
        out += '"';
        out += text;
        out += '"';
        return;
      }
      break;
    case json::value_t::boolean: out += value.get<bool>() ? "true" : "false"; return;
    case json::value_t::number_integer: {
      auto end = std::to_chars(digits, digits + sizeof digits, value.get<std::int64_t>()).ptr;
      out.append(digits, end);
      return;
    }
    case json::value_t::number_unsigned: {
      auto end = std::to_chars(digits, digits + sizeof digits, value.get<std::uint64_t>()).ptr;
      out.append(digits, end);
      return;
    }
    default: break;
  }
  out += value.dump(-1, ' ', false, json::error_handler_t::replace);
}

void append_key(std::string& out, const std::string& key) {
  if (plain(key)) {
    out += '"';
    out += key;
    out += "\":";
    return;
  }
  append_value(out, json(key));
  out += ':';
}

void append_neutral(std::string& out, const json& documented);

// Both objects' keys in their (sorted) order, merged as a join: the output has the order
// dumping the merged std::map-backed object would give.
void append_shaped(std::string& out, const json& documented, const json& stored, bool keep_documented) {
  out += '{';
  auto d = documented.begin();
  auto s = stored.begin();
  bool first = true;
  while (d != documented.end() || s != stored.end()) {
    const int order = d == documented.end() ? 1 : s == stored.end() ? -1 : d.key().compare(s.key());
    // A text the account has no value for is left out, as Zoom leaves out what has none yet
    // (a user's last_login_time before any sign-in), never answered as "".
    if (order < 0 && !keep_documented && d.key() != "settings" && d->is_string()) {
      ++d;
      continue;
    }
    if (!first) out += ',';
    first = false;
    if (order > 0) {
      append_key(out, s.key());
      append_value(out, s.value());
      ++s;
      continue;
    }
    append_key(out, d.key());
    const bool keep = keep_documented || d.key() == "settings";
    if (order < 0)
      keep ? append_value(out, d.value()) : append_neutral(out, d.value());
    else if (s->is_object() && d->is_object())
      append_shaped(out, d.value(), s.value(), keep);
    else
      append_value(out, s.value());
    if (order == 0) ++s;
    ++d;
  }
  out += '}';
}

void append_neutral(std::string& out, const json& documented) {
  switch (documented.type()) {
    case json::value_t::string: out += "\"\""; return;
    case json::value_t::number_integer:
    case json::value_t::number_unsigned: out += '0'; return;
    case json::value_t::number_float: out += "0.0"; return;
    case json::value_t::boolean: out += "false"; return;
    case json::value_t::array: out += "[]"; return;
    case json::value_t::object: append_shaped(out, documented, json::object(), false); return;
    default: append_value(out, documented); return;
  }
}

}  // namespace

json neutral(const json& documented) {
  switch (documented.type()) {
    case json::value_t::string: return "";
    case json::value_t::number_integer:
    case json::value_t::number_unsigned: return 0;
    case json::value_t::number_float: return 0.0;
    case json::value_t::boolean: return false;
    case json::value_t::array: return json::array();
    case json::value_t::object: {
      json out = json::object();
      for (const auto& [key, value] : documented.items()) {
        if (key == "settings") out[key] = value;
        else if (!value.is_string()) out[key] = neutral(value);  // a text with no value is left out
      }
      return out;
    }
    default: return documented;
  }
}

std::string shaped_json_text(const json* documented, const json& stored) {
  std::string out;
  if (!documented || !documented->is_object() || !stored.is_object()) {
    append_value(out, stored);
    return out;
  }
  out.reserve(2048);
  append_shaped(out, *documented, stored, false);
  return out;
}

}  // namespace fakezoom
