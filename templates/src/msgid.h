#pragma once
// N_("…") marks an English text as a gettext msgid without translating it here: templates/
// knows no catalogues, the client translates (scripts/update-po.sh extracts N_:1).
#include <string_view>

namespace samla::templates_detail {

constexpr std::string_view N_(std::string_view text) {
  return text;
}  // NOLINT(readability-identifier-naming)

}  // namespace samla::templates_detail
