// The Templates window's logic without a window: who may open it, the list, live checks and
// preview, save with errors in plain words, history with diffs, retire.
#include <boost/test/unit_test.hpp>

#include "demo_fixture.h"
#include "template_editor.h"

using namespace samla;
using namespace samla::app;

BOOST_AUTO_TEST_SUITE(TemplateEditorTests)

BOOST_AUTO_TEST_CASE(only_comms_staff_and_admins_may_edit) {
  test::DemoProfile demo;
  BOOST_TEST(!TemplateEditor(demo.ws(), "anne").refusal().has_value());
  const auto refused = TemplateEditor(demo.ws(), "lars").refusal();
  BOOST_REQUIRE(refused.has_value());
  BOOST_TEST(*refused == "only communications staff and administrators can change templates");
}

BOOST_AUTO_TEST_CASE(lists_by_kind_and_channel_with_retired_ones) {
  test::DemoProfile demo;
  TemplateEditor editor(demo.ws(), "anne");
  const auto rows = editor.rows();
  BOOST_REQUIRE(!rows.empty());
  bool preliminary = false;
  for (const auto& r : rows) {
    BOOST_TEST(!r.name.empty());
    BOOST_TEST(!r.kind.empty());
    BOOST_TEST(!r.channel.empty());
    if (r.id == "preliminary-reply") {
      preliminary = true;
      BOOST_TEST(r.kind == "Preliminary reply");
      BOOST_TEST(r.channel == "Any channel");
    }
  }
  BOOST_TEST(preliminary);
  BOOST_TEST(!TemplateEditor::placeholders().empty());
  BOOST_TEST(TemplateEditor::placeholders().front().insert == "{citizen.name}");
}

BOOST_AUTO_TEST_CASE(edit_preview_save_and_see_the_diff) {
  test::DemoProfile demo;
  TemplateEditor editor(demo.ws(), "anne");
  BOOST_REQUIRE(editor.open("preliminary-reply"));
  const auto before = editor.draft().texts.at("nn");
  editor.set_text("nn", before.subject, before.body + "\nHelsing {department}");
  BOOST_TEST(editor.check("nn").ok());
  const auto sample = editor.preview("nn");
  BOOST_TEST(sample.find("{department}") == std::string::npos);
  BOOST_TEST(sample.find("Helsing Byggesak") != std::string::npos);  // the sample department
  BOOST_TEST(editor.preview("en").find("{") == std::string::npos);

  BOOST_TEST(!editor.save().has_value());
  BOOST_TEST(demo.ws().template_info("preliminary-reply")->version == 1);
  const auto history = editor.history_text();
  BOOST_TEST(history.find("Version 1 by anne") != std::string::npos);
  BOOST_TEST(history.find("+ Helsing {department}") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(errors_are_shown_with_their_position_and_nothing_is_saved) {
  test::DemoProfile demo;
  TemplateEditor editor(demo.ws(), "anne");
  BOOST_REQUIRE(editor.open("preliminary-reply"));
  editor.set_text("nn", "Svar", "Hei\n{citiz.name}");
  const auto check = editor.check("nn");
  BOOST_REQUIRE(!check.ok());
  BOOST_TEST(check.errors.front().find("line 2, column 1") != std::string::npos);
  const auto outcome = editor.save();
  BOOST_REQUIRE(outcome.has_value());
  BOOST_TEST(outcome->find("line 2, column 1") != std::string::npos);
  BOOST_TEST(demo.ws().template_info("preliminary-reply")->version == 0);
  BOOST_TEST(editor.preview("nn").find("line 2") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_caseworker_is_refused_with_the_rules_reason) {
  test::DemoProfile demo;
  TemplateEditor editor(demo.ws(), "lars");
  BOOST_REQUIRE(editor.open("preliminary-reply"));
  const auto outcome = editor.save();
  BOOST_REQUIRE(outcome.has_value());
  BOOST_TEST(outcome->find("only communications staff") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(sms_templates_count_segments_and_warn) {
  test::DemoProfile demo;
  TemplateEditor editor(demo.ws(), "anne");
  BOOST_REQUIRE(editor.open("callback-sms"));
  editor.set_text("nn", "", "Hei");
  auto check = editor.check("nn");
  BOOST_TEST(check.sms.find("1 SMS") == 0);
  BOOST_TEST(check.sms_warning.empty());
  editor.set_text("nn", "", std::string(200, 'a'));
  check = editor.check("nn");
  BOOST_TEST(check.sms.find("2 SMS") == 0);
  BOOST_TEST(!check.sms_warning.empty());
}

BOOST_AUTO_TEST_CASE(retire_takes_a_template_out_of_use) {
  test::DemoProfile demo;
  TemplateEditor editor(demo.ws(), "anne");
  BOOST_REQUIRE(editor.open("preliminary-reply"));
  BOOST_TEST(!editor.retire().has_value());
  BOOST_TEST(editor.retired());
  BOOST_TEST(demo.ws().template_info("preliminary-reply")->retired);
  BOOST_TEST(editor.retire().has_value());  // already retired: the reason, in words
  BOOST_TEST(editor.history_text().find("Retired by anne") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_new_template_gets_a_fresh_id_and_is_saved_only_with_text) {
  test::DemoProfile demo;
  TemplateEditor caseworker(demo.ws(), "lars");
  BOOST_TEST(caseworker.start_new(TemplateKind::Sms, Channel::Sms, "Ring").has_value());
  TemplateEditor editor(demo.ws(), "anne");
  BOOST_TEST(editor.start_new(TemplateKind::Sms, std::nullopt, "  ").has_value());  // no name
  BOOST_REQUIRE(
      !editor.start_new(TemplateKind::Sms, Channel::Sms, "Påminning om time").has_value());
  BOOST_TEST(editor.id() == "paminning-om-time");
  BOOST_TEST(editor.is_new());
  BOOST_TEST(editor.history_text() == "Not saved yet.");
  BOOST_TEST(editor.retire().has_value());  // nothing to retire yet
  BOOST_TEST(editor.save().has_value());    // no text in any language
  editor.set_text("nn", "", "Hei {citizen.name}, du har time {promised_date}.");
  BOOST_TEST(editor.preview("nn").find("{") == std::string::npos);
  BOOST_TEST(!editor.check("nn").sms.empty());  // an SMS template counts segments
  BOOST_REQUIRE(!editor.save().has_value());
  BOOST_TEST(!editor.is_new());
  const auto saved = demo.ws().template_info("paminning-om-time");
  BOOST_REQUIRE(saved.has_value());
  BOOST_TEST(saved->version == 1);
  BOOST_TEST((saved->content.kind == TemplateKind::Sms));
  BOOST_TEST((saved->content.channel == Channel::Sms));
  // The same name again: another id, the first one untouched.
  BOOST_REQUIRE(!editor.start_new(TemplateKind::ReplySnippet, std::nullopt, "Påminning om time"));
  BOOST_TEST(editor.id() == "paminning-om-time-2");
}

BOOST_AUTO_TEST_CASE(template_ids_from_names) {
  BOOST_TEST(template_id_from_name("Svar på søknad om løyve") == "svar-pa-soknad-om-loyve");
  BOOST_TEST(template_id_from_name("Ærend -- NAV!") == "aerend-nav");
  BOOST_TEST(template_id_from_name("???") == "template");
  BOOST_TEST(template_id_from_name(std::string(100, 'x')).size() == 64U);
}

BOOST_AUTO_TEST_CASE(long_words_are_broken_so_a_label_can_wrap) {
  BOOST_TEST(break_long_words("kort ord", 4) == "kort ord");
  BOOST_TEST(break_long_words("abcdefghij kl", 4) == "abcd\nefgh\nij kl");
  // Characters, not bytes: "ø" is two bytes and never split.
  BOOST_TEST(break_long_words("øøøøø", 2) == "øø\nøø\nø");
  BOOST_TEST(break_long_words("ab\ncdef", 3) == "ab\ncde\nf");
}

BOOST_AUTO_TEST_CASE(preview_conversations_put_the_open_one_first_then_recent_open_ones) {
  test::DemoProfile demo;
  TemplateEditor editor(demo.ws(), "anne");
  const auto all = editor.preview_conversations({}, 5);
  BOOST_REQUIRE_EQUAL(all.size(), 5U);
  for (const auto& c : all) {
    BOOST_TEST(!c.label.empty());
    BOOST_TEST((demo.ws().store().conversation(c.id)->is_open()));
  }
  const auto with = editor.preview_conversations(all[3].id, 5);
  BOOST_REQUIRE_EQUAL(with.size(), 5U);
  BOOST_TEST(with[0].id == all[3].id);
  for (std::size_t i = 1; i < with.size(); ++i) BOOST_TEST(with[i].id != all[3].id);
  // Rendered against the chosen conversation, not the sample values.
  BOOST_REQUIRE(editor.open("preliminary-reply"));
  BOOST_TEST(editor.preview("nn", with[0].id) != editor.preview("nn"));
}

BOOST_AUTO_TEST_SUITE_END()
