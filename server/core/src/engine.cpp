#include "fakezoom/core/engine.hpp"

#include "fakezoom/core/admin.hpp"

namespace fakezoom {

HttpRequest redact_secrets(HttpRequest request) {
  Headers headers;
  for (const auto& [key, value] : request.headers) {
    if (iequals(key, "Authorization")) {
      auto space = value.find(' ');
      headers.add(key, (space == std::string::npos ? std::string() : value.substr(0, space + 1)) + "[REDACTED]");
    } else {
      headers.add(key, value);
    }
  }
  request.headers = std::move(headers);
  for (auto& [key, value] : request.query)
    if (key == "access_token") value = "[REDACTED]";
  if (auto at = request.target.find("access_token="); at != std::string::npos) {
    auto end = request.target.find('&', at);
    request.target.replace(at + 13, (end == std::string::npos ? request.target.size() : end) - at - 13, "[REDACTED]");
  }
  return request;
}

Engine::Engine(std::shared_ptr<const FixtureSet> fixtures, EngineOptions options)
    : fixtures_(std::move(fixtures)), options_(std::move(options)), journal_(options_.journal_capacity) {}

std::shared_ptr<const FixtureSet> Engine::fixtures() const {
  std::lock_guard lock(fixtures_mutex_);
  return fixtures_;
}

HttpResponse Engine::handle(const HttpRequest& request) {
  const auto fixtures = this->fixtures();
  const std::string& prefix = options_.admin_prefix;
  if (request.path.compare(0, prefix.size(), prefix) == 0 &&
      (request.path.size() == prefix.size() || request.path[prefix.size()] == '/'))
    return handle_admin(request, std::string_view(request.path).substr(prefix.size()), {journal_, *fixtures});

  Outcome outcome = respond(*fixtures, request, options_.body_mode);
  JournalEntry entry;
  entry.logged = std::chrono::system_clock::now();
  entry.request = options_.journal_secrets ? request : redact_secrets(request);
  entry.status = outcome.response.status;
  entry.matched = outcome.matched;
  entry.route_id = std::move(outcome.route_id);
  entry.example_id = std::move(outcome.example_id);
  entry.example_name = std::move(outcome.example_name);
  entry.reason = std::move(outcome.reason);
  journal_.record(std::move(entry));
  return std::move(outcome.response);
}

}  // namespace fakezoom
