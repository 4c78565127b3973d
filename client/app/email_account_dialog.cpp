#include "email_account_dialog.h"

#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/collpane.h>
#include <wx/sizer.h>
#include <wx/spinctrl.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include "gui_thread.h"
#include "i18n.h"
#include "samla/models/rejection.h"
#include "samla/sync/email/email_account_check.h"

namespace samla::app {
namespace {

wxString wx(const std::string& utf8) { return wxString::FromUTF8(utf8); }

// One server's outcome in words; the detail (libcurl's or the server's) stays as it came.
std::string server_line(const std::string& name, const ServerCheck& check) {
  if (check.ok) return substitute(tr("{0}: logged in."), {name});
  if (check.auth_required) {
    return substitute(tr("{0}: the server refused the login. Check the login and the password."),
                      {name});
  }
  return name + ": " + check.detail;
}

}  // namespace

EmailAccountDialog::EmailAccountDialog(wxWindow* parent, ChannelSettings& settings,
                                       EmailAccountSettings account)
    : wxDialog(parent, wxID_ANY,
               wx(account.address.empty() ? tr("Add email account") : tr("Edit email account")),
               wxDefaultPosition, wxDefaultSize, wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      settings_(settings),
      account_(std::move(account)) {
  const bool editing = !account_.address.empty();
  auto* body = new wxBoxSizer(wxVERTICAL);
  auto* grid = new wxFlexGridSizer(2, wxSize(8, 6));
  grid->AddGrowableCol(1);
  address_ = field(this, grid, tr("Address"), account_.address);
  address_->SetHint(wxString::FromUTF8("post@kommune.no"));
  if (editing) address_->SetEditable(false);  // the address names the account and its password
  name_ = field(this, grid, tr("Name shown to citizens"), account_.display_name);
  imap_ = field(this, grid, tr("IMAP server"), account_.imap_url);
  imap_->SetHint(wxString::FromUTF8("imaps://imap.kommune.no"));
  smtp_ = field(this, grid, tr("SMTP server"), account_.smtp_url);
  smtp_->SetHint(wxString::FromUTF8("smtps://smtp.kommune.no"));
  login_ = field(this, grid, tr("Login"), account_.user);
  login_->SetHint(wx(tr("the address")));
  password_ = field(this, grid, tr("Password"), "", wxTE_PASSWORD);
  if (editing) {
    password_->SetHint(settings_.has_email_password(account_)
                           ? wx(tr("stored in the keyring; type to replace"))
                           : wx(tr("not stored yet")));
  }
  ca_file_ = field(this, grid, tr("CA certificate file"), account_.ca_file);
  ca_file_->SetHint(wx(tr("empty: the system's certificates")));
  body->Add(grid, wxSizerFlags().Expand().Border(wxALL, 12));
  auto_reply_ = new wxCheckBox(this, wxID_ANY, wx(tr("Send automatic replies from this mailbox")));
  auto_reply_->SetValue(account_.auto_reply);
  body->Add(auto_reply_, wxSizerFlags().Border(wxLEFT | wxRIGHT, 12));
  add_more_settings(body);
  body->Add(new wxStaticText(this, wxID_ANY,
                             wx(tr("The password is kept in the system's keyring, never in "
                                   "Samla's files."))),
            wxSizerFlags().Border(wxALL, 12));
  // Why the form cannot be saved, said where the caseworker is looking (no second window).
  error_ = new wxStaticText(this, wxID_ANY, wxString());
  error_->SetForegroundColour(wxColour(0xb0, 0x00, 0x20));
  error_->SetName(wx(tr("Problem")));
  body->Add(error_, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxBOTTOM, 12));
  auto* buttons = new wxBoxSizer(wxHORIZONTAL);
  test_ = new wxButton(this, wxID_ANY, wx(tr("&Test connection")));
  buttons->Add(test_, wxSizerFlags().CentreVertical());
  buttons->AddStretchSpacer();
  buttons->Add(CreateButtonSizer(wxOK | wxCANCEL), wxSizerFlags().CentreVertical());
  body->Add(buttons, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxBOTTOM, 12));
  test_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { test_connection(); });
  SetSizerAndFit(body);
  SetSize(FromDIP(wxSize(560, -1)).x, GetSize().y);
  CentreOnParent();
  Bind(
      wxEVT_BUTTON, [this](wxCommandEvent&) { save(); }, wxID_OK);
  (editing ? name_ : address_)->SetFocus();
}

void EmailAccountDialog::add_more_settings(wxSizer* body) {
  // What most mailboxes never need: folded away, but reachable for IT (a native expander).
  auto* more = new wxCollapsiblePane(this, wxID_ANY, wx(tr("More settings")));
  more->SetName(wx(tr("More settings")));
  auto* pane = more->GetPane();
  auto* grid = new wxFlexGridSizer(2, wxSize(8, 6));
  grid->AddGrowableCol(1);
  inbox_ = field(pane, grid, tr("Folder to read"), account_.inbox);
  sent_ = field(pane, grid, tr("Folder for copies of replies"), account_.sent);
  grid->Add(new wxStaticText(pane, wxID_ANY, wx(tr("Days between auto-replies to one sender"))),
            wxSizerFlags().CentreVertical());
  auto_reply_days_ = new wxSpinCtrl(pane, wxID_ANY);
  auto_reply_days_->SetRange(0, 365);
  auto_reply_days_->SetValue(account_.auto_reply_days);
  auto_reply_days_->SetName(wx(tr("Days between auto-replies to one sender")));
  grid->Add(auto_reply_days_);
  auto* column = new wxBoxSizer(wxVERTICAL);
  column->Add(grid, wxSizerFlags().Expand());
  relay_ = new wxCheckBox(pane, wxID_ANY, wx(tr("The SMTP server sends without login (relay)")));
  relay_->SetValue(!account_.smtp_login);
  column->Add(relay_, wxSizerFlags().Border(wxTOP, 6));
  qresync_ = new wxCheckBox(pane, wxID_ANY, wx(tr("Use QRESYNC where the server offers it")));
  qresync_->SetValue(account_.qresync);
  column->Add(qresync_, wxSizerFlags().Border(wxTOP, 6));
  pane->SetSizer(column);
  body->Add(more, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxTOP, 12));
  more->Bind(wxEVT_COLLAPSIBLEPANE_CHANGED, [this](wxCollapsiblePaneEvent&) {
    const int width = GetSize().x;
    Fit();
    SetSize(width, GetSize().y);
  });
}

wxTextCtrl* EmailAccountDialog::field(wxWindow* parent, wxSizer* grid, const std::string& label,
                                      const std::string& value, long style) {
  grid->Add(new wxStaticText(parent, wxID_ANY, wx(label)), wxSizerFlags().CentreVertical());
  auto* text = new wxTextCtrl(parent, wxID_ANY, wx(value), wxDefaultPosition, wxDefaultSize, style);
  text->SetName(wx(label));
  grid->Add(text, wxSizerFlags().Expand());
  return text;
}

EmailAccountDialog::~EmailAccountDialog() {
  if (tester_.joinable()) tester_.join();
}

EmailAccountSettings EmailAccountDialog::form() const {
  EmailAccountSettings account = account_;
  account.address = address_->GetValue().utf8_string();
  account.display_name = name_->GetValue().utf8_string();
  account.imap_url = imap_->GetValue().utf8_string();
  account.smtp_url = smtp_->GetValue().utf8_string();
  account.user = login_->GetValue().utf8_string();
  account.ca_file = ca_file_->GetValue().utf8_string();
  account.auto_reply = auto_reply_->GetValue();
  account.inbox = inbox_->GetValue().utf8_string();
  account.sent = sent_->GetValue().utf8_string();
  account.auto_reply_days = auto_reply_days_->GetValue();
  account.smtp_login = !relay_->GetValue();
  account.qresync = qresync_->GetValue();
  return account;
}

void EmailAccountDialog::save() {
  try {
    settings_.save_email_account(form(), password_->GetValue().utf8_string());
    refusal_.clear();
    EndModal(wxID_OK);
  } catch (const std::exception& e) {
    refusal_ = e.what();
    show_problem(refusal_);
  }
}

void EmailAccountDialog::show_problem(const std::string& text) {
  error_->SetForegroundColour(wxColour(0xb0, 0x00, 0x20));
  error_->SetLabel(wx(text));
  error_->Wrap(GetClientSize().x - FromDIP(24));
  const int width = GetSize().x;
  Fit();
  SetSize(width, GetSize().y);
}

void EmailAccountDialog::test_connection() {
  if (!test_->IsEnabled()) return;  // one test at a time
  EmailAccount account;
  try {
    account = settings_.account_to_test(form(), password_->GetValue().utf8_string());
  } catch (const std::exception& e) {
    test_outcome_ = e.what();
    show_problem(test_outcome_);
    return;
  }
  if (tester_.joinable()) tester_.join();  // the last test, already finished
  test_outcome_.clear();
  test_->Disable();
  error_->SetForegroundColour(GetForegroundColour());
  error_->SetLabel(wx(tr("Testing the connection…")));
  // The servers are asked on a worker thread; the answer comes back through GuiThread.
  tester_ = std::thread([gui = GuiThread(this), this, account = std::move(account)] {
    auto check = check_email_account(account);
    gui.post([this, check = std::move(check)] {
      test_->Enable();
      test_outcome_ =
          check.ok() ? tr("Both servers answered and took the login.")
                     : server_line("IMAP", check.imap) + "\n" + server_line("SMTP", check.smtp);
      show_problem(test_outcome_);
      if (check.ok()) {
        error_->SetForegroundColour(wxColour(0x1b, 0x5e, 0x20));
        error_->Refresh();
      }
    });
  });
}

}  // namespace samla::app
