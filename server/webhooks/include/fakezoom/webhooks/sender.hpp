// Sends a delivery and says what came back. The interface lets the queue and the tests run
// without sockets; http_sender() is the one that opens them.
#pragma once

#include <chrono>
#include <memory>
#include <string>

#include "fakezoom/webhooks/delivery.hpp"

namespace fakezoom::webhooks {

struct SendResult {
  int status = 0;      // the receiver's HTTP status; 0 when there was no answer
  std::string error;   // why there was no answer: "connection refused", "timed out", ...
  std::string body;    // the receiver's answer (the URL validation reads it)
  std::chrono::milliseconds duration{0};
};

class Sender {
public:
  virtual ~Sender() = default;
  virtual SendResult send(const DeliveryRequest& request, std::chrono::milliseconds timeout) = 0;
};

// POSTs over HTTP or HTTPS (the receiver's certificate is not checked: test receivers use
// throwaway ones) to the URL the user configured, and nowhere else.
std::unique_ptr<Sender> http_sender();

}  // namespace fakezoom::webhooks
