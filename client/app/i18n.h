#pragma once
// User-facing text of the desktop app goes through gettext (domain "samla", the catalogues of
// po/): tr() gives UTF-8 for the wx-free presenters; to_wx() converts at the window's edge.
#include <libintl.h>

#include <string>
#include <string_view>

namespace samla::app {

/// Translates a message id of the "samla" domain; UTF-8.
inline std::string tr(const char* msgid) { return dgettext("samla", msgid); }

/// The form of `singular`/`plural` that goes with `n` in the user's language (ngettext); the
/// caller still puts the number in with substitute().
inline std::string trn(const char* singular, const char* plural, unsigned long n) {
  return dngettext("samla", singular, plural, n);
}

}  // namespace samla::app
