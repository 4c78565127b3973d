#include "samla/templates/plain_language.h"

#include <algorithm>
#include <array>
#include <span>

#include "msgid.h"
#include "norwegian_lower.h"
#include "samla/models/rejection.h"

namespace samla {
namespace {

using templates_detail::N_;

struct Word {
  std::size_t offset;
  std::size_t length;
  std::string lower;    // lower-cased (ASCII and Æ Ø Å)
  std::size_t letters;  // characters, not bytes
  bool placeholder;     // {…}
  bool ends_sentence;   // followed by . ! ? or a blank line
};

bool letter_byte(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80 ||
         c == '-';
}

std::string lower(std::string_view word) { return templates_detail::norwegian_lower(word); }

std::size_t characters(std::string_view text) {
  return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0U) != 0x80U;
  }));
}

std::vector<Word> words_of(std::string_view text) {
  std::vector<Word> words;
  std::size_t i = 0;
  while (i < text.size()) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c == '{') {
      const auto close = text.find('}', i);
      const auto end = close == std::string_view::npos ? text.size() : close + 1;
      words.push_back(Word{i, end - i, {}, 1, true, false});
      i = end;
      continue;
    }
    if (c == '.' || c == '!' || c == '?') {
      if (!words.empty()) words.back().ends_sentence = true;
      ++i;
      continue;
    }
    if (c == '\n' && i + 1 < text.size() && text[i + 1] == '\n') {
      if (!words.empty()) words.back().ends_sentence = true;
      i += 2;
      continue;
    }
    if (!letter_byte(c) || c == '-') {
      ++i;
      continue;
    }
    const auto start = i;
    while (i < text.size() && letter_byte(static_cast<unsigned char>(text[i]))) ++i;
    const auto word = text.substr(start, i - start);
    words.push_back(Word{start, i - start, lower(word), characters(word), false, false});
  }
  return words;
}

// Auxiliaries of the bli-passive and modals of the s-passive, per language.
constexpr std::string_view kBliPassive[] = {"blir", "ble",   "blitt", "bli",  "vert",
                                            "vart", "vorte", "blei",  "verte"};
constexpr std::string_view kModals[] = {"må",     "skal",  "kan",   "vil",   "bør",
                                        "skulle", "kunne", "måtte", "burde", "vil"};
constexpr std::string_view kEnglishBe[] = {"is", "are", "was", "were", "be", "been", "being"};
constexpr std::string_view kEnglishIrregular[] = {"sent",  "made",  "done", "given",
                                                  "taken", "known", "seen", "held"};
// Adverbs that may stand between the auxiliary and the participle.
constexpr std::string_view kBetween[] = {"ikkje", "ikke", "ofte", "alltid", "snart",
                                         "not",   "also", "òg",   "også"};

bool among(std::span<const std::string_view> words, std::string_view word) {
  return std::find(words.begin(), words.end(), word) != words.end();
}

bool ends_with_any(std::string_view word, std::initializer_list<std::string_view> endings) {
  return std::any_of(endings.begin(), endings.end(), [&](std::string_view e) {
    return word.size() > e.size() + 2 && word.ends_with(e);
  });
}

// The word after `i`, skipping one adverb; nullptr at the end of the sentence.
const Word* next_content(const std::vector<Word>& words, std::size_t i) {
  if (words[i].ends_sentence || i + 1 >= words.size()) return nullptr;
  const Word* next = &words[i + 1];
  if (among(kBetween, next->lower) && !next->ends_sentence && i + 2 < words.size()) {
    next = &words[i + 2];
  }
  return next->placeholder ? nullptr : next;
}

bool passive_at(const std::vector<Word>& words, std::size_t i, Language language,
                const Word*& participle) {
  const auto& w = words[i].lower;
  participle = next_content(words, i);
  if (participle == nullptr) return false;
  const auto& p = participle->lower;
  if (language == Language::English) {
    return among(kEnglishBe, w) && (ends_with_any(p, {"ed"}) || among(kEnglishIrregular, p));
  }
  if (among(kBliPassive, w)) return ends_with_any(p, {"et", "t", "a", "d", "dd", "tt", "de"});
  if (among(kModals, w)) {
    return language == Language::Nynorsk ? ends_with_any(p, {"ast", "es"})
                                         : ends_with_any(p, {"es"});
  }
  return false;
}

}  // namespace

std::string_view to_string(HintKind kind) {
  switch (kind) {
    case HintKind::LongSentence:
      return "long-sentence";
    case HintKind::LongWord:
      return "long-word";
    case HintKind::Officialese:
      return "officialese";
    case HintKind::Passive:
      return "passive";
  }
  return "long-sentence";
}

std::string Hint::message() const { return substitute(format, args); }

std::vector<OfficialeseEntry> starter_officialese(Language language) {
  switch (language) {
    case Language::Nynorsk:
      return {{"vedkomande", "om"},
              {"angåande", "om"},
              {"førespurnad", "spørsmål"},
              {"i høve til", "etter"},
              {"i samsvar med", "etter"},
              {"påregne", "rekne med"},
              {"iverksetje", "starte"},
              {"iverksette", "starte"},
              {"tilstrebe", "prøve"},
              {"ligg føre", "finst"},
              {"oppmoding", "spørsmål"},
              {"innvilga", "fått ja"},
              {"herved", "(stryk ordet)"},
              {"med dette", "(stryk orda)"},
              {"såleis", "slik"},
              {"kvorvidt", "om"},
              {"dersom", "viss"},
              {"i samband med", "når"},
              {"vedlagt", "her er"},
              {"underrette", "seie frå"},
              {"ettersende", "sende seinare"},
              {"sakshandsamar", "den som har saka di"},
              {"jf.", "sjå"},
              {"vennlegst", "(stryk ordet)"}};
    case Language::Bokmal:
      return {{"vedrørende", "om"},
              {"angående", "om"},
              {"henvendelse", "spørsmål"},
              {"forespørsel", "spørsmål"},
              {"i henhold til", "etter"},
              {"i samsvar med", "etter"},
              {"påregne", "regne med"},
              {"iverksette", "starte"},
              {"tilstrebe", "prøve"},
              {"foreligger", "finnes"},
              {"anmodning", "spørsmål"},
              {"innvilget", "fått ja"},
              {"herved", "(stryk ordet)"},
              {"således", "slik"},
              {"hvorvidt", "om"},
              {"dersom", "hvis"},
              {"i forbindelse med", "når"},
              {"vedlagt", "her er"},
              {"underrette", "si fra"},
              {"ettersende", "sende senere"},
              {"saksbehandler", "den som har saken din"},
              {"jf.", "se"},
              {"vennligst", "(stryk ordet)"}};
    case Language::English:
      return {};
  }
  return {};
}

std::vector<OfficialeseEntry> parse_officialese(std::string_view text) {
  std::vector<OfficialeseEntry> out;
  const auto trim = [](std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
      s.remove_suffix(1);
    return s;
  };
  while (!text.empty()) {
    const auto end = text.find('\n');
    const auto line = trim(text.substr(0, end));
    text = end == std::string_view::npos ? std::string_view{} : text.substr(end + 1);
    if (line.empty() || line.front() == '#') continue;
    const auto eq = line.find('=');
    if (eq == std::string_view::npos) continue;
    const auto words = trim(line.substr(0, eq));
    if (words.empty()) continue;
    out.push_back(OfficialeseEntry{lower(words), std::string(trim(line.substr(eq + 1)))});
  }
  return out;
}

std::vector<Hint> plain_language_hints(std::string_view text, Language language,
                                       const HintOptions& options) {
  std::vector<Hint> hints;
  const auto words = words_of(text);

  // Sentences.
  std::size_t first = 0;
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (!words[i].ends_sentence && i + 1 < words.size()) continue;
    const auto count = i - first + 1;
    if (count > options.max_sentence_words) {
      const auto begin = words[first].offset;
      hints.push_back(Hint{HintKind::LongSentence,
                           begin,
                           words[i].offset + words[i].length - begin,
                           N_("this sentence has {0} words; sentences of up to {1} words are "
                              "easier to read"),
                           {std::to_string(count), std::to_string(options.max_sentence_words)}});
    }
    first = i + 1;
  }

  for (std::size_t i = 0; i < words.size(); ++i) {
    const auto& w = words[i];
    if (w.placeholder) continue;
    const auto original = std::string(text.substr(w.offset, w.length));
    if (w.letters > options.max_word_letters) {
      hints.push_back(Hint{HintKind::LongWord,
                           w.offset,
                           w.length,
                           N_("«{0}» is a long word; can it be split up or said more simply?"),
                           {original}});
    }
    const Word* participle = nullptr;
    if (passive_at(words, i, language, participle)) {
      const auto end = participle->offset + participle->length;
      hints.push_back(Hint{HintKind::Passive,
                           w.offset,
                           end - w.offset,
                           N_("«{0}» may be passive; say who does what"),
                           {std::string(text.substr(w.offset, end - w.offset))}});
    }
  }

  // Officialese: whole words or phrases, case-insensitive, at word boundaries.
  const auto lowered = lower(text);
  for (const auto& entry : options.officialese) {
    if (entry.words.empty()) continue;
    for (auto at = lowered.find(entry.words); at != std::string::npos;
         at = lowered.find(entry.words, at + 1)) {
      const auto end = at + entry.words.size();
      const bool starts = at == 0 || !letter_byte(static_cast<unsigned char>(lowered[at - 1]));
      const bool ends = end >= lowered.size() ||
                        !letter_byte(static_cast<unsigned char>(lowered[end])) ||
                        !letter_byte(static_cast<unsigned char>(entry.words.back()));
      if (!starts || !ends) continue;
      hints.push_back(Hint{HintKind::Officialese,
                           at,
                           entry.words.size(),
                           N_("«{0}» is officialese; try «{1}»"),
                           {std::string(text.substr(at, entry.words.size())), entry.plain}});
    }
  }

  std::stable_sort(hints.begin(), hints.end(),
                   [](const Hint& a, const Hint& b) { return a.offset < b.offset; });
  return hints;
}

}  // namespace samla
