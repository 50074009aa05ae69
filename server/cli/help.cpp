#include "help.hpp"

#include <algorithm>

#include "fakezoom/model/text.hpp"

namespace fakezoom::cli {

namespace {

constexpr std::size_t kHelpColumn = 28;

}  // namespace

OptionSpec spec_of(const CommandHelp& command) {
  OptionSpec spec;
  spec.flags.insert("--help");
  for (const auto& group : command.groups)
    for (const auto& option : group.options) (option.value.empty() ? spec.flags : spec.with_value).insert(option.name);
  return spec;
}

std::string help_text(const CommandHelp& command) {
  std::string text = "usage: fakezoom " + command.name + " " + command.synopsis + "\n\n" + command.about + "\n";
  for (const auto& group : command.groups) {
    text += "\n" + group.title + ":\n";
    for (const auto& option : group.options) {
      std::string left = "  " + option.name + (option.value.empty() ? "" : " " + option.value);
      if (option.repeatable) left += " (repeatable)";
      std::string help = option.help;
      if (!option.fallback.empty()) {
        const std::size_t last_line = help.size() - (help.rfind('\n') == std::string::npos ? 0 : help.rfind('\n') + 1);
        help += (last_line + option.fallback.size() > 70 ? "\n" : " ") + std::string("(default: ") + option.fallback + ")";
      }
      // The help starts on the option's line when it fits there, else on the next.
      if (left.size() + 1 < kHelpColumn)
        left.resize(kHelpColumn, ' ');
      else
        left += "\n" + std::string(kHelpColumn, ' ');
      std::string indented;
      for (char c : help) indented += c == '\n' ? "\n" + std::string(kHelpColumn, ' ') : std::string(1, c);
      text += left + indented + "\n";
    }
  }
  return text;
}

std::string usage_error_text(const CommandHelp& command, const std::string& message) {
  return "fakezoom " + command.name + ": " + message + "\nusage: fakezoom " + command.name + " " + command.synopsis +
         "\nRun `fakezoom " + command.name + " --help` for every option and its default.\n";
}

std::string closest(std::string_view word, const std::vector<std::string>& candidates) {
  std::string best;
  std::size_t best_distance = std::string::npos;
  for (const auto& candidate : candidates) {
    const std::size_t d = edit_distance(word, candidate);
    if (d < best_distance) best_distance = d, best = candidate;
  }
  // A third of the word may be wrong: "--prot" is --port, "--xyz" is nothing.
  const std::size_t allowed = std::max<std::size_t>(2, word.size() / 3);
  return best_distance <= allowed ? best : std::string();
}

}  // namespace fakezoom::cli
