#pragma once
// The length of an SMS template once its placeholders are filled: with the values at hand, and
// with long values (a 40-character name, the longest weekday and month …), so the editor can warn
// when placeholders may push a message into another segment or into UCS-2.
#include <string_view>

#include "samla/templates/language.h"
#include "samla/templates/placeholders.h"
#include "samla/templates/sms_length.h"

namespace samla {

struct SmsEstimate {
  SmsLength with_values;  // rendered with the given values
  SmsLength longest;      // rendered with long values for every placeholder
  /// True when long values need more segments, or another encoding, than the given ones.
  [[nodiscard]] bool may_exceed() const {
    return longest.segments > with_values.segments || longest.encoding != with_values.encoding;
  }
};

/// Estimates template `text` (which must parse; errors count as empty text).
[[nodiscard]] SmsEstimate estimate_sms(std::string_view text, Language language,
                                       const TemplateValues& values, const TimeZone& zone);

}  // namespace samla
