#include "conversation_dialogs.h"

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/datectrl.h>
#include <wx/dateevt.h>
#include <wx/listbox.h>
#include <wx/msgdlg.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include "i18n.h"
#include "samla/models/rejection.h"
#include "samla/sync/sms_number.h"

namespace samla::app {
namespace {

wxString wx(const std::string& utf8) { return wxString::FromUTF8(utf8); }

wxStaticText* label(wxWindow* parent, const std::string& text) {
  return new wxStaticText(parent, wxID_ANY, wx(text));
}

// OK and Cancel in the platform's order; Enter in a one-line field presses OK.
void finish(wxDialog* dialog, wxBoxSizer* body, const std::string& ok_label) {
  auto* buttons = new wxStdDialogButtonSizer();
  auto* ok = new wxButton(dialog, wxID_OK, wx(ok_label));
  ok->SetDefault();
  buttons->AddButton(ok);
  buttons->AddButton(new wxButton(dialog, wxID_CANCEL, wx(tr("Cancel"))));
  buttons->Realize();
  body->Add(buttons, wxSizerFlags().Expand().Border(wxALL, 10));
  dialog->SetSizerAndFit(body);
  dialog->CentreOnParent();
}

// A picker of templates, "No template" first; named for screen readers and tests.
wxChoice* template_picker(wxWindow* parent, const std::vector<TemplateOption>& options) {
  auto* picker = new wxChoice(parent, wxID_ANY);
  picker->Append(wx(tr("No template")));
  for (const auto& o : options) picker->Append(wx(o.label));
  picker->SetSelection(0);
  picker->SetName(wx(tr("Template")));
  return picker;
}

// The chosen template's id, or empty for "No template".
std::string chosen(const wxChoice* picker, const std::vector<TemplateOption>& options) {
  const int n = picker->GetSelection();
  if (n <= 0 || static_cast<std::size_t>(n) > options.size()) return {};
  return options[static_cast<std::size_t>(n) - 1].id;
}

// Asks before a template replaces what the caseworker wrote.
bool may_replace(wxWindow* parent, bool edited) {
  return !edited || wxMessageBox(wx(tr("Replace the text you wrote with the template?")),
                                 wx(tr("Template")), wxYES_NO | wxNO_DEFAULT, parent) == wxYES;
}

// A label that shows why a template could not be used; hidden when nothing is wrong.
wxStaticText* problem_label(wxWindow* parent) {
  auto* problem = new wxStaticText(parent, wxID_ANY, wxString());
  problem->SetForegroundColour(*wxRED);
  problem->Hide();
  return problem;
}

void show_problem(wxDialog* dialog, wxStaticText* label, const std::string& problem) {
  label->SetLabel(wx(problem));
  label->Show(!problem.empty());
  dialog->Layout();
}

}  // namespace

ReplyDialog::ReplyDialog(wxWindow* parent, const wxString& subject, const wxString& to,
                         std::vector<TemplateOption> options, DraftFor draft)
    : wxDialog(parent, wxID_ANY, wx(tr("Reply")), wxDefaultPosition, wxDefaultSize,
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      options_(std::move(options)),
      draft_(std::move(draft)) {
  auto* body = new wxBoxSizer(wxVERTICAL);
  auto* grid = new wxFlexGridSizer(2, wxSize(8, 6));
  grid->AddGrowableCol(1);
  grid->Add(label(this, tr("To")), wxSizerFlags().CentreVertical());
  grid->Add(new wxStaticText(this, wxID_ANY, to), wxSizerFlags().CentreVertical());
  grid->Add(label(this, tr("Subject")), wxSizerFlags().CentreVertical());
  subject_ = new wxTextCtrl(this, wxID_ANY, subject);
  subject_->SetName(wx(tr("Subject")));
  grid->Add(subject_, wxSizerFlags().Expand());
  grid->Add(label(this, tr("Template")), wxSizerFlags().CentreVertical());
  picker_ = template_picker(this, options_);
  grid->Add(picker_, wxSizerFlags().Expand());
  body->Add(grid, wxSizerFlags().Expand().Border(wxALL, 10));
  problem_ = problem_label(this);
  body->Add(problem_, wxSizerFlags().Border(wxLEFT | wxRIGHT | wxBOTTOM, 10));
  text_ = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, wxSize(560, 260),
                         wxTE_MULTILINE);
  text_->SetName(wx(tr("Reply text")));
  body->Add(label(this, tr("Reply text")), wxSizerFlags().Border(wxLEFT | wxRIGHT, 10));
  body->Add(text_, wxSizerFlags(1).Expand().Border(wxLEFT | wxRIGHT | wxTOP, 10));
  text_->Bind(wxEVT_TEXT, [this](wxCommandEvent&) { edited_ = true; });
  picker_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { use_template(); });
  finish(this, body, tr("Send"));
  text_->SetFocus();
}

void ReplyDialog::use_template() {
  const auto id = chosen(picker_, options_);
  if (id.empty() || !may_replace(this, edited_ && !text_->IsEmpty())) return;
  const auto written = draft_(id);
  show_problem(this, problem_, written.problem);
  if (!written.problem.empty()) return;
  // A snippet has no subject of its own: the reply keeps "Re: …".
  if (!written.subject.empty()) subject_->ChangeValue(wx(written.subject));
  text_->ChangeValue(wx(written.body));
  edited_ = false;
}

std::string ReplyDialog::subject() const { return subject_->GetValue().utf8_string(); }
std::string ReplyDialog::text() const { return text_->GetValue().utf8_string(); }

PreliminaryDialog::PreliminaryDialog(wxWindow* parent, const wxDateTime& suggested,
                                     std::vector<TemplateOption> options, Wording wording)
    : wxDialog(parent, wxID_ANY, wx(tr("Preliminary reply")), wxDefaultPosition, wxDefaultSize,
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      options_(std::move(options)),
      wording_(std::move(wording)) {
  auto* body = new wxBoxSizer(wxVERTICAL);
  auto* row = new wxBoxSizer(wxHORIZONTAL);
  row->Add(label(this, tr("The answer will come by")), wxSizerFlags().CentreVertical());
  date_ = new wxDatePickerCtrl(this, wxID_ANY, suggested, wxDefaultPosition, wxDefaultSize,
                               wxDP_DROPDOWN | wxDP_SHOWCENTURY);
  date_->SetName(wx(tr("The answer will come by")));
  date_->SetRange(wxDateTime::Today(), wxDateTime());
  row->Add(date_, wxSizerFlags().Border(wxLEFT, 8));
  body->Add(row, wxSizerFlags().Border(wxALL, 10));
  body->Add(label(this, tr("The deadline moves to this day; the citizen is told it.")),
            wxSizerFlags().Border(wxLEFT | wxRIGHT, 10));
  auto* pick_row = new wxBoxSizer(wxHORIZONTAL);
  pick_row->Add(label(this, tr("Template")), wxSizerFlags().CentreVertical());
  picker_ = template_picker(this, options_);
  // The first preliminary-reply template is the usual choice; "No template" stays offered.
  if (!options_.empty()) picker_->SetSelection(1);
  pick_row->Add(picker_, wxSizerFlags(1).Border(wxLEFT, 8));
  body->Add(pick_row, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxTOP, 10));
  problem_ = problem_label(this);
  body->Add(problem_, wxSizerFlags().Border(wxLEFT | wxRIGHT | wxTOP, 10));
  text_ = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, wxSize(560, 220),
                         wxTE_MULTILINE);
  text_->SetName(wx(tr("Reply text")));
  body->Add(text_, wxSizerFlags(1).Expand().Border(wxALL, 10));
  refill();
  text_->Bind(wxEVT_TEXT, [this](wxCommandEvent&) { edited_ = true; });
  // The promised date fills {promised_date} live until the caseworker edits the text.
  date_->Bind(wxEVT_DATE_CHANGED, [this](wxDateEvent&) {
    if (!edited_) refill();
  });
  picker_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) {
    if (may_replace(this, edited_)) refill();
  });
  finish(this, body, tr("Send"));
}

void PreliminaryDialog::refill() {
  const auto draft = wording_(chosen(picker_, options_), date_->GetValue());
  show_problem(this, problem_, draft.problem);
  if (!draft.problem.empty()) return;
  text_->ChangeValue(wx(draft.body));
  edited_ = false;
}

wxDateTime PreliminaryDialog::promised_day() const { return date_->GetValue(); }
std::string PreliminaryDialog::text() const { return text_->GetValue().utf8_string(); }

SmsDialog::SmsDialog(wxWindow* parent, const wxString& to, std::vector<TemplateOption> options,
                     DraftFor draft)
    : wxDialog(parent, wxID_ANY, wx(tr("SMS to the citizen"))),
      options_(std::move(options)),
      draft_(std::move(draft)) {
  auto* body = new wxBoxSizer(wxVERTICAL);
  auto* to_row = new wxBoxSizer(wxHORIZONTAL);
  to_row->Add(label(this, tr("Mobile number")), wxSizerFlags().CentreVertical());
  to_ = new wxTextCtrl(this, wxID_ANY, to);
  to_->SetName(wx(tr("Mobile number")));
  to_->SetHint(wx(tr("e.g. 912 34 567 or +46 70 123 45 67")));
  to_row->Add(to_, wxSizerFlags(1).Border(wxLEFT, 8));
  body->Add(to_row, wxSizerFlags().Expand().Border(wxALL, 10));
  number_problem_ = new wxStaticText(this, wxID_ANY, wxString());
  number_problem_->SetForegroundColour(*wxRED);
  number_problem_->SetMinSize(wxSize(-1, GetCharHeight()));
  body->Add(number_problem_, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxBOTTOM, 10));
  auto* pick_row = new wxBoxSizer(wxHORIZONTAL);
  pick_row->Add(label(this, tr("Template")), wxSizerFlags().CentreVertical());
  picker_ = template_picker(this, options_);
  pick_row->Add(picker_, wxSizerFlags(1).Border(wxLEFT, 8));
  body->Add(pick_row, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxBOTTOM, 10));
  text_ = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, wxSize(480, 120),
                         wxTE_MULTILINE);
  text_->SetName(wx(tr("SMS text")));
  body->Add(text_, wxSizerFlags(1).Expand().Border(wxLEFT | wxRIGHT, 10));
  count_ = new wxStaticText(this, wxID_ANY, wxString());
  count_->SetName(wx(tr("SMS length")));
  body->Add(count_, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxTOP, 10));
  // The warning has its own line, there from the start, so the dialog keeps its size.
  warning_ = new wxStaticText(this, wxID_ANY, wxString());
  warning_->SetForegroundColour(*wxRED);
  warning_->SetMinSize(wxSize(-1, GetCharHeight()));
  body->Add(warning_, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxBOTTOM, 10));
  text_->Bind(wxEVT_TEXT, [this](wxCommandEvent&) { count(); });
  // The complaint about a number goes once the number is being corrected.
  to_->Bind(wxEVT_TEXT, [this](wxCommandEvent&) { number_problem_->SetLabel(wxString()); });
  picker_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) {
    const auto id = chosen(picker_, options_);
    if (id.empty() || !may_replace(this, !text_->IsEmpty())) return;
    const auto written = draft_(id);
    if (!written.problem.empty()) {
      wxMessageBox(wx(written.problem), wx(tr("Template")), wxOK | wxICON_WARNING, this);
      return;
    }
    text_->ChangeValue(wx(written.body));
    count();
  });
  count();
  finish(this, body, tr("Send"));
  Bind(wxEVT_BUTTON, [this](wxCommandEvent& event) {
    if (event.GetId() == wxID_OK && !check_number()) return;  // stays open, says why
    event.Skip();
  });
  (to.empty() ? to_ : text_)->SetFocus();
}

bool SmsDialog::check_number() {
  try {
    number_ = to_e164(to_->GetValue().utf8_string());
    number_problem_->SetLabel(wxString());
    return true;
  } catch (const InvalidPhoneNumber&) {
    number_.clear();
    number_problem_->SetLabel(
        wx(substitute(tr("\"{0}\" is not a mobile number we can send an SMS to"),
                      {to_->GetValue().utf8_string()})));
    to_->SetFocus();
    return false;
  }
}

void SmsDialog::count() {
  const auto counter = sms_counter(text_->GetValue().utf8_string());
  count_->SetLabel(wx(counter.text));
  warning_->SetLabel(wx(counter.warning));
  Layout();
}

std::string SmsDialog::text() const { return text_->GetValue().utf8_string(); }

PickDialog::PickDialog(wxWindow* parent, const wxString& title, const wxString& prompt,
                       const std::vector<wxString>& options, const wxString& note_label)
    : wxDialog(parent, wxID_ANY, title) {
  auto* body = new wxBoxSizer(wxVERTICAL);
  body->Add(new wxStaticText(this, wxID_ANY, prompt), wxSizerFlags().Border(wxALL, 10));
  list_ = new wxListBox(this, wxID_ANY, wxDefaultPosition, wxSize(380, 180),
                        static_cast<int>(options.size()), options.data());
  list_->SetName(prompt);
  if (!options.empty()) list_->SetSelection(0);
  body->Add(list_, wxSizerFlags(1).Expand().Border(wxLEFT | wxRIGHT, 10));
  if (!note_label.empty()) {
    body->Add(new wxStaticText(this, wxID_ANY, note_label), wxSizerFlags().Border(wxALL, 10));
    note_ = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, wxSize(380, 70),
                           wxTE_MULTILINE);
    note_->SetName(note_label);
    body->Add(note_, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT, 10));
  }
  list_->Bind(wxEVT_LISTBOX_DCLICK, [this](wxCommandEvent&) { EndModal(wxID_OK); });
  finish(this, body, tr("OK"));
  list_->SetFocus();
}

int PickDialog::choice() const { return list_->GetSelection(); }
std::string PickDialog::note() const {
  return note_ == nullptr ? std::string() : note_->GetValue().utf8_string();
}

}  // namespace samla::app
