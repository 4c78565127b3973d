#pragma once
// HTML from mail, read by libxml2's forgiving HTML parser (nothing is ever fetched: no network,
// no external entities) and walked in document order. Mail bodies become text with it, and the
// conversation pane keeps only harmless formatting with it; neither tokenises HTML itself.
#include <optional>
#include <string>
#include <string_view>

namespace samla {

/// What a walk is told. Names are lower-case; text is UTF-8 with character references decoded.
class HtmlVisitor {
 public:
  /// Reads one attribute of the element being entered (lower-case name).
  class Attributes {
   public:
    virtual ~Attributes() = default;
    [[nodiscard]] virtual std::optional<std::string> get(std::string_view name) const = 0;
  };

  virtual ~HtmlVisitor() = default;
  /// An element starts; false skips its content, and leave() is not called for it.
  virtual bool enter(std::string_view name, const Attributes& attributes) = 0;
  virtual void leave(std::string_view name) = 0;
  virtual void text(std::string_view utf8) = 0;
};

/// Parses `utf8_html` (already decoded to UTF-8: a <meta charset> in it is ignored) and walks
/// it. Broken HTML is repaired as browsers would, never refused. Comments, doctypes and
/// processing instructions are not reported. Any thread.
void walk_html(std::string_view utf8_html, HtmlVisitor& visitor);

}  // namespace samla
