// samla: the desktop app. Parses the command line, picks the language, opens the profile (the
// demo with --demo; a first run offers the demo or an empty profile) and shows the main window.
#include <wx/app.h>
#include <wx/cmdline.h>
#include <wx/msgdlg.h>

#include <clocale>
#include <cstdlib>
#include <cstring>
#include <filesystem>

#include "first_run_dialog.h"
#include "i18n.h"
#include "main_frame.h"
#include "samla/sync/demo_workspace.h"
#include "samla/sync/iso8601.h"
#include "samla/sync/os_time_zone.h"
#include "settings_dialog.h"

namespace samla::app {
namespace {

std::string env(const char* name) {
  const char* value = std::getenv(name);
  return value == nullptr ? std::string() : std::string(value);
}

// $SAMLA_LOCALEDIR, else the build tree's catalogues, else the installed ones.
std::string locale_dir() {
  if (auto dir = env("SAMLA_LOCALEDIR"); !dir.empty()) return dir;
  std::error_code error;
  if (std::filesystem::is_directory(SAMLA_BUILD_LOCALEDIR, error)) return SAMLA_BUILD_LOCALEDIR;
  return SAMLA_LOCALEDIR;
}

std::filesystem::path demo_dir() {
  if (auto dir = env("SAMLA_DEMO_DIR"); !dir.empty()) return dir;
  std::error_code error;
  if (std::filesystem::is_directory(SAMLA_DEMO_DATADIR, error)) return SAMLA_DEMO_DATADIR;
  return SAMLA_SOURCE_DEMO_DIR;
}

// Makes gettext answer in `code` whatever the locale says (as samlactl does): glibc ignores
// LANGUAGE while the messages locale is C or POSIX.
void use_language(const std::string& code) {
  setenv("LANGUAGE", code.c_str(), 1);
  const char* messages = std::setlocale(LC_MESSAGES, nullptr);
  if (messages == nullptr || std::strcmp(messages, "C") == 0 ||
      std::strcmp(messages, "POSIX") == 0) {
    std::setlocale(LC_MESSAGES, "C.UTF-8");
  }
}

Language language_in_use(const std::string& chosen) {
  if (auto l = language_from_code(chosen)) return *l;
  for (const char* name : {"LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"}) {
    const auto value = env(name);
    if (value.empty()) continue;
    if (value.starts_with("nn")) return Language::Nynorsk;
    if (value.starts_with("nb") || value.starts_with("no")) return Language::Bokmal;
    return Language::English;
  }
  return Language::English;
}

class SamlaApp : public wxApp {
 public:
  void OnInitCmdLine(wxCmdLineParser& parser) override {
    parser.AddOption("", "profile",
                     "profile folder (default: $SAMLA_PROFILE, else the user's data folder)");
    parser.AddSwitch("", "demo", "open the demo workspace (set up the first time)");
    parser.AddOption("", "as", "act as this user");
    parser.AddOption("", "now", "pretend it is this time (tests, demonstrations)");
    parser.AddOption("", "language", "nn, nb or en (default: the setting, else the system)");
    parser.AddSwitch("", "no-notifications", "no desktop notifications");
    parser.AddOption("", "view",
                     "the view to open: mine, department, handovers, due, overdue, all");
    parser.AddSwitch("", "testing-quit-after-paint",
                     "FOR TESTING: print when the inbox first paints, then quit (benchmark)");
    parser.AddOption("", "testing-slow-sync",
                     "FOR TESTING: add a channel whose passes take this many milliseconds",
                     wxCMD_LINE_VAL_NUMBER);
    parser.SetSwitchChars("-");
  }

  bool OnCmdLineParsed(wxCmdLineParser& parser) override {
    wxString value;
    if (parser.Found("profile", &value)) options_.profile = value.utf8_string();
    options_demo_ = parser.Found("demo");
    if (parser.Found("as", &value)) options_.user = value.utf8_string();
    if (parser.Found("now", &value)) now_ = value.utf8_string();
    if (parser.Found("language", &value)) language_ = value.utf8_string();
    options_.notifications = !parser.Found("no-notifications");
    if (parser.Found("view", &value)) {
      const auto view = view_from_string(value.utf8_string());
      if (!view) {
        wxMessageBox("--view: mine, department, handovers, due, overdue or all", "Samla");
        return false;
      }
      options_.first_view = *view;
    }
    options_.testing_quit_after_paint = parser.Found("testing-quit-after-paint");
    long slow = 0;
    if (parser.Found("testing-slow-sync", &slow)) {
      options_.testing_slow_sync = std::chrono::milliseconds(slow);
    }
    return true;
  }

  bool OnInit() override {
    std::setlocale(LC_ALL, "");
    if (!wxApp::OnInit()) return false;
    try {
      return open();
    } catch (const std::exception& e) {
      wxMessageBox(wxString::FromUTF8(e.what()), "Samla", wxOK | wxICON_ERROR);
      return false;
    }
  }

  bool OnExceptionInMainLoop() override {
    // Last resort: tell the caseworker in words, keep the window running.
    try {
      throw;
    } catch (const std::exception& e) {
      wxMessageBox(wxString::FromUTF8(tr("Samla could not do that: ") + e.what()), "Samla",
                   wxOK | wxICON_WARNING);
    }
    return true;
  }

 private:
  bool open() {
    if (options_.profile.empty()) {
      if (auto p = env("SAMLA_PROFILE"); !p.empty()) {
        options_.profile = p;
      } else {
        std::filesystem::path data = env("XDG_DATA_HOME");
        if (data.empty()) data = std::filesystem::path(env("HOME")) / ".local" / "share";
        options_.profile = data / "samla" / (options_demo_ ? "demo" : "default");
      }
    }
    const bool first_run = !std::filesystem::exists(options_.profile / Workspace::kStoreFile);
    if (!now_.empty()) {
      static OsTimeZone oslo("Europe/Oslo");
      const auto at = parse_iso8601(now_, oslo);
      if (!at) throw std::invalid_argument("--now: " + now_ + " is not a time");
      const Instant pinned = *at;
      options_.workspace.clock = [pinned] { return pinned; };
    }
    bool demo = options_demo_;
    {
      Workspace ws(options_.profile, options_.workspace);
      if (language_.empty())
        language_ = ws.store().setting(SettingsDialog::kLanguageSetting).value_or("");
      if (!language_.empty()) use_language(language_);
      bindtextdomain("samla", locale_dir().c_str());
      bind_textdomain_codeset("samla", "UTF-8");
      if (first_run && !demo) {
        const auto answer = FirstRunDialog(nullptr).ask();
        if (answer == FirstRunDialog::Choice::cancel) return false;
        demo = answer == FirstRunDialog::Choice::demo;
      }
      if (demo) {
        const auto report = create_demo_workspace(ws, demo_dir());
        for (const auto& problem : report.problems) wxLogWarning("%s", wxString::FromUTF8(problem));
      }
    }
    options_.language = language_in_use(language_);
    auto* frame = new MainFrame(options_);
    frame->Show();
    if (first_run && !demo) {
      frame->CallAfter([frame] { frame->open_settings(); });
    }
    return true;
  }

  FrameOptions options_;
  bool options_demo_ = false;
  std::string now_;
  std::string language_;
};

}  // namespace
}  // namespace samla::app

wxIMPLEMENT_APP(samla::app::SamlaApp);
