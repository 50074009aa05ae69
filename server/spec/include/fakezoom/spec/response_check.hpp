// Does an answer conform to the spec? Each operation's documented statuses, content types and
// response body schemas (OpenAPI 3 or Swagger 2.0, local $refs inlined, checked by valijson),
// for `fakezoom replay --spec FILE`.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "fakezoom/fixtures/diagnostic.hpp"
#include "fakezoom/model/input_problem.hpp"
#include "fakezoom/model/path_template.hpp"

namespace fakezoom {

class ResponseCheck {
public:
  // Throws FixtureError naming each problem's JSON pointer.
  static ResponseCheck load(const std::string& file);
  // No file I/O: problems go to `problems`.
  static ResponseCheck read(const std::string& file, const std::string& text, std::vector<Problem>& problems);

  ResponseCheck(ResponseCheck&&) noexcept;
  ResponseCheck& operator=(ResponseCheck&&) noexcept;
  ~ResponseCheck();

  // Every way the answer breaks the operation's documentation, each naming the JSON pointer in
  // the body ("/users/0/email") or "" for the status and content type; empty when it conforms.
  // Nothing when the spec has no operation of this method on a path of this shape (its
  // parameters where the route has them, names aside; `route_path` with the base path, as
  // routes have it). An error status that the spec documents without content is not held to
  // a body: Zoom answers its JSON error there.
  std::optional<std::vector<InputProblem>> check(const std::string& method, const PathTemplate& route_path, int status,
                                                 const std::string& content_type, const std::string& body) const;

  std::size_t operations() const;

private:
  struct Operation;
  ResponseCheck();
  std::vector<Operation> operations_;
};

}  // namespace fakezoom
