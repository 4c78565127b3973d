#pragma once
// User-facing text of samlactl goes through gettext (domain "samla"): nynorsk, bokmål, English.
#include <libintl.h>

#include <string>

namespace samla::cli {

/// Translates a message id of the "samla" domain.
inline std::string tr(const char* msgid) { return dgettext("samla", msgid); }

/// The form of `singular`/`plural` that goes with `n` in the user's language (ngettext).
inline std::string trn(const char* singular, const char* plural, unsigned long n) {
  return dngettext("samla", singular, plural, n);
}

}  // namespace samla::cli
