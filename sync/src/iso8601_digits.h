#pragma once
// The digit scanning both ISO 8601 readers (strict and zoned) share.
#include <cstddef>
#include <string_view>

namespace samla::iso8601_detail {

/// Reads exactly `count` decimal digits of `text` at `pos` into `out`; false when they are not
/// all there.
inline bool digits(std::string_view text, std::size_t pos, std::size_t count, int& out) {
  if (pos + count > text.size()) return false;
  int value = 0;
  for (std::size_t i = pos; i < pos + count; ++i) {
    const char c = text[i];
    if (c < '0' || c > '9') return false;
    value = value * 10 + (c - '0');
  }
  out = value;
  return true;
}

/// As digits(), and moves `pos` past them on success.
inline bool read_digits(std::string_view text, std::size_t& pos, std::size_t count, int& out) {
  if (!digits(text, pos, count, out)) return false;
  pos += count;
  return true;
}

}  // namespace samla::iso8601_detail
