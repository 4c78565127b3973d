#pragma once
// Template text with the values of one conversation (or sample data) filled in, in one language.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "samla/models/template.h"
#include "samla/templates/language.h"
#include "samla/templates/placeholders.h"
#include "samla/templates/template_syntax.h"

namespace samla {

struct RenderedText {
  std::string text;
  std::vector<std::string> missing;   // placeholders written as nothing: no value, no fallback
  std::vector<TemplateError> errors;  // the text did not parse; `text` is empty then
  [[nodiscard]] bool ok() const { return errors.empty(); }
};

/// Fills in `text`: dates in `language` and the zone's local time.
[[nodiscard]] RenderedText render_text(std::string_view text, const TemplateValues& values,
                                       Language language, const TimeZone& zone);

struct RenderedMessage {
  Language language = Language::Nynorsk;
  std::string subject;
  std::string body;
  std::vector<std::string> missing;  // of subject and body together, each once
};

/// The language a template is written out in: the wanted one when the template has text in it,
/// else the administration language, else nynorsk, bokmål, English in that order.
[[nodiscard]] std::optional<Language> pick_language(
    const std::map<std::string, TemplateText>& texts, Language wanted, Language administration);

/// Renders subject and body in the language pick_language() chooses. Throws
/// std::invalid_argument when the template has no text, or text that does not parse.
[[nodiscard]] RenderedMessage render_message(const std::map<std::string, TemplateText>& texts,
                                             Language wanted, Language administration,
                                             const TemplateValues& values, const TimeZone& zone);

}  // namespace samla
