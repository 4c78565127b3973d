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

/// A conversation the preview may be rendered against.
struct PreviewConversation {
  std::string id;
  std::string label;  // "Åse Lie — Heimeteneste"
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
  /// Starts a new template (saved only by save()); its id is made from the name. Nothing when
  /// started, else why not (the refusal, or no name).
  std::optional<std::string> start_new(TemplateKind kind, std::optional<Channel> channel,
                                       const std::string& name);
  /// True while a template started by start_new() has not been saved.
  [[nodiscard]] bool is_new() const { return new_; }
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
  /// Conversations to preview with: `open_one` first (when given), then the most recently
  /// active open ones, at most `limit` in all.
  [[nodiscard]] std::vector<PreviewConversation> preview_conversations(
      const std::string& open_one, std::size_t limit = 20) const;
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
  bool new_ = false;
};

/// `text` with a line break inside every word longer than `max_chars` characters (UTF-8), so
/// that a label wrapped at spaces never runs wider than its window (a hint quoting a very long
/// word).
[[nodiscard]] std::string break_long_words(const std::string& text, std::size_t max_chars);

/// A template id made of `name`: lower case a-z, 0-9 and '-' (æ ø å written ae o a), at most
/// 64 characters; "template" when nothing is left.
[[nodiscard]] std::string template_id_from_name(const std::string& name);

/// "Reply snippet", "Preliminary reply" … translated.
[[nodiscard]] std::string kind_label(TemplateKind kind);

}  // namespace samla::app
