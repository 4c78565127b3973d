// Every sentence the hub's SQL refuses with is a msgid of the catalogue (hub_refusal_texts), so
// that a refusal reaches the person in nn, nb or en, not in the English of the SQL.
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <regex>

#include "samla/sync/hub_refusals.h"
#include "samla/sync/hub_schema.h"

namespace samla::test {
namespace {

// The sentences of every hub.refuse(…) statement: quoted strings with a space in them (event
// type names and '' have none).
std::vector<std::string> refusals_in(const std::string& sql) {
  std::vector<std::string> out;
  const std::regex quoted("'([^']*)'");
  for (std::size_t at = 0; (at = sql.find("hub.refuse(", at)) != std::string::npos; ++at) {
    const std::size_t end = sql.find(';', at);
    const std::string statement = sql.substr(at, end - at);
    for (std::sregex_iterator it(statement.begin(), statement.end(), quoted), last; it != last;
         ++it) {
      const std::string text = (*it)[1];
      if (text.find(' ') != std::string::npos) out.push_back(text);
    }
  }
  return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(HubRefusalTexts)

BOOST_AUTO_TEST_CASE(every_refusal_of_the_migrations_is_listed_for_translation) {
  const auto& listed = hub_refusal_texts();
  std::size_t found = 0;
  for (const auto& migration : hub_migrations()) {
    for (const auto& text : refusals_in(migration.sql)) {
      ++found;
      BOOST_TEST((std::find(listed.begin(), listed.end(), text) != listed.end()),
                 "not in hub_refusal_texts(): '" << text << "' (" << migration.name << ")");
    }
  }
  // The scan itself works: the first migration refuses in at least this many places.
  BOOST_TEST(found >= listed.size());
}

BOOST_AUTO_TEST_CASE(the_scan_finds_sentences_not_type_names) {
  const auto texts = refusals_in(
      "PERFORM hub.refuse(CASE NEW.type WHEN 'HandoverAccepted' THEN 'only a b' ELSE 'c d' END, "
      "ARRAY[coalesce(target, '')]); SELECT 'not this one';");
  BOOST_TEST(texts == (std::vector<std::string>{"only a b", "c d"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace samla::test
