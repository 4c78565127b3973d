// The fold is deterministic, and re-folding in hub order marks events that became invalid.
#include <algorithm>
#include <random>

#include <boost/test/unit_test.hpp>

#include "domain_fixture.h"
#include "oslo_zone_for_tests.h"

using namespace samla;
using samla::test::at;

namespace {

// The observable state, compared as text so that a difference names the field.
std::string describe(const Conversation& c) {
  std::string out =
      c.id + "|" + c.owner_department + "|" + c.assignee.value_or("-") + "|" +
      (c.is_open() ? "open" : "closed") + "|" + (c.handover ? c.handover->to_department : "-") +
      "|" + std::to_string(c.message_ids.size()) + "|" + std::to_string(c.replies.size()) + "|";
  for (const auto& entry : c.timeline) {
    out += entry.event.id + (entry.rejection ? "!" : "") + ",";
  }
  return out;
}

Event with_sequence(Event e, std::int64_t seq) {
  e.hub_sequence = seq;
  return e;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(Fold)

BOOST_AUTO_TEST_CASE(same_events_same_state) {
  test::ConversationScript s;
  s.feed(s.received("<m1@x>", at(2026, 12, 7, 8)));
  s.run("ola", Claim{}, at(2026, 12, 7, 9));
  s.run("ola", AddNote{"notat"}, at(2026, 12, 7, 9, 5));
  s.run("ola", RequestHandover{"skatt", "Gjeld skatt"}, at(2026, 12, 7, 9, 10));
  s.run("per", AcceptHandover{}, at(2026, 12, 7, 9, 20));
  s.feed(s.received("<m2@x>", at(2026, 12, 7, 9, 30)));
  const auto once = fold(s.log, s.directory());
  const auto twice = fold(s.log, s.directory());
  BOOST_CHECK_EQUAL(describe(once), describe(twice));
  BOOST_CHECK_EQUAL(describe(once), describe(s.state));
  BOOST_CHECK_EQUAL(once.owner_department, "skatt");
  BOOST_CHECK(once.rejected().empty());
}

BOOST_AUTO_TEST_CASE(a_conversation_starts_with_a_message) {
  test::ConversationScript s;
  const auto note = s.make("ola", "byggesak", at(2026, 12, 7, 8), NoteAdded{"før"});
  const auto state = fold({note, s.received("<m1@x>", at(2026, 12, 7, 9))}, s.directory());
  BOOST_CHECK(state.exists());
  BOOST_REQUIRE_EQUAL(state.rejected().size(), 1U);
  BOOST_CHECK_EQUAL(state.rejected()[0]->event.id, note.id);
}

BOOST_AUTO_TEST_CASE(hub_order_puts_sequenced_events_first_then_local_ones) {
  test::ConversationScript s;
  auto a = with_sequence(s.received("<a@x>", at(2026, 12, 7, 8)), 7);
  auto b = s.make("ola", "byggesak", at(2026, 12, 7, 9), NoteAdded{"lokal 1"});
  auto c = with_sequence(s.make("ola", "byggesak", at(2026, 12, 7, 10), NoteAdded{"hub"}), 3);
  auto d = s.make("ola", "byggesak", at(2026, 12, 7, 11), NoteAdded{"lokal 2"});
  const auto ordered = in_hub_order({a, b, c, d});
  std::vector<std::string> ids;
  ids.reserve(ordered.size());
  for (const auto& e : ordered) ids.push_back(e.id);
  BOOST_CHECK((ids == std::vector<std::string>{c.id, a.id, b.id, d.id}));
}

BOOST_AUTO_TEST_CASE(two_leads_assign_at_once_the_later_one_is_rejected) {
  test::ConversationScript kari_side;
  const auto m = with_sequence(kari_side.received("<m1@x>", at(2026, 12, 7, 8)), 1);
  kari_side.feed(m);
  test::ConversationScript admin_side;
  admin_side.feed(m);
  // Both decide against the same state (nobody assigned), offline.
  auto kari = kari_side.run("kari", Assign{"ola"}, at(2026, 12, 7, 9, 1)).events.at(0);
  auto admin = admin_side.run("admin", Assign{"ingrid"}, at(2026, 12, 7, 9, 0)).events.at(0);
  admin.id = "admin-1";
  // The hub took the administrator's first.
  const auto state = fold(in_hub_order({m, with_sequence(kari, 3), with_sequence(admin, 2)}),
                          kari_side.directory());
  BOOST_CHECK_EQUAL(state.assignee.value_or(""), "ingrid");
  BOOST_REQUIRE_EQUAL(state.rejected().size(), 1U);
  BOOST_CHECK_EQUAL(state.rejected()[0]->event.id, kari.id);
  test::OsloZoneForTests zone;
  BOOST_CHECK_EQUAL(state.rejected()[0]->rejection->text(zone),
                    "Systemansvarleg assigned the conversation to Ingrid Haugen at 07.12.2026 "
                    "10:00 in the meantime");
}

BOOST_AUTO_TEST_CASE(offline_claim_rejected_after_refold_when_a_lead_assigned_meanwhile) {
  test::ConversationScript desk;
  const auto m = with_sequence(desk.received("<m1@x>", at(2026, 12, 7, 8)), 1);
  desk.feed(m);
  const auto claim = desk.run("ola", Claim{}, at(2026, 12, 7, 10)).events.at(0);
  const auto note = desk.run("ola", AddNote{"Eg tek denne"}, at(2026, 12, 7, 10, 1)).events.at(0);
  BOOST_CHECK_EQUAL(desk.state.assignee.value_or(""), "ola");  // locally it looked fine
  test::ConversationScript lead;
  lead.feed(m);
  auto assign = lead.run("kari", Assign{"ingrid"}, at(2026, 12, 7, 9)).events.at(0);
  assign.id = "lead-assign";
  const auto refolded =
      fold(in_hub_order({m, claim, note, with_sequence(assign, 2)}), desk.directory());
  BOOST_CHECK_EQUAL(refolded.assignee.value_or(""), "ingrid");
  BOOST_REQUIRE_EQUAL(refolded.rejected().size(), 1U);
  BOOST_CHECK_EQUAL(refolded.rejected()[0]->event.id, claim.id);
  // The note is still valid: Ola is a member of Byggesak.
  BOOST_CHECK_EQUAL(refolded.timeline.back().event.id, note.id);
  BOOST_CHECK(!refolded.timeline.back().rejection);
}

BOOST_AUTO_TEST_CASE(two_members_accept_the_same_handover) {
  test::ConversationScript s;
  s.feed(with_sequence(s.received("<m1@x>", at(2026, 12, 7, 8)), 1));
  auto request = s.run("ola", RequestHandover{"skatt", ""}, at(2026, 12, 7, 9)).events.at(0);
  const auto before = s.log;
  auto per = s.run("per", AcceptHandover{}, at(2026, 12, 7, 10)).events.at(0);
  s.log = before;
  s.state = fold(before, s.directory());
  auto siri = s.run("siri", AcceptHandover{}, at(2026, 12, 7, 10, 5)).events.at(0);
  const auto state = fold(in_hub_order({before[0], with_sequence(request, 2),
                                        with_sequence(siri, 3), with_sequence(per, 4)}),
                          s.directory());
  BOOST_REQUIRE_EQUAL(state.rejected().size(), 1U);
  BOOST_CHECK_EQUAL(state.rejected()[0]->event.actor, "per");
  BOOST_CHECK_EQUAL(state.last_handover->by, "siri");
  BOOST_CHECK_EQUAL(state.owner_department, "skatt");
}

BOOST_AUTO_TEST_CASE(any_order_folds_deterministically) {
  // A day of work by several people; every permutation of the hub's order must fold to the
  // same result twice, and the events the rules keep must make a consistent state.
  test::ConversationScript s;
  std::vector<Event> events;
  events.push_back(s.received("<m1@x>", at(2026, 12, 7, 8)));
  s.feed(events.back());
  const std::vector<std::pair<std::string, Command>> work{
      {"ola", Claim{}},
      {"ola", AddNote{"a"}},
      {"kari", Assign{"ingrid"}},
      {"ingrid", RequestHandover{"skatt", "b"}},
      {"per", DeclineHandover{"ikkje vårt"}},
      {"ingrid", Close{}},
  };
  int minute = 0;
  for (const auto& [actor, command] : work) {
    auto d = s.run(actor, command, at(2026, 12, 7, 9, ++minute));
    BOOST_REQUIRE_MESSAGE(d.accepted(), actor);
    events.push_back(d.events.at(0));
  }
  std::mt19937 rng(20261122);
  for (int round = 0; round < 200; ++round) {
    auto shuffled = events;
    std::shuffle(shuffled.begin() + 1, shuffled.end(), rng);
    const auto a = fold(shuffled, s.directory());
    const auto b = fold(shuffled, s.directory());
    BOOST_REQUIRE_EQUAL(describe(a), describe(b));
    // Re-applying only the accepted events gives the same state without rejections.
    std::vector<Event> kept;
    for (const auto& entry : a.timeline) {
      if (!entry.rejection) kept.push_back(entry.event);
    }
    const auto clean = fold(kept, s.directory());
    BOOST_REQUIRE(clean.rejected().empty());
    BOOST_REQUIRE_EQUAL(clean.assignee.value_or("-"), a.assignee.value_or("-"));
    BOOST_REQUIRE(clean.status == a.status);
  }
  // In the original order nothing is rejected.
  BOOST_CHECK(fold(events, s.directory()).rejected().empty());
}

BOOST_AUTO_TEST_SUITE_END()
