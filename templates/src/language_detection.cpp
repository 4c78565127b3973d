#include "samla/templates/language_detection.h"
#include "norwegian_lower.h"

#include <algorithm>
#include <array>
#include <span>
#include <string>

namespace samla {
namespace {

// Words frequent in one written language and absent (or rare) in the others. Words shared by
// nynorsk and bokmål (og, er, på, til, om …) tell nothing and are left out.
constexpr std::string_view kNynorsk[] = {
    "ikkje", "eg",      "kva",   "kven",  "korleis", "kvifor",  "frå",   "noko",
    "nokon", "berre",   "mykje", "meir",  "ein",     "eit",     "vere",  "vore",
    "dykk",  "dykkar",  "hjå",   "sjølv", "korkje",  "heime",   "kvar",  "me",
    "vart",  "vert",    "ho",    "dei",   "desse",   "òg",      "kome",  "seie",
    "gjere", "einaste", "fekk",  "nokre", "ynskjer", "ønskjer", "spørje"};
constexpr std::string_view kBokmal[] = {
    "ikke",  "jeg",  "hva",    "hvem",   "hvordan", "hvorfor", "fra",  "noe",    "noen",
    "bare",  "mye",  "mer",    "en",     "et",      "være",    "vært", "dere",   "deres",
    "hos",   "selv", "hjemme", "hver",   "vi",      "ble",     "blir", "hun",    "de",
    "disse", "også", "gjøre",  "eneste", "fikk",    "vet",     "hvis", "ønsker", "spørre"};
constexpr std::string_view kEnglish[] = {
    "the",  "and",  "is",   "are",  "you",     "your",  "my",   "please", "thank",    "thanks",
    "with", "have", "what", "when", "would",   "could", "this", "that",   "it",       "was",
    "we",   "our",  "can",  "will", "regards", "hello", "dear", "which",  "question", "about"};

bool among(std::span<const std::string_view> words, std::string_view word) {
  return std::find(words.begin(), words.end(), word) != words.end();
}

// Lower-cases ASCII and the Norwegian capitals Æ Ø Å (two UTF-8 bytes each).
std::string lower(std::string_view word) { return templates_detail::norwegian_lower(word); }

bool word_byte(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
}

}  // namespace

std::optional<Language> detect_language(std::string_view text) {
  std::array<int, 3> score{};  // nn, nb, en
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && !word_byte(static_cast<unsigned char>(text[i]))) ++i;
    const auto start = i;
    while (i < text.size() && word_byte(static_cast<unsigned char>(text[i]))) ++i;
    if (start == i) break;
    const auto word = lower(text.substr(start, i - start));
    if (among(kNynorsk, word)) ++score[0];
    if (among(kBokmal, word)) ++score[1];
    if (among(kEnglish, word)) ++score[2];
  }
  const auto best = static_cast<std::size_t>(
      std::distance(score.begin(), std::max_element(score.begin(), score.end())));
  int runner_up = 0;
  for (std::size_t k = 0; k < score.size(); ++k) {
    if (k != best) runner_up = std::max(runner_up, score[k]);
  }
  if (score[best] < 2 || score[best] < 2 * runner_up) return std::nullopt;
  constexpr std::array kLanguages{Language::Nynorsk, Language::Bokmal, Language::English};
  return kLanguages[best];
}

Language answer_language(std::string_view known_code, std::string_view text,
                         Language administration) {
  if (const auto known = language_from_code(known_code)) return *known;
  return detect_language(text).value_or(administration);
}

}  // namespace samla
