#pragma once
// The groups of samlactl subcommands; each adds its subcommands to the app and runs them
// through the shared context. A command's callback sets `exit_code`.
#include <CLI/CLI.hpp>

#include "cli_context.h"

namespace samla::cli {

struct Commands {
  CliContext& context;
  int& exit_code;
};

void add_inbox_commands(CLI::App& app, Commands cmd);         // import list show search export
void add_conversation_commands(CLI::App& app, Commands cmd);  // claim assign … handover
void add_admin_commands(CLI::App& app, Commands cmd);         // demo deadline department …
void add_template_commands(CLI::App& app, Commands cmd);      // template …, sms count
void add_hub_commands(CLI::App& app, Commands cmd);           // hub init|migrate|sync|status …
void add_email_commands(CLI::App& app, Commands cmd);         // account sync
void add_sms_commands(CLI::App& app, Commands cmd);           // sms-gateway, sms (after template)

/// Runs `command` on conversation `id` and reports it as every conversation command does: the
/// refusal in words (exit code kRefused), else one line per event, `suffix` appended.
void run_conversation_command(CliContext& ctx, int& code, const std::string& id,
                              const Command& command, const std::string& suffix = {});

}  // namespace samla::cli
