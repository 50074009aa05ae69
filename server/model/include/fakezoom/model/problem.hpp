// A problem in something fakezoom read (a fixture, a spec, a state file), located by its file
// and JSON pointer. Loaders collect every problem, then fail once with all of them.
#pragma once

#include <string>

namespace fakezoom {

struct Problem {
  std::string file;
  std::string pointer;  // RFC 6901, "" for the whole document
  std::string message;

  // "fixtures/a.json: /item/3/response/1/code: must be an integer"
  std::string to_string() const {
    if (!file.empty()) return file + ": " + (pointer.empty() ? "(document)" : pointer) + ": " + message;
    return pointer.empty() ? message : pointer + ": " + message;
  }
  bool operator==(const Problem&) const = default;
};

}  // namespace fakezoom
