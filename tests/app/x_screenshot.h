#pragma once
// Screenshots for the GUI tests, read from the X server (wxScreenDC on GTK 3 keeps the first
// picture it took, and wxWindowDC cannot read back). Kept apart: Xlib's macros (Status, None …)
// clash with ordinary names.
#include <wx/gdicmn.h>

#include <string>

/// Saves the screen's pixels inside `rect` as a PNG file; false when that failed.
bool save_screen(const wxRect& rect, const std::string& png_path);
