// The inbox views in SQL give exactly what in_view (models/views.h) gives, in the list order.
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <random>

#include "store_fixture.h"

using namespace samla;
using namespace samla::test;

namespace {

const std::vector<InboxView> kViews{InboxView::Mine,    InboxView::Department, InboxView::Handovers,
                                    InboxView::DueSoon, InboxView::Overdue,    InboxView::All};

bool list_order(const ConversationSummary& a, const ConversationSummary& b) {
  if (a.deadline.has_value() != b.deadline.has_value()) return a.deadline.has_value();
  if (a.deadline && *a.deadline != *b.deadline) return *a.deadline < *b.deadline;
  if (a.received_at != b.received_at) return a.received_at < b.received_at;
  return a.id < b.id;
}

std::vector<std::string> ids_of(const std::vector<ConversationSummary>& rows) {
  std::vector<std::string> out;
  out.reserve(rows.size());
  for (const auto& r : rows) out.push_back(r.id);
  return out;
}

/// Some hundred conversations pushed through random but valid histories.
void populate(samla::Store& store, unsigned seed) {
  constexpr unsigned kTwoWeeksInHours = 24 * 14;
  std::mt19937 random(seed);
  const std::vector<std::string> departments{"byggesak", "skatt", "barnehage"};
  const std::map<std::string, std::vector<std::string>> members{
      {"byggesak", {"kari", "ola", "ingrid"}},
      {"skatt", {"siri", "per"}},
      {"barnehage", {"berit"}}};
  const std::map<std::string, std::string> lead{
      {"byggesak", "kari"}, {"skatt", "siri"}, {"barnehage", "berit"}};
  const auto pick = [&](const auto& items) { return items[random() % items.size()]; };

  for (int i = 0; i < 240; ++i) {
    const auto department = pick(departments);
    // Spread receipts so that deadlines fall before, around and after the scopes' "now".
    const auto received = at(2026, 11, 20) + std::chrono::hours{random() % kTwoWeeksInHours};
    // A few share a receipt time and deadline, to pin the tie-break on id.
    const auto when = i % 17 == 0 ? at(2026, 11, 25) : received;
    auto m = email("<v" + std::to_string(i) + "@x>", "Sak " + std::to_string(i), "tekst", when,
                   department);
    if (i % 11 == 0) m.department.clear();
    const auto id = store.ingest(m).conversation_id;
    auto now = when + std::chrono::minutes{30};
    const auto step = [&] { now += std::chrono::minutes{1 + random() % 600}; };
    const auto owner = [&] { return store.conversation(id)->owner_department; };
    const auto run = [&](const std::string& actor, const Command& command) {
      step();
      (void)act(store, id, actor, command, now);
    };

    if (m.department.empty()) continue;
    const auto roll = random() % 10;
    if (roll < 3) run(pick(members.at(owner())), Claim{});
    if (roll == 3) run(lead.at(owner()), Assign{pick(members.at(owner()))});
    if (roll >= 4 && roll < 7) {
      const auto to = pick(departments);
      run(pick(members.at(owner())), RequestHandover{to, "Ikkje vårt"});
      const auto outcome = random() % 3;
      if (outcome == 0) run(pick(members.at(to)), AcceptHandover{});
      if (outcome == 1) run(pick(members.at(to)), DeclineHandover{"Feil mottakar"});
    }
    if (random() % 4 == 0) {
      run(pick(members.at(owner())),
          SendPreliminaryReply{now + std::chrono::days{3 + random() % 10}, "Vi svarar seinare"});
    }
    if (random() % 5 == 0) run(pick(members.at(owner())), Close{});
    if (random() % 8 == 0) run("per", Assign{"ola"});  // mostly refused: counted as rejected
  }
}

std::vector<ViewScope> scopes() {
  std::vector<ViewScope> out;
  const std::vector<std::pair<std::string, std::vector<std::string>>> people{
      {"ola", {"byggesak"}},
      {"kari", {"byggesak"}},
      {"per", {"skatt"}},
      {"berit", {"barnehage", "skatt"}},
      {"nobody", {}},
      {"ola", {}},
      {"per", {"byggesak", "skatt", "barnehage"}}};
  for (const auto& [user, departments] : people) {
    for (const auto day : {20U, 25U, 28U, 30U}) {
      const auto now = at(2026, 11, day, 11);
      out.push_back(ViewScope{user, departments, now, now + std::chrono::hours{30}});
    }
  }
  return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(StoreViews)

BOOST_AUTO_TEST_CASE(sql_views_equal_in_view_over_generated_conversations) {
  samla::Store store(":memory:", test_options());
  save_municipality(store);
  populate(store, 20261123);
  const auto everything = store.list(InboxView::All, {}, SIZE_MAX);
  BOOST_REQUIRE_EQUAL(everything.size(), 240U);
  BOOST_CHECK(std::is_sorted(everything.begin(), everything.end(), list_order));

  // The generated set must exercise every view, or the comparison proves little.
  std::map<InboxView, std::size_t> seen;
  for (const auto& scope : scopes()) {
    for (const auto view : kViews) {
      std::vector<ConversationSummary> expected;
      std::copy_if(everything.begin(), everything.end(), std::back_inserter(expected),
                   [&](const auto& s) { return in_view(s, view, scope); });
      std::sort(expected.begin(), expected.end(), list_order);
      const auto actual = store.list(view, scope, SIZE_MAX);
      BOOST_TEST_CONTEXT(to_string(view) << " for " << scope.user << " at "
                                         << scope.now.time_since_epoch().count()) {
        BOOST_CHECK(ids_of(actual) == ids_of(expected));
        BOOST_CHECK_EQUAL(store.count(view, scope), expected.size());
      }
      seen[view] = std::max(seen[view], expected.size());
    }
  }
  for (const auto view : kViews) {
    BOOST_TEST_CONTEXT(to_string(view)) { BOOST_CHECK_GT(seen[view], 3U); }
  }
  check_projection_is_fold(store);
}

BOOST_AUTO_TEST_CASE(pages_follow_the_list_order) {
  samla::Store store(":memory:", test_options());
  save_municipality(store);
  populate(store, 7);
  const auto all = ids_of(store.list(InboxView::All, {}, SIZE_MAX));
  std::vector<std::string> paged;
  for (std::size_t offset = 0; offset < all.size(); offset += 37) {
    const auto page = ids_of(store.list(InboxView::All, {}, 37, offset));
    paged.insert(paged.end(), page.begin(), page.end());
  }
  BOOST_CHECK(paged == all);
  BOOST_CHECK(store.list(InboxView::All, {}, 0).empty());
  BOOST_CHECK(store.list(InboxView::All, {}, 10, all.size()).empty());
}

BOOST_AUTO_TEST_CASE(no_deadline_sorts_last) {
  samla::Store store(":memory:", test_options());
  save_municipality(store);
  const auto closed = store.ingest(email("<1@x>", "a", "a", at(2026, 11, 20))).conversation_id;
  (void)act(store, closed, "ola", Close{}, at(2026, 11, 20, 12));
  const auto late = store.ingest(email("<2@x>", "b", "b", at(2026, 11, 24))).conversation_id;
  const auto early = store.ingest(email("<3@x>", "c", "c", at(2026, 11, 22))).conversation_id;
  BOOST_CHECK(
      (ids_of(store.list(InboxView::All, {})) == std::vector<std::string>{early, late, closed}));
}

BOOST_AUTO_TEST_SUITE_END()
