#pragma once
// The written languages Samla answers in: the two Norwegian written forms and English.
#include <optional>
#include <string_view>

namespace samla {

enum class Language { Nynorsk, Bokmal, English };

/// "nn", "nb", "en".
[[nodiscard]] std::string_view to_code(Language language);
/// Accepts "nn", "nb", "en" and the common aliases "no" (bokmål) and "nno"/"nob"/"eng".
[[nodiscard]] std::optional<Language> language_from_code(std::string_view code);

}  // namespace samla
