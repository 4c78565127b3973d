#include "conversation_list.h"

#include <wx/dcmemory.h>
#include <wx/settings.h>

#include <algorithm>

namespace samla::app {
namespace {

// A small round channel badge with one letter, drawn once: no image files to ship, and the
// accessible text of the column says the channel's name.
wxBitmap badge(const wxColour& colour, const wxString& letter, int size) {
  wxBitmap bitmap(size, size, 32);
  bitmap.UseAlpha();
  {
    wxMemoryDC dc(bitmap);
    dc.SetBackground(*wxTRANSPARENT_BRUSH);
    dc.SetBrush(wxBrush(wxSystemSettings::GetColour(wxSYS_COLOUR_LISTBOX)));
    dc.SetPen(*wxTRANSPARENT_PEN);
    dc.DrawRectangle(0, 0, size, size);
    dc.SetBrush(wxBrush(colour));
    dc.DrawEllipse(1, 1, size - 2, size - 2);
    dc.SetTextForeground(*wxWHITE);
    wxFont font = wxSystemSettings::GetFont(wxSYS_DEFAULT_GUI_FONT);
    font.SetPixelSize(wxSize(0, size * 2 / 3));
    font.MakeBold();
    dc.SetFont(font);
    const auto extent = dc.GetTextExtent(letter);
    dc.DrawText(letter, (size - extent.x) / 2, (size - extent.y) / 2);
  }
  return bitmap;
}

// High contrast: the theme's own colours decide; urgency only where the theme is light or dark
// enough for a tinted text to stay readable.
bool dark_theme() { return wxSystemSettings::GetColour(wxSYS_COLOUR_LISTBOX).GetLuminance() < 0.5; }

}  // namespace

ConversationList::ConversationList(wxWindow* parent, InboxModel& model)
    : wxListCtrl(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                 wxLC_REPORT | wxLC_VIRTUAL | wxLC_SINGLE_SEL | wxLC_HRULES),
      model_(&model),
      images_(16, 16, false) {
  // Order as Channel in inbox_model.h: Email, DigitalPost, Facebook, Instagram, Sms, Callback.
  images_.Add(badge(wxColour("#1565c0"), "@", 16));
  images_.Add(badge(wxColour("#6a1b9a"), "D", 16));
  images_.Add(badge(wxColour("#1877f2"), "f", 16));
  images_.Add(badge(wxColour("#c13584"), "i", 16));
  images_.Add(badge(wxColour("#2e7d32"), "S", 16));
  images_.Add(badge(wxColour("#ef6c00"), "C", 16));
  SetImageList(&images_, wxIMAGE_LIST_SMALL);
  // Widths from the font, so dates and states are never cut whatever the theme's font size.
  const int date = GetTextExtent("00.00.0000 00:00").x + FromDIP(16);
  const int widths[kColumnCount] = {
      GetTextExtent("Digital post").x + FromDIP(36),
      FromDIP(140),
      FromDIP(300),
      date,
      date,
      FromDIP(120),
      GetTextExtent("waiting for Byggesak to accept").x + FromDIP(12)};
  for (int c = 0; c < kColumnCount; ++c) {
    AppendColumn(wxString::FromUTF8(InboxModel::column_title(static_cast<Column>(c))),
                 wxLIST_FORMAT_LEFT, widths[c]);
  }
  const bool dark = dark_theme();
  overdue_.SetTextColour(dark ? wxColour("#ff8a80") : wxColour("#b00020"));
  due_soon_.SetTextColour(dark ? wxColour("#ffd180") : wxColour("#9a5b00"));
  // The subject takes the width the other columns leave.
  Bind(wxEVT_SIZE, [this](wxSizeEvent& event) {
    fit_subject_column();
    event.Skip();
  });
  SetName(wxString::FromUTF8(InboxModel::column_title(Column::Subject)));
  reload();
}

void ConversationList::fit_subject_column() {
  const int subject = static_cast<int>(Column::Subject);
  int others = 0;
  for (int c = 0; c < GetColumnCount(); ++c) {
    if (c != subject) others += GetColumnWidth(c);
  }
  const int scrollbar = wxSystemSettings::GetMetric(wxSYS_VSCROLL_X, this);
  SetColumnWidth(subject, std::max(FromDIP(200), GetClientSize().x - others - scrollbar));
}

void ConversationList::set_model(InboxModel& model) {
  model_ = &model;
  reload();
}

void ConversationList::reload() {
  SetItemCount(static_cast<long>(model_->size()));
  Refresh();
}

wxString ConversationList::OnGetItemText(long item, long column) const {
  if (item < 0 || static_cast<std::size_t>(item) >= model_->size()) return {};
  return wxString::FromUTF8(
      model_->cell(static_cast<std::size_t>(item), static_cast<Column>(column)));
}

int ConversationList::OnGetItemColumnImage(long item, long column) const {
  if (column != 0 || item < 0 || static_cast<std::size_t>(item) >= model_->size()) return -1;
  return static_cast<int>(model_->row(static_cast<std::size_t>(item)).channel);
}

// The generic (GTK) list colours whole rows only: an overdue or due-soon row is tinted.
wxItemAttr* ConversationList::OnGetItemAttr(long item) const {
  if (item < 0 || static_cast<std::size_t>(item) >= model_->size()) return nullptr;
  switch (model_->urgency(static_cast<std::size_t>(item))) {
    case Urgency::Overdue:
      return &overdue_;
    case Urgency::DueSoon:
      return &due_soon_;
    default:
      return nullptr;
  }
}

}  // namespace samla::app
