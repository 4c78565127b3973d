#pragma once
// Adds or edits one functional mailbox (EmailAccountSettings); the password goes to the keyring
// through ChannelSettings when OK is pressed, and a form that cannot work keeps the dialog open
// with the reason.
#include <wx/dialog.h>

#include <memory>
#include <thread>

#include "channel_settings.h"

class wxButton;
class wxSizer;
class wxSpinCtrl;
class wxTextCtrl;
class wxCheckBox;
class wxStaticText;

namespace samla::app {

class EmailAccountDialog : public wxDialog {
 public:
  /// `account`: the one to edit, or a new one (empty address).
  EmailAccountDialog(wxWindow* parent, ChannelSettings& settings, EmailAccountSettings account);
  ~EmailAccountDialog() override;
  EmailAccountDialog(const EmailAccountDialog&) = delete;
  EmailAccountDialog& operator=(const EmailAccountDialog&) = delete;
  EmailAccountDialog(EmailAccountDialog&&) = delete;
  EmailAccountDialog& operator=(EmailAccountDialog&&) = delete;
  /// The reason the last OK was refused; empty when saved.
  [[nodiscard]] const std::string& refusal() const { return refusal_; }
  /// Starts "Test connection" (as the button does): the servers are tried on a worker thread
  /// and the outcome shown in the dialog; test_outcome() says it in words once it is known.
  void test_connection();
  [[nodiscard]] const std::string& test_outcome() const { return test_outcome_; }

 private:
  static wxTextCtrl* field(wxWindow* parent, wxSizer* grid, const std::string& label,
                           const std::string& value, long style = 0);
  void add_more_settings(wxSizer* body);
  [[nodiscard]] EmailAccountSettings form() const;
  void save();
  void show_problem(const std::string& text);

  ChannelSettings& settings_;
  EmailAccountSettings account_;
  std::string refusal_;
  std::string test_outcome_;
  std::thread tester_;  // joined on close: a test ends within the servers' timeout
  wxTextCtrl* address_ = nullptr;
  wxTextCtrl* name_ = nullptr;
  wxTextCtrl* imap_ = nullptr;
  wxTextCtrl* smtp_ = nullptr;
  wxTextCtrl* login_ = nullptr;
  wxTextCtrl* password_ = nullptr;
  wxTextCtrl* ca_file_ = nullptr;
  wxCheckBox* auto_reply_ = nullptr;
  wxTextCtrl* inbox_ = nullptr;
  wxTextCtrl* sent_ = nullptr;
  wxSpinCtrl* auto_reply_days_ = nullptr;
  wxCheckBox* relay_ = nullptr;
  wxCheckBox* qresync_ = nullptr;
  wxButton* test_ = nullptr;
  wxStaticText* error_ = nullptr;
};

}  // namespace samla::app
