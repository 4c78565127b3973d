#pragma once
// Settings of the profile: departments and their people, office hours, the deadline policy, the
// email accounts, the SMS gateway, the team hub connection and the language of the window.
// Changes go through the Workspace and ChannelSettings at once; the caller refreshes its views
// afterwards and, when channels_changed(), restarts its sync engine with the new channels.
#include <wx/dialog.h>

#include "channel_settings.h"
#include "samla/sync/workspace.h"

class wxListCtrl;
class wxChoice;
class wxTextCtrl;
class wxSpinCtrl;
class wxRadioBox;
class wxStaticText;
class wxNotebook;

namespace samla::app {

class SettingsDialog : public wxDialog {
 public:
  SettingsDialog(wxWindow* parent, Workspace& workspace, KeyringFactory keyring);
  /// The store setting that holds the chosen window language ("nn", "nb", "en"; empty: system).
  static constexpr const char* kLanguageSetting = "ui.language";
  /// The dialog's return code when the caseworker asked to restart Samla in the new language.
  static constexpr int kRestart = wxID_HIGHEST + 900;

  enum class Page { people, hours, deadlines, email, sms, hub, language };
  void show_page(Page page);
  /// Email accounts, the SMS gateway or the hub connection were changed.
  [[nodiscard]] bool channels_changed() const { return channels_changed_; }
  /// The outcome of the last save on the email, SMS or hub page; empty when it was saved.
  [[nodiscard]] const std::string& problem() const { return problem_; }

 private:
  wxWindow* people_page(wxWindow* book);
  wxWindow* hours_page(wxWindow* book);
  wxWindow* policy_page(wxWindow* book);
  wxWindow* email_page(wxWindow* book);
  wxWindow* sms_page(wxWindow* book);
  wxWindow* hub_page(wxWindow* book);
  wxWindow* language_page(wxWindow* book);
  void fill_people();
  void fill_accounts();
  void edit_account(EmailAccountSettings account);
  void show_error(const std::string& text);
  // Shows the outcome of a save on a page's own line: empty `problem` says it was saved.
  void tell(wxStaticText* line, const std::string& problem, const std::string& saved);

  Workspace& ws_;
  ChannelSettings channels_;
  bool channels_changed_ = false;
  std::string problem_;
  wxNotebook* book_ = nullptr;
  wxListCtrl* people_ = nullptr;
  wxChoice* hours_department_ = nullptr;
  wxTextCtrl* hours_ = nullptr;
  wxSpinCtrl* days_[3] = {nullptr, nullptr, nullptr};
  wxListCtrl* accounts_ = nullptr;
};

}  // namespace samla::app
