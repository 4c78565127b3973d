#pragma once
// Which written language a citizen wrote in, guessed from the words of their message, so the
// answer can follow the citizen's own written form.
//
// The heuristic is small on purpose: it counts frequent function words that only nynorsk
// (ikkje, eg, kva, frå, korleis, noko, berre …), only bokmål (ikke, jeg, hva, fra, hvordan,
// noe, bare …) or only English (the, and, is, you …) uses. It answers only when one language has
// at least two marker words and at least twice as many as the runner-up; otherwise it gives no
// answer and the caller falls back to the municipality's administration language.
#include <optional>
#include <string_view>

#include "samla/templates/language.h"

namespace samla {

[[nodiscard]] std::optional<Language> detect_language(std::string_view text);

/// The language to answer in: the citizen's known written form (a language code such as a
/// message's Content-Language), else what their text reveals, else the administration language.
[[nodiscard]] Language answer_language(std::string_view known_code, std::string_view text,
                                       Language administration);

}  // namespace samla
