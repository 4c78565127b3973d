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

BOOST_AUTO_TEST_SUITE_END()
