// The inbox views as predicates over the projected summary.
#include <boost/test/unit_test.hpp>

#include "domain_fixture.h"
#include "samla/models/views.h"

using namespace samla;
using samla::test::at;

namespace {
ConversationSummary summary(std::string owner, std::optional<std::string> assignee,
                            std::optional<Instant> deadline = std::nullopt,
                            std::optional<std::string> handover_to = std::nullopt) {
  ConversationSummary s;
  s.id = "c";
  s.owner_department = std::move(owner);
  s.assignee = std::move(assignee);
  s.deadline = deadline;
  s.handover_to = std::move(handover_to);
  return s;
}
const ViewScope kOla{"ola", {"byggesak"}, at(2026, 12, 7, 10), at(2026, 12, 8, 10)};
}  // namespace

BOOST_AUTO_TEST_SUITE(InboxViews)

BOOST_AUTO_TEST_CASE(names_round_trip) {
  for (auto v : {InboxView::Mine, InboxView::Department, InboxView::Handovers, InboxView::DueSoon,
                 InboxView::Overdue, InboxView::All}) {
    BOOST_CHECK(view_from_string(to_string(v)) == v);
  }
  BOOST_CHECK(!view_from_string("inbox"));
  BOOST_CHECK(view_from_string("due") == InboxView::DueSoon);
}

BOOST_AUTO_TEST_CASE(mine_and_department) {
  BOOST_CHECK(in_view(summary("byggesak", "ola"), InboxView::Mine, kOla));
  BOOST_CHECK(!in_view(summary("byggesak", "ingrid"), InboxView::Mine, kOla));
  BOOST_CHECK(in_view(summary("byggesak", std::nullopt), InboxView::Department, kOla));
  BOOST_CHECK(!in_view(summary("byggesak", "ola"), InboxView::Department, kOla));
  BOOST_CHECK(!in_view(summary("skatt", std::nullopt), InboxView::Department, kOla));
  auto closed = summary("byggesak", "ola");
  closed.status = ConversationStatus::Closed;
  BOOST_CHECK(!in_view(closed, InboxView::Mine, kOla));
  BOOST_CHECK(in_view(closed, InboxView::All, kOla));
}

BOOST_AUTO_TEST_CASE(handovers_to_my_department) {
  const ViewScope per{"per", {"skatt"}, kOla.now, kOla.due_soon_until};
  const auto waiting = summary("byggesak", "ola", std::nullopt, std::string("skatt"));
  BOOST_CHECK(in_view(waiting, InboxView::Handovers, per));
  BOOST_CHECK(!in_view(waiting, InboxView::Handovers, kOla));
  BOOST_CHECK(!in_view(summary("byggesak", std::nullopt), InboxView::Handovers, per));
}

BOOST_AUTO_TEST_CASE(due_soon_and_overdue_boundaries) {
  const auto now = kOla.now;
  BOOST_CHECK(in_view(summary("byggesak", "ola", now), InboxView::Overdue, kOla));
  BOOST_CHECK(!in_view(summary("byggesak", "ola", now), InboxView::DueSoon, kOla));
  const auto later = now + std::chrono::seconds{1};
  BOOST_CHECK(in_view(summary("byggesak", "ola", later), InboxView::DueSoon, kOla));
  BOOST_CHECK(!in_view(summary("byggesak", "ola", later), InboxView::Overdue, kOla));
  BOOST_CHECK(in_view(summary("byggesak", "ola", kOla.due_soon_until), InboxView::DueSoon, kOla));
  BOOST_CHECK(!in_view(summary("byggesak", "ola", kOla.due_soon_until + std::chrono::seconds{1}),
                       InboxView::DueSoon, kOla));
  BOOST_CHECK(!in_view(summary("byggesak", "ola"), InboxView::Overdue, kOla));
  BOOST_CHECK(!in_view(summary("skatt", "per", now), InboxView::Overdue, kOla));
}

BOOST_AUTO_TEST_SUITE_END()
