#pragma once
// Plain-language (klarspråk) hints for template text: long sentences, very long words,
// officialese with a plainer alternative, and passive constructions where they can be spotted.
// Hints advise; they never stop a template from being saved.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "samla/templates/language.h"

namespace samla {

enum class HintKind { LongSentence, LongWord, Officialese, Passive };

/// "long-sentence", "long-word", "officialese", "passive".
[[nodiscard]] std::string_view to_string(HintKind kind);

/// One hint about a span of the text. `format` is an English gettext msgid with {0}, {1} … for
/// `args`, so a client can translate it.
struct Hint {
  HintKind kind = HintKind::LongSentence;
  std::size_t offset = 0;  // bytes into the text
  std::size_t length = 0;  // bytes
  std::string_view format;
  std::vector<std::string> args;
  [[nodiscard]] std::string message() const;
};

/// An officialese word or phrase (lower case) and the plainer words to use instead.
struct OfficialeseEntry {
  std::string words;
  std::string plain;
};

struct HintOptions {
  std::size_t max_sentence_words = 25;
  std::size_t max_word_letters = 20;
  std::vector<OfficialeseEntry> officialese;
};

/// The starter list of officialese for nynorsk or bokmål (English has none yet).
[[nodiscard]] std::vector<OfficialeseEntry> starter_officialese(Language language);

/// Reads a list in the configurable form: one entry a line, "officialese = plain alternative";
/// blank lines and lines starting with '#' are skipped. Lines without '=' are ignored.
[[nodiscard]] std::vector<OfficialeseEntry> parse_officialese(std::string_view text);

/// Hints for `text` (template text: placeholders in braces count as one word), in text order.
[[nodiscard]] std::vector<Hint> plain_language_hints(std::string_view text, Language language,
                                                     const HintOptions& options);

}  // namespace samla
