// claim, assign, unassign, note, reply, preliminary, close, reopen, handover …: commands people
// give about one conversation. Each prints the rules' refusal and exits 1 when refused.
#include <iostream>

#include "commands.h"
#include "i18n.h"
#include "samla/models/rejection.h"
#include "samla/sync/iso8601.h"

namespace samla::cli {

void run_conversation_command(CliContext& ctx, int& code, const std::string& id,
                              const Command& command, const std::string& suffix) {
  auto& ws = ctx.workspace();
  const auto outcome = ws.execute(id, command, ctx.actor());
  if (!outcome.decision.accepted()) {
    const auto& r = *outcome.decision.rejection;
    // The format is a string literal of the rules, so data() is terminated.
    std::cerr << tr("refused") << ": " << r.text(tr(r.format.data()), ws.zone()) << '\n';
    code = kRefused;
    return;
  }
  for (const auto& e : outcome.decision.events) {
    std::cout << e.type_name() << ' ' << outcome.conversation_id.substr(0, 8) << ' ' << e.id
              << suffix << '\n';
  }
  code = kOk;
}

namespace {

struct Target {
  std::string id;
};

// A subcommand taking a conversation id, plus whatever `extra` adds; `make` builds the command.
template <class Make>
CLI::App* conversation_command(CLI::App& parent, const char* name, const std::string& help,
                               Commands cmd, const std::shared_ptr<Target>& target, Make make) {
  auto& ctx = cmd.context;
  int& code = cmd.exit_code;
  auto* sub = parent.add_subcommand(name, help);
  sub->add_option("id", target->id, tr("conversation id or its first 8 characters"))->required();
  sub->callback(
      [&ctx, &code, target, make] { run_conversation_command(ctx, code, target->id, make()); });
  return sub;
}

}  // namespace

void add_conversation_commands(CLI::App& app, Commands cmd) {
  auto& ctx = cmd.context;
  auto t = [] { return std::make_shared<Target>(); };

  conversation_command(app, "claim", tr("take a conversation of your department"), cmd, t(),
                       [] { return Command{Claim{}}; });
  conversation_command(app, "unassign", tr("remove the assignee"), cmd, t(),
                       [] { return Command{Unassign{}}; });
  conversation_command(app, "close", tr("close a conversation"), cmd, t(),
                       [] { return Command{Close{}}; });
  conversation_command(app, "reopen", tr("reopen a closed conversation"), cmd, t(),
                       [] { return Command{Reopen{}}; });

  auto assignee = std::make_shared<std::string>();
  conversation_command(app, "assign", tr("assign a conversation to a caseworker (leads)"), cmd, t(),
                       [assignee] { return Command{Assign{*assignee}}; })
      ->add_option("user", *assignee, tr("the caseworker's user id"))
      ->required();

  auto note = std::make_shared<std::string>();
  conversation_command(app, "note", tr("add an internal note"), cmd, t(),
                       [note] { return Command{AddNote{*note}}; })
      ->add_option("text", *note, tr("the note"))
      ->required();

  auto reply_text = std::make_shared<std::string>();
  auto reply_subject = std::make_shared<std::string>();
  auto* reply = conversation_command(app, "reply", tr("queue a reply to the citizen"), cmd, t(),
                                     [reply_subject, reply_text] {
                                       return Command{QueueReply{*reply_subject, *reply_text}};
                                     });
  reply->add_option("text", *reply_text, tr("the reply"))->required();
  reply->add_option("--subject", *reply_subject, tr("subject (default: Re: …)"));

  auto promised = std::make_shared<std::string>();
  auto prelim_text = std::make_shared<std::string>();
  auto* prelim = conversation_command(
      app, "preliminary", tr("send a preliminary reply promising an answer by a date"), cmd, t(),
      [&ctx, promised, prelim_text] {
        return Command{SendPreliminaryReply{ctx.parse_time(*promised, "--promised"), *prelim_text}};
      });
  prelim->add_option("--promised", *promised, tr("when the answer will come"))->required();
  prelim->add_option("text", *prelim_text, tr("the reply"))->required();

  auto* handover = app.add_subcommand("handover", tr("hand a conversation to another department"));
  handover->require_subcommand(1);
  auto to = std::make_shared<std::string>();
  auto handover_note = std::make_shared<std::string>();
  auto* request = conversation_command(*handover, "request", tr("ask a department to take over"),
                                       cmd, t(), [to, handover_note] {
                                         return Command{RequestHandover{*to, *handover_note}};
                                       });
  request->add_option("department", *to, tr("the receiving department's id"))->required();
  request->add_option("--note", *handover_note, tr("why they should take it"));
  conversation_command(*handover, "accept", tr("take over a conversation handed to you"), cmd, t(),
                       [] { return Command{AcceptHandover{}}; });
  auto reason = std::make_shared<std::string>();
  conversation_command(*handover, "decline", tr("decline a handover, with a reason"), cmd, t(),
                       [reason] { return Command{DeclineHandover{*reason}}; })
      ->add_option("--reason", *reason, tr("why not"))
      ->required();
  conversation_command(*handover, "withdraw", tr("withdraw a handover not yet accepted"), cmd, t(),
                       [] { return Command{WithdrawHandover{}}; });
}

}  // namespace samla::cli
