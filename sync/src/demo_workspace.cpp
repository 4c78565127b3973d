#include "samla/sync/demo_workspace.h"

#include <fstream>
#include <map>

#include <nlohmann/json.hpp>

#include "samla/sync/workspace_config.h"

namespace samla {
namespace {

constexpr const char* kDemoMarker = "demo_created";

nlohmann::json read_json(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + file.string());
  return nlohmann::json::parse(in);
}

// One scripted action from actions.json as the command it stands for. A promised date is the
// close of office hours that day, as a caseworker would promise it.
Command command_of(const nlohmann::json& a, Instant now, const WorkingCalendar& calendar) {
  const auto what = a.at("do").get<std::string>();
  const auto text = [&](const char* key) { return a.value(key, std::string()); };
  if (what == "claim") return Claim{};
  if (what == "assign") return Assign{text("user")};
  if (what == "note") return AddNote{text("text")};
  if (what == "close") return Close{};
  if (what == "reply") return QueueReply{{}, text("text")};
  if (what == "handover") return RequestHandover{text("to"), text("note")};
  if (what == "accept") return AcceptHandover{};
  if (what == "decline") return DeclineHandover{text("reason")};
  if (what == "preliminary") {
    const auto in = parse_age(text("promised_in"));
    if (!in) throw std::invalid_argument("promised_in must be like \"10d\"");
    // A promise falls on a working day: a weekend or holiday moves it to the next one.
    auto day = calendar.local_date(now + *in);
    if (!calendar.is_working_day(day)) day = calendar.next_working_day(day);
    return SendPreliminaryReply{calendar.close_of(day), text("text")};
  }
  throw std::invalid_argument("unknown demo action '" + what + "'");
}

}  // namespace

DemoReport create_demo_workspace(Workspace& ws, const std::filesystem::path& folder) {
  DemoReport report;
  if (ws.store().setting(kDemoMarker)) {
    report.already_present = true;
    return report;
  }
  const auto setup = read_json(folder / "workspace.json");
  for (const auto& d : setup.at("departments")) {
    std::optional<OfficeHours> hours;
    if (d.contains("hours")) hours = parse_office_hours(d.at("hours").get<std::string>());
    ws.add_department({d.at("id").get<std::string>(), d.at("name").get<std::string>()}, hours);
  }
  for (const auto& u : setup.at("users")) {
    User user{u.at("id").get<std::string>(), u.at("name").get<std::string>(), {}};
    for (const auto& m : u.at("member")) {
      const auto text = m.get<std::string>();
      const auto colon = text.find(':');
      user.memberships.push_back(
          {text.substr(0, colon),
           role_from_string(text.substr(colon + 1)).value_or(Role::Caseworker)});
    }
    ws.add_user(user);
  }
  {
    std::ifstream tsv(folder / "mailboxes.tsv", std::ios::binary);
    const std::string routes{std::istreambuf_iterator<char>(tsv), {}};
    for (const auto& [address, department] : parse_mailbox_routes(routes)) {
      ws.route_mailbox(address, department);
    }
  }
  ws.set_default_department(setup.at("default_department").get<std::string>());
  ws.set_current_user(setup.at("current_user").get<std::string>());
  // The municipality's words in templates: its name, contacts and administration language.
  ws.set_municipality(setup.value("municipality", std::string()),
                      setup.value("phone", std::string()), setup.value("email", std::string()));
  if (const auto language = language_from_code(setup.value("language", std::string("nn")))) {
    ws.set_administration_language(*language);
  }

  const auto imported = ws.import_files({folder / "messages"}, /*relative_demo_times=*/true);
  for (const auto& p : imported.problems) report.problems.push_back(p.describe());

  // Actions name their conversation by the external id of one of its messages.
  std::map<std::string, std::string> conversation_of;
  ws.store().for_each_message(
      [&](const std::string& conversation, const std::string&, const InboundMessage& m) {
        conversation_of.emplace(m.external_id, conversation);
      });
  report.conversations = ws.store().count(InboxView::All, ViewScope{});
  const auto now = ws.now();
  for (const auto& a : read_json(folder / "actions.json")) {
    const auto message = a.at("message").get<std::string>();
    const auto it = conversation_of.find(message);
    if (it == conversation_of.end()) {
      report.problems.push_back("demo action for unknown message " + message);
      continue;
    }
    const auto ago = parse_age(a.value("ago", std::string("0s")));
    const auto owner = ws.store().conversation(it->second)->owner_department;
    const auto command = command_of(a, now, ws.rules().calendar_for(owner));
    const auto outcome = ws.execute(it->second, command, a.at("as").get<std::string>(),
                                    now - ago.value_or(std::chrono::seconds{0}));
    if (!outcome.decision.accepted()) {
      report.problems.push_back("demo action " + a.at("do").get<std::string>() + " on " + message +
                                " refused: " + outcome.decision.rejection->text(ws.zone()));
    }
  }
  ws.store().set_setting(kDemoMarker, "1");
  return report;
}

}  // namespace samla
