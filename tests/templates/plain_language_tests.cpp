// Plain-language hints, language detection, SMS estimates with long values and version diffs.
#include <boost/test/unit_test.hpp>

#include "oslo_zone.h"
#include "samla/templates/language_detection.h"
#include "samla/templates/plain_language.h"
#include "samla/templates/sms_estimate.h"
#include "samla/templates/text_diff.h"

using namespace samla;

namespace {

std::vector<Hint> of_kind(const std::vector<Hint>& hints, HintKind kind) {
  std::vector<Hint> out;
  for (const auto& h : hints) {
    if (h.kind == kind) out.push_back(h);
  }
  return out;
}

HintOptions options(Language language) {
  HintOptions o;
  o.officialese = starter_officialese(language);
  return o;
}

std::string words(std::size_t n) {
  std::string out;
  for (std::size_t i = 0; i < n; ++i) out += i == 0 ? "ord" : " ord";
  return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(PlainLanguage)

BOOST_AUTO_TEST_CASE(sentences_over_25_words) {
  const auto ok =
      plain_language_hints(words(25) + ".", Language::Nynorsk, options(Language::Nynorsk));
  BOOST_CHECK(of_kind(ok, HintKind::LongSentence).empty());
  const auto text = "Kort. " + words(26) + ". Kort igjen.";
  const auto hints =
      of_kind(plain_language_hints(text, Language::Nynorsk, options(Language::Nynorsk)),
              HintKind::LongSentence);
  BOOST_REQUIRE_EQUAL(hints.size(), 1U);
  BOOST_CHECK_EQUAL(hints[0].offset, 6U);
  BOOST_CHECK_EQUAL(hints[0].length, words(26).size());
  BOOST_CHECK_EQUAL(hints[0].message(),
                    "this sentence has 26 words; sentences of up to 25 words are easier to read");
  // A placeholder is one word; a blank line ends a sentence.
  const auto with_placeholder = plain_language_hints(words(24) + " {citizen.name}\n\n" + words(3),
                                                     Language::Nynorsk, options(Language::Nynorsk));
  BOOST_CHECK(of_kind(with_placeholder, HintKind::LongSentence).empty());
}

BOOST_AUTO_TEST_CASE(very_long_words) {
  const std::string text = "Sjå eigedomsskatteutskrivinga for 2026.";
  const auto hints =
      of_kind(plain_language_hints(text, Language::Nynorsk, options(Language::Nynorsk)),
              HintKind::LongWord);
  BOOST_REQUIRE_EQUAL(hints.size(), 1U);
  BOOST_CHECK_EQUAL(text.substr(hints[0].offset, hints[0].length), "eigedomsskatteutskrivinga");
  // Letters, not bytes: 20 letters with æøå is not over the limit.
  BOOST_CHECK(of_kind(plain_language_hints("søknadsbehandlingane", Language::Nynorsk, {}),
                      HintKind::LongWord)
                  .empty());
}

BOOST_AUTO_TEST_CASE(officialese_with_plain_alternatives_in_nn_and_nb) {
  const auto nb = of_kind(plain_language_hints("Vedrørende din henvendelse: I henhold til reglene.",
                                               Language::Bokmal, options(Language::Bokmal)),
                          HintKind::Officialese);
  BOOST_REQUIRE_EQUAL(nb.size(), 3U);
  BOOST_CHECK_EQUAL(nb[0].message(), "«Vedrørende» is officialese; try «om»");
  BOOST_CHECK_EQUAL(nb[1].args[0], "henvendelse");
  BOOST_CHECK_EQUAL(nb[2].args[0], "I henhold til");
  BOOST_CHECK_EQUAL(nb[2].args[1], "etter");
  const auto nn = of_kind(plain_language_hints("Dersom du har spørsmål vedkomande saka.",
                                               Language::Nynorsk, options(Language::Nynorsk)),
                          HintKind::Officialese);
  BOOST_REQUIRE_EQUAL(nn.size(), 2U);
  BOOST_CHECK_EQUAL(nn[0].args[1], "viss");
  // Whole words only: "dersomt" is not "dersom".
  BOOST_CHECK(
      of_kind(plain_language_hints("dersomt", Language::Nynorsk, options(Language::Nynorsk)),
              HintKind::Officialese)
          .empty());
}

BOOST_AUTO_TEST_CASE(the_officialese_list_is_configurable) {
  const auto list =
      parse_officialese("# eigen liste\nsakshandsaming = arbeidet med saka\n\nugyldig\n");
  BOOST_REQUIRE_EQUAL(list.size(), 1U);
  HintOptions o;
  o.officialese = list;
  const auto hints = of_kind(plain_language_hints("Sakshandsaming tek tid.", Language::Nynorsk, o),
                             HintKind::Officialese);
  BOOST_REQUIRE_EQUAL(hints.size(), 1U);
  BOOST_CHECK_EQUAL(hints[0].args[1], "arbeidet med saka");
}

BOOST_AUTO_TEST_CASE(passive_constructions_where_detectable) {
  const auto nb =
      of_kind(plain_language_hints("Søknaden blir behandlet i mai. Skjemaet må sendes inn.",
                                   Language::Bokmal, {}),
              HintKind::Passive);
  BOOST_REQUIRE_EQUAL(nb.size(), 2U);
  BOOST_CHECK_EQUAL(nb[0].args[0], "blir behandlet");
  BOOST_CHECK_EQUAL(nb[1].args[0], "må sendes");
  const auto nn = of_kind(plain_language_hints("Søknaden vert handsama. Skjemaet må sendast inn.",
                                               Language::Nynorsk, {}),
                          HintKind::Passive);
  BOOST_REQUIRE_EQUAL(nn.size(), 2U);
  BOOST_CHECK_EQUAL(nn[1].args[0], "må sendast");
  const auto en =
      of_kind(plain_language_hints("Your application was received and is not processed yet.",
                                   Language::English, {}),
              HintKind::Passive);
  BOOST_REQUIRE_EQUAL(en.size(), 2U);
  BOOST_CHECK_EQUAL(en[1].args[0], "is not processed");
  // Active sentences give nothing.
  BOOST_CHECK(
      of_kind(plain_language_hints("Vi behandler søknaden din i mai.", Language::Bokmal, {}),
              HintKind::Passive)
          .empty());
}

BOOST_AUTO_TEST_CASE(clear_text_gives_no_hints) {
  BOOST_CHECK(plain_language_hints("Takk for meldinga di. Du får svar innan {deadline}.",
                                   Language::Nynorsk, options(Language::Nynorsk))
                  .empty());
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(LanguageDetection)

BOOST_AUTO_TEST_CASE(nynorsk_bokmal_and_english) {
  BOOST_CHECK(detect_language("Hei! Eg lurer på kva som skjer med søknaden min. Eg har ikkje "
                              "fått svar frå dykk.") == Language::Nynorsk);
  BOOST_CHECK(detect_language("Hei! Jeg lurer på hva som skjer med søknaden min. Jeg har ikke "
                              "fått svar fra dere.") == Language::Bokmal);
  BOOST_CHECK(detect_language("Hello, I would like to know when the pool opens. Thank you!") ==
              Language::English);
}

BOOST_AUTO_TEST_CASE(too_little_text_gives_no_answer) {
  BOOST_CHECK(!detect_language(""));
  BOOST_CHECK(!detect_language("Hei"));
  BOOST_CHECK(!detect_language("Søknad om barnehageplass"));
  // As many nynorsk as bokmål markers: undecided.
  BOOST_CHECK(!detect_language("ikkje ikke eg jeg"));
}

BOOST_AUTO_TEST_CASE(the_known_form_wins_then_the_text_then_the_administration_language) {
  BOOST_CHECK(answer_language("nb", "Eg har ikkje fått svar frå dykk", Language::Nynorsk) ==
              Language::Bokmal);
  BOOST_CHECK(answer_language("", "Eg har ikkje fått svar frå dykk", Language::Bokmal) ==
              Language::Nynorsk);
  BOOST_CHECK(answer_language("", "Hei", Language::Bokmal) == Language::Bokmal);
  BOOST_CHECK(answer_language("de", "Hei", Language::Nynorsk) == Language::Nynorsk);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(SmsEstimate)

BOOST_AUTO_TEST_CASE(warns_when_placeholders_may_push_over_a_segment) {
  const test::Oslo oslo;
  TemplateValues short_values;
  short_values["department"] = std::string("IT");
  short_values["citizen.name"] = std::string("Ola");
  const std::string text = std::string(100, 'a') + " {department} {citizen.name}";
  const auto estimate = estimate_sms(text, Language::Nynorsk, short_values, oslo);
  BOOST_CHECK_EQUAL(estimate.with_values.segments, 1U);
  BOOST_CHECK_EQUAL(estimate.longest.segments, 2U);
  BOOST_CHECK(estimate.may_exceed());
  const auto safe =
      estimate_sms("Vi ringjer {callback_time}.", Language::Nynorsk, short_values, oslo);
  BOOST_CHECK(!safe.may_exceed());
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(TextDiff)

BOOST_AUTO_TEST_CASE(lines_added_removed_and_kept) {
  const auto diff = diff_lines("Hei!\nTakk.\nHelsing", "Hei!\nTusen takk.\nHelsing");
  BOOST_REQUIRE_EQUAL(diff.size(), 4U);
  BOOST_CHECK(diff[0].op == DiffLine::Op::Same);
  BOOST_CHECK(diff[1].op == DiffLine::Op::Removed);
  BOOST_CHECK_EQUAL(diff[1].text, "Takk.");
  BOOST_CHECK(diff[2].op == DiffLine::Op::Added);
  BOOST_CHECK_EQUAL(diff[2].text, "Tusen takk.");
  BOOST_CHECK(diff[3].op == DiffLine::Op::Same);
  BOOST_CHECK_EQUAL(diff_lines("", "a\nb").size(), 2U);
  BOOST_CHECK(diff_lines("a", "").at(0).op == DiffLine::Op::Removed);
}

BOOST_AUTO_TEST_SUITE_END()
