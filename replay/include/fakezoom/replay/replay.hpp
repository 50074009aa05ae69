// `fakezoom replay`: sends each documented example's request to any base URL and checks the
// answer against what the example documents. Building the request and judging the answer are
// pure functions; the command does the sending.
#pragma once

#include <string>
#include <vector>

#include "fakezoom/client/request.hpp"
#include "fakezoom/client/response.hpp"
#include "fakezoom/model/route.hpp"

namespace fakezoom::replay {

enum class BodyComparison {
  exact,  // JSON equal as values (against fakezoom)
  shape,  // JSON of the same shape: types and documented keys (against the real Zoom API)
};

// The example's originalRequest, variables resolved, relative to the base URL (the route's
// base path dropped), with `x-mock-response-name` so fakezoom answers with this very example.
client::Request request_for(const Route& route, const Example& example);

struct Verdict {
  bool passed = false;
  std::string detail;  // why it failed, or what passed
};

// Status, Content-Type and body against the documented ones. An error example documented
// with an empty body also accepts Zoom's JSON error `{"code": <documented code>, ...}`.
Verdict judge(const Example& example, const client::Response& answer, BodyComparison comparison);

struct CaseResult {
  std::string route;  // "GET /v2/users/{userId}/token"
  std::string example_id;
  std::string example_name;
  Verdict verdict;
  double seconds = 0;
};

std::string junit_xml(const std::vector<CaseResult>& results, double total_seconds);

}  // namespace fakezoom::replay
