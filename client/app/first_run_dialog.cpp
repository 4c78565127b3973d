#include "first_run_dialog.h"

#include <wx/button.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

#include "i18n.h"

namespace samla::app {
namespace {

wxString wx(const std::string& utf8) { return wxString::FromUTF8(utf8); }

}  // namespace

FirstRunDialog::FirstRunDialog(wxWindow* parent)
    : wxDialog(parent, wxID_ANY, wx(tr("Welcome to Samla"))) {
  auto* body = new wxBoxSizer(wxVERTICAL);
  auto* title = new wxStaticText(this, wxID_ANY, wx(tr("Welcome to Samla")));
  wxFont big = title->GetFont();
  big.MakeBold().MakeLarger();
  title->SetFont(big);
  body->Add(title, wxSizerFlags().Border(wxLEFT | wxRIGHT | wxTOP, 16));
  auto* text =
      new wxStaticText(this, wxID_ANY,
                       wx(tr("This is the first time Samla opens this profile. Try it with the "
                             "demo workspace of an example municipality, or start empty and set "
                             "up departments and people?")));
  text->Wrap(FromDIP(460));
  body->Add(text, wxSizerFlags().Border(wxALL, 16));
  auto* buttons = new wxBoxSizer(wxHORIZONTAL);
  auto* demo = new wxButton(this, kDemo, wx(tr("Open the demo")));
  auto* empty = new wxButton(this, kEmpty, wx(tr("Start empty")));
  auto* cancel = new wxButton(this, wxID_CANCEL, wx(tr("Cancel")));
  buttons->AddStretchSpacer();
  buttons->Add(cancel, wxSizerFlags().Border(wxRIGHT, 8));
  buttons->Add(empty, wxSizerFlags().Border(wxRIGHT, 8));
  buttons->Add(demo);
  body->Add(buttons, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxBOTTOM, 16));
  SetSizerAndFit(body);
  demo->SetDefault();
  demo->SetFocus();
  for (auto* button : {demo, empty}) {
    button->Bind(wxEVT_BUTTON, [this](wxCommandEvent& e) { EndModal(e.GetId()); });
  }
  CentreOnScreen();
}

FirstRunDialog::Choice FirstRunDialog::ask() {
  switch (ShowModal()) {
    case kDemo:
      return Choice::demo;
    case kEmpty:
      return Choice::empty;
    default:
      return Choice::cancel;
  }
}

}  // namespace samla::app
