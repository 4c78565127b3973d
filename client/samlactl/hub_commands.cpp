// hub: team mode. Administration of a hub (migrate, departments, users, memberships) connects
// with --hub (or $SAMLA_HUB), a libpq connection string of the hub's owner; the password comes
// the PostgreSQL way ($PGPASSWORD, ~/.pgpass, Kerberos). `init`, `sync` and `status` work on the
// profile, which keeps the hub's address and its user in its settings (never a password).
#include <cstdlib>
#include <iostream>
#include <thread>

#include <nlohmann/json.hpp>

#include "commands.h"
#include "i18n.h"
#include "samla/models/rejection.h"
#include "samla/sync/email/email_outbound.h"
#include "samla/sync/folder_connector.h"
#include "samla/sync/hub_admin.h"
#include "samla/sync/hub_agent.h"
#include "samla/sync/hub_client.h"
#include "samla/sync/hub_schema.h"
#include "samla/sync/profile_channels.h"

namespace samla::cli {
namespace {

std::string hub_address(const std::string& given) {
  if (!given.empty()) return given;
  if (const char* env = std::getenv("SAMLA_HUB"); env != nullptr && *env != '\0') return env;
  throw UsageError(tr("give the hub's address with --hub or $SAMLA_HUB"));
}

class QuietPass : public SyncPass {
 public:
  void progress(std::size_t /*done*/, std::size_t /*total*/) override {}
  [[nodiscard]] bool stop_requested() const override { return false; }
};

// One pass with the profile's settings; prints what it did.
void sync_profile(Workspace& workspace) {
  auto settings = hub_settings(workspace.store());
  if (!settings) throw UsageError(tr("this profile is not in team mode; run `samlactl hub init`"));
  HubConnector hub(*settings);
  QuietPass pass;
  hub.sync_once(workspace, pass);
  const auto& report = hub.last_report();
  std::cout << substitute(tr("pushed {0}, pulled {1}, refused {2}, newly rejected {3}"),
                          {std::to_string(report.pushed), std::to_string(report.pulled),
                           std::to_string(report.refused), std::to_string(report.newly_rejected)})
            << '\n';
}

void add_admin(CLI::App& hub, const std::shared_ptr<std::string>& address) {
  hub.add_subcommand("migrate", tr("create or update the hub's schema (as the hub's owner)"))
      ->callback([address] {
        HubConnection owner(hub_address(*address));
        const auto applied = migrate_hub(owner);
        std::cout << substitute(tr("hub schema version {0} ({1} migrations applied)"),
                                {std::to_string(hub_schema_version(owner)),
                                 std::to_string(applied.size())})
                  << '\n';
      });

  auto* department = hub.add_subcommand("department", tr("the hub's departments"));
  department->require_subcommand(1);
  auto* dep_add = department->add_subcommand("add", tr("add or rename a department"));
  auto dep_id = std::make_shared<std::string>();
  auto dep_name = std::make_shared<std::string>();
  auto municipality = std::make_shared<std::string>();
  dep_add->add_option("id", *dep_id, tr("short id, e.g. byggesak"))->required();
  dep_add->add_option("name", *dep_name, tr("name, e.g. Byggesak"))->required();
  dep_add->add_option("--municipality", *municipality, tr("municipality id, e.g. eksempel"))
      ->required();
  dep_add->callback([address, dep_id, dep_name, municipality] {
    HubConnection owner(hub_address(*address));
    if (owner.exec("SELECT 1 FROM hub.municipalities WHERE id = $1", {*municipality}).size() == 0) {
      add_hub_municipality(owner, *municipality, *municipality);
    }
    add_hub_department(owner, *municipality, {*dep_id, *dep_name});
  });

  auto* user = hub.add_subcommand("user", tr("the hub's users"));
  user->require_subcommand(1);
  auto* user_add = user->add_subcommand(
      "add", tr("add a user and its PostgreSQL login (password read from standard input)"));
  auto user_id = std::make_shared<std::string>();
  auto user_name = std::make_shared<std::string>();
  auto login = std::make_shared<std::string>();
  auto agent = std::make_shared<bool>(false);
  auto no_password = std::make_shared<bool>(false);
  user_add->add_option("id", *user_id, tr("user id"))->required();
  user_add->add_option("name", *user_name, tr("full name"))->required();
  user_add->add_option("--login", *login, tr("PostgreSQL role (default: the user id)"));
  user_add->add_flag("--agent", *agent, tr("a channel agent, not a person"));
  user_add->add_flag("--no-password", *no_password,
                     tr("no password: the login uses a client certificate or Kerberos"));
  user_add->callback([address, user_id, user_name, login, agent, no_password] {
    std::optional<std::string> password;
    if (!*no_password) {
      std::string line;
      std::getline(std::cin, line);
      if (line.empty()) throw UsageError(tr("give the password on standard input"));
      password = line;
    }
    HubConnection owner(hub_address(*address));
    add_hub_user(
        owner,
        HubUser{*user_id, *login, *user_name, *agent ? HubUserKind::agent : HubUserKind::person},
        password);
  });

  auto* member = hub.add_subcommand("member", tr("memberships and roles on the hub"));
  member->require_subcommand(1);
  auto* member_add = member->add_subcommand("add", tr("give a user a role in a department"));
  auto member_user = std::make_shared<std::string>();
  auto member_department = std::make_shared<std::string>();
  auto member_role = std::make_shared<std::string>("caseworker");
  member_add->add_option("user", *member_user, tr("user id"))->required();
  member_add->add_option("department", *member_department, tr("department id"))->required();
  member_add->add_option("--role", *member_role, tr("caseworker, lead, comms or admin"));
  member_add->callback([address, member_user, member_department, member_role] {
    const auto role = role_from_string(*member_role);
    if (!role) throw UsageError(substitute(tr("unknown role in '{0}'"), {*member_role}));
    HubConnection owner(hub_address(*address));
    add_hub_member(owner, *member_user, *member_department, *role);
  });
}

void add_profile(CLI::App& hub, Commands cmd, const std::shared_ptr<std::string>& address) {
  auto& ctx = cmd.context;
  auto* init = hub.add_subcommand("init", tr("put this profile in team mode and sync it"));
  auto user = std::make_shared<std::string>();
  init->add_option("--user", *user, tr("the hub user this profile acts as"))->required();
  init->callback([&ctx, address, user] {
    HubSettings settings;
    settings.conninfo = hub_address(*address);
    settings.user = *user;
    save_hub_settings(ctx.workspace().store(), settings);
    ctx.workspace().set_current_user(*user);
    sync_profile(ctx.workspace());
  });

  hub.add_subcommand("sync", tr("push the outbox and pull what is new"))->callback([&ctx] {
    sync_profile(ctx.workspace());
  });

  auto* status = hub.add_subcommand("status", tr("outbox, last sync and rejected events"));
  auto json = std::make_shared<bool>(false);
  status->add_flag("--json", *json, tr("print JSON"));
  status->callback([&ctx, json] {
    const auto& store = ctx.workspace().store();
    const auto settings = hub_settings(store);
    const auto state = hub_sync_status(store);
    const auto rejected = rejected_local_events(store);
    if (*json) {
      nlohmann::json out = {{"team_mode", settings.has_value()},
                            {"outbox", state.outbox},
                            {"refused", state.refused},
                            {"cursor", state.cursor},
                            {"last_success", state.last_success.value_or("")},
                            {"rejected", nlohmann::json::array()}};
      for (const auto& r : rejected) {
        out["rejected"].push_back({{"event_id", r.event_id},
                                   {"conversation_id", r.conversation_id},
                                   {"type", r.type},
                                   {"by", r.by == RejectedLocalEvent::By::hub ? "hub" : "fold"},
                                   {"reason", r.text()}});
      }
      std::cout << out.dump(2) << '\n';
      return;
    }
    if (!settings) {
      std::cout << tr("solo mode (no team hub)") << '\n';
      return;
    }
    std::cout << substitute(tr("team hub, user {0}"), {settings->user}) << '\n'
              << substitute(trn("{0} event waiting to be sent", "{0} events waiting to be sent",
                                state.outbox),
                            {std::to_string(state.outbox)})
              << '\n'
              << substitute(tr("last sync: {0}"), {state.last_success.value_or(tr("never"))})
              << '\n';
    for (const auto& r : rejected) {
      std::cout << substitute(tr("not done: {0} in {1}: {2}"),
                              {r.type, r.conversation_id.substr(0, 8),
                               substitute(tr(r.format.c_str()), r.args)})
                << '\n';
    }
  });
}

// The agent's channels: the profile's mailboxes and SMS gateway, then the folders. Returns the
// email side that answers automatically (none without a mailbox).
std::shared_ptr<EmailOutbound> add_agent_channels(HubAgent& worker, Workspace& workspace,
                                                  const std::vector<std::string>& folders) {
  // The agent answers new messages itself, so the connectors do not.
  auto channels = profile_channels(workspace.store(), {.auto_reply = false});
  for (const auto& problem : channels.problems) {
    std::cerr << "samlactl: " << problem.label << ": " << problem.reason << '\n';
  }
  if (channels.connectors.empty() && folders.empty()) {
    throw UsageError(
        tr("no channel to work: add an email account or an SMS gateway to this "
           "profile, or give --folder"));
  }
  for (auto& channel : channels.connectors) worker.add_channel(std::move(channel));
  for (const auto& folder : folders) worker.add_channel(std::make_unique<FolderConnector>(folder));
  auto accounts = profile_email_accounts(workspace.store());
  if (accounts.empty()) return nullptr;
  auto outbound = std::make_shared<EmailOutbound>(std::move(accounts));
  worker.set_auto_replies(auto_reply_decision(outbound), outbound);
  return outbound;
}

void print_round(const AgentRound& result, EmailOutbound* outbound) {
  for (const auto& error : result.errors) std::cerr << "samlactl: " << error << '\n';
  if (outbound != nullptr) {
    for (const auto& note : outbound->take_notes()) std::cerr << "samlactl: " << note << '\n';
  }
  if (result.standby()) {
    std::cout << tr("standby: another agent holds the channels") << std::endl;
  } else {
    std::cout << substitute(tr("{0} new events sent to the hub, {1} automatic replies"),
                            {std::to_string(result.ingested), std::to_string(result.auto_replies)})
              << std::endl;
  }
}

// The agent: works the team's channels under the hub's advisory locks until stopped (or for
// --rounds): the profile's email accounts and SMS gateway (passwords from each channel's
// secrets file or the keyring), and folders of message files. New email is answered
// automatically by the agent (recorded in the hub first, so once across agents); replies
// caseworkers queued on their desktops are sent by the channel they came in through.
void add_agent(CLI::App& app, Commands cmd) {
  auto& ctx = cmd.context;
  auto* agent = app.add_subcommand(
      "agent", tr("work the team's channels: ingest once, one agent per channel (team mode)"));
  auto folders = std::make_shared<std::vector<std::string>>();
  auto rounds = std::make_shared<int>(0);
  auto interval = std::make_shared<int>(30);
  agent->add_option("--folder", *folders, tr("a folder of message files to import"));
  agent->add_option("--rounds", *rounds, tr("stop after this many rounds (0: run until killed)"));
  agent->add_option("--interval", *interval, tr("seconds between rounds"));
  agent->callback([&ctx, folders, rounds, interval] {
    auto settings = hub_settings(ctx.workspace().store());
    if (!settings) {
      throw UsageError(tr("this profile is not in team mode; run `samlactl hub init`"));
    }
    HubAgent worker(ctx.workspace(), *settings);
    const auto outbound = add_agent_channels(worker, ctx.workspace(), *folders);
    QuietPass pass;
    for (int round = 0; *rounds == 0 || round < *rounds; ++round) {
      if (round > 0) std::this_thread::sleep_for(std::chrono::seconds(*interval));
      try {
        print_round(worker.run_once(pass), outbound.get());
      } catch (const SyncFailure& failure) {
        // The hub is away for a while: a long-running agent tries again next round.
        if (!failure.retryable() || *rounds != 0) throw;
        std::cerr << "samlactl: " << failure.what() << '\n';
      }
    }
  });
}

}  // namespace

void add_hub_commands(CLI::App& app, Commands cmd) {
  add_agent(app, cmd);
  auto* hub = app.add_subcommand("hub", tr("the team hub (PostgreSQL)"));
  hub->require_subcommand(1);
  hub->fallthrough();
  auto address = std::make_shared<std::string>();
  hub->add_option("--hub", *address, tr("the hub's libpq connection string (default: $SAMLA_HUB)"));
  add_admin(*hub, address);
  add_profile(*hub, cmd, address);
}

}  // namespace samla::cli
