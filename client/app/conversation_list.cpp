#include "conversation_list.h"

#include <wx/dcmemory.h>
#include <wx/settings.h>

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
  images_.Add(badge(wxColour(0x1565c0), "@", 16));
  images_.Add(badge(wxColour(0x6a1b9a), "D", 16));
  images_.Add(badge(wxColour(0x1877f2), "f", 16));
  images_.Add(badge(wxColour(0xc13584), "i", 16));
  images_.Add(badge(wxColour(0x2e7d32), "S", 16));
  images_.Add(badge(wxColour(0xef6c00), "C", 16));
  SetImageList(&images_, wxIMAGE_LIST_SMALL);
  const int widths[kColumnCount] = {120, 170, 420, 130, 130, 120, 200};
  for (int c = 0; c < kColumnCount; ++c) {
    AppendColumn(wxString::FromUTF8(InboxModel::column_title(static_cast<Column>(c))),
                 wxLIST_FORMAT_LEFT, FromDIP(widths[c]));
  }
  const bool dark = dark_theme();
  overdue_.SetTextColour(dark ? wxColour(0xff8a80) : wxColour(0xb00020));
  due_soon_.SetTextColour(dark ? wxColour(0xffd180) : wxColour(0x9a5b00));
  later_.SetTextColour(wxSystemSettings::GetColour(wxSYS_COLOUR_LISTBOXTEXT));
  wxFont bold = GetFont();
  bold.MakeBold();
  overdue_.SetFont(bold);
  due_soon_.SetFont(bold);
  SetName(wxString::FromUTF8(InboxModel::column_title(Column::Subject)));
  reload();
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

wxItemAttr* ConversationList::OnGetItemColumnAttr(long item, long column) const {
  if (column != static_cast<long>(Column::Deadline) || item < 0 ||
      static_cast<std::size_t>(item) >= model_->size()) {
    return nullptr;
  }
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
