#include "settings_dialog.h"

#include <wx/button.h>
#include <wx/choicdlg.h>
#include <wx/choice.h>
#include <wx/listctrl.h>
#include <wx/msgdlg.h>
#include <wx/notebook.h>
#include <wx/radiobox.h>
#include <wx/sizer.h>
#include <wx/spinctrl.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/textdlg.h>

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

SettingsDialog::SettingsDialog(wxWindow* parent, Workspace& workspace)
    : wxDialog(parent, wxID_ANY, wx(tr("Settings")), wxDefaultPosition, wxDefaultSize,
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      ws_(workspace) {
  auto* body = new wxBoxSizer(wxVERTICAL);
  auto* book = new wxNotebook(this, wxID_ANY);
  book->AddPage(people_page(book), wx(tr("Departments and people")));
  book->AddPage(hours_page(book), wx(tr("Office hours")));
  book->AddPage(policy_page(book), wx(tr("Deadlines")));
  book->AddPage(language_page(book), wx(tr("Language")));
  body->Add(book, wxSizerFlags(1).Expand().Border(wxALL, 10));
  auto* close = new wxButton(this, wxID_CLOSE, wx(tr("Close")));
  close->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { EndModal(wxID_CLOSE); });
  SetEscapeId(wxID_CLOSE);
  body->Add(close, wxSizerFlags().Right().Border(wxLEFT | wxRIGHT | wxBOTTOM, 10));
  SetSizerAndFit(body);
  SetSize(FromDIP(wxSize(640, 460)));
  CentreOnParent();
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
  const auto current = ws_.store().setting(kLanguageSetting).value_or("");
  box->SetSelection(current == "nn" ? 1 : current == "nb" ? 2 : current == "en" ? 3 : 0);
  sizer->Add(box, wxSizerFlags().Border(wxALL, 10));
  sizer->Add(
      new wxStaticText(page, wxID_ANY, wx(tr("The new language applies when Samla starts next."))),
      wxSizerFlags().Border(wxLEFT | wxRIGHT, 10));
  page->SetSizer(sizer);
  box->Bind(wxEVT_RADIOBOX, [this](wxCommandEvent& e) {
    const char* codes[] = {"", "nn", "nb", "en"};
    ws_.store().set_setting(kLanguageSetting, codes[e.GetSelection()]);
  });
  return page;
}

}  // namespace samla::app
