// samlactl: Samla without a window. Everything the desktop app can do to data, scriptable.
#include <clocale>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <span>
#include <string>
#include <string_view>

#include "commands.h"
#include "i18n.h"
#include "samla/sync/workspace_config.h"

namespace {

// The catalogues: $SAMLA_LOCALEDIR, else the build tree's (running from the build), else the
// installed ones.
const char* locale_dir() {
  if (const char* env = std::getenv("SAMLA_LOCALEDIR"); env != nullptr && *env != '\0') return env;
  std::error_code error;
  if (std::filesystem::is_directory(SAMLA_BUILD_LOCALEDIR, error)) return SAMLA_BUILD_LOCALEDIR;
  return SAMLA_LOCALEDIR;
}

// --language (or $SAMLA_LANGUAGE) is read before CLI11 parses: the help texts are translated
// while the app is built. An unknown value is left for CLI11 to report.
std::string requested_language(int argc, char** argv) {
  std::string code;
  if (const char* env = std::getenv("SAMLA_LANGUAGE"); env != nullptr) code = env;
  const std::span<char*> args(argv, static_cast<std::size_t>(argc));
  for (std::size_t i = 1; i < args.size(); ++i) {
    const std::string_view arg = args[i];
    if (arg == "--") break;
    if (arg == "--language" && i + 1 < args.size()) code = args[i + 1];
    if (arg.starts_with("--language=")) code = arg.substr(std::strlen("--language="));
  }
  return code == "nn" || code == "nb" || code == "en" ? code : std::string();
}

// Makes gettext answer in `code` whatever the locale says. glibc ignores LANGUAGE while the
// messages locale is "C" or "POSIX" (CI, containers), but honours it for "C.UTF-8".
void use_language(const std::string& code) {
#ifdef _WIN32
  _putenv_s("LANGUAGE", code.c_str());
#else
  setenv("LANGUAGE", code.c_str(), 1);
#endif
#ifdef LC_MESSAGES
  const char* messages = std::setlocale(LC_MESSAGES, nullptr);
  if (messages == nullptr || std::strcmp(messages, "C") == 0 ||
      std::strcmp(messages, "POSIX") == 0) {
    std::setlocale(LC_MESSAGES, "C.UTF-8");
  }
#endif
}

// CLI11's own words in --help.
void translate_help(CLI::App& app) {
  auto formatter = app.get_formatter();
  formatter->label("Usage", samla::cli::tr("Usage"));
  formatter->label("OPTIONS", samla::cli::tr("OPTIONS"));
  formatter->label("SUBCOMMAND", samla::cli::tr("SUBCOMMAND"));
  formatter->label("SUBCOMMANDS", samla::cli::tr("SUBCOMMANDS"));
  formatter->label("Positionals", samla::cli::tr("Positionals"));
  formatter->label("REQUIRED", samla::cli::tr("REQUIRED"));
  formatter->label("Env", samla::cli::tr("Env"));
  formatter->label("TEXT", samla::cli::tr("TEXT"));
  formatter->label("INT", samla::cli::tr("INT"));
  formatter->label("UINT", samla::cli::tr("UINT"));
  // Subcommands copy the groups and the help flag when they are added; the group first, so the
  // help flag is in it.
  app.option_defaults()->group(samla::cli::tr("Options"));
  app.group(samla::cli::tr("Subcommands"));
  app.set_help_flag("-h,--help", samla::cli::tr("print this help and exit"));
}

// A subcommand makes its help flag before it copies the parent's option group, so the flag lands
// in CLI11's own "Options" group; this moves every one into `group`.
void group_help_flags(CLI::App& app, const std::string& group) {
  if (auto* help = app.get_help_ptr(); help != nullptr) help->group(group);
  for (auto* sub : app.get_subcommands([](CLI::App*) { return true; })) {
    group_help_flags(*sub, group);
  }
}

}  // namespace

// Only setup (allocation, building the CLI11 app) can throw outside the try block below; that is
// fatal and std::terminate is the right answer.
// NOLINTNEXTLINE(bugprone-exception-escape)
int main(int argc, char** argv) {
  using namespace samla::cli;
  std::setlocale(LC_ALL, "");
  CliContext context;
  context.options().language = requested_language(argc, argv);
  if (!context.options().language.empty()) use_language(context.options().language);
  bindtextdomain("samla", locale_dir());
  bind_textdomain_codeset("samla", "UTF-8");

  int exit_code = kOk;
  CLI::App app{tr("samlactl: the Samla inbox from the command line"), "samlactl"};
  translate_help(app);
  app.set_version_flag("--version", std::string("samlactl ") + SAMLA_VERSION,
                       tr("print the version and exit"));
  app.add_option("--language", context.options().language,
                 tr("write in nn (nynorsk), nb (bokmål) or en (English); default: the locale"))
      ->envname("SAMLA_LANGUAGE")
      ->check(CLI::IsMember({"nn", "nb", "en"}));
  app.add_option("--profile", context.options().profile,
                 tr("profile folder (default: $SAMLA_PROFILE, else the user's data folder)"));
  app.add_option("--now", context.options().now, tr("pretend it is this time (scripts, tests)"));
  app.add_option("--as", context.options().as, tr("act as this user (solo mode)"));
  app.require_subcommand(1);
  app.fallthrough();

  const Commands commands{context, exit_code};
  add_inbox_commands(app, commands);
  add_conversation_commands(app, commands);
  add_admin_commands(app, commands);
  add_template_commands(app, commands);
  add_hub_commands(app, commands);
  add_email_commands(app, commands);
  add_sms_commands(app, commands);
  group_help_flags(app, tr("Options"));

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    // --help and --version end well; every other parse error is a usage error.
    return app.exit(e) == 0 ? kOk : kUsage;
  } catch (const UsageError& e) {
    std::cerr << "samlactl: " << e.what() << '\n';
    return kUsage;
  } catch (const samla::ConfigError& e) {
    std::cerr << "samlactl: " << e.what() << '\n';
    return kUsage;
  } catch (const std::invalid_argument& e) {
    std::cerr << "samlactl: " << e.what() << '\n';
    return kRefused;
  } catch (const std::exception& e) {
    std::cerr << "samlactl: " << tr("failed") << ": " << e.what() << '\n';
    return kFailure;
  }
  return exit_code;
}
