// demo, deadline, reminders, department, user, mailbox, policy, config: setting a profile up and
// asking the rules.
#include <cstdlib>
#include <iostream>

#include <nlohmann/json.hpp>

#include "commands.h"
#include "i18n.h"
#include "samla/models/national_id.h"
#include "samla/models/rejection.h"
#include "samla/sync/demo_workspace.h"
#include "samla/sync/iso8601.h"
#include "samla/sync/workspace_config.h"
#include "samla/templates/date_text.h"

namespace samla::cli {
namespace {

// Where the demo data is: --from, $SAMLA_DEMO_DIR, the installed copy, the source tree.
std::filesystem::path demo_dir(const std::string& from) {
  if (!from.empty()) return from;
  if (const char* env = std::getenv("SAMLA_DEMO_DIR"); env != nullptr && *env != '\0') return env;
  for (const char* dir : {SAMLA_DEMO_DATADIR, SAMLA_SOURCE_DEMO_DIR}) {
    if (std::filesystem::is_directory(dir)) return dir;
  }
  throw UsageError(tr("the demo data was not found; give --from DIR"));
}

// A reminder's kind in the reader's words; --json keeps the stable names.
std::string reminder_text(const std::string& kind) {
  if (kind == "due-soon") return tr("due soon");
  if (kind == "overdue") return tr("overdue");
  if (kind == "handover-not-accepted") return tr("handover not accepted");
  return kind;
}

std::optional<Channel> deadline_channel(const std::string& name) {
  // "social" is the policy class; Facebook stands for it.
  if (name == "social") return Channel::Facebook;
  return channel_from_string(name);
}

std::optional<PolicyClass> policy_class(const std::string& name) {
  if (name == "letters") return PolicyClass::Letters;
  if (name == "social") return PolicyClass::Social;
  if (name == "callback") return PolicyClass::Callback;
  return std::nullopt;
}

std::optional<DeadlineRule> deadline_rule(const std::string& name) {
  if (name == "working-days-after-receipt") return DeadlineRule::WorkingDaysAfterReceipt;
  if (name == "same-day-or-next-working-day") return DeadlineRule::SameDayOrNextWorkingDay;
  if (name == "next-working-day") return DeadlineRule::NextWorkingDay;
  return std::nullopt;
}

void add_department_commands(CLI::App& app, Commands cmd) {
  auto& ctx = cmd.context;
  auto* department = app.add_subcommand("department", tr("departments"));
  department->require_subcommand(1);
  auto* add = department->add_subcommand("add", tr("add or rename a department"));
  auto id = std::make_shared<std::string>();
  auto name = std::make_shared<std::string>();
  auto hours = std::make_shared<std::string>();
  add->add_option("id", *id, tr("short id, e.g. byggesak"))->required();
  add->add_option("name", *name, tr("name, e.g. Byggesak"))->required();
  add->add_option("--hours", *hours, tr("office hours, e.g. \"09:00-15:00 mon-fri\""));
  add->callback([&ctx, id, name, hours] {
    std::optional<OfficeHours> office;
    if (!hours->empty()) office = parse_office_hours(*hours);
    ctx.workspace().add_department({*id, *name}, office);
  });
  department->add_subcommand("list", tr("list departments"))->callback([&ctx] {
    const auto dir = ctx.workspace().directory();
    for (const auto& [key, d] : dir.departments()) {
      std::cout << key << '\t' << d.name << '\t'
                << format_office_hours(ctx.workspace().rules().calendar_for(key).hours()) << '\n';
    }
  });
}

void add_user_commands(CLI::App& app, Commands cmd) {
  auto& ctx = cmd.context;
  auto* user = app.add_subcommand("user", tr("users and their roles"));
  user->require_subcommand(1);
  auto* add = user->add_subcommand("add", tr("add or change a user"));
  auto id = std::make_shared<std::string>();
  auto name = std::make_shared<std::string>();
  auto members = std::make_shared<std::vector<std::string>>();
  add->add_option("id", *id, tr("user id"))->required();
  add->add_option("name", *name, tr("full name"))->required();
  add->add_option("--member", *members, tr("DEPARTMENT:ROLE (caseworker, lead, comms, admin)"));
  add->callback([&ctx, id, name, members] {
    User u{*id, *name, {}};
    for (const auto& m : *members) {
      const auto colon = m.find(':');
      const auto role = colon == std::string::npos ? std::optional<Role>(Role::Caseworker)
                                                   : role_from_string(m.substr(colon + 1));
      if (!role) throw UsageError(substitute(tr("unknown role in '{0}'"), {m}));
      u.memberships.push_back({m.substr(0, colon), *role});
    }
    ctx.workspace().add_user(u);
  });
  user->add_subcommand("list", tr("list users"))->callback([&ctx] {
    const auto dir = ctx.workspace().directory();
    for (const auto& [key, u] : dir.users()) {
      std::cout << key << '\t' << u.name;
      for (const auto& m : u.memberships) {
        std::cout << '\t' << m.department << ':' << to_string(m.role);
      }
      std::cout << '\n';
    }
  });
}

void add_policy_commands(CLI::App& app, Commands cmd) {
  auto& ctx = cmd.context;
  auto* policy = app.add_subcommand("policy", tr("deadline policy"));
  policy->require_subcommand(1);
  policy->add_subcommand("show", tr("print every version as JSON"))->callback([&ctx] {
    std::cout << policy_book_to_json(ctx.workspace().rules().policies()) << '\n';
  });
  auto* set = policy->add_subcommand("set", tr("add a policy version for one class"));
  auto cls = std::make_shared<std::string>();
  auto rule = std::make_shared<std::string>();
  auto days = std::make_shared<int>(0);
  auto effective = std::make_shared<std::string>();
  set->add_option("--class", *cls, tr("letters, social or callback"))->required();
  set->add_option("--rule", *rule,
                  tr("working-days-after-receipt, same-day-or-next-working-day, "
                     "next-working-day"));
  set->add_option("--working-days", *days, tr("number of working days"));
  set->add_option("--effective", *effective, tr("in force from (default: now)"));
  set->callback([&ctx, cls, rule, days, effective] {
    auto& ws = ctx.workspace();
    const auto c = policy_class(*cls);
    if (!c) throw UsageError(substitute(tr("unknown policy class '{0}'"), {*cls}));
    const Instant from = effective->empty() ? ws.now() : ctx.parse_time(*effective, "--effective");
    auto version = ws.rules().policies().in_force_at(from);
    auto& channel = version.channels[*c];
    if (!rule->empty()) {
      const auto r = deadline_rule(*rule);
      if (!r) throw UsageError(substitute(tr("unknown deadline rule '{0}'"), {*rule}));
      channel.rule = *r;
    }
    if (*days > 0) channel.working_days = *days;
    ws.add_policy_version(from, version);
  });
}

void add_calendar_commands(CLI::App& app, Commands cmd) {
  auto& ctx = cmd.context;
  auto* calendar =
      app.add_subcommand("calendar", tr("office calendar: days closed beyond the public holidays"));
  calendar->require_subcommand(1);
  auto close_day = std::make_shared<std::string>();
  calendar
      ->add_subcommand("close",
                       tr("close the offices on a date: 12-24 every year, or 2026-12-28 once"))
      ->callback([&ctx, close_day] { ctx.workspace().close_offices_on(*close_day); })
      ->add_option("date", *close_day, tr("12-24 or 2026-12-28"))
      ->required();
  auto open_day = std::make_shared<std::string>();
  calendar->add_subcommand("open", tr("keep the offices open on a date such as 2026-05-14"))
      ->callback([&ctx, open_day] { ctx.workspace().open_offices_on(*open_day); })
      ->add_option("date", *open_day, tr("2026-05-14"))
      ->required();
  calendar->add_subcommand("show", tr("the extra closed and open days as JSON"))->callback([&ctx] {
    std::cout << closed_days_to_json(ctx.workspace().closed_days()) << '\n';
  });
}

void add_reminders_command(CLI::App& app, Commands cmd) {
  auto& ctx = cmd.context;
  auto* reminders = app.add_subcommand("reminders", tr("what is due soon, overdue or stuck"));
  auto reminders_json = std::make_shared<bool>(false);
  reminders->add_flag("--json", *reminders_json, tr("write JSON"));
  reminders->callback([&ctx, reminders_json] {
    auto& ws = ctx.workspace();
    auto out = nlohmann::json::array();
    for (const auto& [s, r] : ws.reminders_for(ctx.actor())) {
      out.push_back({{"conversation", s.id},
                     {"kind", std::string(to_string(r.kind))},
                     {"at", format_iso8601(r.at, ws.zone())},
                     {"subject", s.subject.empty() ? mask_national_ids(s.snippet) : s.subject}});
    }
    if (*reminders_json) {
      std::cout << out.dump(2) << '\n';
      return;
    }
    if (out.empty()) std::cout << tr("Nothing needs attention.") << '\n';
    for (const auto& r : out) {
      std::cout << r["conversation"].get<std::string>().substr(0, 8) << "  "
                << reminder_text(r["kind"].get<std::string>()) << "  " << r["at"].get<std::string>()
                << "  " << r["subject"].get<std::string>() << '\n';
    }
  });
}

}  // namespace

void add_admin_commands(CLI::App& app, Commands cmd) {
  int& code = cmd.exit_code;
  auto& ctx = cmd.context;

  auto* demo = app.add_subcommand("demo", tr("fill the profile with the demo workspace"));
  auto from = std::make_shared<std::string>();
  demo->add_option("--from", *from, tr("folder with the demo data"));
  demo->callback([&ctx, &code, from] {
    const auto report = create_demo_workspace(ctx.workspace(), demo_dir(*from));
    for (const auto& p : report.problems) std::cerr << p << '\n';
    if (report.already_present) {
      std::cout << tr("The demo workspace is already set up.") << '\n';
    } else {
      std::cout << substitute(tr("Demo workspace ready: {0} conversations."),
                              {std::to_string(report.conversations)})
                << '\n';
    }
    code = report.problems.empty() ? kOk : kFailure;
  });

  auto* deadline = app.add_subcommand("deadline", tr("compute a deadline"));
  auto channel = std::make_shared<std::string>();
  auto received = std::make_shared<std::string>();
  auto department = std::make_shared<std::string>();
  deadline->add_option("--channel", *channel, tr("email, digital-post, social, sms or callback"))
      ->required()
      ->check(CLI::IsMember(
          {"email", "digital-post", "social", "facebook", "instagram", "sms", "callback"}));
  deadline->add_option("--received", *received, tr("when the message arrived"))->required();
  deadline->add_option("--department", *department, tr("use this department's office hours"));
  deadline->callback([&ctx, channel, received, department] {
    const auto at = ctx.parse_time(*received, "--received");
    const auto c = *deadline_channel(*channel);
    // An existing profile's own policy and office hours apply; without one, the defaults.
    if (std::filesystem::exists(ctx.profile_dir() / Workspace::kStoreFile)) {
      auto& ws = ctx.workspace();
      std::cout << format_iso8601(ws.rules().deadline_for(c, at, *department), ws.zone()) << '\n';
      return;
    }
    const DeadlineRules rules(ctx.zone(), PolicyBook{});
    std::cout << format_iso8601(rules.deadline_for(c, at, *department), ctx.zone()) << '\n';
  });

  add_reminders_command(app, cmd);
  add_calendar_commands(app, cmd);
  add_department_commands(app, cmd);
  add_user_commands(app, cmd);
  add_policy_commands(app, cmd);

  auto* mailbox = app.add_subcommand("mailbox", tr("route a functional mailbox to a department"));
  auto address = std::make_shared<std::string>();
  auto mailbox_department = std::make_shared<std::string>();
  mailbox->add_option("address", *address, tr("e.g. byggesak@kommune.no"))->required();
  mailbox->add_option("department", *mailbox_department, tr("department id"))->required();
  mailbox->callback([&ctx, address, mailbox_department] {
    ctx.workspace().route_mailbox(*address, *mailbox_department);
  });

  auto* config = app.add_subcommand("config", tr("profile settings"));
  config->require_subcommand(1);
  auto user = std::make_shared<std::string>();
  config->add_subcommand("current-user", tr("who you are in solo mode"))
      ->callback([&ctx, user] { ctx.workspace().set_current_user(*user); })
      ->add_option("user", *user, tr("user id"))
      ->required();
  auto fallback = std::make_shared<std::string>();
  config->add_subcommand("default-department", tr("where unrouted messages go"))
      ->callback([&ctx, fallback] { ctx.workspace().set_default_department(*fallback); })
      ->add_option("department", *fallback, tr("department id"))
      ->required();
}

}  // namespace samla::cli
