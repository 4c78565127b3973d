// The reminder check on a store above 20 000 conversations (where the desktop used to leave
// handover escalations out): complete, and the same as the rules on every folded conversation.
// Release build only: it makes 25 000 conversations.
#include <boost/test/unit_test.hpp>

#include <chrono>
#include <iostream>

#include "samla/sync/workspace.h"
#include "store_fixture.h"

using namespace samla;
using samla::test::TempDir;

namespace {

// Oslo wall clock in November and December is UTC+1.
Instant oslo(int y, unsigned m, unsigned d, int hh, int mm = 0) {
  return samla::test::at(y, m, d, hh - 1, mm);
}

constexpr std::size_t kConversations = 25'000;
constexpr std::size_t kHandovers = 40;

}  // namespace

BOOST_AUTO_TEST_SUITE(RemindersAtScale)

BOOST_AUTO_TEST_CASE(every_escalation_above_twenty_thousand_conversations) {
  TempDir dir;
  Instant now = oslo(2026, 11, 2, 9);
  Workspace ws(dir.path(), WorkspaceOptions{[&now] { return now; }, "Europe/Oslo"});
  ws.add_department({"byggesak", "Byggesak"});
  ws.add_department({"skatt", "Skatt og avgift"});
  ws.add_user({"kari", "Kari Nordmann", {{"byggesak", Role::Lead}}});
  ws.add_user({"per", "Per Olsen", {{"skatt", Role::Caseworker}}});

  // Received over October and November; the last ones are not due yet on 7 December.
  std::vector<std::string> ids;
  std::vector<InboundMessage> batch;
  const auto flush = [&] {
    for (const auto& r : ws.store().ingest_batch(batch)) ids.push_back(r.conversation_id);
    batch.clear();
  };
  for (std::size_t i = 0; i < kConversations; ++i) {
    const auto received = oslo(2026, 10, 1, 9) + std::chrono::minutes(i * 4);
    batch.push_back(samla::test::email("scale-" + std::to_string(i), "Søknad " + std::to_string(i),
                                       "Tekst", received));
    if (batch.size() == 5000) flush();
  }
  if (!batch.empty()) flush();
  BOOST_REQUIRE_EQUAL(ids.size(), kConversations);
  for (std::size_t h = 0; h < kHandovers; ++h) {
    const auto& id = ids[h * (kConversations / kHandovers)];
    BOOST_REQUIRE(ws.execute(id, RequestHandover{"skatt", ""}, "kari", oslo(2026, 12, 1, 10))
                      .decision.accepted());
  }

  now = oslo(2026, 12, 7, 10);
  const auto start = std::chrono::steady_clock::now();
  const auto lead = ws.reminders_for("kari");
  const auto took = std::chrono::steady_clock::now() - start;
  std::cout << "reminders_for at " << kConversations << " conversations: " << lead.size()
            << " reminders in "
            << std::chrono::duration_cast<std::chrono::milliseconds>(took).count() << " ms\n";
  std::size_t escalations = 0;
  std::size_t overdue = 0;
  for (const auto& r : lead) {
    escalations += r.reminder.kind == ReminderKind::HandoverNotAccepted ? 1 : 0;
    overdue += r.reminder.kind == ReminderKind::Overdue ? 1 : 0;
  }
  BOOST_CHECK_EQUAL(escalations, kHandovers);
  BOOST_CHECK_EQUAL(overdue, ws.store().count(InboxView::Overdue, ws.scope_for("kari")));
  BOOST_CHECK_GT(overdue, 20'000U);
  // The receiving side sees the same escalations (and the deadlines of what it was handed).
  std::size_t received = 0;
  for (const auto& r : ws.reminders_for("per")) {
    received += r.reminder.kind == ReminderKind::HandoverNotAccepted ? 1 : 0;
  }
  BOOST_CHECK_EQUAL(received, kHandovers);

  // The definition, on every folded conversation: the same reminders in the same order.
  const auto scope = ws.scope_for("kari");
  std::size_t i = 0;
  bool same = true;
  for (const auto& s : ws.store().list(InboxView::All, scope, SIZE_MAX)) {
    const auto c = ws.store().conversation(s.id);
    BOOST_REQUIRE(c);
    for (const auto& r : ws.rules().reminders(*c, scope.now)) {
      same = same && i < lead.size() && lead[i].conversation.id == s.id &&
             lead[i].reminder.kind == r.kind && lead[i].reminder.at == r.at;
      ++i;
    }
  }
  BOOST_CHECK(same);
  BOOST_CHECK_EQUAL(i, lead.size());
}

BOOST_AUTO_TEST_SUITE_END()
