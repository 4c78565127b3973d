// The workspace: configuration as text (office hours, policy versions), routing on import,
// commands through the rules, and deadlines that follow configuration changes.
#include <fstream>

#include <boost/test/unit_test.hpp>

#include "samla/sync/iso8601.h"
#include "samla/sync/workspace.h"
#include "samla/sync/workspace_config.h"
#include "store_fixture.h"

using namespace samla;
using samla::test::TempDir;

namespace {

// Oslo wall clock in December is UTC+1.
Instant oslo(int y, unsigned m, unsigned d, int hh, int mm = 0) {
  return samla::test::at(y, m, d, hh - 1, mm);
}

struct Fixture {
  TempDir dir;
  Instant now = oslo(2026, 12, 7, 10);
  Workspace ws{dir.path(), WorkspaceOptions{[this] { return now; }, "Europe/Oslo"}};

  Fixture() {
    ws.add_department({"byggesak", "Byggesak"});
    ws.add_department({"skatt", "Skatt og avgift"}, parse_office_hours("08:00-15:30 mon-fri"));
    ws.add_user({"kari", "Kari Nordmann", {{"byggesak", Role::Lead}}});
    ws.add_user({"ola", "Ola Nordmann", {{"byggesak", Role::Caseworker}}});
    ws.add_user({"per", "Per Olsen", {{"skatt", Role::Caseworker}}});
    ws.route_mailbox("Byggesak@Kommune.example", "byggesak");
    ws.set_default_department("skatt");
  }

  std::filesystem::path write(const std::string& name, const std::string& text) const {
    auto file = dir.file(name);
    std::ofstream(file, std::ios::binary) << text;
    return file;
  }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(WorkspaceConfig)

BOOST_AUTO_TEST_CASE(office_hours_text) {
  const auto h = parse_office_hours("08:00-15:30 mon,tue,thu");
  BOOST_CHECK(h.open == std::chrono::hours{8});
  BOOST_CHECK(h.close == std::chrono::hours{15} + std::chrono::minutes{30});
  BOOST_CHECK(
      (h.working_weekdays == std::array<bool, 7>{true, true, false, true, false, false, false}));
  BOOST_CHECK_EQUAL(format_office_hours(h), "08:00-15:30 mon,tue,thu");
  BOOST_CHECK_EQUAL(format_office_hours(parse_office_hours("09:00-15:00")),
                    "09:00-15:00 mon,tue,wed,thu,fri");
  BOOST_CHECK_EQUAL(format_office_hours(parse_office_hours("10:00-14:00 mon-wed,sat")),
                    "10:00-14:00 mon,tue,wed,sat");
  for (const char* bad : {"", "9-15", "09:00", "25:00-15:00", "09:00-15:00 funday", "15:00-09:00",
                          "09:00-15:00 fri-mon", "09:00-15:00 mon x"}) {
    BOOST_CHECK_THROW(static_cast<void>(parse_office_hours(bad)), ConfigError);
  }
}

BOOST_AUTO_TEST_CASE(policy_book_round_trip_and_errors) {
  PolicyBook book;
  auto stricter = DeadlinePolicy::defaults();
  stricter.channels[PolicyClass::Letters].working_days = 3;
  stricter.handover_reminder_after = std::chrono::hours{2};
  book.add(oslo(2027, 1, 1, 0), stricter);
  const auto again = policy_book_from_json(policy_book_to_json(book));
  BOOST_REQUIRE_EQUAL(again.versions().size(), 2U);
  const auto& v = again.in_force_at(oslo(2027, 2, 1, 0));
  BOOST_CHECK_EQUAL(v.channels.at(PolicyClass::Letters).working_days, 3);
  BOOST_CHECK(v.handover_reminder_after == std::chrono::hours{2});
  BOOST_CHECK_EQUAL(
      again.in_force_at(oslo(2026, 6, 1, 0)).channels.at(PolicyClass::Letters).working_days, 5);
  BOOST_CHECK_THROW(static_cast<void>(policy_book_from_json("not json")), ConfigError);
  BOOST_CHECK_THROW(static_cast<void>(policy_book_from_json("[]")), ConfigError);
  BOOST_CHECK_THROW(static_cast<void>(policy_book_from_json(R"([{"effective_from":null}])")),
                    ConfigError);
}

BOOST_AUTO_TEST_CASE(closed_days_text) {
  HolidayCalendar::Config config;
  add_closed_day(config, "12-24");
  add_closed_day(config, "2026-12-28");
  add_open_day(config, "2027-05-13");
  const auto again = closed_days_from_json(closed_days_to_json(config));
  BOOST_CHECK(again.closed_every_year.contains(date::December / 24));
  BOOST_CHECK(again.closed_days.contains(date::year{2026} / 12 / 28));
  BOOST_CHECK(again.open_days.contains(date::year{2027} / 5 / 13));
  for (const char* bad : {"", "24.12", "13-01", "2026-02-30", "12-24-2026", "2026-12-28x"}) {
    BOOST_CHECK_THROW(add_closed_day(config, bad), ConfigError);
  }
  BOOST_CHECK_THROW(add_open_day(config, "12-24"), ConfigError);  // open days are single dates
  BOOST_CHECK_THROW(static_cast<void>(closed_days_from_json("{")), ConfigError);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_FIXTURE_TEST_SUITE(WorkspaceWork, Fixture)

BOOST_AUTO_TEST_CASE(import_routes_by_mailbox_then_default) {
  write("a.eml",
        "From: a@example.no\r\nTo: byggesak@kommune.example\r\nSubject: Garasje\r\n"
        "Message-ID: <a@x>\r\nDate: Mon, 07 Dec 2026 09:00:00 +0100\r\n\r\nHei\r\n");
  write("b.eml",
        "From: b@example.no\r\nTo: ukjend@kommune.example\r\nSubject: Anna\r\n"
        "Message-ID: <b@x>\r\nDate: Mon, 07 Dec 2026 09:00:00 +0100\r\n\r\nHei\r\n");
  const auto report = ws.import_files({dir.file("a.eml"), dir.file("b.eml"), dir.file("c.eml")});
  BOOST_CHECK_EQUAL(report.imported, 2U);
  BOOST_REQUIRE_EQUAL(report.problems.size(), 1U);
  BOOST_CHECK_EQUAL(report.problems[0].error, "no such file");
  std::map<std::string, std::string> owner;
  for (const auto& s : ws.store().list(InboxView::All, ViewScope{}))
    owner[s.subject] = s.owner_department;
  BOOST_CHECK_EQUAL(owner["Garasje"], "byggesak");
  BOOST_CHECK_EQUAL(owner["Anna"], "skatt");
}

BOOST_AUTO_TEST_CASE(commands_go_through_the_rules) {
  write("a.json", R"({"channel":"email","from":"a@example.no","subject":"S","text":"T",
                      "received_at":"2026-12-07T09:00","department":"byggesak"})");
  BOOST_REQUIRE_EQUAL(ws.import_files({dir.file("a.json")}).imported, 1U);
  const auto id = ws.store().list(InboxView::All, ViewScope{}).at(0).id;
  auto refused = ws.execute(id, Assign{"ola"}, "per");
  BOOST_CHECK(!refused.decision.accepted());
  BOOST_CHECK_EQUAL(ws.store().events_of(id).size(), 1U);  // nothing stored when refused
  auto done = ws.execute(id.substr(0, 8), Assign{"ola"}, "kari");
  BOOST_REQUIRE(done.decision.accepted());
  BOOST_CHECK_EQUAL(done.conversation_id, id);
  BOOST_CHECK_EQUAL(ws.store().conversation(id)->assignee.value_or(""), "ola");
  BOOST_CHECK(ws.store().events_of(id).back().at == now);
  BOOST_CHECK_THROW(ws.execute("nope-nope", Claim{}, "ola"), std::invalid_argument);
}

BOOST_AUTO_TEST_CASE(deadlines_follow_office_hours_and_policy_versions) {
  write("a.json", R"([{"channel":"email","id":"e1","from":"a@example.no","text":"T",
                       "received_at":"2026-12-07T09:00","department":"skatt"},
                      {"channel":"email","id":"e2","from":"b@example.no","text":"T",
                       "received_at":"2026-12-09T09:00","department":"byggesak"}])");
  ws.import_files({dir.file("a.json")});
  const auto deadline_of = [&](const std::string& department) {
    for (const auto& s : ws.store().list(InboxView::All, ViewScope{})) {
      if (s.owner_department == department) return s.deadline;
    }
    return std::optional<Instant>{};
  };
  BOOST_CHECK(deadline_of("skatt") == oslo(2026, 12, 14, 15, 30));  // Skatt closes 15:30
  BOOST_CHECK(deadline_of("byggesak") == oslo(2026, 12, 16, 15));
  // Three working days from 8 Dec: the first message keeps the policy it arrived under.
  auto stricter = DeadlinePolicy::defaults();
  stricter.channels[PolicyClass::Letters].working_days = 3;
  ws.add_policy_version(oslo(2026, 12, 8, 0), stricter);
  BOOST_CHECK(deadline_of("skatt") == oslo(2026, 12, 14, 15, 30));
  BOOST_CHECK(deadline_of("byggesak") == oslo(2026, 12, 14, 15));
  // The configuration survives reopening the profile.
  Workspace again{dir.path(), WorkspaceOptions{[this] { return now; }, "Europe/Oslo"}};
  BOOST_CHECK_EQUAL(again.rules().policies().versions().size(), 2U);
  BOOST_CHECK_EQUAL(format_office_hours(again.rules().calendar_for("skatt").hours()),
                    "08:00-15:30 mon,tue,wed,thu,fri");
}

BOOST_AUTO_TEST_CASE(reminders_for_both_sides_of_a_handover) {
  write("a.json", R"([{"channel":"sms","id":"s1","from":"+4790000000","text":"Ring meg",
                       "received_at":"2026-12-07T09:30","department":"byggesak"}])");
  ws.import_files({dir.file("a.json")});
  const auto id = ws.store().list(InboxView::All, ViewScope{}).at(0).id;
  BOOST_REQUIRE(ws.execute(id, RequestHandover{"skatt", ""}, "ola").decision.accepted());
  const auto kinds = [&](const std::string& user) {
    std::vector<ReminderKind> out;
    for (const auto& r : ws.reminders_for(user)) out.push_back(r.reminder.kind);
    return out;
  };
  // Due at 15:00 today: both sides see it coming; Skatt has not had 4 office hours yet.
  BOOST_CHECK((kinds("ola") == std::vector<ReminderKind>{ReminderKind::DueSoon}));
  BOOST_CHECK((kinds("per") == std::vector<ReminderKind>{ReminderKind::DueSoon}));
  BOOST_CHECK(ws.reminders_for("kari").size() == 1U);
  // Next morning: overdue, and the handover was due to be accepted at 14:00 (Skatt opens 08:00
  // but the request came at 10:00; four office hours later is 14:00).
  now = oslo(2026, 12, 8, 10);
  const std::vector<ReminderKind> both{ReminderKind::Overdue, ReminderKind::HandoverNotAccepted};
  BOOST_CHECK(kinds("ola") == both);
  BOOST_CHECK(kinds("per") == both);
  BOOST_CHECK(ws.reminders_for("per").at(1).reminder.at == oslo(2026, 12, 7, 14));
  BOOST_CHECK_EQUAL(ws.reminders_for("per").at(0).conversation.id, id);
}

BOOST_AUTO_TEST_CASE(closed_days_move_deadlines) {
  write("a.json", R"([{"channel":"email","id":"e1","from":"a@example.no","text":"T",
                       "received_at":"2026-12-21T10:00","department":"byggesak"}])");
  ws.import_files({dir.file("a.json")});
  const auto deadline = [&] { return ws.store().list(InboxView::All, ViewScope{}).at(0).deadline; };
  BOOST_CHECK(deadline() == oslo(2026, 12, 29, 15));  // 22, 23, 24, 28, 29
  ws.close_offices_on("12-24");
  ws.close_offices_on("2026-12-28");
  BOOST_CHECK(deadline() == oslo(2026, 12, 31, 15));  // 22, 23, 29, 30, 31
  ws.open_offices_on("2026-12-28");
  BOOST_CHECK(deadline() == oslo(2026, 12, 30, 15));
  Workspace again{dir.path(), WorkspaceOptions{[this] { return now; }, "Europe/Oslo"}};
  BOOST_CHECK(again.closed_days().closed_every_year.contains(date::December / 24));
}

BOOST_AUTO_TEST_CASE(scope_of_a_user) {
  const auto scope = ws.scope_for("ola");
  BOOST_CHECK((scope.departments == std::vector<std::string>{"byggesak"}));
  BOOST_CHECK(scope.now == now);
  BOOST_CHECK(scope.due_soon_until == oslo(2026, 12, 8, 10));  // six office hours later
  BOOST_CHECK_THROW(ws.add_user({"x", "X", {{"nowhere", Role::Lead}}}), std::invalid_argument);
  BOOST_CHECK(!ws.current_user());
  ws.set_current_user("ola");
  BOOST_CHECK_EQUAL(ws.current_user().value_or(""), "ola");
}

BOOST_AUTO_TEST_SUITE_END()
