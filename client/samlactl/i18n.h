#pragma once
// User-facing text of samlactl goes through gettext (domain "samla"): nynorsk, bokmål, English.
#include <libintl.h>

#include <string>

namespace samla::cli {

/// Translates a message id of the "samla" domain.
inline std::string tr(const char* msgid) { return dgettext("samla", msgid); }

}  // namespace samla::cli
