// fakezoom-client: the seed's Chilkat "Get a user token" sample as a command. It prints what
// the sample prints (body, status, header block and "Failed." at >= 400, else the token).
// Exit codes: 0 ok, 1 failed, 2 usage.
#include <charconv>
#include <csignal>
#include <iostream>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "fakezoom/client.hpp"

namespace {

namespace fzc = fakezoom::client;

constexpr int exit_ok = 0;
constexpr int exit_failed = 1;
constexpr int exit_usage = 2;

constexpr std::string_view usage_text =
    "usage: fakezoom-client get-user-token --base-url URL --token T --user ID\n"
    "                                      [--type zak|token] [--ttl N] [--ca-file FILE]\n"
    "       fakezoom-client --help\n"
    "\n"
    "get-user-token  GET <base-url>/users/{ID}/token?type=..&ttl=.. with \"Authorization: Bearer T\"\n"
    "  --base-url URL  http or https, with the API prefix: http://127.0.0.1:8080/v2\n"
    "  --token T       the access token (an empty value sends no Authorization header)\n"
    "  --user ID       user id, email or \"me\" (percent-encoded for you)\n"
    "  --type TYPE     zak or token\n"
    "  --ttl N         zak lifetime in seconds\n"
    "  --ca-file FILE  PEM CA bundle to trust for https\n"
    "\n"
    "exit codes: 0 ok, 1 failed (HTTP status >= 400, network error, unexpected body), 2 usage\n";

struct Arguments {
  std::string base_url;
  std::optional<std::string> token;
  std::string user;
  std::optional<std::string> type;
  std::optional<long long> ttl;
  std::optional<std::string> ca_file;
};

// Either arguments to run with or an exit code to stop with (help or usage error).
struct ParseOutcome {
  std::optional<Arguments> arguments;
  int exit_code = exit_ok;
};

ParseOutcome usage_error(const std::string& message) {
  std::cerr << "fakezoom-client: " << message << "\n" << usage_text;
  return {std::nullopt, exit_usage};
}

std::optional<long long> parse_integer(std::string_view text) {
  long long value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

ParseOutcome parse_arguments(const std::vector<std::string_view>& args) {
  for (const auto arg : args) {
    if (arg == "--help" || arg == "-h") {
      std::cout << usage_text;
      return {std::nullopt, exit_ok};
    }
  }
  if (args.empty()) return usage_error("missing command");
  if (args[0] != "get-user-token") return usage_error("unknown command \"" + std::string(args[0]) + "\"");

  Arguments parsed;
  std::optional<std::string> base_url;
  std::optional<std::string> user;
  for (std::size_t i = 1; i < args.size(); ++i) {
    std::string_view name = args[i];
    std::optional<std::string_view> value;
    // Both "--name value" and "--name=value".
    if (const auto equals = name.find('='); name.substr(0, 2) == "--" && equals != std::string_view::npos) {
      value = name.substr(equals + 1);
      name = name.substr(0, equals);
    }
    const bool known = name == "--base-url" || name == "--token" || name == "--user" || name == "--type" ||
                       name == "--ttl" || name == "--ca-file";
    if (!known) return usage_error("unknown option \"" + std::string(name) + "\"");
    if (!value) {
      if (i + 1 >= args.size()) return usage_error(std::string(name) + " needs a value");
      value = args[++i];
    }
    const std::string text(*value);
    if (name == "--base-url") {
      base_url = text;
    } else if (name == "--token") {
      parsed.token = text;
    } else if (name == "--user") {
      user = text;
    } else if (name == "--type") {
      if (text != "zak" && text != "token") return usage_error("--type must be zak or token");
      parsed.type = text;
    } else if (name == "--ttl") {
      parsed.ttl = parse_integer(text);
      if (!parsed.ttl) return usage_error("--ttl must be a whole number of seconds, got \"" + text + "\"");
    } else {
      parsed.ca_file = text;
    }
  }
  if (!base_url) return usage_error("--base-url is required");
  if (!parsed.token) return usage_error("--token is required (it may be empty: --token \"\")");
  if (!user || user->empty()) return usage_error("--user is required and cannot be empty");
  if (auto checked = fzc::parse_base_url(*base_url); !checked) return usage_error(checked.error().message);
  parsed.base_url = *base_url;
  parsed.user = *user;
  return {parsed, exit_ok};
}

// Chilkat loads the body into a JsonObject and emits it indented; a body that is not JSON
// is shown as it came, an empty body as an empty line.
std::string printable_body(const std::string& body) {
  if (body.empty()) return "";
  const auto json = nlohmann::json::parse(body, nullptr, /*allow_exceptions=*/false);
  if (json.is_discarded()) return body;
  return json.dump(2, ' ', false, nlohmann::json::error_handler_t::replace);
}

int get_user_token(const Arguments& args) {
  fzc::ClientOptions options;
  options.base_url = args.base_url;
  options.bearer_token = args.token.value_or("");
  options.ca_file = args.ca_file;
  fzc::Client client(std::move(options));

  const auto result = client.get_user_token(args.user, args.type, args.ttl);
  const auto& response = client.last_response();
  if (!response) {
    // No HTTP answer at all: Chilkat's LastMethodSuccess is false and it prints LastErrorText.
    std::cerr << result.error().message << "\n";
    return exit_failed;
  }

  std::cout << "Response Body:\n" << printable_body(response->body) << "\n";
  std::cout << "Response Status Code = " << response->status << "\n";
  if (response->status >= 400) {
    std::cout << "Response Header:\n" << fzc::format_header_block(*response) << "Failed.\n";
    return exit_failed;
  }
  if (!result) {
    // A 2xx whose body has no usable token: the sample would print an empty token; say why.
    std::cerr << "fakezoom-client: " << result.error().message << "\n";
    std::cout << "Failed.\n";
    return exit_failed;
  }
  // Zoom documents a null token (Google or Facebook sign-in); it prints as an empty value.
  std::cout << "token: " << result.value().value_or("") << "\n";
  return exit_ok;
}

}  // namespace

int main(int argc, char** argv) {
  // httplib 0.11.4 writes to sockets with plain send(): a server that hangs up early would
  // kill the command with SIGPIPE instead of giving a transport error.
  std::signal(SIGPIPE, SIG_IGN);
  const std::vector<std::string_view> args(argv + 1, argv + argc);
  const ParseOutcome outcome = parse_arguments(args);
  if (!outcome.arguments) return outcome.exit_code;
  return get_user_token(*outcome.arguments);
}
