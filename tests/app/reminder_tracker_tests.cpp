// Reminders for the title and notifications: counted by kind, each notified once.
#include <boost/test/unit_test.hpp>

#include "demo_fixture.h"
#include "reminder_tracker.h"

using namespace samla;
using namespace samla::app;

BOOST_AUTO_TEST_SUITE(ReminderTrackerTests)

BOOST_AUTO_TEST_CASE(new_reminders_are_notified_once_and_counted_in_the_title) {
  ReminderTracker tracker;
  ConversationReminder overdue;
  overdue.conversation.id = "c1";
  overdue.conversation.subject = "Garasje";
  overdue.reminder.kind = ReminderKind::Overdue;
  ConversationReminder handover;
  handover.conversation.id = "c2";
  handover.reminder.kind = ReminderKind::HandoverNotAccepted;
  BOOST_TEST(tracker.update({overdue}).size() == 1U);
  BOOST_TEST(tracker.update({overdue}).empty());
  BOOST_TEST(tracker.update({overdue, handover}).size() == 1U);
  BOOST_TEST(tracker.counts().overdue == 1U);
  BOOST_TEST(tracker.counts().handovers == 1U);
  BOOST_TEST(tracker.window_title("Tone Vik") ==
             "Samla — Tone Vik (1 overdue, 1 handover not accepted)");
  BOOST_TEST(tracker.update({}).empty());
  BOOST_TEST(tracker.window_title("Tone Vik") == "Samla — Tone Vik");
  BOOST_TEST(tracker.update({overdue}).size() == 1U);  // back again: told again
}

BOOST_AUTO_TEST_CASE(the_demo_gives_a_lead_reminders_for_the_department) {
  test::DemoProfile demo;
  ReminderTracker tracker;
  const auto fresh = tracker.update(demo.ws().reminders_for("tone"));
  BOOST_TEST(tracker.counts().total() == fresh.size());
  BOOST_TEST(tracker.counts().total() > 0U);
  for (const auto& r : fresh) {
    BOOST_TEST(!ReminderTracker::notification_text(r, demo.ws().zone()).empty());
  }
}

BOOST_AUTO_TEST_SUITE_END()
