#include "args.hpp"

#include "help.hpp"

namespace fakezoom::cli {

std::optional<std::string> Args::last(const std::string& name) const {
  auto it = values.find(name);
  if (it == values.end() || it->second.empty()) return std::nullopt;
  return it->second.back();
}

std::vector<std::string> Args::all(const std::string& name) const {
  auto it = values.find(name);
  return it == values.end() ? std::vector<std::string>{} : it->second;
}

ParseResult parse_args(const std::vector<std::string>& argv, const OptionSpec& spec) {
  ParseResult result;
  for (std::size_t i = 0; i < argv.size(); ++i) {
    std::string arg = argv[i];
    if (arg.rfind("--", 0) != 0 || arg == "--") {
      result.args.positional.push_back(arg);
      continue;
    }
    std::optional<std::string> inline_value;
    if (auto eq = arg.find('='); eq != std::string::npos) {
      inline_value = arg.substr(eq + 1);
      arg.resize(eq);
    }
    if (spec.flags.count(arg)) {
      if (inline_value) {
        result.error = arg + " takes no value";
        return result;
      }
      result.args.flags.insert(arg);
    } else if (spec.with_value.count(arg)) {
      if (!inline_value && i + 1 >= argv.size()) {
        result.error = arg + " needs a value";
        return result;
      }
      result.args.values[arg].push_back(inline_value ? *inline_value : argv[++i]);
    } else {
      std::vector<std::string> known(spec.flags.begin(), spec.flags.end());
      known.insert(known.end(), spec.with_value.begin(), spec.with_value.end());
      result.error = "unknown option " + arg;
      if (auto near = closest(arg, known); !near.empty()) result.error += " (did you mean " + near + "?)";
      return result;
    }
  }
  return result;
}

}  // namespace fakezoom::cli
