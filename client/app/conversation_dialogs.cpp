#include "conversation_dialogs.h"

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/datectrl.h>
#include <wx/dateevt.h>
#include <wx/listbox.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include <string_view>

#include "i18n.h"
#include "samla/models/rejection.h"

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

// The GSM 03.38 basic set (one septet each) and its extension table (two septets each).
constexpr std::u32string_view kGsmBasic =
    U"@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    U"ÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
constexpr std::u32string_view kGsmExtension = U"^{}\\[~]|€\f";

}  // namespace

std::size_t sms_segments(const std::u32string& text) {
  std::size_t septets = 0;
  bool gsm = true;
  for (const char32_t c : text) {
    if (kGsmBasic.find(c) != std::u32string_view::npos) {
      ++septets;
    } else if (kGsmExtension.find(c) != std::u32string_view::npos) {
      septets += 2;
    } else {
      gsm = false;
      break;
    }
  }
  if (text.empty()) return 0;
  if (gsm) return septets <= 160 ? 1 : (septets + 152) / 153;
  return text.size() <= 70 ? 1 : (text.size() + 66) / 67;
}

ReplyDialog::ReplyDialog(wxWindow* parent, const wxString& subject, const wxString& to)
    : wxDialog(parent, wxID_ANY, wx(tr("Reply")), wxDefaultPosition, wxDefaultSize,
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER) {
  auto* body = new wxBoxSizer(wxVERTICAL);
  auto* grid = new wxFlexGridSizer(2, wxSize(8, 6));
  grid->AddGrowableCol(1);
  grid->Add(label(this, tr("To")), wxSizerFlags().CentreVertical());
  grid->Add(new wxStaticText(this, wxID_ANY, to), wxSizerFlags().CentreVertical());
  grid->Add(label(this, tr("Subject")), wxSizerFlags().CentreVertical());
  subject_ = new wxTextCtrl(this, wxID_ANY, subject);
  subject_->SetName(wx(tr("Subject")));
  grid->Add(subject_, wxSizerFlags().Expand());
  body->Add(grid, wxSizerFlags().Expand().Border(wxALL, 10));
  // The template picker goes here (templates/): it fills text_.
  text_ = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, wxSize(560, 260),
                         wxTE_MULTILINE);
  text_->SetName(wx(tr("Reply text")));
  body->Add(label(this, tr("Reply text")), wxSizerFlags().Border(wxLEFT | wxRIGHT, 10));
  body->Add(text_, wxSizerFlags(1).Expand().Border(wxLEFT | wxRIGHT | wxTOP, 10));
  finish(this, body, tr("Send"));
  text_->SetFocus();
}

std::string ReplyDialog::subject() const { return subject_->GetValue().utf8_string(); }
std::string ReplyDialog::text() const { return text_->GetValue().utf8_string(); }

PreliminaryDialog::PreliminaryDialog(wxWindow* parent, const wxDateTime& suggested, Wording wording)
    : wxDialog(parent, wxID_ANY, wx(tr("Preliminary reply")), wxDefaultPosition, wxDefaultSize,
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
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
  text_ = new wxTextCtrl(this, wxID_ANY, wx(wording_(suggested)), wxDefaultPosition,
                         wxSize(560, 200), wxTE_MULTILINE);
  text_->SetName(wx(tr("Reply text")));
  body->Add(text_, wxSizerFlags(1).Expand().Border(wxALL, 10));
  text_->Bind(wxEVT_TEXT, [this](wxCommandEvent&) { edited_ = true; });
  date_->Bind(wxEVT_DATE_CHANGED, [this](wxDateEvent& event) {
    if (!edited_) {
      text_->ChangeValue(wx(wording_(event.GetDate())));
    }
  });
  finish(this, body, tr("Send"));
}

wxDateTime PreliminaryDialog::promised_day() const { return date_->GetValue(); }
std::string PreliminaryDialog::text() const { return text_->GetValue().utf8_string(); }

SmsDialog::SmsDialog(wxWindow* parent, const wxString& to)
    : wxDialog(parent, wxID_ANY, wx(tr("SMS to the citizen"))) {
  auto* body = new wxBoxSizer(wxVERTICAL);
  body->Add(new wxStaticText(this, wxID_ANY, wx(tr("To")) + ": " + to),
            wxSizerFlags().Border(wxALL, 10));
  text_ = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, wxSize(420, 120),
                         wxTE_MULTILINE);
  text_->SetName(wx(tr("SMS text")));
  body->Add(text_, wxSizerFlags(1).Expand().Border(wxLEFT | wxRIGHT, 10));
  count_ = new wxStaticText(this, wxID_ANY, wxString());
  body->Add(count_, wxSizerFlags().Border(wxALL, 10));
  const auto update = [this] {
    std::u32string text;
    for (const auto c : text_->GetValue()) text.push_back(static_cast<char32_t>(c.GetValue()));
    count_->SetLabel(
        wx(substitute(tr("{0} characters, {1} SMS"),
                      {std::to_string(text.size()), std::to_string(sms_segments(text))})));
  };
  text_->Bind(wxEVT_TEXT, [update](wxCommandEvent&) { update(); });
  update();
  finish(this, body, tr("Send"));
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
