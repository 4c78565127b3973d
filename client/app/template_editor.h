#pragma once
// The Templates window without a window (issue 5, comms staff): who may open it, the list by
// kind and channel, the live checks and preview of the text being edited, the history of
// versions with diffs, save and retire. Text for people is translated here; no wx.
#include <optional>
#include <string>
#include <vector>

#include "samla/sync/workspace.h"

namespace samla::app {

/// One row of the templates list.
struct TemplateRow {
  std::string id;
  std::string name;
  std::string kind;     // "Reply snippet", translated
  std::string channel;  // "Email" or "Any channel", translated
  bool retired = false;
};

/// One placeholder the editor's picker offers: what to insert and what it stands for.
struct PlaceholderChoice {
  std::string insert;  // "{citizen.name}"
  std::string description;
};

/// The live checks of one language's text, in plain words.
struct TextCheckView {
  std::vector<std::string> errors;  // "Line 2, column 7: unknown placeholder …"
  std::vector<std::string> hints;
  std::string sms;          // the SMS counter line, for SMS kinds; else empty
  std::string sms_warning;  // more than one SMS, or it may become longer with real values
  [[nodiscard]] bool ok() const { return errors.empty(); }
};

class TemplateEditor {
 public:
  TemplateEditor(Workspace& ws, std::string user);

  /// Nothing when the user may change templates, else the rules' refusal in plain words.
  [[nodiscard]] std::optional<std::string> refusal() const;

  /// Every template, retired ones too, by kind, channel and name.
  [[nodiscard]] std::vector<TemplateRow> rows() const;
  [[nodiscard]] static std::vector<PlaceholderChoice> placeholders();

  /// Starts editing the current version of `id`; false for an unknown id.
  bool open(const std::string& id);
  [[nodiscard]] const std::string& id() const { return id_; }
  [[nodiscard]] bool is_open() const { return !id_.empty(); }
  [[nodiscard]] const TemplateSaved& draft() const { return draft_; }
  [[nodiscard]] bool retired() const { return retired_; }
  void set_name(const std::string& name) { draft_.name = name; }
  /// Sets one language's subject and body ("nn", "nb", "en"); empty both removes the language.
  void set_text(const std::string& language, const std::string& subject, const std::string& body);

  /// The checks of the draft's text in `language`.
  [[nodiscard]] TextCheckView check(const std::string& language) const;
  /// The draft written out in `language` for a conversation (empty: sample values), as
  /// "subject\n\nbody"; a text that does not parse gives the first error in plain words.
  [[nodiscard]] std::string preview(const std::string& language,
                                    const std::string& conversation = {}) const;
  /// The versions, newest first, each with its author, time and line diff, as plain text.
  [[nodiscard]] std::string history_text() const;

  /// Saves the draft as a new version. Nothing when saved, else the refusal or the errors with
  /// their position in plain words.
  std::optional<std::string> save();
  /// Retires the open template; nothing when done, else why not.
  std::optional<std::string> retire();

 private:
  [[nodiscard]] std::string rejection_text(const Rejection& rejection) const;

  Workspace& ws_;
  std::string user_;
  std::string id_;
  TemplateSaved draft_;
  bool retired_ = false;
};

/// "Reply snippet", "Preliminary reply" … translated.
[[nodiscard]] std::string kind_label(TemplateKind kind);

}  // namespace samla::app
