// The template picker of the reply, preliminary-reply and SMS dialogs, and the SMS counter.
#include <boost/test/unit_test.hpp>

#include "demo_fixture.h"
#include "inbox_model.h"
#include "samla/templates/date_text.h"
#include "template_choice.h"

using namespace samla;
using namespace samla::app;

namespace {

std::string find_conversation(Workspace& ws, Channel channel) {
  InboxModel model(ws, "aud");
  model.choose(ListChoice{ListChoice::Kind::View, InboxView::All, {}, {}});
  for (std::size_t i = 0; i < model.size(); ++i) {
    if (model.row(i).channel == channel) return model.row(i).id;
  }
  throw std::runtime_error("no such conversation in the demo");
}

TemplateSaved snippet(std::optional<Channel> channel, const std::string& name,
                      const std::string& body) {
  TemplateSaved t;
  t.kind = TemplateKind::ReplySnippet;
  t.channel = channel;
  t.name = name;
  t.texts["nn"] = TemplateText{"", body};
  t.texts["nb"] = TemplateText{"", body};
  return t;
}

bool offers(const std::vector<TemplateOption>& options, const std::string& id) {
  for (const auto& o : options) {
    if (o.id == id) return true;
  }
  return false;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(TemplateChoiceTests)

BOOST_AUTO_TEST_CASE(offers_the_templates_of_the_kind_for_the_channel) {
  test::DemoProfile demo;
  auto& ws = demo.ws();
  BOOST_REQUIRE(
      ws.save_template("opening-hours", snippet(std::nullopt, "Opningstider", "Hei"), "anne")
          .accepted());
  BOOST_REQUIRE(
      ws.save_template("sms-only", snippet(Channel::Sms, "Berre SMS", "Hei"), "anne").accepted());

  const auto email = template_options(ws, TemplateKind::ReplySnippet, Channel::Email);
  BOOST_TEST(offers(email, "opening-hours"));
  BOOST_TEST(!offers(email, "sms-only"));
  BOOST_TEST(!offers(email, "preliminary-reply"));
  BOOST_TEST(offers(template_options(ws, TemplateKind::ReplySnippet, Channel::Sms), "sms-only"));
  BOOST_TEST(offers(template_options(ws, TemplateKind::PreliminaryReply, Channel::Email),
                    "preliminary-reply"));
  for (const auto& o : email) BOOST_TEST(!o.label.empty());

  BOOST_REQUIRE(!ws.retire_template("opening-hours", "anne").has_value());
  BOOST_TEST(
      !offers(template_options(ws, TemplateKind::ReplySnippet, Channel::Email), "opening-hours"));
}

BOOST_AUTO_TEST_CASE(a_draft_is_written_for_the_conversation) {
  test::DemoProfile demo;
  auto& ws = demo.ws();
  const auto id = find_conversation(ws, Channel::Email);
  const auto c = ws.store().conversation(id);
  BOOST_REQUIRE(c.has_value());
  BOOST_REQUIRE(
      ws.save_template("greeting", snippet(std::nullopt, "Helsing", "Hei {citizen.name}!"), "anne")
          .accepted());
  const auto draft = draft_from_template(ws, "greeting", id);
  BOOST_TEST(draft.problem.empty());
  BOOST_TEST(draft.body.find("{") == std::string::npos);
  if (!c->citizen.name.empty()) BOOST_TEST(draft.body == "Hei " + c->citizen.name + "!");
}

BOOST_AUTO_TEST_CASE(the_promised_date_fills_the_preliminary_reply) {
  test::DemoProfile demo;
  auto& ws = demo.ws();
  const auto id = find_conversation(ws, Channel::Email);
  const auto language = ws.answer_language_for(*ws.store().conversation(id));
  const date::year_month_day first{date::year{2026}, date::month{12}, date::day{4}};
  const date::year_month_day second{date::year{2026}, date::month{12}, date::day{11}};
  const auto calendar = ws.rules().calendar_for("innbyggjarservice");
  const auto a = draft_from_template(ws, "preliminary-reply", id, calendar.close_of(first));
  const auto b = draft_from_template(ws, "preliminary-reply", id, calendar.close_of(second));
  BOOST_TEST(a.problem.empty());
  BOOST_TEST(a.body.find(long_date(first, language)) != std::string::npos);
  BOOST_TEST(b.body.find(long_date(second, language)) != std::string::npos);
  BOOST_TEST(a.body.find("{promised_date}") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(an_unknown_template_gives_plain_words_not_an_exception) {
  test::DemoProfile demo;
  const auto id = find_conversation(demo.ws(), Channel::Email);
  const auto draft = draft_from_template(demo.ws(), "no-such-template", id);
  BOOST_TEST(draft.body.empty());
  BOOST_TEST(!draft.problem.empty());
}

BOOST_AUTO_TEST_CASE(the_sms_counter_shows_encoding_segments_and_warns_past_one) {
  const auto short_text = sms_counter("Hei, dette er kommunen.");
  BOOST_TEST(short_text.text.find("1 SMS") == 0);
  BOOST_TEST(short_text.text.find("GSM-7") != std::string::npos);
  BOOST_TEST(!short_text.over_one_segment());

  const auto exactly_one = sms_counter(std::string(160, 'a'));
  BOOST_TEST(!exactly_one.over_one_segment());
  BOOST_TEST(exactly_one.text.find(" 0 left") != std::string::npos);

  const auto two = sms_counter(std::string(161, 'a'));
  BOOST_TEST(two.over_one_segment());
  BOOST_TEST(two.text.find("2 SMS") == 0);

  // The euro sign costs two septets; an emoji needs UCS-2 in UTF-16 units.
  BOOST_TEST(sms_counter("€").text.find("2 characters") != std::string::npos);
  const auto emoji = sms_counter("Takk \xF0\x9F\x98\x80");
  BOOST_TEST(emoji.text.find("UCS-2") != std::string::npos);
  BOOST_TEST(emoji.text.find("7 units") != std::string::npos);

  BOOST_TEST(!sms_counter("").over_one_segment());
}

BOOST_AUTO_TEST_SUITE_END()
