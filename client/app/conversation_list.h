#pragma once
// The virtual conversation list: wxListCtrl in report mode asks for the cells of the rows on
// screen only, and InboxModel reads them from the store a page at a time, so 100 000 rows cost
// what one screen costs. The deadline column is coloured by urgency.
#include <wx/imaglist.h>
#include <wx/listctrl.h>

#include "inbox_model.h"

namespace samla::app {

class ConversationList : public wxListCtrl {
 public:
  ConversationList(wxWindow* parent, InboxModel& model);
  void set_model(InboxModel& model);
  /// The model changed: new row count, repaint what is visible.
  void reload();

 private:
  [[nodiscard]] wxString OnGetItemText(long item, long column) const override;
  [[nodiscard]] int OnGetItemColumnImage(long item, long column) const override;
  [[nodiscard]] wxItemAttr* OnGetItemAttr(long item) const override;
  void fit_subject_column();

  InboxModel* model_;
  wxImageList images_;
  mutable wxItemAttr overdue_, due_soon_;
};

}  // namespace samla::app
