#include "samla/models/national_id.h"

#include <array>

namespace samla {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// The check digit for the weighted sum, or -1 when the number cannot be valid (remainder 1).
int check_digit(std::string_view digits, const std::array<int, 10>& weights, std::size_t count) {
  int sum = 0;
  for (std::size_t i = 0; i < count; ++i) sum += (digits[i] - '0') * weights[i];
  const int k = 11 - sum % 11;
  if (k == 11) return 0;
  if (k == 10) return -1;
  return k;
}

}  // namespace

bool is_national_id(std::string_view digits) {
  if (digits.size() != 11) return false;
  for (char c : digits) {
    if (!is_digit(c)) return false;
  }
  static constexpr std::array<int, 10> kFirst{3, 7, 6, 1, 8, 9, 4, 5, 2, 0};
  static constexpr std::array<int, 10> kSecond{5, 4, 3, 2, 7, 6, 5, 4, 3, 2};
  const int k1 = check_digit(digits, kFirst, 9);
  if (k1 < 0 || k1 != digits[9] - '0') return false;
  const int k2 = check_digit(digits, kSecond, 10);
  return k2 >= 0 && k2 == digits[10] - '0';
}

std::string mask_national_ids(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  std::size_t i = 0;
  while (i < text.size()) {
    const bool starts_run = is_digit(text[i]) && (i == 0 || !is_digit(text[i - 1]));
    if (starts_run) {
      // Collect 11 digits, allowing one space after the sixth.
      std::string digits;
      std::size_t j = i;
      while (j < text.size() && digits.size() < 11) {
        if (is_digit(text[j])) {
          digits += text[j++];
        } else if (text[j] == ' ' && digits.size() == 6 && j + 1 < text.size() &&
                   is_digit(text[j + 1])) {
          ++j;
        } else {
          break;
        }
      }
      const bool alone = j >= text.size() || !is_digit(text[j]);
      if (digits.size() == 11 && alone && is_national_id(digits)) {
        out.append(text.substr(i, 6));
        out.append("*****");
        i = j;
        continue;
      }
      // Not a number to mask: copy the run of digits as it stands.
      while (i < text.size() && is_digit(text[i])) out += text[i++];
      continue;
    }
    out += text[i++];
  }
  return out;
}

}  // namespace samla
