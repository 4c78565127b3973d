#pragma once
// The Templates window for communications staff: the list by kind and channel, an editor with
// language tabs and a placeholder picker, a live preview, checks and SMS counter, the history
// of versions with diffs, Save and Retire. The logic is TemplateEditor's (no wx).
#include <wx/dialog.h>

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "template_editor.h"

class wxChoice;
class wxListBox;
class wxNotebook;
class wxStaticText;
class wxTextCtrl;
class wxButton;

namespace samla::app {

class TemplatesDialog : public wxDialog {
 public:
  /// `conversation`: the one open in the main window (may be empty), offered for the preview.
  TemplatesDialog(wxWindow* parent, Workspace& ws, const std::string& user,
                  const std::string& conversation);

  [[nodiscard]] TemplateEditor& editor() { return editor_; }
  /// Shows template `id` in the editor (as a click in the list does).
  void show_template(const std::string& id);
  /// What the last Save or Retire said (empty when it went through).
  [[nodiscard]] const std::string& outcome() const { return outcome_; }
  void save();
  void retire();
  /// Starts a new template as the "New template" button does after its questions; what was
  /// wrong (not allowed, no name) is in outcome().
  void start_new(TemplateKind kind, std::optional<Channel> channel, const std::string& name);
  /// Previews with sample data (0) or the n-th conversation of the picker (1…).
  void preview_with(int choice);

 private:
  static constexpr std::array<const char*, 3> kLanguages{"nn", "nb", "en"};
  void fill_list();
  void ask_new();
  void show_draft();
  void set_status(const std::string& text, bool problem);
  [[nodiscard]] std::string wrapped(const std::string& text) const;
  void take_edits();
  void refresh();
  [[nodiscard]] std::string language() const;

  TemplateEditor editor_;
  std::string conversation_;
  std::vector<TemplateRow> rows_;
  std::vector<PreviewConversation> preview_conversations_;
  std::string outcome_;
  bool loading_ = false;

  wxListBox* list_;
  wxTextCtrl* name_;
  wxNotebook* tabs_;
  std::array<wxTextCtrl*, 3> subjects_{};
  std::array<wxTextCtrl*, 3> bodies_{};
  wxChoice* placeholders_;
  wxChoice* preview_with_;
  wxTextCtrl* preview_;
  wxStaticText* checks_;
  wxStaticText* status_;
  wxTextCtrl* history_;
  wxButton* save_;
  wxButton* retire_;
  wxButton* new_;
};

}  // namespace samla::app
