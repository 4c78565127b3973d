#pragma once
// How many SMS segments a text takes, counted the way phones and the major gateways count:
// GSM 03.38 7-bit when every character is in the GSM alphabet (extension-table characters such
// as € { } [ ] cost two septets, and the escape pair is never split across segments; Æ Ø Å æ ø å
// are in the basic table), else UCS-2 counted in UTF-16 units, where a character as the reader
// sees it (a grapheme cluster: an emoji sequence, a flag, a letter with combining marks) is
// never split across two segments. One segment holds 160 septets or 70 units; a concatenated
// message's segments hold 153 or 67 (the rest is the concatenation header).
#include <cstddef>
#include <string_view>

namespace samla {

enum class SmsEncoding { Gsm7, Ucs2 };

/// "GSM-7" or "UCS-2".
[[nodiscard]] std::string_view to_string(SmsEncoding encoding);

struct SmsLength {
  SmsEncoding encoding = SmsEncoding::Gsm7;
  std::size_t segments = 0;     // 0 for an empty text
  std::size_t units = 0;        // septets (GSM-7) or UTF-16 units (UCS-2)
  std::size_t per_segment = 0;  // the capacity of a segment at this length: 160/153 or 70/67
  std::size_t left = 0;         // units still free in the last segment
};

/// Counts UTF-8 text (invalid bytes count as U+FFFD, which needs UCS-2).
[[nodiscard]] SmsLength sms_length(std::string_view utf8);

/// The GSM 03.38 cost of one code point: 1 (basic table), 2 (extension table) or 0 (not in
/// the GSM alphabet).
[[nodiscard]] int gsm7_cost(char32_t code_point);

}  // namespace samla
