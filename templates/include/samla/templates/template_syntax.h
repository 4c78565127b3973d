#pragma once
// The little language of template text, and its checks at save time.
//
//   {citizen.name}                      the value; missing values are reported by the renderer
//   {citizen.name|there}                the value, or the text after '|' when it is missing
//   {if citizen.name}Hi {citizen.name}{else}Hi{end}   conditional text (may nest)
//   {{  }}                              literal braces
//
// Unknown placeholders and unbalanced braces are errors with their line and column, so a
// template with a mistake is never saved; a blank at send time never happens.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace samla {

/// One mistake in template text. `format` is an English gettext msgid with {0}, {1} … for
/// `args`, so a client can translate it; `offset` is in bytes, `line` and `column` count from 1
/// (columns in characters, as an editor shows them).
struct TemplateError {
  std::size_t offset = 0;
  std::size_t line = 1;
  std::size_t column = 1;
  std::string_view format;
  std::vector<std::string> args;

  /// "line 2, column 7: unknown placeholder {citiz.name}" in English.
  [[nodiscard]] std::string text() const;
  /// The message alone (no position) in English.
  [[nodiscard]] std::string message() const;
};

/// A parsed piece of template text.
struct TemplateNode {
  enum class Kind { Text, Value, If } kind = Kind::Text;
  std::string text;  // Text: the literal text; Value: the fallback after '|'
  std::string name;  // Value and If: the placeholder
  bool has_fallback = false;
  std::vector<TemplateNode> then;       // If: written when the value is there
  std::vector<TemplateNode> otherwise;  // If: written when it is missing
};

struct ParsedTemplate {
  std::vector<TemplateNode> nodes;
  std::vector<TemplateError> errors;  // in text order; nodes are usable only when empty
  [[nodiscard]] bool ok() const { return errors.empty(); }
};

[[nodiscard]] ParsedTemplate parse_template(std::string_view text);

/// The placeholder names the text uses, each once, in order of first use.
[[nodiscard]] std::vector<std::string> placeholders_used(const std::vector<TemplateNode>& nodes);

}  // namespace samla
