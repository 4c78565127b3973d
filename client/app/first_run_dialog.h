#pragma once
// The question of a first start without a profile: open the demo workspace, start empty, or
// stop. A dialog of our own (not a native message box) so that its buttons are named, reached by
// Tab and driven by the GUI test.
#include <wx/dialog.h>

namespace samla::app {

class FirstRunDialog : public wxDialog {
 public:
  enum class Choice { demo, empty, cancel };
  explicit FirstRunDialog(wxWindow* parent);
  /// Shows the dialog and returns the caseworker's choice.
  Choice ask();

  static constexpr int kDemo = wxID_HIGHEST + 1;
  static constexpr int kEmpty = wxID_HIGHEST + 2;
};

}  // namespace samla::app
