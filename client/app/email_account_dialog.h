#pragma once
// Adds or edits one functional mailbox (EmailAccountSettings); the password goes to the keyring
// through ChannelSettings when OK is pressed, and a form that cannot work keeps the dialog open
// with the reason.
#include <wx/dialog.h>

#include "channel_settings.h"

class wxTextCtrl;
class wxCheckBox;
class wxStaticText;

namespace samla::app {

class EmailAccountDialog : public wxDialog {
 public:
  /// `account`: the one to edit, or a new one (empty address).
  EmailAccountDialog(wxWindow* parent, ChannelSettings& settings, EmailAccountSettings account);
  /// The reason the last OK was refused; empty when saved.
  [[nodiscard]] const std::string& refusal() const { return refusal_; }

 private:
  static wxTextCtrl* field(wxWindow* parent, wxSizer* grid, const std::string& label,
                           const std::string& value, long style = 0);
  void save();

  ChannelSettings& settings_;
  EmailAccountSettings account_;
  std::string refusal_;
  wxTextCtrl* address_ = nullptr;
  wxTextCtrl* name_ = nullptr;
  wxTextCtrl* imap_ = nullptr;
  wxTextCtrl* smtp_ = nullptr;
  wxTextCtrl* login_ = nullptr;
  wxTextCtrl* password_ = nullptr;
  wxTextCtrl* ca_file_ = nullptr;
  wxCheckBox* auto_reply_ = nullptr;
  wxStaticText* error_ = nullptr;
};

}  // namespace samla::app
