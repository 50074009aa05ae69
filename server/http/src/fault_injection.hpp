// Breaks the connection a request came in on, the way WireMock's faults do. Internal to
// fakezoom::http.
#pragma once

#include <httplib.h>

#include "fakezoom/admin/fault.hpp"

namespace fakezoom::http {

// Call from the request's handler, before it returns. Afterwards the connection is gone and
// httplib's own attempt to write the answer fails quietly. False when the connection's socket
// could not be found (nothing was done; answer normally).
bool inject_fault(Fault fault, const httplib::Request& request);

}  // namespace fakezoom::http
