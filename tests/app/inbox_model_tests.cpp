// The conversation list without a window: views, counts, cells, search, channels, urgency and
// what an empty list says.
#include <boost/test/unit_test.hpp>

#include "demo_fixture.h"
#include "inbox_figures.h"
#include "inbox_model.h"

using namespace samla;
using namespace samla::app;

namespace {
ListChoice view(InboxView v) { return ListChoice{ListChoice::Kind::View, v, {}, {}}; }
}  // namespace

BOOST_AUTO_TEST_SUITE(InboxModelTests)

BOOST_AUTO_TEST_CASE(views_show_the_users_conversations_with_readable_cells) {
  test::DemoProfile demo;
  InboxModel model(demo.ws(), "erik");
  model.choose(view(InboxView::Mine));
  BOOST_REQUIRE(model.size() >= 2U);  // the garage question (assigned) and a callback (claimed)
  BOOST_TEST(model.size() == model.count(InboxView::Mine));
  for (std::size_t i = 0; i < model.size(); ++i) {
    BOOST_TEST(model.cell(i, Column::Assignee) == "Erik Brekke");
    BOOST_TEST(!model.cell(i, Column::Citizen).empty());
    BOOST_TEST(model.cell(i, Column::Subject).find('\n') == std::string::npos);
  }
  BOOST_TEST(InboxModel::label(view(InboxView::Mine), model.size()) ==
             "Mine (" + std::to_string(model.size()) + ")");
  BOOST_TEST(InboxModel::label(view(InboxView::Mine), std::nullopt) == "Mine");
}

BOOST_AUTO_TEST_CASE(the_figures_count_each_channel_view_as_the_list_shows_it) {
  test::DemoProfile demo;
  const auto figures = figures_of(demo.ws(), "erik");
  InboxModel model(demo.ws(), "erik");
  std::size_t channels_with_conversations = 0;
  for (const auto& [channel, count] : figures.channel_counts) {
    const ListChoice choice{ListChoice::Kind::Channel, InboxView::All, channel, {}};
    model.choose(choice);
    BOOST_TEST(model.size() == count);
    channels_with_conversations += count > 0 ? 1 : 0;
    BOOST_TEST(InboxModel::label(choice, count) ==
               InboxModel::label(choice, std::nullopt) + " (" + std::to_string(count) + ")");
  }
  BOOST_TEST(figures.channel_counts.size() == 6U);

  // A reply queued (here as SMS, from a mail conversation) waits until a channel sends it.
  const auto mine = demo.ws().store().list(InboxView::Mine, demo.ws().scope_for("erik"));
  BOOST_REQUIRE(!mine.empty());
  BOOST_REQUIRE(demo.ws()
                    .execute(mine.front().id,
                             QueueReply{"", "Vi ringjer.", Channel::Sms, Party{"", "+4791234567"}},
                             "erik")
                    .decision.accepted());
  BOOST_TEST(figures_of(demo.ws(), "erik").replies_waiting == figures.replies_waiting + 1);
  BOOST_TEST(channels_with_conversations >= 3U);  // the demo has mail, SMS, Facebook, callbacks
}

BOOST_AUTO_TEST_CASE(a_handover_shows_whom_it_waits_for) {
  test::DemoProfile demo;
  InboxModel model(demo.ws(), "tone");  // Byggesak's lead; the Instagram market waits for Byggesak
  model.choose(view(InboxView::Handovers));
  BOOST_REQUIRE(model.size() >= 1U);
  BOOST_TEST(model.cell(0, Column::Status) == "waiting for Byggesak to accept");
}

BOOST_AUTO_TEST_CASE(rows_beyond_the_first_page_are_read_when_asked_for) {
  test::DemoProfile demo;
  InboxModel model(demo.ws(), "erik");
  model.choose(view(InboxView::All));
  const auto n = model.size();
  BOOST_REQUIRE(n > 10U);
  const auto last_id = model.row(n - 1).id;
  const auto first_id = model.row(0).id;
  BOOST_TEST(last_id != first_id);
  BOOST_TEST(model.index_of(last_id).value_or(0) == n - 1);
  BOOST_TEST(!model.index_of("no-such-conversation").has_value());
}

BOOST_AUTO_TEST_CASE(search_finds_words_as_typed_and_says_when_nothing_matches) {
  test::DemoProfile demo;
  InboxModel model(demo.ws(), "erik");
  model.choose(ListChoice{ListChoice::Kind::Search, InboxView::All, {}, "garas"});
  BOOST_REQUIRE(model.size() >= 1U);
  model.choose(ListChoice{ListChoice::Kind::Search, InboxView::All, {}, "zzqxnothing"});
  BOOST_TEST(model.size() == 0U);
  BOOST_TEST(model.empty_text() == "Nothing matches the search.");
  model.choose(ListChoice{ListChoice::Kind::Search, InboxView::All, {}, ""});
  BOOST_TEST(model.empty_text() == "Type to search subjects, messages and senders.");
}

BOOST_AUTO_TEST_CASE(a_channel_view_holds_only_that_channels_open_conversations) {
  test::DemoProfile demo;
  InboxModel model(demo.ws(), "lars");
  model.choose(ListChoice{ListChoice::Kind::Channel, InboxView::All, Channel::Instagram, {}});
  BOOST_REQUIRE(model.size() >= 1U);
  for (std::size_t i = 0; i < model.size(); ++i) {
    BOOST_TEST((model.row(i).channel == Channel::Instagram));
    BOOST_TEST((model.row(i).status == ConversationStatus::Open));
    BOOST_TEST(model.cell(i, Column::Channel) == "Instagram");
  }
}

BOOST_AUTO_TEST_CASE(urgency_follows_the_deadline_and_the_due_soon_horizon) {
  ViewScope scope;
  scope.now = Instant{std::chrono::hours{1000}};
  scope.due_soon_until = scope.now + std::chrono::hours{6};
  ConversationSummary row;
  BOOST_TEST((urgency_of(row, scope) == Urgency::None));
  row.deadline = scope.now - std::chrono::minutes{1};
  BOOST_TEST((urgency_of(row, scope) == Urgency::Overdue));
  row.deadline = scope.now + std::chrono::hours{2};
  BOOST_TEST((urgency_of(row, scope) == Urgency::DueSoon));
  row.deadline = scope.now + std::chrono::hours{30};
  BOOST_TEST((urgency_of(row, scope) == Urgency::Later));
  row.status = ConversationStatus::Closed;
  row.deadline = scope.now - std::chrono::hours{2};
  BOOST_TEST((urgency_of(row, scope) == Urgency::None));
}

BOOST_AUTO_TEST_CASE(empty_views_say_what_they_mean) {
  test::DemoProfile demo;
  InboxModel model(demo.ws(), "it");  // the administrator has no cases
  model.choose(view(InboxView::Mine));
  BOOST_TEST(model.size() == 0U);
  BOOST_TEST(model.empty_text().find("Claim a conversation") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
