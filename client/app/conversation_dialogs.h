#pragma once
// The dialogs of the conversation actions: reply, preliminary reply, SMS, assign and hand over.
// Each returns what the caseworker chose; the window turns it into a command.
#include <wx/dialog.h>

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "samla/models/time.h"

class wxTextCtrl;
class wxDatePickerCtrl;
class wxChoice;
class wxListBox;
class wxStaticText;

namespace samla::app {

/// A reply: free text for now. The template picker (templates/) slots in above the text: it
/// fills the text, which stays editable.
class ReplyDialog : public wxDialog {
 public:
  ReplyDialog(wxWindow* parent, const wxString& subject, const wxString& to);
  [[nodiscard]] std::string subject() const;
  [[nodiscard]] std::string text() const;

 private:
  wxTextCtrl* subject_;
  wxTextCtrl* text_;
};

/// A preliminary reply: the promised date and the text saying it. The text is filled from the
/// date until the caseworker edits it (a template will do the same).
class PreliminaryDialog : public wxDialog {
 public:
  using Wording = std::function<std::string(const wxDateTime&)>;
  PreliminaryDialog(wxWindow* parent, const wxDateTime& suggested, Wording wording);
  [[nodiscard]] wxDateTime promised_day() const;
  [[nodiscard]] std::string text() const;

 private:
  wxDatePickerCtrl* date_;
  wxTextCtrl* text_;
  Wording wording_;
  bool edited_ = false;
};

/// An SMS with its length in segments (GSM-7: 160, else UCS-2: 70 characters).
class SmsDialog : public wxDialog {
 public:
  SmsDialog(wxWindow* parent, const wxString& to);
  [[nodiscard]] std::string text() const;

 private:
  wxTextCtrl* text_;
  wxStaticText* count_;
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

/// Segments an SMS takes: GSM-7 when every character is in its basic set, else UCS-2.
[[nodiscard]] std::size_t sms_segments(const std::u32string& text);

}  // namespace samla::app
