#pragma once
// Settings of the profile: departments and their people, office hours, the deadline policy and
// the language of the window. (Email accounts and the team hub get their pages when those land.)
// Changes go through the Workspace at once; the caller refreshes its views afterwards.
#include <wx/dialog.h>

#include "samla/sync/workspace.h"

class wxListCtrl;
class wxChoice;
class wxTextCtrl;
class wxSpinCtrl;
class wxRadioBox;

namespace samla::app {

class SettingsDialog : public wxDialog {
 public:
  SettingsDialog(wxWindow* parent, Workspace& workspace);
  /// The store setting that holds the chosen window language ("nn", "nb", "en"; empty: system).
  static constexpr const char* kLanguageSetting = "ui.language";

 private:
  wxWindow* people_page(wxWindow* book);
  wxWindow* hours_page(wxWindow* book);
  wxWindow* policy_page(wxWindow* book);
  wxWindow* language_page(wxWindow* book);
  void fill_people();
  void show_error(const std::string& text);

  Workspace& ws_;
  wxListCtrl* people_ = nullptr;
  wxChoice* hours_department_ = nullptr;
  wxTextCtrl* hours_ = nullptr;
  wxSpinCtrl* days_[3] = {nullptr, nullptr, nullptr};
};

}  // namespace samla::app
