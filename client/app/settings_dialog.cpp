#include "settings_dialog.h"

#include <wx/button.h>
#include <wx/choicdlg.h>
#include <wx/choice.h>
#include <wx/listctrl.h>
#include <wx/msgdlg.h>
#include <wx/notebook.h>
#include <wx/panel.h>
#include <wx/radiobox.h>
#include <wx/sizer.h>
#include <wx/spinctrl.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/textdlg.h>

#include "email_account_dialog.h"
#include "i18n.h"
#include "samla/models/rejection.h"
#include "samla/sync/workspace_config.h"

namespace samla::app {
namespace {

wxString wx(const std::string& utf8) { return wxString::FromUTF8(utf8); }

std::string role_name(Role role) {
  switch (role) {
    case Role::Caseworker:
      return tr("caseworker");
    case Role::Lead:
      return tr("lead");
    case Role::Comms:
      return tr("comms");
    case Role::Admin:
      return tr("administrator");
  }
  return {};
}

std::optional<std::string> ask(wxWindow* parent, const std::string& prompt) {
  wxTextEntryDialog dialog(parent, wx(prompt), wx(tr("Settings")));
  if (dialog.ShowModal() != wxID_OK) return std::nullopt;
  auto text = dialog.GetValue().Strip(wxString::both).utf8_string();
  if (text.empty()) return std::nullopt;
  return text;
}

}  // namespace

SettingsDialog::SettingsDialog(wxWindow* parent, Workspace& workspace, KeyringFactory keyring)
    : wxDialog(parent, wxID_ANY, wx(tr("Settings")), wxDefaultPosition, wxDefaultSize,
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      ws_(workspace),
      channels_(workspace, std::move(keyring)) {
  auto* body = new wxBoxSizer(wxVERTICAL);
  auto* book = new wxNotebook(this, wxID_ANY);
  book_ = book;
  book->SetName(wx(tr("Settings")));
  // In the order of Page.
  book->AddPage(people_page(book), wx(tr("Departments and people")));
  book->AddPage(hours_page(book), wx(tr("Office hours")));
  book->AddPage(policy_page(book), wx(tr("Deadlines")));
  book->AddPage(email_page(book), wx(tr("Email accounts")));
  book->AddPage(sms_page(book), wx(tr("SMS gateway")));
  book->AddPage(hub_page(book), wx(tr("Team hub")));
  book->AddPage(language_page(book), wx(tr("Language")));
  body->Add(book, wxSizerFlags(1).Expand().Border(wxALL, 10));
  auto* close = new wxButton(this, wxID_CLOSE, wx(tr("Close")));
  close->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { EndModal(wxID_CLOSE); });
  SetEscapeId(wxID_CLOSE);
  body->Add(close, wxSizerFlags().Right().Border(wxLEFT | wxRIGHT | wxBOTTOM, 10));
  SetSizerAndFit(body);
  SetSize(FromDIP(wxSize(720, 520)));
  CentreOnParent();
}

void SettingsDialog::show_page(Page page) { book_->SetSelection(static_cast<std::size_t>(page)); }

void SettingsDialog::tell(wxStaticText* line, const std::string& problem,
                          const std::string& saved) {
  problem_ = problem;
  line->SetForegroundColour(problem.empty() ? wxColour(0x1b, 0x5e, 0x20)
                                            : wxColour(0xb0, 0x00, 0x20));
  line->SetLabel(wx(problem.empty() ? saved : problem));
  line->Wrap(line->GetParent()->GetClientSize().x - FromDIP(20));
  line->GetParent()->Layout();
}

void SettingsDialog::show_error(const std::string& text) {
  wxMessageBox(wx(text), wx(tr("Settings")), wxOK | wxICON_WARNING, this);
}

wxWindow* SettingsDialog::people_page(wxWindow* book) {
  auto* page = new wxPanel(book);
  auto* sizer = new wxBoxSizer(wxVERTICAL);
  people_ = new wxListCtrl(page, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                           wxLC_REPORT | wxLC_SINGLE_SEL);
  people_->SetName(wx(tr("Departments and people")));
  people_->AppendColumn(wx(tr("Department")), wxLIST_FORMAT_LEFT, FromDIP(170));
  people_->AppendColumn(wx(tr("Person")), wxLIST_FORMAT_LEFT, FromDIP(170));
  people_->AppendColumn(wx(tr("Role")), wxLIST_FORMAT_LEFT, FromDIP(140));
  sizer->Add(people_, wxSizerFlags(1).Expand().Border(wxALL, 8));
  auto* buttons = new wxBoxSizer(wxHORIZONTAL);
  auto* add_department = new wxButton(page, wxID_ANY, wx(tr("Add department…")));
  auto* add_person = new wxButton(page, wxID_ANY, wx(tr("Add person…")));
  buttons->Add(add_department, wxSizerFlags().Border(wxRIGHT, 8));
  buttons->Add(add_person);
  sizer->Add(buttons, wxSizerFlags().Border(wxLEFT | wxRIGHT | wxBOTTOM, 8));
  page->SetSizer(sizer);
  fill_people();

  add_department->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
    const auto name = ask(this, tr("Name of the new department:"));
    if (!name) return;
    const auto id = ask(this, tr("Short id of the department (letters, no spaces):"));
    if (!id) return;
    try {
      ws_.add_department(Department{*id, *name});
    } catch (const std::exception& e) {
      show_error(e.what());
    }
    fill_people();
  });
  add_person->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
    const auto dir = ws_.directory();
    wxArrayString departments;
    std::vector<std::string> ids;
    for (const auto& [id, d] : dir.departments()) {
      departments.Add(wx(d.name));
      ids.push_back(id);
    }
    const auto name = ask(this, tr("Full name of the person:"));
    if (!name) return;
    const auto id = ask(this, tr("User id (short, no spaces):"));
    if (!id) return;
    const int department =
        wxGetSingleChoiceIndex(wx(tr("Department:")), wx(tr("Settings")), departments, this);
    if (department < 0) return;
    wxArrayString roles;
    for (const auto role : {Role::Caseworker, Role::Lead, Role::Comms, Role::Admin}) {
      roles.Add(wx(role_name(role)));
    }
    const int role = wxGetSingleChoiceIndex(wx(tr("Role:")), wx(tr("Settings")), roles, this);
    if (role < 0) return;
    User user;
    if (const auto* existing = dir.user(*id)) user = *existing;
    user.id = *id;
    user.name = *name;
    user.memberships.push_back(
        Membership{ids[static_cast<std::size_t>(department)], static_cast<Role>(role)});
    try {
      ws_.add_user(user);
    } catch (const std::exception& e) {
      show_error(e.what());
    }
    fill_people();
  });
  return page;
}

void SettingsDialog::fill_people() {
  people_->DeleteAllItems();
  const auto dir = ws_.directory();
  long row = 0;
  for (const auto& [id, department] : dir.departments()) {
    const auto members = dir.members_of(id);
    if (members.empty()) {
      people_->InsertItem(row++, wx(department.name));
      continue;
    }
    for (const auto* member : members) {
      const auto item = people_->InsertItem(row++, wx(department.name));
      people_->SetItem(item, 1, wx(member->name));
      for (const auto& m : member->memberships) {
        if (m.department == id) people_->SetItem(item, 2, wx(role_name(m.role)));
      }
    }
  }
}

wxWindow* SettingsDialog::hours_page(wxWindow* book) {
  auto* page = new wxPanel(book);
  auto* sizer = new wxBoxSizer(wxVERTICAL);
  auto* grid = new wxFlexGridSizer(2, wxSize(8, 8));
  grid->AddGrowableCol(1);
  grid->Add(new wxStaticText(page, wxID_ANY, wx(tr("Department"))),
            wxSizerFlags().CentreVertical());
  hours_department_ = new wxChoice(page, wxID_ANY);
  hours_department_->SetName(wx(tr("Department")));
  std::vector<std::string> ids;
  const auto dir = ws_.directory();
  for (const auto& [id, d] : dir.departments()) {
    hours_department_->Append(wx(d.name));
    ids.push_back(id);
  }
  grid->Add(hours_department_, wxSizerFlags().Expand());
  grid->Add(new wxStaticText(page, wxID_ANY, wx(tr("Office hours"))),
            wxSizerFlags().CentreVertical());
  hours_ = new wxTextCtrl(page, wxID_ANY);
  hours_->SetName(wx(tr("Office hours")));
  grid->Add(hours_, wxSizerFlags().Expand());
  sizer->Add(grid, wxSizerFlags().Expand().Border(wxALL, 10));
  sizer->Add(new wxStaticText(page, wxID_ANY,
                              wx(tr("For example 09:00-15:00 mon-fri. Deadlines are counted in "
                                    "these hours."))),
             wxSizerFlags().Border(wxLEFT | wxRIGHT, 10));
  auto* save = new wxButton(page, wxID_ANY, wx(tr("Save office hours")));
  sizer->Add(save, wxSizerFlags().Border(wxALL, 10));
  page->SetSizer(sizer);

  const auto show = [this, ids] {
    const int i = hours_department_->GetSelection();
    if (i < 0) return;
    hours_->ChangeValue(wx(
        format_office_hours(ws_.rules().calendar_for(ids[static_cast<std::size_t>(i)]).hours())));
  };
  hours_department_->Bind(wxEVT_CHOICE, [show](wxCommandEvent&) { show(); });
  if (!ids.empty()) {
    hours_department_->SetSelection(0);
    show();
  }
  save->Bind(wxEVT_BUTTON, [this, ids](wxCommandEvent&) {
    const int i = hours_department_->GetSelection();
    if (i < 0) return;
    try {
      ws_.set_office_hours(ids[static_cast<std::size_t>(i)],
                           parse_office_hours(hours_->GetValue().utf8_string()));
    } catch (const std::exception& e) {
      show_error(e.what());
    }
  });
  return page;
}

wxWindow* SettingsDialog::policy_page(wxWindow* book) {
  auto* page = new wxPanel(book);
  auto* sizer = new wxBoxSizer(wxVERTICAL);
  sizer->Add(new wxStaticText(page, wxID_ANY,
                              wx(tr("Working days to answer, by kind of channel. A change applies "
                                    "to messages that arrive from now on."))),
             wxSizerFlags().Border(wxALL, 10));
  auto* grid = new wxFlexGridSizer(2, wxSize(8, 8));
  const auto policy = ws_.rules().policies().in_force_at(ws_.now());
  const char* names[3] = {"Email and digital post", "Social media and SMS", "Callback requests"};
  (void)tr("Email and digital post");
  (void)tr("Social media and SMS");
  (void)tr("Callback requests");
  for (int i = 0; i < 3; ++i) {
    const auto cls = static_cast<PolicyClass>(i);
    const auto it = policy.channels.find(cls);
    grid->Add(new wxStaticText(page, wxID_ANY, wx(tr(names[i]))), wxSizerFlags().CentreVertical());
    days_[i] = new wxSpinCtrl(page, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize,
                              wxSP_ARROW_KEYS, 1, 60,
                              it == policy.channels.end() ? 1 : it->second.working_days);
    days_[i]->SetName(wx(tr(names[i])));
    grid->Add(days_[i]);
  }
  sizer->Add(grid, wxSizerFlags().Border(wxLEFT | wxRIGHT, 10));
  auto* save = new wxButton(page, wxID_ANY, wx(tr("Save deadline policy")));
  sizer->Add(save, wxSizerFlags().Border(wxALL, 10));
  page->SetSizer(sizer);
  save->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
    auto version = ws_.rules().policies().in_force_at(ws_.now());
    for (int i = 0; i < 3; ++i) {
      version.channels[static_cast<PolicyClass>(i)].working_days = days_[i]->GetValue();
    }
    try {
      ws_.add_policy_version(ws_.now(), version);
    } catch (const std::exception& e) {
      show_error(e.what());
    }
  });
  return page;
}

wxWindow* SettingsDialog::email_page(wxWindow* book) {
  auto* page = new wxPanel(book);
  auto* sizer = new wxBoxSizer(wxVERTICAL);
  sizer->Add(new wxStaticText(page, wxID_ANY,
                              wx(tr("The functional mailboxes Samla reads and answers from."))),
             wxSizerFlags().Border(wxLEFT | wxRIGHT | wxTOP, 8));
  accounts_ = new wxListCtrl(page, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                             wxLC_REPORT | wxLC_SINGLE_SEL);
  accounts_->SetName(wx(tr("Email accounts")));
  accounts_->AppendColumn(wx(tr("Address")), wxLIST_FORMAT_LEFT, FromDIP(260));
  accounts_->AppendColumn(wx(tr("IMAP server")), wxLIST_FORMAT_LEFT, FromDIP(280));
  accounts_->AppendColumn(wx(tr("Password")), wxLIST_FORMAT_LEFT, FromDIP(120));
  sizer->Add(accounts_, wxSizerFlags(1).Expand().Border(wxALL, 8));
  auto* buttons = new wxBoxSizer(wxHORIZONTAL);
  auto* add = new wxButton(page, wxID_ANY, wx(tr("Add account…")));
  auto* edit = new wxButton(page, wxID_ANY, wx(tr("Edit…")));
  auto* remove = new wxButton(page, wxID_ANY, wx(tr("Remove")));
  buttons->Add(add, wxSizerFlags().Border(wxRIGHT, 8));
  buttons->Add(edit, wxSizerFlags().Border(wxRIGHT, 8));
  buttons->Add(remove);
  sizer->Add(buttons, wxSizerFlags().Border(wxLEFT | wxRIGHT | wxBOTTOM, 8));
  page->SetSizer(sizer);
  fill_accounts();

  const auto selected = [this]() -> std::optional<EmailAccountSettings> {
    const long row = accounts_->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
    const auto accounts = channels_.email_accounts();
    if (row < 0 || static_cast<std::size_t>(row) >= accounts.size()) return std::nullopt;
    return accounts[static_cast<std::size_t>(row)];
  };
  add->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { edit_account(EmailAccountSettings{}); });
  edit->Bind(wxEVT_BUTTON, [this, selected](wxCommandEvent&) {
    if (const auto account = selected()) edit_account(*account);
  });
  accounts_->Bind(wxEVT_LIST_ITEM_ACTIVATED, [this, selected](wxListEvent&) {
    if (const auto account = selected()) edit_account(*account);
  });
  remove->Bind(wxEVT_BUTTON, [this, selected](wxCommandEvent&) {
    const auto account = selected();
    if (!account) return;
    channels_.remove_email_account(account->address);
    channels_changed_ = true;
    fill_accounts();
  });
  return page;
}

void SettingsDialog::edit_account(EmailAccountSettings account) {
  EmailAccountDialog dialog(this, channels_, std::move(account));
  if (dialog.ShowModal() != wxID_OK) return;
  channels_changed_ = true;
  fill_accounts();
}

void SettingsDialog::fill_accounts() {
  accounts_->DeleteAllItems();
  long row = 0;
  for (const auto& account : channels_.email_accounts()) {
    const auto item = accounts_->InsertItem(row++, wx(account.address));
    accounts_->SetItem(item, 1, wx(account.imap_url));
    accounts_->SetItem(item, 2,
                       wx(channels_.has_email_password(account) ? tr("stored") : tr("needed")));
  }
}

namespace {

// A labelled text field in a two-column grid; the label is also its accessible name.
wxTextCtrl* labelled(wxWindow* page, wxSizer* grid, const std::string& label,
                     const std::string& value, long style = 0) {
  grid->Add(new wxStaticText(page, wxID_ANY, wx(label)), wxSizerFlags().CentreVertical());
  auto* text = new wxTextCtrl(page, wxID_ANY, wx(value), wxDefaultPosition, wxDefaultSize, style);
  text->SetName(wx(label));
  grid->Add(text, wxSizerFlags().Expand());
  return text;
}

}  // namespace

wxWindow* SettingsDialog::sms_page(wxWindow* book) {
  auto* page = new wxPanel(book);
  auto* sizer = new wxBoxSizer(wxVERTICAL);
  sizer->Add(new wxStaticText(page, wxID_ANY,
                              wx(tr("The SMS gateway Samla sends text messages through and "
                                    "receives the citizens' answers from."))),
             wxSizerFlags().Border(wxALL, 10));
  const auto form = channels_.sms_gateway().value_or(SmsGatewayForm{});
  auto* grid = new wxFlexGridSizer(2, wxSize(8, 6));
  grid->AddGrowableCol(1);
  grid->Add(new wxStaticText(page, wxID_ANY, wx(tr("Provider"))), wxSizerFlags().CentreVertical());
  auto* provider = new wxChoice(page, wxID_ANY);
  provider->SetName(wx(tr("Provider")));
  provider->Append(wxString::FromUTF8("Twilio"));
  provider->Append(wx(tr("Another gateway (REST, set up with samlactl)")));
  provider->SetSelection(form.provider == "rest" ? 1 : 0);
  grid->Add(provider, wxSizerFlags().Expand());
  auto* number = labelled(page, grid, tr("Number"), form.number);
  number->SetHint(wxString::FromUTF8("+4722334455"));
  auto* sid = labelled(page, grid, tr("Account SID"), form.account_sid);
  auto* token = labelled(page, grid, tr("Auth token"), "", wxTE_PASSWORD);
  token->SetHint(wx(channels_.sms_gateway() ? tr("kept in the keyring; type to replace")
                                            : tr("kept in the keyring")));
  sizer->Add(grid, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT, 10));
  auto* buttons = new wxBoxSizer(wxHORIZONTAL);
  auto* save = new wxButton(page, wxID_ANY, wx(tr("Save SMS gateway")));
  auto* remove = new wxButton(page, wxID_ANY, wx(tr("Remove SMS gateway")));
  buttons->Add(save, wxSizerFlags().Border(wxRIGHT, 8));
  buttons->Add(remove);
  sizer->Add(buttons, wxSizerFlags().Border(wxALL, 10));
  auto* outcome = new wxStaticText(page, wxID_ANY, wxString());
  outcome->SetName(wx(tr("Outcome")));
  sizer->Add(outcome, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT, 10));
  page->SetSizer(sizer);
  save->Bind(wxEVT_BUTTON, [this, provider, number, sid, token, outcome](wxCommandEvent&) {
    SmsGatewayForm changed;
    changed.provider = provider->GetSelection() == 1 ? "rest" : "twilio";
    changed.number = number->GetValue().utf8_string();
    changed.account_sid = sid->GetValue().utf8_string();
    try {
      channels_.save_sms_gateway(changed, token->GetValue().utf8_string());
      channels_changed_ = true;
      token->ChangeValue(wxString());
      token->SetHint(wx(tr("kept in the keyring; type to replace")));
      tell(outcome, "", tr("Saved. Samla uses the gateway from now on."));
    } catch (const std::exception& e) {
      tell(outcome, e.what(), "");
    }
  });
  remove->Bind(wxEVT_BUTTON, [this, number, sid, outcome](wxCommandEvent&) {
    channels_.remove_sms_gateway();
    channels_changed_ = true;
    number->ChangeValue(wxString());
    sid->ChangeValue(wxString());
    tell(outcome, "", tr("The SMS gateway is removed."));
  });
  return page;
}

wxWindow* SettingsDialog::hub_page(wxWindow* book) {
  auto* page = new wxPanel(book);
  auto* sizer = new wxBoxSizer(wxVERTICAL);
  auto* intro = new wxStaticText(
      page, wxID_ANY,
      wx(tr("Team mode: this desktop shares one inbox with the team through the hub. The "
            "team's agent then reads and sends email and SMS; this desktop syncs with the hub "
            "only.")));
  sizer->Add(intro, wxSizerFlags().Expand().Border(wxALL, 10));
  HubForm form;
  try {
    form = channels_.hub().value_or(HubForm{});
  } catch (const std::exception&) {
    // A connection string this window cannot read: start from an empty form.
  }
  if (form.user.empty()) form.user = ws_.current_user().value_or("");
  auto* grid = new wxFlexGridSizer(2, wxSize(8, 6));
  grid->AddGrowableCol(1);
  auto* host = labelled(page, grid, tr("Hub address"), form.host);
  host->SetHint(wxString::FromUTF8("hub.kommune.no"));
  auto* port = labelled(page, grid, tr("Port"), form.port);
  auto* database = labelled(page, grid, tr("Database"), form.database);
  auto* login = labelled(page, grid, tr("Login"), form.login);
  auto* user = labelled(page, grid, tr("Samla user"), form.user);
  auto* ca_file = labelled(page, grid, tr("CA certificate file"), form.ca_file);
  ca_file->SetHint(wx(tr("the CA that signed the hub's certificate")));
  auto* password = labelled(page, grid, tr("Password"), "", wxTE_PASSWORD);
  password->SetHint(wx(tr("kept in the keyring")));
  sizer->Add(grid, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT, 10));
  auto* buttons = new wxBoxSizer(wxHORIZONTAL);
  auto* save = new wxButton(page, wxID_ANY, wx(tr("Use this hub")));
  auto* leave = new wxButton(page, wxID_ANY, wx(tr("Leave team mode")));
  leave->Enable(channels_.hub().has_value());
  buttons->Add(save, wxSizerFlags().Border(wxRIGHT, 8));
  buttons->Add(leave);
  sizer->Add(buttons, wxSizerFlags().Border(wxALL, 10));
  auto* outcome = new wxStaticText(page, wxID_ANY, wxString());
  outcome->SetName(wx(tr("Outcome")));
  sizer->Add(outcome, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT, 10));
  page->SetSizer(sizer);
  const std::string other = form.other;
  save->Bind(wxEVT_BUTTON, [=, this](wxCommandEvent&) {
    HubForm changed;
    changed.host = host->GetValue().utf8_string();
    changed.port = port->GetValue().utf8_string();
    changed.database = database->GetValue().utf8_string();
    changed.login = login->GetValue().utf8_string();
    changed.user = user->GetValue().utf8_string();
    changed.ca_file = ca_file->GetValue().utf8_string();
    changed.other = other;
    try {
      channels_.save_hub(changed, password->GetValue().utf8_string());
      channels_changed_ = true;
      password->ChangeValue(wxString());
      leave->Enable(true);
      tell(outcome, "", tr("Saved. This desktop now works in team mode."));
    } catch (const std::exception& e) {
      tell(outcome, e.what(), "");
    }
  });
  leave->Bind(wxEVT_BUTTON, [this, leave, outcome](wxCommandEvent&) {
    channels_.leave_hub();
    channels_changed_ = true;
    leave->Enable(false);
    tell(outcome, "", tr("This desktop works alone again, on its own channels."));
  });
  return page;
}

wxWindow* SettingsDialog::language_page(wxWindow* book) {
  auto* page = new wxPanel(book);
  auto* sizer = new wxBoxSizer(wxVERTICAL);
  wxArrayString choices;
  choices.Add(wx(tr("As the system")));
  choices.Add(wxString::FromUTF8("Nynorsk"));
  choices.Add(wxString::FromUTF8("Bokmål"));
  choices.Add(wxString::FromUTF8("English"));
  auto* box = new wxRadioBox(page, wxID_ANY, wx(tr("Language of the window")), wxDefaultPosition,
                             wxDefaultSize, choices, 1);
  box->SetName(wx(tr("Language of the window")));
  const auto current = channels_.window_language();
  box->SetSelection(current == "nn" ? 1 : current == "nb" ? 2 : current == "en" ? 3 : 0);
  sizer->Add(box, wxSizerFlags().Border(wxALL, 10));
  // Every window and menu is built in its language once: a change takes a restart, said plainly
  // and offered at once.
  sizer->Add(
      new wxStaticText(page, wxID_ANY, wx(tr("A new language takes effect when Samla restarts."))),
      wxSizerFlags().Border(wxLEFT | wxRIGHT, 10));
  auto* restart = new wxButton(page, wxID_ANY, wx(tr("Restart Samla now")));
  restart->Enable(false);
  sizer->Add(restart, wxSizerFlags().Border(wxALL, 10));
  page->SetSizer(sizer);
  box->Bind(wxEVT_RADIOBOX, [this, restart, current](wxCommandEvent& e) {
    const char* codes[] = {"", "nn", "nb", "en"};
    channels_.set_window_language(codes[e.GetSelection()]);
    restart->Enable(channels_.window_language() != current);
  });
  restart->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { EndModal(kRestart); });
  return page;
}

}  // namespace samla::app
