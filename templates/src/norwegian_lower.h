#pragma once
// Lower case for comparing Norwegian words with word lists: ASCII and Æ Ø Å (two UTF-8 bytes
// each); other bytes are kept. Shared by language detection and the plain-language hints.
#include <string>
#include <string_view>

namespace samla::templates_detail {

inline std::string norwegian_lower(std::string_view word) {
  std::string out(word);
  for (std::size_t i = 0; i < out.size(); ++i) {
    const auto c = static_cast<unsigned char>(out[i]);
    if (c >= 'A' && c <= 'Z') {
      out[i] = static_cast<char>(c - 'A' + 'a');
    } else if (c == 0xC3 && i + 1 < out.size()) {
      const auto next = static_cast<unsigned char>(out[i + 1]);
      if (next == 0x86 || next == 0x98 || next == 0x85) out[i + 1] = static_cast<char>(next + 0x20);
    }
  }
  return out;
}

}  // namespace samla::templates_detail
