// Path construction and the request target: the only places a path or query is encoded.
#include "fakezoom/client/request.hpp"

namespace fakezoom::client {

Path Path::from_segments(const std::vector<std::string>& segments) {
  std::string encoded;
  for (const auto& segment : segments) {
    encoded += '/';
    encoded += percent_encode_path_segment(segment);
  }
  if (encoded.empty()) encoded = "/";
  return Path(std::move(encoded));
}

Path Path::from_encoded(std::string encoded) {
  if (encoded.empty() || encoded.front() != '/') encoded.insert(encoded.begin(), '/');
  return Path(std::move(encoded));
}

std::string request_target(std::string_view prefix, const Request& request) {
  std::string target(prefix);
  target += request.path.encoded();
  const std::string query = encode_query_string(request.query);
  if (!query.empty()) {
    // An already-encoded path may carry its own query; add to it rather than start another.
    target += target.find('?') == std::string::npos ? '?' : '&';
    target += query;
  }
  return target;
}

}  // namespace fakezoom::client
