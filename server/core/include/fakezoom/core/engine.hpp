// The whole product without a socket: a request value in, a response value out.
// `respond` is a pure function of (fixtures, request); `Engine` adds the journal and the admin API.
#pragma once

#include <memory>
#include <mutex>
#include <string>

#include "fakezoom/core/fixture_set.hpp"
#include "fakezoom/core/http_message.hpp"
#include "fakezoom/core/journal.hpp"
#include "fakezoom/core/render.hpp"

namespace fakezoom {

struct Outcome {
  HttpResponse response;
  bool matched = false;  // a documented route answered (examples, Zoom's rules); false for 404/405 misses
  std::string route_id;
  std::string example_id;  // also sent as Matched-Stub-Id
  std::string example_name;
  std::string reason;
};

Outcome respond(const FixtureSet& fixtures, const HttpRequest& request, BodyMode mode);

struct EngineOptions {
  BodyMode body_mode = BodyMode::zoom;
  std::string admin_prefix = "/__admin";
  std::size_t journal_capacity = Journal::kDefaultCapacity;  // 0: no journal
  bool journal_secrets = false;  // keep tokens in the journal instead of "[REDACTED]"
};

// Tokens out of a request before it is journaled or logged.
HttpRequest redact_secrets(HttpRequest request);

class Engine {
public:
  Engine(std::shared_ptr<const FixtureSet> fixtures, EngineOptions options);

  // Thread-safe.
  HttpResponse handle(const HttpRequest& request);

  Journal& journal() { return journal_; }
  const Journal& journal() const { return journal_; }
  std::shared_ptr<const FixtureSet> fixtures() const;
  const EngineOptions& options() const { return options_; }

private:
  mutable std::mutex fixtures_mutex_;  // guards the pointer only; a FixtureSet never changes
  std::shared_ptr<const FixtureSet> fixtures_;
  EngineOptions options_;
  Journal journal_;
};

}  // namespace fakezoom
