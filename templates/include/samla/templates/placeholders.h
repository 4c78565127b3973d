#pragma once
// The placeholders a template may use, with what each stands for, and the values one rendering
// fills them with. The catalogue is what a template editor offers in its picker and what a
// template is checked against when it is saved.
#include <map>
#include <span>
#include <string>
#include <string_view>
#include <variant>

#include "samla/models/time.h"

namespace samla {

/// How a value is written out: as it is, as a long date, or as a long date with the time.
enum class PlaceholderType { Text, Date, DateTime };

struct Placeholder {
  std::string_view name;  // as written between braces: "citizen.name"
  PlaceholderType type;
  std::string_view description;  // English gettext msgid, for the editor's picker
  std::string_view sample;       // a sample text value (dates are sampled by the caller)
};

/// Every placeholder, in the order an editor offers them.
[[nodiscard]] std::span<const Placeholder> placeholder_catalogue();
/// The placeholder called `name`, or nullptr.
[[nodiscard]] const Placeholder* find_placeholder(std::string_view name);

/// One value: text, or a moment written in the template's language and the zone's local time.
using PlaceholderValue = std::variant<std::string, Instant>;

/// The values of one rendering, by placeholder name. A name without a value (or with empty
/// text) is missing: the template's conditional text decides what is written instead.
using TemplateValues = std::map<std::string, PlaceholderValue, std::less<>>;

/// Sample values for every placeholder, for a preview without a conversation: dates relative
/// to `now` (the deadline five days on, the call back tomorrow at 10:00 local time).
[[nodiscard]] TemplateValues sample_values(Instant now);

}  // namespace samla
