#pragma once
// The templates shipped with Samla, in nynorsk, bokmål and English, written in clear language
// after the service strategy. They are compiled in (no file to lose in an installation) and
// count as version 0 of their template: comms staff save version 1 on top of them.
#include <optional>
#include <span>
#include <string_view>

#include "samla/models/event.h"

namespace samla {

struct DefaultTemplate {
  std::string_view id;
  TemplateSaved content;  // base_version 0
};

[[nodiscard]] std::span<const DefaultTemplate> default_templates();
[[nodiscard]] const DefaultTemplate* find_default_template(std::string_view id);

/// True for kinds sent as text messages, whose length the editor counts in SMS segments.
[[nodiscard]] bool is_sms_kind(TemplateKind kind);

}  // namespace samla
