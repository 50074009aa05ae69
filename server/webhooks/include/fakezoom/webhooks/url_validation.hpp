// Zoom's endpoint URL validation ("Validate your webhook endpoint"): a challenge event with a
// plainToken, and the answer it needs: 200 (or 204) within three seconds with
// {"plainToken": P, "encryptedToken": hex(HMAC-SHA256(secret, P))}. Pure.
#pragma once

#include <cstdint>
#include <string>

#include "fakezoom/webhooks/event.hpp"
#include "fakezoom/webhooks/sender.hpp"

namespace fakezoom::webhooks {

// disabled: it passed, then failed revalidation six times in a row (RetryPolicy), and gets no
// more events until a reload brings it back.
enum class ValidationState { pending, validated, failed, skipped, disabled };
std::string to_string(ValidationState state);

struct Validation {
  ValidationState state = ValidationState::pending;
  std::string reason;  // why it failed; "" otherwise
  int status = 0;      // the receiver's answer, when there was one
  int failed_revalidations = 0;  // in a row, since it last passed
};

// {"event":"endpoint.url_validation","event_ts":MS,"payload":{"plainToken":P}}
Event url_validation_event(const std::string& plain_token, std::int64_t event_ts);

// What the receiver's answer to the challenge comes to.
Validation judge_validation(const SendResult& answer, const std::string& plain_token, const std::string& secret_token,
                            std::chrono::milliseconds timeout);

}  // namespace fakezoom::webhooks
