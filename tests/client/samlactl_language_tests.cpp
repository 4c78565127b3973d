// samlactl in nynorsk and bokmål: --language, $SAMLA_LANGUAGE and the locale pick the catalogue;
// refusals, --help and the conversation view come out translated; and the catalogues are
// complete: every text of po/samla.pot is translated in po/nn.po and po/nb.po, and samla.pot
// holds every text of the sources.
#include <fcntl.h>  // process.h uses O_RDONLY … without including it

#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>

#include <boost/test/unit_test.hpp>
#include <nlohmann/json.hpp>

#include "e2e_profile.h"
#include "process.h"

namespace {

using samla::test::ProcessResult;

// The locale variables a run sees: all cleared, then `settings`; catalogues from the build tree.
std::vector<std::string> locale_env(const std::vector<std::string>& settings) {
  std::vector<std::string> env{"LANGUAGE=", "LC_ALL=", "LC_MESSAGES=", "LANG=", "SAMLA_LANGUAGE="};
  env.emplace_back("SAMLA_LOCALEDIR=" SAMLA_TEST_LOCALEDIR);
  for (const auto& setting : settings) {
    const auto key = setting.substr(0, setting.find('=') + 1);
    std::erase_if(env, [&](const std::string& e) { return e.rfind(key, 0) == 0; });
    env.push_back(setting);
  }
  return env;
}

ProcessResult samlactl(const std::vector<std::string>& args,
                       const std::vector<std::string>& settings) {
  return samla::test::run_process(SAMLACTL, args, locale_env(settings));
}

// Byggesak has one SMS; Per works in Skatt, so Byggesak's conversation is not his to claim.
struct TwoDepartments : samla::test::E2eProfile {
  std::string id;
  TwoDepartments() {
    ok({"department", "add", "byggesak", "Byggesak"});
    ok({"department", "add", "skatt", "Skatt"});
    ok({"user", "add", "kari", "Kari Nordmann", "--member", "byggesak:caseworker"});
    ok({"user", "add", "per", "Per Olsen", "--member", "skatt:caseworker"});
    const auto file = dir / "in" / "sms.json";
    std::filesystem::create_directories(file.parent_path());
    std::ofstream(file) << R"([{"channel":"sms","from":"+4791234567","text":"Hei",)"
                        << R"("received_at":"2026-12-07T10:00","department":"byggesak"}])";
    ok({"import", file.string()});
    const auto rows = nlohmann::json::parse(ok({"list", "--json"}).out);
    BOOST_REQUIRE_EQUAL(rows.size(), 1U);
    id = rows[0]["id"].get<std::string>();
  }
  // samlactl on this profile at the fixture's time, with `settings` for the locale.
  [[nodiscard]] ProcessResult in(const std::vector<std::string>& settings,
                                 std::vector<std::string> args) const {
    args.insert(args.begin(), {"--profile", dir.string(), "--now", "2026-12-07T10:00"});
    return samlactl(args, settings);
  }
};

const std::string kRefusedNn = "avvist: berre dei som arbeider i Byggesak, kan ta denne saka\n";
const std::string kRefusedNb = "avvist: bare de som arbeider i Byggesak, kan ta denne saken\n";
const std::string kRefusedEn = "refused: only members of Byggesak can claim this conversation\n";

// --- a small reader of .po files ---------------------------------------------------------------

struct PoEntry {
  std::string msgid;
  std::string msgstr;  // msgstr, or msgstr[0] of a plural entry
  std::vector<std::string> plural_msgstrs;
  bool fuzzy = false;
};

std::string unquote(const std::string& line, const std::string& file, int number) {
  const auto open = line.find('"');
  const auto close = line.rfind('"');
  if (open == std::string::npos || close == open) {
    throw std::runtime_error(file + ":" + std::to_string(number) + ": expected a quoted string");
  }
  std::string out;
  for (auto i = open + 1; i < close; ++i) {
    if (line[i] != '\\' || i + 1 == close) {
      out += line[i];
      continue;
    }
    switch (line[++i]) {
      case 'n':
        out += '\n';
        break;
      case 't':
        out += '\t';
        break;
      default:
        out += line[i];  // \" \\ and the rest as written
    }
  }
  return out;
}

// The live entries of a .po or .pot file by msgid (with "msgctxt\x04" in front when there is a
// context), header and obsolete (#~) entries left out.
std::map<std::string, PoEntry> read_po(const std::filesystem::path& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot read " + path.string());
  std::map<std::string, PoEntry> entries;
  PoEntry entry;
  std::string context;
  std::string* target = nullptr;  // the string continuation lines add to
  bool has_msgid = false;
  const auto finish = [&] {
    if (has_msgid && !entry.msgid.empty()) {
      entries[context.empty() ? entry.msgid : context + '\x04' + entry.msgid] = entry;
    }
    entry = PoEntry{};
    context.clear();
    target = nullptr;
    has_msgid = false;
  };
  // A new entry's first keyword ends the entry before it.
  const auto finish_started = [&] {
    if (has_msgid) finish();
  };
  std::string line;
  int number = 0;
  const auto file = path.filename().string();
  while (std::getline(in, line)) {
    ++number;
    if (line.empty()) {
      finish();
    } else if (line.rfind("#,", 0) == 0) {
      finish_started();
      entry.fuzzy = entry.fuzzy || line.find("fuzzy") != std::string::npos;
    } else if (line[0] == '#' || line.rfind("msgid_plural ", 0) == 0) {
      target = nullptr;  // comments, references, obsolete entries; the plural msgid is not kept
    } else if (line.rfind("msgctxt ", 0) == 0) {
      finish_started();
      context = unquote(line, file, number);
      target = &context;
    } else if (line.rfind("msgid ", 0) == 0) {
      finish_started();
      entry.msgid = unquote(line, file, number);
      has_msgid = true;
      target = &entry.msgid;
    } else if (line.rfind("msgstr[", 0) == 0) {
      entry.plural_msgstrs.push_back(unquote(line, file, number));
      if (entry.plural_msgstrs.size() == 1) entry.msgstr = entry.plural_msgstrs.front();
      target = &entry.plural_msgstrs.back();
    } else if (line.rfind("msgstr ", 0) == 0) {
      entry.msgstr = unquote(line, file, number);
      target = &entry.msgstr;
    } else if (line[0] == '"' && target != nullptr) {
      *target += unquote(line, file, number);
      if (!entry.plural_msgstrs.empty() && target == &entry.plural_msgstrs.front()) {
        entry.msgstr = entry.plural_msgstrs.front();
      }
    }
  }
  finish();
  return entries;
}

std::set<std::string> placeholders(const std::string& text) {
  static const std::regex placeholder(R"(\{[0-9]+\})");
  std::set<std::string> out;
  for (std::sregex_iterator it(text.begin(), text.end(), placeholder), end; it != end; ++it) {
    out.insert(it->str());
  }
  return out;
}

std::string joined(const std::set<std::string>& items) {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : " ") + item;
  return out.empty() ? "none" : out;
}

const std::filesystem::path kPoDir = SAMLA_PO_DIR;
const std::vector<std::string> kLanguages{"nn", "nb"};

}  // namespace

BOOST_AUTO_TEST_SUITE(SamlactlLanguage)

BOOST_FIXTURE_TEST_CASE(language_option_translates_a_refusal, TwoDepartments) {
  auto r = in({}, {"--language", "nn", "claim", id, "--as", "per"});
  BOOST_CHECK_EQUAL(r.exit_code, 1);
  BOOST_CHECK_EQUAL(r.err, kRefusedNn);
  r = in({}, {"--language=nb", "claim", id, "--as", "per"});
  BOOST_CHECK_EQUAL(r.exit_code, 1);
  BOOST_CHECK_EQUAL(r.err, kRefusedNb);
  // After the subcommand too, and it wins over the locale and $SAMLA_LANGUAGE.
  r = in({"LANGUAGE=nb", "LC_ALL=C.UTF-8", "SAMLA_LANGUAGE=nb"},
         {"claim", id, "--as", "per", "--language", "en"});
  BOOST_CHECK_EQUAL(r.err, kRefusedEn);
  // In the plain C locale as well, where glibc alone would ignore LANGUAGE.
  r = in({"LC_ALL=C"}, {"--language", "nn", "claim", id, "--as", "per"});
  BOOST_CHECK_EQUAL(r.err, kRefusedNn);
}

BOOST_FIXTURE_TEST_CASE(locale_and_environment_translate_a_refusal, TwoDepartments) {
  auto r = in({"LANGUAGE=nb", "LC_ALL=C.UTF-8"}, {"claim", id, "--as", "per"});
  BOOST_CHECK_EQUAL(r.exit_code, 1);
  BOOST_CHECK_EQUAL(r.err, kRefusedNb);
  r = in({"LANGUAGE=nn", "LC_ALL=C.UTF-8"}, {"claim", id, "--as", "per"});
  BOOST_CHECK_EQUAL(r.err, kRefusedNn);
  r = in({"SAMLA_LANGUAGE=nn"}, {"claim", id, "--as", "per"});
  BOOST_CHECK_EQUAL(r.err, kRefusedNn);
  // Without --language the system decides, and glibc ignores LANGUAGE in the C locale.
  r = in({"LANGUAGE=nn", "LC_ALL=C"}, {"claim", id, "--as", "per"});
  BOOST_CHECK_EQUAL(r.err, kRefusedEn);
}

BOOST_AUTO_TEST_CASE(unknown_language_is_a_usage_error) {
  const auto r = samlactl(
      {"--language", "de", "deadline", "--channel", "email", "--received", "2026-12-07T10:00"}, {});
  BOOST_CHECK_EQUAL(r.exit_code, 2);
  BOOST_CHECK_NE(r.err.find("--language"), std::string::npos);
}

BOOST_AUTO_TEST_CASE(help_is_translated) {
  auto r = samlactl({"--language", "nn", "--help"}, {});
  BOOST_CHECK_EQUAL(r.exit_code, 0);
  BOOST_CHECK_NE(r.out.find("samlactl: Samla-innboksen frå kommandolinja"), std::string::npos);
  BOOST_CHECK_NE(r.out.find("Bruk: samlactl"), std::string::npos);
  BOOST_CHECK_NE(r.out.find("vis denne hjelpa og avslutt"), std::string::npos);
  BOOST_CHECK_NE(r.out.find("Underkommandoar:"), std::string::npos);
  BOOST_CHECK_NE(r.out.find("ta ei sak i avdelinga di"), std::string::npos);
  r = samlactl({"claim", "--help"}, {"LANGUAGE=nb", "LC_ALL=C.UTF-8"});
  BOOST_CHECK_EQUAL(r.exit_code, 0);
  BOOST_CHECK_NE(r.out.find("ta en sak i avdelingen din"), std::string::npos);
  BOOST_CHECK_NE(r.out.find("saks-ID-en, eller bare de 8 første tegnene"), std::string::npos);
  BOOST_CHECK_NE(r.out.find("vis denne hjelpen og avslutt"), std::string::npos);
  r = samlactl({"--help"}, {"LANGUAGE=en", "LC_ALL=C.UTF-8"});
  BOOST_CHECK_NE(r.out.find("samlactl: the Samla inbox from the command line"), std::string::npos);
}

BOOST_FIXTURE_TEST_CASE(conversation_and_list_in_the_chosen_language, TwoDepartments) {
  // The dates follow --language too (CliContext::output_language).
  auto r = in({}, {"--language", "nn", "show", id, "--as", "kari"});
  BOOST_REQUIRE_EQUAL(r.exit_code, 0);
  BOOST_CHECK_NE(r.out.find("  Status: open\n"), std::string::npos);
  BOOST_CHECK_NE(r.out.find("  Frist: måndag 7. desember 2026 kl. 15:00"), std::string::npos);
  BOOST_CHECK_NE(r.out.find("\nHistorikk:\n"), std::string::npos);
  r = in({"LANGUAGE=nb", "LC_ALL=C.UTF-8"}, {"show", id, "--as", "kari"});
  BOOST_CHECK_NE(r.out.find("  Status: åpen\n"), std::string::npos);
  BOOST_CHECK_NE(r.out.find("  Frist: mandag 7. desember 2026 kl. 15:00"), std::string::npos);
  // The headers are translated and fit their columns (a header too long is cut with "…").
  r = in({}, {"--language", "nn", "list"});
  BOOST_REQUIRE_EQUAL(r.exit_code, 0);
  const auto header = r.out.substr(0, r.out.find('\n'));
  BOOST_CHECK_EQUAL(header.rfind("ID ", 0), 0U);
  for (const char* word : {" KANAL ", " FRÅ ", " EMNE ", " MOTTEKE ", " FRIST ", " AVDELING "}) {
    BOOST_CHECK_MESSAGE(header.find(word) != std::string::npos, header);
  }
  BOOST_CHECK_MESSAGE(header.find("…") == std::string::npos, "a header is cut: " + header);
}

// The catalogues keep up with the code: a text added to the sources must reach samla.pot
// (scripts/update-po.sh), and every text of samla.pot must be translated in every language.
BOOST_AUTO_TEST_CASE(pot_has_every_text_of_the_sources) {
  const auto r = samla::test::run_process(SAMLA_UPDATE_PO, {"--check"});
  BOOST_CHECK_MESSAGE(r.exit_code == 0,
                      "po/samla.pot is out of date with the sources:\n" + r.out + r.err);
}

BOOST_AUTO_TEST_CASE(catalogues_are_complete) {
  const auto pot = read_po(kPoDir / "samla.pot");
  BOOST_REQUIRE_GT(pot.size(), 100U);
  for (const auto& lang : kLanguages) {
    const auto po = read_po(kPoDir / (lang + ".po"));
    for (const auto& [key, source] : pot) {
      const auto it = po.find(key);
      const auto where = lang + ".po, msgid \"" + source.msgid + "\": ";
      if (it == po.end()) {
        BOOST_ERROR(where + "missing; run scripts/update-po.sh and translate it");
        continue;
      }
      const auto& t = it->second;
      if (t.msgstr.empty()) {
        BOOST_ERROR(where + "not translated");
        continue;
      }
      if (t.fuzzy) BOOST_ERROR(where + "fuzzy; check the translation and remove \"fuzzy\"");
      const auto want = placeholders(source.msgid);
      const auto translations =
          t.plural_msgstrs.empty() ? std::vector<std::string>{t.msgstr} : t.plural_msgstrs;
      for (const auto& text : translations) {
        if (text.empty()) BOOST_ERROR(where + "a plural form is not translated");
        if (placeholders(text) != want) {
          BOOST_ERROR(where << "placeholders " << joined(placeholders(text)) << " in \"" << text
                            << "\", expected " << joined(want));
        }
      }
    }
    for (const auto& [key, entry] : po) {
      if (!pot.contains(key)) {
        BOOST_ERROR(lang + ".po, msgid \"" + entry.msgid +
                    "\": not in samla.pot; run scripts/update-po.sh");
      }
    }
  }
}

BOOST_AUTO_TEST_SUITE_END()
