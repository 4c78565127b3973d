#include "templates_dialog.h"

#include <algorithm>

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/dialog.h>
#include <wx/listbox.h>
#include <wx/msgdlg.h>
#include <wx/notebook.h>
#include <wx/panel.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/tooltip.h>

#include "i18n.h"
#include "inbox_model.h"
#include "samla/models/rejection.h"

namespace samla::app {
namespace {

wxString wx(const std::string& utf8) { return wxString::FromUTF8(utf8); }

std::string join(const std::vector<std::string>& lines) {
  std::string out;
  for (const auto& l : lines) out += (out.empty() ? "" : "\n") + l;
  return out;
}

}  // namespace

TemplatesDialog::TemplatesDialog(wxWindow* parent, Workspace& ws, const std::string& user,
                                 const std::string& conversation)
    : wxDialog(parent, wxID_ANY, wx(tr("Templates")), wxDefaultPosition, wxDefaultSize,
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      editor_(ws, user),
      conversation_(conversation) {
  auto* outer = new wxBoxSizer(wxHORIZONTAL);
  list_ = new wxListBox(this, wxID_ANY, wxDefaultPosition, wxSize(440, 600));
  list_->SetName(wx(tr("Templates")));
  outer->Add(list_, wxSizerFlags().Expand().Border(wxALL, 10));

  auto* right = new wxBoxSizer(wxVERTICAL);
  auto* name_row = new wxBoxSizer(wxHORIZONTAL);
  name_row->Add(new wxStaticText(this, wxID_ANY, wx(tr("Name"))), wxSizerFlags().CentreVertical());
  name_ = new wxTextCtrl(this, wxID_ANY);
  name_->SetName(wx(tr("Name")));
  name_row->Add(name_, wxSizerFlags(1).Border(wxLEFT, 8));
  right->Add(name_row, wxSizerFlags().Expand().Border(wxTOP | wxRIGHT, 10));

  tabs_ = new wxNotebook(this, wxID_ANY);
  const std::array<std::string, 3> tab_names{tr("Nynorsk"), tr("Bokmål"), tr("English")};
  for (std::size_t i = 0; i < kLanguages.size(); ++i) {
    auto* page = new wxPanel(tabs_);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(new wxStaticText(page, wxID_ANY, wx(tr("Subject"))),
               wxSizerFlags().Border(wxALL, 4));
    subjects_[i] = new wxTextCtrl(page, wxID_ANY);
    subjects_[i]->SetName(wx(tr("Subject")));
    sizer->Add(subjects_[i], wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT, 4));
    sizer->Add(new wxStaticText(page, wxID_ANY, wx(tr("Text"))), wxSizerFlags().Border(wxALL, 4));
    bodies_[i] = new wxTextCtrl(page, wxID_ANY, wxString(), wxDefaultPosition, wxSize(620, 170),
                                wxTE_MULTILINE);
    bodies_[i]->SetName(wx(tr("Text")));
    sizer->Add(bodies_[i], wxSizerFlags(1).Expand().Border(wxLEFT | wxRIGHT | wxBOTTOM, 4));
    page->SetSizer(sizer);
    tabs_->AddPage(page, wx(tab_names[i]));
  }
  right->Add(tabs_, wxSizerFlags(1).Expand().Border(wxTOP | wxRIGHT, 10));

  auto* insert_row = new wxBoxSizer(wxHORIZONTAL);
  insert_row->Add(new wxStaticText(this, wxID_ANY, wx(tr("Placeholder"))),
                  wxSizerFlags().CentreVertical());
  placeholders_ = new wxChoice(this, wxID_ANY);
  placeholders_->SetName(wx(tr("Placeholder")));
  for (const auto& p : TemplateEditor::placeholders()) {
    placeholders_->Append(wx(p.insert + " — " + p.description));
  }
  placeholders_->SetSelection(0);
  insert_row->Add(placeholders_, wxSizerFlags(1).Border(wxLEFT, 8));
  auto* insert = new wxButton(this, wxID_ANY, wx(tr("Insert")));
  insert_row->Add(insert, wxSizerFlags().Border(wxLEFT, 8));
  right->Add(insert_row, wxSizerFlags().Expand().Border(wxTOP | wxRIGHT, 8));

  checks_ = new wxStaticText(this, wxID_ANY, wxString());
  checks_->SetName(wx(tr("Checks")));
  right->Add(checks_, wxSizerFlags().Expand().Border(wxTOP | wxRIGHT, 8));

  auto* preview_row = new wxBoxSizer(wxHORIZONTAL);
  preview_row->Add(new wxStaticText(this, wxID_ANY, wx(tr("Preview with"))),
                   wxSizerFlags().CentreVertical());
  preview_with_ = new wxChoice(this, wxID_ANY);
  preview_with_->SetName(wx(tr("Preview with")));
  preview_with_->Append(wx(tr("Sample data")));
  preview_conversations_ = editor_.preview_conversations(conversation_);
  for (const auto& c : preview_conversations_) preview_with_->Append(wx(c.label));
  preview_with_->SetSelection(conversation_.empty() || preview_conversations_.empty() ? 0 : 1);
  // Long subjects must not widen the window: the picker takes the width the row has.
  preview_with_->SetMinSize(wxSize(300, -1));
  preview_row->Add(preview_with_, wxSizerFlags(1).Border(wxLEFT, 8));
  right->Add(preview_row, wxSizerFlags().Expand().Border(wxTOP | wxRIGHT, 8));
  preview_ = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, wxSize(-1, 140),
                            wxTE_MULTILINE | wxTE_READONLY);
  preview_->SetName(wx(tr("Preview")));
  right->Add(preview_, wxSizerFlags().Expand().Border(wxTOP | wxRIGHT, 4));

  right->Add(new wxStaticText(this, wxID_ANY, wx(tr("History"))),
             wxSizerFlags().Border(wxTOP | wxRIGHT, 8));
  history_ = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, wxSize(-1, 110),
                            wxTE_MULTILINE | wxTE_READONLY | wxTE_DONTWRAP);
  history_->SetName(wx(tr("History")));
  right->Add(history_, wxSizerFlags().Expand().Border(wxTOP | wxRIGHT, 4));

  status_ = new wxStaticText(this, wxID_ANY, wxString());
  status_->SetName(wx(tr("Outcome")));
  right->Add(status_, wxSizerFlags().Expand().Border(wxTOP | wxRIGHT, 8));

  auto* buttons = new wxBoxSizer(wxHORIZONTAL);
  new_ = new wxButton(this, wxID_NEW, wx(tr("New template…")));
  save_ = new wxButton(this, wxID_SAVE, wx(tr("Save")));
  retire_ = new wxButton(this, wxID_ANY, wx(tr("Retire")));
  buttons->Add(new_);
  buttons->Add(save_, wxSizerFlags().Border(wxLEFT, 8));
  buttons->Add(retire_, wxSizerFlags().Border(wxLEFT, 8));
  // Like saving, only for communications staff and administrators; the reason as a tooltip.
  if (const auto refused = editor_.refusal()) {
    new_->Disable();
    new_->SetToolTip(wx(*refused));
  }
  buttons->AddStretchSpacer();
  buttons->Add(new wxButton(this, wxID_CLOSE, wx(tr("Close"))));
  right->Add(buttons, wxSizerFlags().Expand().Border(wxTOP | wxRIGHT | wxBOTTOM, 10));
  outer->Add(right, wxSizerFlags(1).Expand());
  SetSizerAndFit(outer);
  SetEscapeId(wxID_CLOSE);

  list_->Bind(wxEVT_LISTBOX, [this](wxCommandEvent&) {
    const int n = list_->GetSelection();
    if (n >= 0) show_template(rows_[static_cast<std::size_t>(n)].id);
  });
  const auto edited = [this](wxCommandEvent&) {
    if (!loading_) refresh();
  };
  name_->Bind(wxEVT_TEXT, edited);
  for (std::size_t i = 0; i < kLanguages.size(); ++i) {
    subjects_[i]->Bind(wxEVT_TEXT, edited);
    bodies_[i]->Bind(wxEVT_TEXT, edited);
  }
  tabs_->Bind(wxEVT_NOTEBOOK_PAGE_CHANGED, [this](wxBookCtrlEvent& e) {
    e.Skip();
    refresh();
  });
  preview_with_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { refresh(); });
  insert->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
    const auto all = TemplateEditor::placeholders();
    const int n = placeholders_->GetSelection();
    if (n < 0) return;
    auto* body = bodies_[static_cast<std::size_t>(tabs_->GetSelection())];
    body->WriteText(wx(all[static_cast<std::size_t>(n)].insert));
    body->SetFocus();
  });
  save_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { save(); });
  new_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { ask_new(); });
  retire_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
    if (wxMessageBox(wx(tr("Retire this template? It is no longer offered or sent.")),
                     wx(tr("Retire")), wxYES_NO | wxNO_DEFAULT, this) == wxYES) {
      retire();
    }
  });
  Bind(
      wxEVT_BUTTON, [this](wxCommandEvent&) { EndModal(wxID_CLOSE); }, wxID_CLOSE);

  fill_list();
  if (!rows_.empty()) show_template(rows_.front().id);
  CentreOnParent();
}

void TemplatesDialog::fill_list() {
  rows_ = editor_.rows();
  list_->Clear();
  for (const auto& r : rows_) {
    auto label = r.kind + " · " + r.channel + ": " + r.name;
    if (r.retired) label += " (" + tr("retired") + ")";
    list_->Append(wx(label));
  }
}

void TemplatesDialog::show_template(const std::string& id) {
  if (!editor_.open(id)) return;
  for (std::size_t i = 0; i < rows_.size(); ++i) {
    if (rows_[i].id == id) list_->SetSelection(static_cast<int>(i));
  }
  show_draft();
}

void TemplatesDialog::show_draft() {
  loading_ = true;
  name_->ChangeValue(wx(editor_.draft().name));
  for (std::size_t i = 0; i < kLanguages.size(); ++i) {
    const auto text = editor_.draft().texts.find(kLanguages[i]);
    const bool has = text != editor_.draft().texts.end();
    subjects_[i]->ChangeValue(has ? wx(text->second.subject) : wxString());
    bodies_[i]->ChangeValue(has ? wx(text->second.body) : wxString());
  }
  loading_ = false;
  outcome_.clear();
  status_->SetLabel(wxString());
  history_->ChangeValue(wx(editor_.history_text()));
  refresh();
}

void TemplatesDialog::take_edits() {
  editor_.set_name(name_->GetValue().utf8_string());
  for (std::size_t i = 0; i < kLanguages.size(); ++i) {
    editor_.set_text(kLanguages[i], subjects_[i]->GetValue().utf8_string(),
                     bodies_[i]->GetValue().utf8_string());
  }
}

std::string TemplatesDialog::language() const {
  const int n = tabs_->GetSelection();
  return kLanguages[n < 0 ? 0U : static_cast<std::size_t>(n)];
}

void TemplatesDialog::refresh() {
  if (!editor_.is_open()) return;
  take_edits();
  const auto check = editor_.check(language());
  std::vector<std::string> lines = check.errors;
  if (!check.sms.empty()) lines.push_back(check.sms);
  if (!check.sms_warning.empty()) lines.push_back(check.sms_warning);
  for (const auto& h : check.hints) lines.push_back(tr("Hint:") + " " + h);
  if (lines.empty()) lines.push_back(tr("No problems found."));
  checks_->SetLabel(wx(wrapped(join(lines))));
  checks_->SetForegroundColour(check.ok() && check.sms_warning.empty() ? GetForegroundColour()
                                                                       : *wxRED);
  checks_->Wrap(640);
  const int chosen = preview_with_->GetSelection();
  const auto with = chosen >= 1 && static_cast<std::size_t>(chosen) <= preview_conversations_.size()
                        ? preview_conversations_[static_cast<std::size_t>(chosen) - 1].id
                        : std::string();
  preview_->ChangeValue(wx(editor_.preview(language(), with)));
  save_->Enable(!editor_.retired());
  retire_->Enable(!editor_.retired() && !editor_.is_new());
  Layout();
}

void TemplatesDialog::save() {
  take_edits();
  const auto id = editor_.id();
  const auto problem = editor_.save();
  outcome_ = problem.value_or(std::string());
  if (!problem) {
    fill_list();
    show_template(id);
  }
  set_status(problem.value_or(tr("Saved.")), problem.has_value());
}

void TemplatesDialog::retire() {
  const auto id = editor_.id();
  const auto problem = editor_.retire();
  outcome_ = problem.value_or(std::string());
  if (!problem) {
    fill_list();
    show_template(id);
  }
  set_status(problem.value_or(tr("Retired: it is no longer offered or sent.")),
             problem.has_value());
}

void TemplatesDialog::set_status(const std::string& text, bool problem) {
  status_->SetLabel(wx(wrapped(text)));
  status_->SetForegroundColour(problem ? *wxRED : GetForegroundColour());
  status_->Wrap(640);
  Layout();
}

std::string TemplatesDialog::wrapped(const std::string& text) const {
  // Wrap() breaks at spaces only: a longer word (a hint may quote one) is broken first, at as
  // many wide letters as fit the 640 pixels the labels wrap at.
  const int wide = std::max(1, GetTextExtent("W").GetWidth());
  return break_long_words(text, static_cast<std::size_t>(std::max(8, 620 / wide)));
}

void TemplatesDialog::start_new(TemplateKind kind, std::optional<Channel> channel,
                                const std::string& name) {
  if (const auto problem = editor_.start_new(kind, channel, name)) {
    outcome_ = *problem;
    set_status(*problem, true);
    return;
  }
  list_->SetSelection(wxNOT_FOUND);
  show_draft();
  outcome_.clear();
  set_status(substitute(tr("New template \"{0}\": write its text, then save."), {name}), false);
  bodies_[0]->SetFocus();
}

void TemplatesDialog::preview_with(int choice) {
  preview_with_->SetSelection(choice);
  refresh();
}

void TemplatesDialog::ask_new() {
  wxDialog ask(this, wxID_ANY, wx(tr("New template")));
  auto* body = new wxBoxSizer(wxVERTICAL);
  auto* grid = new wxFlexGridSizer(2, wxSize(8, 8));
  grid->AddGrowableCol(1);
  const auto row = [&](const std::string& text, wxWindow* field) {
    grid->Add(new wxStaticText(&ask, wxID_ANY, wx(text)), wxSizerFlags().CentreVertical());
    field->SetName(wx(text));
    grid->Add(field, wxSizerFlags().Expand());
  };
  auto* kind = new wxChoice(&ask, wxID_ANY);
  const std::array kinds{TemplateKind::ReplySnippet,     TemplateKind::Sms,
                         TemplateKind::PreliminaryReply, TemplateKind::AutoReply,
                         TemplateKind::HandoverNotice,   TemplateKind::CallbackNotice};
  for (const auto k : kinds) kind->Append(wx(kind_label(k)));
  kind->SetSelection(0);
  row(tr("Kind"), kind);
  auto* channel = new wxChoice(&ask, wxID_ANY);
  const std::array channels{Channel::Email,     Channel::DigitalPost, Channel::Facebook,
                            Channel::Instagram, Channel::Sms,         Channel::Callback};
  channel->Append(wx(tr("Any channel")));
  for (const auto c : channels) channel->Append(wx(InboxModel::channel_name(c)));
  channel->SetSelection(0);
  row(tr("Channel"), channel);
  auto* name = new wxTextCtrl(&ask, wxID_ANY, wxString(), wxDefaultPosition, wxSize(320, -1));
  row(tr("Name"), name);
  body->Add(grid, wxSizerFlags(1).Expand().Border(wxALL, 10));
  body->Add(ask.CreateStdDialogButtonSizer(wxOK | wxCANCEL),
            wxSizerFlags().Expand().Border(wxALL, 10));
  ask.SetSizerAndFit(body);
  ask.CentreOnParent();
  name->SetFocus();
  if (ask.ShowModal() != wxID_OK) return;
  const int c = channel->GetSelection();
  start_new(
      kinds.at(static_cast<std::size_t>(std::max(0, kind->GetSelection()))),
      c <= 0 ? std::nullopt : std::optional<Channel>(channels.at(static_cast<std::size_t>(c - 1))),
      name->GetValue().utf8_string());
}

}  // namespace samla::app
