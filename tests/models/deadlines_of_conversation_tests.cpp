// Deadlines and reminders derived from a conversation's state.
#include <boost/test/unit_test.hpp>

#include "domain_fixture.h"
#include "oslo_zone_for_tests.h"
#include "samla/models/deadlines.h"

using namespace samla;
using samla::test::at;

namespace {
// Oslo wall clock in December and January is UTC+1.
Instant oslo(int y, unsigned m, unsigned d, int hh, int mm = 0) { return at(y, m, d, hh - 1, mm); }

struct Fixture {
  test::OsloZoneForTests zone;
  DeadlineRules rules{zone, PolicyBook{}};
  test::ConversationScript s;
};
}  // namespace

BOOST_FIXTURE_TEST_SUITE(ConversationDeadlines, Fixture)

BOOST_AUTO_TEST_CASE(email_within_five_working_days) {
  // Monday 7 Dec 2026 10:00 -> Monday 14 Dec 15:00.
  s.feed(s.received("<m@x>", oslo(2026, 12, 7, 10)));
  BOOST_CHECK(rules.deadline_of(s.state) == oslo(2026, 12, 14, 15));
}

BOOST_AUTO_TEST_CASE(preliminary_reply_moves_it_and_an_answer_clears_it) {
  s.feed(s.received("<m@x>", oslo(2026, 12, 7, 10)));
  s.run("ola", SendPreliminaryReply{oslo(2027, 1, 20, 15), "Svar kjem 20. januar."},
        oslo(2026, 12, 8, 10));
  BOOST_CHECK(rules.deadline_of(s.state) == oslo(2027, 1, 20, 15));
  s.run("ola", QueueReply{"", "Svar"}, oslo(2027, 1, 10, 10));
  s.feed(s.make(std::string(kSystemActor), "byggesak", oslo(2027, 1, 10, 10, 1),
                ReplySent{s.state.replies.at(0).reply_id, "<r@k>"}));
  BOOST_CHECK(!rules.deadline_of(s.state));
  // The citizen writes again: a new wait, a new deadline from the new message.
  s.feed(s.received("<m2@x>", oslo(2027, 1, 11, 9)));
  BOOST_CHECK(rules.deadline_of(s.state) == oslo(2027, 1, 18, 15));
}

BOOST_AUTO_TEST_CASE(closed_conversation_has_no_deadline) {
  s.feed(s.received("<m@x>", oslo(2026, 12, 7, 10)));
  s.run("ola", Close{}, oslo(2026, 12, 7, 11));
  BOOST_CHECK(!rules.deadline_of(s.state));
  BOOST_CHECK(rules.reminders(s.state, oslo(2027, 1, 1, 10)).empty());
}

BOOST_AUTO_TEST_CASE(handover_keeps_the_deadline_of_the_first_message) {
  s.feed(s.received("<m@x>", oslo(2026, 12, 7, 10)));
  s.run("ola", RequestHandover{"skatt", ""}, oslo(2026, 12, 10, 10));
  s.run("per", AcceptHandover{}, oslo(2026, 12, 11, 10));
  BOOST_CHECK(rules.deadline_of(s.state) == oslo(2026, 12, 14, 15));
}

BOOST_AUTO_TEST_CASE(reminders_due_soon_then_overdue) {
  s.feed(s.received("<m@x>", oslo(2026, 12, 7, 10)));                     // due Mon 14 Dec 15:00
  BOOST_CHECK(rules.reminders(s.state, oslo(2026, 12, 11, 14)).empty());  // 7 office hours left
  auto soon = rules.reminders(s.state, oslo(2026, 12, 14, 9));
  BOOST_REQUIRE_EQUAL(soon.size(), 1U);
  BOOST_CHECK(soon[0].kind == ReminderKind::DueSoon);
  BOOST_CHECK(soon[0].at == oslo(2026, 12, 14, 15));
  // Friday 15:00 + 6 office hours reaches Monday 15:00 exactly: due soon from Friday's close.
  BOOST_CHECK_EQUAL(rules.reminders(s.state, oslo(2026, 12, 11, 15)).size(), 1U);
  auto late = rules.reminders(s.state, oslo(2026, 12, 14, 15));
  BOOST_REQUIRE_EQUAL(late.size(), 1U);
  BOOST_CHECK(late[0].kind == ReminderKind::Overdue);
}

BOOST_AUTO_TEST_CASE(handover_not_accepted_after_four_working_hours) {
  s.feed(s.received("<m@x>", oslo(2026, 12, 7, 10)));
  s.run("ola", RequestHandover{"skatt", ""}, oslo(2026, 12, 7, 13));
  // 13:00–15:00 Monday is 2 h, 09:00–11:00 Tuesday makes 4 h.
  const auto kinds = [&](Instant now) {
    std::vector<ReminderKind> out;
    for (const auto& r : rules.reminders(s.state, now)) out.push_back(r.kind);
    return out;
  };
  BOOST_CHECK(kinds(oslo(2026, 12, 8, 10, 59)).empty());
  const auto reminders = rules.reminders(s.state, oslo(2026, 12, 8, 11));
  BOOST_REQUIRE_EQUAL(reminders.size(), 1U);
  BOOST_CHECK(reminders[0].kind == ReminderKind::HandoverNotAccepted);
  BOOST_CHECK(reminders[0].at == oslo(2026, 12, 8, 11));
}

BOOST_AUTO_TEST_CASE(policy_change_keeps_the_deadline_in_force_at_arrival) {
  PolicyBook book;
  auto stricter = DeadlinePolicy::defaults();
  stricter.channels[PolicyClass::Letters].working_days = 3;
  book.add(oslo(2026, 12, 9, 0), stricter);
  DeadlineRules changed{zone, book};
  s.feed(s.received("<m@x>", oslo(2026, 12, 7, 10)));
  BOOST_CHECK(changed.deadline_of(s.state) == oslo(2026, 12, 14, 15));  // 5 days: old policy
  test::ConversationScript later_one;
  later_one.feed(later_one.received("<m2@x>", oslo(2026, 12, 9, 10)));
  BOOST_CHECK(changed.deadline_of(later_one.state) == oslo(2026, 12, 14, 15));  // Wed + 3
}

BOOST_AUTO_TEST_CASE(department_office_hours_apply) {
  OfficeHours long_day;
  long_day.close = std::chrono::hours{16};
  rules.set_office_hours("byggesak", long_day);
  s.feed(s.received("<m@x>", oslo(2026, 12, 7, 10)));
  BOOST_CHECK(rules.deadline_of(s.state) == oslo(2026, 12, 14, 16));
}

BOOST_AUTO_TEST_CASE(channel_classes) {
  BOOST_CHECK(policy_class_of(Channel::Email) == PolicyClass::Letters);
  BOOST_CHECK(policy_class_of(Channel::DigitalPost) == PolicyClass::Letters);
  BOOST_CHECK(policy_class_of(Channel::Facebook) == PolicyClass::Social);
  BOOST_CHECK(policy_class_of(Channel::Instagram) == PolicyClass::Social);
  BOOST_CHECK(policy_class_of(Channel::Sms) == PolicyClass::Social);
  BOOST_CHECK(policy_class_of(Channel::Callback) == PolicyClass::Callback);
  // Facebook message Friday 16:00 -> Monday 15:00; callback Friday 10:00 -> Monday 15:00.
  BOOST_CHECK(rules.deadline_for(Channel::Facebook, oslo(2026, 12, 11, 16), "x") ==
              oslo(2026, 12, 14, 15));
  BOOST_CHECK(rules.deadline_for(Channel::Sms, oslo(2026, 12, 11, 10), "x") ==
              oslo(2026, 12, 11, 15));
  BOOST_CHECK(rules.deadline_for(Channel::Callback, oslo(2026, 12, 11, 10), "x") ==
              oslo(2026, 12, 14, 15));
}

BOOST_AUTO_TEST_SUITE_END()
