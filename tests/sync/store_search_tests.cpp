// Full-text search: words, prefixes, senders, ranking, excerpts, and queries that try to break
// the FTS5 syntax.
#include <SQLiteCpp/SQLiteCpp.h>
#include <boost/test/unit_test.hpp>

#include <random>

#include "store_fixture.h"

using namespace samla;
using namespace samla::test;

namespace {

struct Fixture {
  Fixture() {
    auto a = email("<a@x>", "Søknad om tilbygg", "Eg vil byggje ein garasje ved huset.",
                   at(2026, 11, 23));
    auto b = email("<b@x>", "Eigedomsskatt", "Kvifor har skatten auka? Eg får ikkje svar.",
                   at(2026, 11, 24));
    b.from = {"Per Hansen", "per.hansen@example.no"};
    auto c = email("<c@x>", "Sv: Søknad om tilbygg", "Garasjen skal vere 50 m2. Takk for svar.",
                   at(2026, 11, 25));
    c.references = {"<a@x>"};
    auto d =
        email("<d@x>", "Barnehageplass", "Far til barnet spør om plass i Åsane.", at(2026, 11, 26));
    a_id = store.ingest(a).conversation_id;
    b_id = store.ingest(b).conversation_id;
    store.ingest(c);
    d_id = store.ingest(d).conversation_id;
  }
  std::vector<std::string> ids(const std::string& query) const {
    std::vector<std::string> out;
    for (const auto& hit : store.search(query)) out.push_back(hit.summary.id);
    return out;
  }
  samla::Store store{":memory:", test_options()};
  std::string a_id, b_id, d_id;
};

}  // namespace

BOOST_AUTO_TEST_SUITE(StoreSearch)

BOOST_FIXTURE_TEST_CASE(finds_words_in_subjects_bodies_and_senders, Fixture) {
  BOOST_CHECK((ids("tilbygg") == std::vector<std::string>{a_id}));  // once per conversation
  BOOST_CHECK((ids("skatten") == std::vector<std::string>{b_id}));
  BOOST_CHECK((ids("hansen") == std::vector<std::string>{b_id}));
  BOOST_CHECK((ids("per.hansen@example.no") == std::vector<std::string>{b_id}));
  BOOST_CHECK((ids("garasje svar") == std::vector<std::string>{a_id}));  // all words required
  BOOST_CHECK(ids("garasje barnehageplass").empty());
}

BOOST_FIXTURE_TEST_CASE(words_match_as_prefixes_and_ignore_case, Fixture) {
  BOOST_CHECK((ids("GARAS") == std::vector<std::string>{a_id}));
  BOOST_CHECK((ids("eigedom") == std::vector<std::string>{b_id}));
  BOOST_CHECK((ids("åsane") == std::vector<std::string>{d_id}));
}

BOOST_FIXTURE_TEST_CASE(norwegian_letters_are_letters_of_their_own, Fixture) {
  BOOST_CHECK((ids("får") == std::vector<std::string>{b_id}));
  BOOST_CHECK((ids("far") == std::vector<std::string>{d_id}));
}

BOOST_FIXTURE_TEST_CASE(best_match_first_with_a_marked_excerpt, Fixture) {
  const auto hits = store.search("svar");
  BOOST_REQUIRE_EQUAL(hits.size(), 2U);
  for (const auto& hit : hits) {
    BOOST_TEST_MESSAGE(hit.summary.id << ": " << hit.excerpt);
    BOOST_CHECK(hit.excerpt.find("[svar]") != std::string::npos);
  }
  // The subject weighs most: "Søknad" is in two subjects of a and in none of the others' text.
  const auto subject_hits = store.search("søknad");
  BOOST_REQUIRE_EQUAL(subject_hits.size(), 1U);
  BOOST_CHECK(subject_hits[0].excerpt.find("[Søknad]") != std::string::npos);
  BOOST_CHECK_EQUAL(subject_hits[0].summary.subject, "Søknad om tilbygg");
  BOOST_CHECK_EQUAL(store.search("svar", 1).size(), 1U);
}

BOOST_FIXTURE_TEST_CASE(hostile_queries_never_fail, Fixture) {
  for (const char* query : {"\"",
                            "\"\"",
                            "AND(",
                            "-",
                            "*",
                            "NEAR(garasje svar)",
                            "subject:garasje",
                            "'",
                            ")",
                            "(",
                            "^",
                            "garasje OR",
                            "OR",
                            "NOT",
                            "\\",
                            "{subject body}: x",
                            "garasje\"*",
                            "a\" OR \"b",
                            "''; DROP TABLE events; --",
                            "   ",
                            "",
                            "😀",
                            "«»",
                            "+",
                            "%",
                            "_",
                            "garasje -svar"}) {
    BOOST_TEST_CONTEXT(query) { BOOST_CHECK_NO_THROW((void)store.search(query)); }
  }
  BOOST_CHECK((ids("subject:garasje").empty()));
  BOOST_CHECK((ids("garasje\"*") == std::vector<std::string>{a_id}));
  BOOST_CHECK(ids("   ").empty());

  std::mt19937 random(20261123);
  for (int round = 0; round < 300; ++round) {
    std::string query;
    const auto length = random() % 24;
    for (unsigned i = 0; i < length; ++i) query.push_back(static_cast<char>(random() % 256));
    try {
      (void)store.search(query);
    } catch (const std::exception& error) {
      std::string hex;
      for (const unsigned char c : query) hex += std::to_string(c) + " ";
      BOOST_ERROR("query bytes " << hex << "failed: " << error.what());
    }
  }
  BOOST_CHECK_EQUAL(store.count(InboxView::All, {}), 3U);
}

BOOST_AUTO_TEST_CASE(excerpts_mask_national_identity_numbers) {
  samla::Store store(":memory:", test_options());
  store.ingest(
      email("<a@x>", "Skjema", "Personnummer 01019010046 gjeld søknaden.", at(2026, 11, 23)));
  const auto hits = store.search("personnummer");
  BOOST_REQUIRE_EQUAL(hits.size(), 1U);
  BOOST_CHECK(hits[0].excerpt.find("01019010046") == std::string::npos);
  BOOST_CHECK(hits[0].excerpt.find("010190*****") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(index_stays_consistent_with_the_messages) {
  TempDir dir;
  const auto file = dir.file("s.samla");
  {
    samla::Store store(file, test_options());
    for (int i = 0; i < 50; ++i) {
      store.ingest(email("<" + std::to_string(i) + "@x>", "Melding " + std::to_string(i),
                         "innhald nummer " + std::to_string(i), at(2026, 11, 23)));
    }
  }
  SQLite::Database db(file.string(), SQLite::OPEN_READWRITE);
  BOOST_CHECK_NO_THROW(
      db.exec("INSERT INTO message_search (message_search, rank) VALUES ('integrity-check', 1)"));
  samla::Store store(file, test_options("r-"));
  BOOST_CHECK_EQUAL(store.search("innhald").size(), 50U);
  BOOST_CHECK_EQUAL(store.search("nummer 42").size(), 1U);
}

BOOST_AUTO_TEST_SUITE_END()
