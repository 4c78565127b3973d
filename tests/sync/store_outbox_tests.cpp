// Appended events: the outbox, idempotency on event ids, pushes, pulls and hub order.
#include <boost/test/unit_test.hpp>

#include "store_fixture.h"

using namespace samla;
using namespace samla::test;

namespace {

struct Fixture {
  Fixture() {
    save_municipality(store);
    id = store.ingest(email("<a@x>", "Sak", "en", at(2026, 11, 23))).conversation_id;
  }
  Event event(const std::string& event_id, const std::string& actor, EventPayload payload,
              Instant when = at(2026, 11, 23, 12)) const {
    return Event{event_id, id, actor, "byggesak", when, std::move(payload), std::nullopt};
  }
  samla::Store store{":memory:", test_options()};
  std::string id;
};

std::vector<std::string> ids_of(const std::vector<Event>& events) {
  std::vector<std::string> out;
  out.reserve(events.size());
  for (const auto& e : events) out.push_back(e.id);
  return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(StoreOutbox)

BOOST_FIXTURE_TEST_CASE(appended_events_queue_in_order_once, Fixture) {
  const auto ingested = store.outbox();
  BOOST_REQUIRE_EQUAL(ingested.size(), 1U);  // ingested events go to the hub too
  store.append(std::vector<Event>{event("n1", "ola", NoteAdded{"ein"}),
                                  event("n2", "ola", NoteAdded{"to"})});
  store.append(std::vector<Event>{event("n1", "ola", NoteAdded{"ein, igjen"}),
                                  event("n3", "ola", NoteAdded{"tre"})});
  const auto out = store.outbox();
  BOOST_CHECK((ids_of(out) == std::vector<std::string>{ingested[0].id, "n1", "n2", "n3"}));
  BOOST_CHECK(std::get<NoteAdded>(out[1].payload).text == "ein");
  BOOST_CHECK_EQUAL(store.outbox_size(), 4U);
  BOOST_CHECK_EQUAL(store.outbox(2).size(), 2U);
  BOOST_CHECK_EQUAL(store.events_of(id).size(), 4U);
}

BOOST_FIXTURE_TEST_CASE(append_updates_the_projection, Fixture) {
  store.append(std::vector<Event>{event("a1", "kari", Assigned{"ola", std::nullopt})});
  auto row = store.list(InboxView::All, {})[0];
  BOOST_CHECK(row.assignee == std::string("ola"));
  BOOST_CHECK_EQUAL(store.count(InboxView::Mine, {"ola", {"byggesak"}, {}, {}}), 1U);
  store.append(std::vector<Event>{event("c1", "ola", Closed{}, at(2026, 11, 23, 13))});
  row = store.list(InboxView::All, {})[0];
  BOOST_CHECK(row.status == ConversationStatus::Closed);
  BOOST_CHECK(!row.deadline);
  BOOST_CHECK(row.last_activity == at(2026, 11, 23, 13));
  check_projection_is_fold(store);
}

BOOST_FIXTURE_TEST_CASE(a_refused_event_is_kept_and_counted, Fixture) {
  // Ola is no lead: his assignment of Ingrid is refused by the rules but stays in the log.
  store.append(std::vector<Event>{event("a1", "ola", Assigned{"ingrid", std::nullopt})});
  const auto row = store.list(InboxView::All, {})[0];
  BOOST_CHECK(!row.assignee);
  BOOST_CHECK_EQUAL(row.rejected_count, 1);
  BOOST_CHECK_EQUAL(store.conversation(id)->rejected().size(), 1U);
  BOOST_CHECK_EQUAL(store.outbox_size(), 2U);
}

BOOST_FIXTURE_TEST_CASE(mark_pushed_sets_the_sequence_and_dequeues, Fixture) {
  store.append(std::vector<Event>{event("n1", "ola", NoteAdded{"ein"})});
  const auto first = store.outbox()[0].id;
  store.mark_pushed(first, 101);
  store.mark_pushed("n1", 102);
  store.mark_pushed("n1", 102);  // again: no harm
  BOOST_CHECK_EQUAL(store.outbox_size(), 0U);
  const auto events = store.events_of(id);
  BOOST_CHECK(events[0].hub_sequence == 101);
  BOOST_CHECK(events[1].hub_sequence == 102);
  BOOST_CHECK_THROW(store.mark_pushed("no-such-event", 1), StoreError);
}

BOOST_FIXTURE_TEST_CASE(pulled_events_refold_in_hub_order, Fixture) {
  const auto received = store.outbox()[0].id;
  store.mark_pushed(received, 1);
  // Locally Ola claims; meanwhile on another desktop Kari assigned Ingrid, and the hub got hers
  // first. In hub order Ola's claim comes second and is refused.
  store.append(std::vector<Event>{event("claim", "ola", Assigned{"ola", std::nullopt})});
  BOOST_CHECK(store.list(InboxView::All, {})[0].assignee == std::string("ola"));

  auto remote = event("kari-assigns", "kari", Assigned{"ingrid", std::nullopt});
  remote.hub_sequence = 2;
  store.merge_pulled(std::vector<Event>{remote});
  auto row = store.list(InboxView::All, {})[0];
  BOOST_CHECK(row.assignee == std::string("ingrid"));
  BOOST_CHECK_EQUAL(row.rejected_count, 1);
  BOOST_CHECK_EQUAL(store.outbox_size(), 1U);  // the pulled event is not ours to push
  BOOST_CHECK_EQUAL(store.outbox()[0].id, "claim");

  // Our claim comes back from the hub with its sequence: it leaves the outbox.
  auto echoed = event("claim", "ola", Assigned{"ola", std::nullopt});
  echoed.hub_sequence = 3;
  store.merge_pulled(std::vector<Event>{echoed, remote});
  BOOST_CHECK_EQUAL(store.outbox_size(), 0U);
  row = store.list(InboxView::All, {})[0];
  BOOST_CHECK(row.assignee == std::string("ingrid"));
  BOOST_CHECK_EQUAL(store.events_of(id).size(), 3U);
  check_projection_is_fold(store);
}

BOOST_FIXTURE_TEST_CASE(pulled_messages_are_searchable_and_thread, Fixture) {
  auto m = email("<remote@x>", "Frå huben", "hentet melding", at(2026, 11, 24));
  Event pulled{"remote-1", "conv-remote",    std::string(kSystemActor),
               "byggesak", at(2026, 11, 24), MessageReceived{m},
               7};
  store.merge_pulled(std::vector<Event>{pulled});
  BOOST_CHECK_EQUAL(store.search("hentet").size(), 1U);
  BOOST_CHECK(store.ingest(m).duplicate);
  auto answer = email("<answer@x>", "Sv", "svar", at(2026, 11, 25));
  answer.references = {"<remote@x>"};
  BOOST_CHECK_EQUAL(store.ingest(answer).conversation_id, "conv-remote");
}

BOOST_FIXTURE_TEST_CASE(events_need_ids, Fixture) {
  BOOST_CHECK_THROW(store.append(std::vector<Event>{event("", "ola", NoteAdded{"x"})}),
                    std::invalid_argument);
  BOOST_CHECK_THROW(store.merge_pulled(std::vector<Event>{event("p", "ola", NoteAdded{"x"})}),
                    std::invalid_argument);  // no hub sequence
}

BOOST_AUTO_TEST_SUITE_END()
