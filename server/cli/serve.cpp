// `fakezoom serve`: runs until SIGINT or SIGTERM, then exits 0.
#include <pthread.h>
#include <signal.h>

#include <cstdio>
#include <fstream>
#include <iostream>

#include <nlohmann/json.hpp>

#include "commands.hpp"
#include "fixture_options.hpp"
#include "fakezoom/server.hpp"

namespace fakezoom::cli {

namespace {

constexpr const char* kServeUsage =
    "usage: fakezoom serve [--fixtures PATH]... [--host 127.0.0.1] [--port 8080] [--port-file FILE]\n"
    "                      [--base-path /v2] [--verbatim] [--log text|json|off]\n\n"
    "Serves the fixtures' documented examples with Zoom's behaviour on top. Prints one line for\n"
    "people and one JSON line ({\"event\":\"listening\",...}) on stdout once it accepts connections.\n\n"
    "options:\n"
    "  --host HOST         address to bind (default 127.0.0.1; anything else is exposed to the network)\n"
    "  --port N            port (default 8080; 0 picks a free one)\n"
    "  --port-file FILE    write the port to FILE once listening\n"
    "  --verbatim          serve every example exactly as documented (no Zoom JSON error bodies)\n"
    "  --log FORMAT        access log on stderr: text (default), json or off; tokens are redacted\n"
    "  --admin-prefix P    where the admin API lives (default /__admin)\n"
    "  --max-request-journal-entries N   journal size (default 10000; 0 turns it off)\n"
    "  --journal-secrets   keep bearer tokens in the journal instead of [REDACTED]\n";

bool is_loopback(const std::string& host) {
  return host == "localhost" || host == "::1" || host.rfind("127.", 0) == 0;
}

// Written whole or not at all: a reader polling for the file never sees half a number.
bool write_port_file(const std::string& path, int port) {
  const std::string temporary = path + ".tmp";
  {
    std::ofstream out(temporary);
    if (!(out << port << "\n")) return false;
  }
  return std::rename(temporary.c_str(), path.c_str()) == 0;
}

std::optional<int> parse_int(const std::string& text, int min, int max) {
  try {
    std::size_t used = 0;
    long value = std::stol(text, &used);
    if (used != text.size() || value < min || value > max) return std::nullopt;
    return static_cast<int>(value);
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

int usage_error(const std::string& message) {
  std::cerr << "fakezoom serve: " << message << "\n\n" << kServeUsage << kFixtureOptionsHelp;
  return kExitUsage;
}

}  // namespace

int serve(const std::vector<std::string>& argv) {
  OptionSpec spec{{"--host", "--port", "--port-file", "--log", "--admin-prefix", "--max-request-journal-entries"},
                  {"--verbatim", "--journal-secrets", "--help"}};
  add_fixture_options(spec);
  auto parsed = parse_args(argv, spec);
  if (!parsed.error.empty()) return usage_error(parsed.error);
  if (!parsed.args.positional.empty()) return usage_error("unexpected argument " + parsed.args.positional[0]);
  const Args& args = parsed.args;
  if (args.has("--help")) {
    std::cout << kServeUsage << kFixtureOptionsHelp;
    return kExitOk;
  }

  ServerOptions options;
  options.fixtures = fixture_paths(args);
  options.base_path = args.last("--base-path");
  options.host = args.last("--host").value_or("127.0.0.1");
  auto port = parse_int(args.last("--port").value_or("8080"), 0, 65535);
  if (!port) return usage_error("--port must be a number from 0 to 65535");
  options.port = *port;
  options.verbatim = args.has("--verbatim");
  options.journal_secrets = args.has("--journal-secrets");
  options.admin_prefix = args.last("--admin-prefix").value_or("/__admin");
  if (auto n = args.last("--max-request-journal-entries")) {
    auto entries = parse_int(*n, 0, 100'000'000);
    if (!entries) return usage_error("--max-request-journal-entries must be a non-negative number");
    options.journal_capacity = static_cast<std::size_t>(*entries);
  }
  const std::string log = args.last("--log").value_or("text");
  if (log == "text") options.log = LogFormat::text;
  else if (log == "json") options.log = LogFormat::json;
  else if (log == "off") options.log = LogFormat::off;
  else return usage_error("--log must be text, json or off");

  // Block the stop signals before any thread starts, so every thread inherits the mask and
  // only sigwait below sees them.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);
  // A client that hangs up mid-answer must not take the server down with SIGPIPE.
  signal(SIGPIPE, SIG_IGN);

  std::optional<Server> server;
  try {
    server.emplace(Server::start(options));
  } catch (const FixtureError& error) {
    std::cerr << "fakezoom: cannot load fixtures: " << error.what() << "\n";
    return kExitUsage;
  } catch (const std::exception& error) {
    std::cerr << "fakezoom: " << error.what() << "\n";
    return kExitUsage;
  }
  if (!is_loopback(options.host))
    std::cerr << "fakezoom: warning: listening on " << options.host
              << ", beyond loopback: anyone who can reach this machine can use it\n";
  const auto& fixtures = server->fixtures();
  std::cout << "fakezoom listening on " << server->base_url() << " (" << fixtures.routes.routes().size() << " routes, "
            << fixtures.example_count() << " examples)\n"
            << nlohmann::json{{"event", "listening"},
                              {"url", server->base_url()},
                              {"port", server->port()},
                              {"routes", fixtures.routes.routes().size()},
                              {"examples", fixtures.example_count()}}
                   .dump()
            << std::endl;
  if (auto file = args.last("--port-file"); file && !write_port_file(*file, server->port())) {
    std::cerr << "fakezoom: cannot write the port file " << *file << "\n";
    return kExitUsage;
  }

  int signal_number = 0;
  sigwait(&stop_signals, &signal_number);
  server->stop();
  return kExitOk;
}

}  // namespace fakezoom::cli
