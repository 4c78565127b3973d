#pragma once
// Mail addresses, header names and header values compared as the protocols define them:
// ASCII letters only, whatever the locale (Norwegian letters never occur where this is used).
#include <string>
#include <string_view>

namespace samla {

[[nodiscard]] inline std::string ascii_lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

}  // namespace samla
