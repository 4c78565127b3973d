#pragma once
// A line diff between two versions of a template's text, for its history.
#include <string>
#include <string_view>
#include <vector>

namespace samla {

struct DiffLine {
  enum class Op { Same, Added, Removed } op = Op::Same;
  std::string text;
};

/// The lines of `after` against `before` by longest common subsequence (templates are short).
[[nodiscard]] std::vector<DiffLine> diff_lines(std::string_view before, std::string_view after);

}  // namespace samla
