#pragma once
// User-facing text of the desktop app goes through gettext (domain "samla", the catalogues of
// po/): tr() gives UTF-8 for the wx-free presenters; to_wx() converts at the window's edge.
#include <libintl.h>

#include <string>
#include <string_view>

namespace samla::app {

/// Translates a message id of the "samla" domain; UTF-8.
inline std::string tr(const char* msgid) { return dgettext("samla", msgid); }

}  // namespace samla::app
