// What the admin API may touch: the engine implements it, so the admin part never depends on
// the engine that routes requests to it.
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "fakezoom/admin/fault.hpp"
#include "fakezoom/admin/overrides.hpp"
#include "fakezoom/admin/settings.hpp"
#include "fakezoom/model/clock.hpp"
#include "fakezoom/journal/journal.hpp"
#include "fakezoom/state/account.hpp"
#include "fakezoom/webhooks/outbox.hpp"
#include "fakezoom/zoom/fixture_load.hpp"
#include "fakezoom/zoom/fixture_set.hpp"
#include "fakezoom/zoom/token_authority.hpp"

namespace fakezoom {

struct AccountChange;  // fakezoom/model/account_change.hpp

// What POST /__admin/state/save came to.
struct StateSave {
  bool available = false;            // false: no state file was configured
  std::string path;
  std::optional<std::string> error;  // why the file was not written
};

class AdminTarget {
public:
  virtual ~AdminTarget() = default;

  virtual Journal& journal() = 0;
  virtual std::shared_ptr<const FixtureSet> fixtures() const = 0;
  virtual std::uint64_t generation() const = 0;
  virtual Settings settings() const = 0;
  virtual void set_settings(Settings settings) = 0;
  virtual Overrides overrides() const = 0;
  virtual void set_fault(const std::string& id, std::optional<Fault> fault) = 0;
  virtual void set_delay(const std::string& id, std::optional<std::chrono::milliseconds> delay) = 0;
  virtual void reset() = 0;
  virtual ReloadReport reload() = 0;
  virtual std::optional<ReloadReport> last_reload() const = 0;
  virtual bool request_shutdown() = 0;  // false when nobody can stop this server
  virtual Clock::time_point now() const = 0;  // the injected clock's time
  virtual Account& account() = 0;
  virtual StateSave save_state() = 0;  // to the state file, atomically
  virtual TokenAuthority& tokens() = 0;  // the OAuth tokens issued at /oauth/token
  virtual webhooks::Outbox& webhooks() = 0;  // the subscriptions and what was sent to them
  // Sends the event that tells a change in the account to the subscriptions that want it.
  virtual void tell(const AccountChange& change) = 0;
};

}  // namespace fakezoom
