#pragma once
// Norwegian national identity numbers (fødselsnummer and D-nummer: 11 digits whose last two are
// mod-11 check digits). Found in messages and masked in previews and logs.
#include <string>
#include <string_view>

namespace samla {

/// True when `digits` is 11 digits with valid mod-11 check digits.
[[nodiscard]] bool is_national_id(std::string_view digits);

/// Replaces every valid national identity number standing alone in `text` (not part of a longer
/// run of digits; a space after the six birth digits is allowed, as people write "010190 12345")
/// with its first six digits followed by "*****".
[[nodiscard]] std::string mask_national_ids(std::string_view text);

}  // namespace samla
