// Reminders read through the store's indexes (Workspace::reminders_for) against their
// definition: DeadlineRules::reminders on every folded conversation of the user's departments.
// Also the handover times a version-1 store gets when it is opened, and the channel narrowing of
// the views.
#include <SQLiteCpp/SQLiteCpp.h>

#include <boost/test/unit_test.hpp>

#include "samla/sync/workspace.h"
#include "samla/sync/workspace_config.h"
#include "store_fixture.h"

using namespace samla;
using samla::test::TempDir;

namespace {

// Oslo wall clock in November and December is UTC+1.
Instant oslo(int y, unsigned m, unsigned d, int hh, int mm = 0) {
  return samla::test::at(y, m, d, hh - 1, mm);
}

struct Seen {
  std::string id;
  ReminderKind kind;
  Instant at;
  bool operator==(const Seen&) const = default;
};

std::ostream& operator<<(std::ostream& out, const Seen& s) {
  return out << s.id << " " << to_string(s.kind) << " " << s.at.time_since_epoch().count();
}

std::vector<Seen> seen(const std::vector<ConversationReminder>& reminders) {
  std::vector<Seen> out;
  for (const auto& r : reminders)
    out.push_back({r.conversation.id, r.reminder.kind, r.reminder.at});
  return out;
}

// The definition: every conversation owned by or handed over to one of the user's departments,
// folded, and asked of the rules; in list order.
std::vector<Seen> by_the_rules(const Workspace& ws, const std::string& user) {
  const auto scope = ws.scope_for(user);
  const auto mine = [&](const std::string& department) {
    return std::find(scope.departments.begin(), scope.departments.end(), department) !=
           scope.departments.end();
  };
  std::vector<Seen> out;
  for (const auto& s : ws.store().list(InboxView::All, scope, SIZE_MAX)) {
    if (!mine(s.owner_department) && !(s.handover_to && mine(*s.handover_to))) continue;
    const auto c = ws.store().conversation(s.id);
    BOOST_REQUIRE(c);
    for (const auto& r : ws.rules().reminders(*c, scope.now)) out.push_back({s.id, r.kind, r.at});
  }
  return out;
}

InboundMessage message(const std::string& id, Channel channel, Instant received,
                       const std::string& department) {
  auto m = samla::test::email(id, "Spørsmål " + id, "Tekst " + id, received, department);
  m.channel = channel;
  return m;
}

struct Fixture {
  TempDir dir;
  Instant now = oslo(2026, 12, 7, 10);
  std::unique_ptr<Workspace> ws;
  std::map<std::string, std::string> ids;  // name -> conversation id

  Fixture() { open(); }

  void open() {
    ws = std::make_unique<Workspace>(dir.path(),
                                     WorkspaceOptions{[this] { return now; }, "Europe/Oslo"});
  }

  void add(const std::string& name, Channel channel, Instant received,
           const std::string& department) {
    ids[name] = ws->store().ingest(message(name, channel, received, department)).conversation_id;
  }

  void act(const std::string& name, const Command& command, const std::string& actor, Instant at) {
    BOOST_REQUIRE(ws->execute(ids.at(name), command, actor, at).decision.accepted());
  }

  // A municipality with conversations in every state a reminder depends on.
  void populate() {
    ws->add_department({"byggesak", "Byggesak"});
    ws->add_department({"skatt", "Skatt og avgift"}, parse_office_hours("08:00-15:30 mon-fri"));
    ws->add_department({"barnehage", "Barnehage"}, parse_office_hours("07:30-14:00 mon-thu"));
    ws->add_user({"kari", "Kari Nordmann", {{"byggesak", Role::Lead}}});
    ws->add_user({"ola", "Ola Nordmann", {{"byggesak", Role::Caseworker}}});
    ws->add_user({"siri", "Siri Berg", {{"skatt", Role::Lead}}});
    ws->add_user({"per", "Per Olsen", {{"skatt", Role::Caseworker}}});
    ws->add_user({"berit", "Berit Lie", {{"barnehage", Role::Lead}}});
    ws->add_user(
        {"mia", "Mia Dahl", {{"skatt", Role::Caseworker}, {"byggesak", Role::Caseworker}}});

    add("due-tomorrow", Channel::Email, oslo(2026, 12, 1, 11), "byggesak");
    add("overdue", Channel::Email, oslo(2026, 11, 20, 13), "byggesak");
    add("later", Channel::Email, oslo(2026, 12, 7, 9), "byggesak");
    add("skatt-own", Channel::Email, oslo(2026, 11, 30, 14), "skatt");
    add("sms-today", Channel::Sms, oslo(2026, 12, 7, 9, 30), "byggesak");
    add("facebook", Channel::Facebook, oslo(2026, 12, 4, 16), "barnehage");
    // Handed over from Byggesak to Skatt on 2 December and never accepted.
    add("to-skatt", Channel::Email, oslo(2026, 12, 2, 10), "byggesak");
    act("to-skatt", RequestHandover{"skatt", "Gjeld eigedomsskatt"}, "ola", oslo(2026, 12, 2, 11));
    // From Barnehage to Byggesak: Byggesak must act although the conversation is not theirs.
    add("to-byggesak", Channel::Email, oslo(2026, 11, 25, 10), "barnehage");
    act("to-byggesak", RequestHandover{"byggesak", ""}, "berit", oslo(2026, 12, 3, 9));
    // Accepted: no escalation, now Skatt's.
    add("accepted", Channel::Email, oslo(2026, 12, 1, 9), "byggesak");
    act("accepted", RequestHandover{"skatt", ""}, "kari", oslo(2026, 12, 1, 10));
    act("accepted", AcceptHandover{}, "per", oslo(2026, 12, 1, 12));
    // Asked for a moment ago, from Skatt to Barnehage.
    add("recent", Channel::Email, oslo(2026, 12, 4, 9), "skatt");
    act("recent", RequestHandover{"barnehage", ""}, "siri", oslo(2026, 12, 7, 9));
    // Closed: nothing to remind of.
    add("closed", Channel::Email, oslo(2026, 11, 2, 10), "byggesak");
    act("closed", Close{}, "kari", oslo(2026, 11, 3, 10));
    // A preliminary reply's promised date is the deadline.
    add("promised", Channel::Email, oslo(2026, 11, 23, 10), "skatt");
    act("promised", Claim{}, "per", oslo(2026, 11, 24, 10));
    act("promised", SendPreliminaryReply{oslo(2026, 12, 9, 12), "Svar kjem 9. desember."}, "per",
        oslo(2026, 11, 24, 11));
  }

  void check_everyone() {
    for (const auto* user : {"kari", "ola", "siri", "per", "berit", "mia", "nobody"}) {
      BOOST_TEST_CONTEXT("user " << user << " at " << now.time_since_epoch().count()) {
        const auto got = seen(ws->reminders_for(user));
        const auto want = by_the_rules(*ws, user);
        BOOST_CHECK_EQUAL_COLLECTIONS(got.begin(), got.end(), want.begin(), want.end());
      }
    }
  }

  std::size_t count(const std::string& user, ReminderKind kind) {
    std::size_t n = 0;
    for (const auto& r : ws->reminders_for(user)) n += r.reminder.kind == kind ? 1 : 0;
    return n;
  }
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(Reminders, Fixture)

BOOST_AUTO_TEST_CASE(indexed_reminders_are_the_rules_on_every_conversation) {
  populate();
  for (const auto when : {oslo(2026, 12, 7, 10), oslo(2026, 12, 7, 15, 30), oslo(2026, 12, 8, 10),
                          oslo(2026, 12, 10, 16), oslo(2026, 12, 14, 9), oslo(2027, 1, 4, 12)}) {
    now = when;
    check_everyone();
  }
  // The test can fail: there is something of every kind to find.
  now = oslo(2026, 12, 8, 10);
  BOOST_CHECK_GT(count("ola", ReminderKind::Overdue), 0U);
  BOOST_CHECK_GT(count("ola", ReminderKind::DueSoon), 0U);
  // Both sides of a handover escalate: Skatt as receiver (from Byggesak) and as sender (to
  // Barnehage, whose four office hours ran out at 13:00 yesterday) …
  BOOST_CHECK_EQUAL(count("per", ReminderKind::HandoverNotAccepted), 2U);
  // … and Byggesak as receiver of Barnehage's handover, besides its own to Skatt.
  BOOST_CHECK_EQUAL(count("kari", ReminderKind::HandoverNotAccepted), 2U);
  BOOST_CHECK(ws->reminders_for("nobody").empty());
}

BOOST_AUTO_TEST_CASE(reminders_follow_changes_and_reopening) {
  populate();
  now = oslo(2026, 12, 8, 10);
  act("to-skatt", AcceptHandover{}, "per", oslo(2026, 12, 8, 9));
  act("overdue", Close{}, "kari", oslo(2026, 12, 8, 9));
  check_everyone();
  BOOST_CHECK_EQUAL(count("per", ReminderKind::HandoverNotAccepted), 1U);  // to Barnehage
  // The policy moves deadlines: the projection is rebuilt and the reminders follow it.
  auto slower = DeadlinePolicy::defaults();
  slower.channels[PolicyClass::Letters].working_days = 20;
  ws->add_policy_version(oslo(2026, 1, 1, 0), slower);
  check_everyone();
  open();
  check_everyone();
}

// A store written before the reminder columns existed: opening it fills when each waiting
// handover was asked for, so escalations work without a rebuild.
BOOST_AUTO_TEST_CASE(a_version_1_store_gets_its_handover_times) {
  populate();
  now = oslo(2026, 12, 8, 10);
  const auto before = seen(ws->reminders_for("kari"));
  BOOST_REQUIRE_EQUAL(count("kari", ReminderKind::HandoverNotAccepted), 2U);
  ws.reset();
  {
    // Back to schema 1 by hand, as the previous version of Samla left it.
    SQLite::Database db(dir.path() / Workspace::kStoreFile, SQLite::OPEN_READWRITE);
    for (const auto* index : {"conversations_open_by_deadline", "conversations_by_channel",
                              "conversations_unassigned_in_order", "events_reply_queued"}) {
      db.exec(std::string("DROP INDEX ") + index);
    }
    db.exec("ALTER TABLE conversations DROP COLUMN handover_requested_at");
    db.exec("PRAGMA user_version = 1");
  }
  open();
  BOOST_CHECK_EQUAL(ws->store().schema_version(), Store::kSchemaVersion);
  const auto after = seen(ws->reminders_for("kari"));
  BOOST_CHECK_EQUAL_COLLECTIONS(after.begin(), after.end(), before.begin(), before.end());
  check_everyone();
}

BOOST_AUTO_TEST_CASE(views_narrowed_to_a_channel) {
  populate();
  const auto scope = ws->scope_for("kari");
  for (const auto view : {InboxView::Mine, InboxView::Department, InboxView::Handovers,
                          InboxView::DueSoon, InboxView::Overdue, InboxView::All}) {
    for (const auto channel :
         {Channel::Email, Channel::Sms, Channel::Facebook, Channel::Callback}) {
      for (const bool open_only : {false, true}) {
        BOOST_TEST_CONTEXT("view " << to_string(view) << " channel " << to_string(channel)
                                   << " open only " << open_only) {
          std::vector<std::string> want;
          for (const auto& s : ws->store().list(view, scope, SIZE_MAX)) {
            if (s.channel != channel) continue;
            if (open_only && s.status != ConversationStatus::Open) continue;
            want.push_back(s.id);
          }
          const ViewNarrowing narrowing{channel, open_only};
          std::vector<std::string> got;
          for (const auto& s : ws->store().list(view, scope, narrowing, SIZE_MAX)) {
            got.push_back(s.id);
          }
          BOOST_CHECK_EQUAL_COLLECTIONS(got.begin(), got.end(), want.begin(), want.end());
          BOOST_CHECK_EQUAL(ws->store().count(view, scope, narrowing), want.size());
          // Paged like the plain view.
          if (want.size() > 1) {
            const auto second = ws->store().list(view, scope, narrowing, 1, 1);
            BOOST_REQUIRE_EQUAL(second.size(), 1U);
            BOOST_CHECK_EQUAL(second[0].id, want[1]);
          }
        }
      }
    }
  }
  const ViewNarrowing email{Channel::Email, true};
  BOOST_CHECK_GT(ws->store().count(InboxView::All, scope, email), 3U);
  BOOST_CHECK_LT(ws->store().count(InboxView::All, scope, email),
                 ws->store().count(InboxView::All, scope));
  const ViewNarrowing sms{Channel::Sms, false};
  BOOST_CHECK_EQUAL(ws->store().count(InboxView::All, scope, sms), 1U);
}

BOOST_AUTO_TEST_SUITE_END()
