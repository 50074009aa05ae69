#include "fakezoom/webhooks/url_validation.hpp"

#include "fakezoom/webhooks/signing.hpp"

namespace fakezoom::webhooks {

std::string to_string(ValidationState state) {
  switch (state) {
    case ValidationState::pending: return "pending";
    case ValidationState::validated: return "validated";
    case ValidationState::failed: return "failed";
    case ValidationState::skipped: return "skipped";
    case ValidationState::disabled: return "disabled";
  }
  return "pending";
}

Event url_validation_event(const std::string& plain_token, std::int64_t event_ts) {
  Event event;
  event.name = "endpoint.url_validation";
  event.payload = {{"plainToken", plain_token}};
  event.event_ts = event_ts;
  return event;
}

Validation judge_validation(const SendResult& answer, const std::string& plain_token, const std::string& secret_token,
                            std::chrono::milliseconds timeout) {
  Validation out;
  out.status = answer.status;
  out.state = ValidationState::failed;
  if (answer.status == 0) {
    out.reason = answer.error.empty() ? "no answer" : answer.error;
    return out;
  }
  if (answer.status != 200 && answer.status != 204) {
    out.reason = "answered " + std::to_string(answer.status) + ", not 200 or 204";
    return out;
  }
  if (answer.duration > timeout) {
    out.reason = "answered after the " + std::to_string(timeout.count()) + " ms Zoom allows";
    return out;
  }
  const auto body = nlohmann::json::parse(answer.body, nullptr, false);
  if (!body.is_object()) {
    out.reason = "the answer is not a JSON object with plainToken and encryptedToken";
    return out;
  }
  // value() would throw on a field of another type: a receiver's answer is untrusted.
  auto text = [&](const char* key) {
    return body.contains(key) && body[key].is_string() ? body[key].get<std::string>() : std::string();
  };
  if (text("plainToken") != plain_token) {
    out.reason = "the answer's plainToken is not the one sent";
    return out;
  }
  if (text("encryptedToken") != encrypted_token(secret_token, plain_token)) {
    out.reason = "the answer's encryptedToken is not hex(HMAC-SHA256(secret token, plainToken))";
    return out;
  }
  out.state = ValidationState::validated;
  return out;
}

}  // namespace fakezoom::webhooks
