// The template language: every placeholder in each language, missing values and conditional
// text, and errors at save time with their line and column.
#include <boost/test/unit_test.hpp>

#include "oslo_zone.h"
#include "samla/templates/default_templates.h"
#include "samla/templates/rendering.h"
#include "samla/templates/template_syntax.h"

using namespace samla;

namespace {

const test::Oslo kOslo;

TemplateValues full_values() {
  TemplateValues v;
  v["citizen.name"] = std::string("Kari Nordmann");
  v["deadline"] = test::monday_7_december_2026_1500();
  v["promised_date"] = test::monday_7_december_2026_1500() + std::chrono::days{7};
  v["callback_time"] = test::monday_7_december_2026_1500() - std::chrono::hours{4};
  v["today"] = test::monday_7_december_2026_1500() - std::chrono::days{3};
  v["department"] = std::string("Byggesak");
  v["caseworker"] = std::string("Erik Brekke");
  v["reference"] = std::string("SAM-1A2B3C4D");
  v["subject"] = std::string("Garasje");
  v["contact.phone"] = std::string("12 34 56 78");
  v["contact.email"] = std::string("post@eksempel.kommune.no");
  v["municipality"] = std::string("Eksempel kommune");
  v["reason"] = std::string("vi må spørje Plan først");
  return v;
}

std::string render(std::string_view text, Language language, const TemplateValues& values) {
  const auto r = render_text(text, values, language, kOslo);
  BOOST_REQUIRE_MESSAGE(r.ok(), "the text should parse: " + std::string(text));
  return r.text;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(TemplateEngine)

BOOST_AUTO_TEST_CASE(every_placeholder_in_the_catalogue_renders) {
  const auto values = full_values();
  for (const auto& p : placeholder_catalogue()) {
    const auto text = "{" + std::string(p.name) + "}";
    const auto out = render(text, Language::Nynorsk, values);
    BOOST_TEST_CONTEXT(p.name) {
      BOOST_CHECK(!out.empty());
      BOOST_CHECK(out != text);
      BOOST_CHECK(!p.description.empty());
    }
  }
  BOOST_CHECK_EQUAL(render("{citizen.name}", Language::Nynorsk, values), "Kari Nordmann");
  BOOST_CHECK_EQUAL(render("{department}/{caseworker}/{reference}", Language::Nynorsk, values),
                    "Byggesak/Erik Brekke/SAM-1A2B3C4D");
  BOOST_CHECK_EQUAL(render("{contact.phone} {contact.email} {municipality} {subject} {reason}",
                           Language::English, values),
                    "12 34 56 78 post@eksempel.kommune.no Eksempel kommune Garasje vi må spørje "
                    "Plan først");
}

BOOST_AUTO_TEST_CASE(dates_are_written_in_the_template_language) {
  const auto values = full_values();
  BOOST_CHECK_EQUAL(render("{deadline}", Language::Nynorsk, values), "måndag 7. desember 2026");
  BOOST_CHECK_EQUAL(render("{deadline}", Language::Bokmal, values), "mandag 7. desember 2026");
  BOOST_CHECK_EQUAL(render("{deadline}", Language::English, values), "Monday 7 December 2026");
  BOOST_CHECK_EQUAL(render("{promised_date}", Language::Nynorsk, values),
                    "måndag 14. desember 2026");
  BOOST_CHECK_EQUAL(render("{today}", Language::Bokmal, values), "fredag 4. desember 2026");
  BOOST_CHECK_EQUAL(render("{callback_time}", Language::Nynorsk, values),
                    "måndag 7. desember 2026 kl. 11:00");
  BOOST_CHECK_EQUAL(render("{callback_time}", Language::Bokmal, values),
                    "mandag 7. desember 2026 kl. 11:00");
  BOOST_CHECK_EQUAL(render("{callback_time}", Language::English, values),
                    "Monday 7 December 2026 at 11:00");
  // Late in the evening UTC is already the next day in Oslo.
  TemplateValues late;
  late["deadline"] =
      test::monday_7_december_2026_1500() + std::chrono::hours{9} + std::chrono::minutes{30};
  BOOST_CHECK_EQUAL(render("{deadline}", Language::Nynorsk, late), "tysdag 8. desember 2026");
}

BOOST_AUTO_TEST_CASE(missing_values_take_the_conditional_text) {
  const std::string text =
      "{if citizen.name}Hei, {citizen.name}!{else}Hei!{end} Ring {contact.phone|oss}.";
  TemplateValues none;
  BOOST_CHECK_EQUAL(render(text, Language::Nynorsk, none), "Hei! Ring oss.");
  BOOST_CHECK_EQUAL(render(text, Language::Nynorsk, full_values()),
                    "Hei, Kari Nordmann! Ring 12 34 56 78.");
  // Empty text is missing too.
  TemplateValues empty;
  empty["citizen.name"] = std::string();
  BOOST_CHECK_EQUAL(render(text, Language::Nynorsk, empty), "Hei! Ring oss.");
  // {if} without {else}, and nested blocks.
  BOOST_CHECK_EQUAL(
      render("a{if caseworker}b{if department}c{end}{end}d", Language::Nynorsk, full_values()),
      "abcd");
  BOOST_CHECK_EQUAL(render("a{if caseworker}b{end}d", Language::Nynorsk, none), "ad");
}

BOOST_AUTO_TEST_CASE(a_missing_value_without_fallback_is_reported) {
  const auto r = render_text("Hei {citizen.name}, svar innan {deadline}. {citizen.name}",
                             TemplateValues{}, Language::Nynorsk, kOslo);
  BOOST_REQUIRE(r.ok());
  BOOST_CHECK_EQUAL(r.text, "Hei , svar innan . ");
  BOOST_REQUIRE_EQUAL(r.missing.size(), 2U);
  BOOST_CHECK_EQUAL(r.missing[0], "citizen.name");
  BOOST_CHECK_EQUAL(r.missing[1], "deadline");
}

BOOST_AUTO_TEST_CASE(literal_braces_are_doubled) {
  BOOST_CHECK_EQUAL(render("{{ikkje ein plasshaldar}} {{}}", Language::Nynorsk, {}),
                    "{ikkje ein plasshaldar} {}");
}

BOOST_AUTO_TEST_CASE(unknown_placeholders_are_errors_with_their_position) {
  const auto parsed = parse_template("Hei!\nSvar innan {dedline}.\n{citizen.name}");
  BOOST_REQUIRE_EQUAL(parsed.errors.size(), 1U);
  const auto& e = parsed.errors[0];
  BOOST_CHECK_EQUAL(e.line, 2U);
  BOOST_CHECK_EQUAL(e.column, 12U);
  BOOST_CHECK_EQUAL(e.offset, 16U);
  BOOST_CHECK_EQUAL(e.message(), "unknown placeholder {dedline}");
  BOOST_CHECK_EQUAL(e.text(), "line 2, column 12: unknown placeholder {dedline}");
}

BOOST_AUTO_TEST_CASE(columns_count_characters_not_bytes) {
  // "Hei på deg " is 11 characters but 12 bytes.
  const auto parsed = parse_template("Hei på deg {namn}");
  BOOST_REQUIRE_EQUAL(parsed.errors.size(), 1U);
  BOOST_CHECK_EQUAL(parsed.errors[0].column, 12U);
  BOOST_CHECK_EQUAL(parsed.errors[0].offset, 12U);
}

BOOST_AUTO_TEST_CASE(unbalanced_braces_are_errors_with_their_position) {
  {
    const auto parsed = parse_template("Hei {citizen.name");
    BOOST_REQUIRE_EQUAL(parsed.errors.size(), 1U);
    BOOST_CHECK_EQUAL(parsed.errors[0].column, 5U);
    BOOST_CHECK_EQUAL(parsed.errors[0].message(),
                      "'{' is not closed with '}' (write '{{' for a brace)");
  }
  {
    // A '{' closed only on a later line is not closed.
    const auto parsed = parse_template("Hei {citizen.name\n}");
    BOOST_REQUIRE_EQUAL(parsed.errors.size(), 2U);
    BOOST_CHECK_EQUAL(parsed.errors[0].line, 1U);
    BOOST_CHECK_EQUAL(parsed.errors[1].line, 2U);
    BOOST_CHECK_EQUAL(parsed.errors[1].column, 1U);
  }
  {
    const auto parsed = parse_template("Hei} der");
    BOOST_REQUIRE_EQUAL(parsed.errors.size(), 1U);
    BOOST_CHECK_EQUAL(parsed.errors[0].column, 4U);
  }
  {
    const auto parsed = parse_template("a {{b} c");
    BOOST_REQUIRE_EQUAL(parsed.errors.size(), 1U);  // "{{" is a brace; "}" stands alone
    BOOST_CHECK_EQUAL(parsed.errors[0].column, 6U);
  }
  {
    const auto parsed = parse_template("{ }");
    BOOST_REQUIRE_EQUAL(parsed.errors.size(), 1U);
  }
}

BOOST_AUTO_TEST_CASE(unbalanced_conditionals_are_errors) {
  BOOST_CHECK_EQUAL(parse_template("{if citizen.name}Hei").errors.size(), 1U);
  BOOST_CHECK_EQUAL(parse_template("{if citizen.name}Hei").errors[0].column, 1U);
  BOOST_CHECK_EQUAL(parse_template("Hei{end}").errors.size(), 1U);
  BOOST_CHECK_EQUAL(parse_template("Hei{else}").errors.size(), 1U);
  BOOST_CHECK_EQUAL(parse_template("{if citizen.name}a{else}b{else}c{end}").errors.size(), 1U);
  BOOST_CHECK_EQUAL(parse_template("{if}a{end}").errors.size(), 1U);
  const auto unknown = parse_template("{if kunde}a{end}");
  BOOST_REQUIRE_EQUAL(unknown.errors.size(), 1U);
  BOOST_CHECK_EQUAL(unknown.errors[0].message(), "unknown placeholder {kunde}");
  BOOST_CHECK(parse_template("{if citizen.name}a{else}b{end}").ok());
}

BOOST_AUTO_TEST_CASE(several_errors_are_all_reported_in_text_order) {
  const auto parsed = parse_template("{x} og {y}\n}");
  BOOST_REQUIRE_EQUAL(parsed.errors.size(), 3U);
  BOOST_CHECK_EQUAL(parsed.errors[0].column, 1U);
  BOOST_CHECK_EQUAL(parsed.errors[1].column, 8U);
  BOOST_CHECK_EQUAL(parsed.errors[2].line, 2U);
}

BOOST_AUTO_TEST_CASE(placeholders_used_lists_each_once) {
  const auto parsed = parse_template("{deadline} {if citizen.name}{citizen.name}{end} {deadline}");
  BOOST_REQUIRE(parsed.ok());
  const auto used = placeholders_used(parsed.nodes);
  BOOST_REQUIRE_EQUAL(used.size(), 2U);
  BOOST_CHECK_EQUAL(used[0], "deadline");
  BOOST_CHECK_EQUAL(used[1], "citizen.name");
}

BOOST_AUTO_TEST_CASE(the_language_falls_back_to_the_administration_language) {
  std::map<std::string, TemplateText> texts{{"nb", {"", "bokmål"}}, {"en", {"", "English"}}};
  BOOST_CHECK(pick_language(texts, Language::English, Language::Nynorsk) == Language::English);
  BOOST_CHECK(pick_language(texts, Language::Nynorsk, Language::Bokmal) == Language::Bokmal);
  BOOST_CHECK(pick_language(texts, Language::Nynorsk, Language::Nynorsk) == Language::Bokmal);
  BOOST_CHECK(!pick_language({}, Language::Nynorsk, Language::Nynorsk));
  BOOST_CHECK_THROW((void)render_message({}, Language::Nynorsk, Language::Nynorsk, {}, kOslo),
                    std::invalid_argument);
}

BOOST_AUTO_TEST_CASE(shipped_templates_parse_and_render_in_every_language) {
  BOOST_REQUIRE_GE(default_templates().size(), 4U);
  for (const auto& t : default_templates()) {
    for (const auto* code : {"nn", "nb", "en"}) {
      BOOST_TEST_CONTEXT(t.id << " " << code) {
        const auto it = t.content.texts.find(code);
        BOOST_REQUIRE(it != t.content.texts.end());
        BOOST_CHECK(parse_template(it->second.subject).ok());
        BOOST_CHECK(parse_template(it->second.body).ok());
        const auto m = render_message(t.content.texts, *language_from_code(code), Language::Nynorsk,
                                      full_values(), kOslo);
        BOOST_CHECK(m.missing.empty());
        BOOST_CHECK(m.body.find('{') == std::string::npos);
        // Nothing is left half-written when the name is not known.
        auto without_name = full_values();
        without_name.erase("citizen.name");
        const auto anonymous = render_message(t.content.texts, *language_from_code(code),
                                              Language::Nynorsk, without_name, kOslo);
        BOOST_CHECK(anonymous.missing.empty());
      }
    }
  }
  const auto* auto_reply = find_default_template("auto-reply-email");
  BOOST_REQUIRE(auto_reply != nullptr);
  const auto nn = render_message(auto_reply->content.texts, Language::Nynorsk, Language::Nynorsk,
                                 full_values(), kOslo);
  BOOST_CHECK(
      nn.body.starts_with("Hei, Kari Nordmann!\n\nTakk for at du skreiv til Eksempel "
                          "kommune."));
  BOOST_CHECK(nn.body.find("du får svar innan måndag 7. desember 2026.") != std::string::npos);
  // A municipality that has not set its name yet still gets a whole sentence.
  auto unnamed = full_values();
  unnamed.erase("municipality");
  for (const auto language : {Language::Nynorsk, Language::Bokmal, Language::English}) {
    const auto m =
        render_message(auto_reply->content.texts, language, Language::Nynorsk, unnamed, kOslo);
    BOOST_CHECK(m.body.find(" til .") == std::string::npos);
    BOOST_CHECK(m.body.find(" to .") == std::string::npos);
    BOOST_CHECK(m.body.find(language == Language::English ? "writing to us." : "til oss.") !=
                std::string::npos);
  }
}

BOOST_AUTO_TEST_SUITE_END()
