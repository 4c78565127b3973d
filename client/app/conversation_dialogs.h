#pragma once
// The dialogs of the conversation actions: reply, preliminary reply, SMS, assign and hand over.
// Each returns what the caseworker chose; the window turns it into a command.
#include <wx/dialog.h>

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "samla/models/time.h"
#include "template_choice.h"

class wxTextCtrl;
class wxDatePickerCtrl;
class wxChoice;
class wxListBox;
class wxStaticText;

namespace samla::app {

/// Writes a chosen template out for the conversation (the dialogs know no Workspace).
using DraftFor = std::function<TemplateDraft(const std::string& template_id)>;

/// A reply: a template the caseworker may pick fills the text, which stays editable.
class ReplyDialog : public wxDialog {
 public:
  ReplyDialog(wxWindow* parent, const wxString& subject, const wxString& to,
              std::vector<TemplateOption> options, DraftFor draft);
  [[nodiscard]] std::string subject() const;
  [[nodiscard]] std::string text() const;

 private:
  void use_template();

  wxTextCtrl* subject_;
  wxTextCtrl* text_;
  wxChoice* picker_;
  wxStaticText* problem_;
  std::vector<TemplateOption> options_;
  DraftFor draft_;
  bool edited_ = false;
};

/// A preliminary reply: the promised date and the text saying it. The text is the chosen
/// preliminary-reply template with the date filled in, live, until the caseworker edits it.
class PreliminaryDialog : public wxDialog {
 public:
  /// Writes template `id` out with `day` as {promised_date}; an empty id: plain wording.
  using Wording = std::function<TemplateDraft(const std::string& id, const wxDateTime& day)>;
  PreliminaryDialog(wxWindow* parent, const wxDateTime& suggested,
                    std::vector<TemplateOption> options, Wording wording);
  [[nodiscard]] wxDateTime promised_day() const;
  [[nodiscard]] std::string text() const;

 private:
  void refill();

  wxDatePickerCtrl* date_;
  wxTextCtrl* text_;
  wxChoice* picker_;
  wxStaticText* problem_;
  std::vector<TemplateOption> options_;
  Wording wording_;
  bool edited_ = false;
};

/// An SMS from an SMS template or free text, with a live counter of encoding, segments and
/// units, and a warning when it takes more than one SMS.
class SmsDialog : public wxDialog {
 public:
  /// `to`: the citizen's number when the conversation has one (SMS, callback), else empty and
  /// the caseworker enters it; OK is refused until it is a valid number (+47 by default).
  SmsDialog(wxWindow* parent, const wxString& to, std::vector<TemplateOption> options,
            DraftFor draft);
  [[nodiscard]] std::string text() const;
  /// The number in E.164, valid once the dialog ended with OK.
  [[nodiscard]] std::string number() const { return number_; }

 private:
  void count();
  bool check_number();

  wxTextCtrl* to_;
  wxStaticText* number_problem_;
  wxTextCtrl* text_;
  wxStaticText* count_;
  wxStaticText* warning_;
  wxChoice* picker_;
  std::vector<TemplateOption> options_;
  DraftFor draft_;
  std::string number_;
};

/// A choice among labelled options (assign: caseworkers with their open counts; hand over:
/// departments) with an optional note.
class PickDialog : public wxDialog {
 public:
  PickDialog(wxWindow* parent, const wxString& title, const wxString& prompt,
             const std::vector<wxString>& options, const wxString& note_label);
  [[nodiscard]] int choice() const;
  [[nodiscard]] std::string note() const;

 private:
  wxListBox* list_;
  wxTextCtrl* note_ = nullptr;
};

}  // namespace samla::app
