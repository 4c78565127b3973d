// The conversation actions of the main window: each asks what it needs in a dialog, then gives
// the command to the workspace; a refusal is shown in the pane's info bar in plain words.
#include <wx/textdlg.h>

#include "conversation_dialogs.h"
#include "i18n.h"
#include "main_frame.h"
#include "samla/models/rejection.h"
#include "samla/sync/sms_number.h"
#include "samla/templates/date_text.h"

namespace samla::app {
namespace {

wxString wx(const std::string& utf8) { return wxString::FromUTF8(utf8); }

date::year_month_day to_ymd(const wxDateTime& day) {
  return date::year_month_day{date::year{day.GetYear()},
                              date::month{static_cast<unsigned>(day.GetMonth()) + 1},
                              date::day{static_cast<unsigned>(day.GetDay())}};
}

wxDateTime to_wx(date::year_month_day day) {
  return wxDateTime(static_cast<wxDateTime::wxDateTime_t>(static_cast<unsigned>(day.day())),
                    static_cast<wxDateTime::Month>(static_cast<unsigned>(day.month()) - 1),
                    static_cast<int>(day.year()));
}

// Multi-line text from the caseworker; nullopt when cancelled or left empty.
std::optional<std::string> ask_text(wxWindow* parent, const std::string& prompt,
                                    const std::string& title) {
  wxTextEntryDialog dialog(parent, wx(prompt), wx(title), wxString(),
                           wxOK | wxCANCEL | wxCENTRE | wxTE_MULTILINE);
  if (dialog.ShowModal() != wxID_OK) return std::nullopt;
  auto text = dialog.GetValue().utf8_string();
  if (text.find_first_not_of(" \n\t") == std::string::npos) return std::nullopt;
  return text;
}

}  // namespace

void MainFrame::act(Action action) {
  if (!page_ || !offers(*page_, action)) return;
  const auto conversation = ws_->store().conversation(page_->id);
  if (!conversation) return;
  const auto& c = *conversation;
  const auto dir = ws_->directory();
  const wxString citizen = wx(
      c.citizen.name.empty() ? c.citizen.address : c.citizen.name + " <" + c.citizen.address + ">");
  switch (action) {
    case Action::Reply: {
      const auto subject =
          c.subject.empty() || c.subject.starts_with("Re:") ? c.subject : "Re: " + c.subject;
      const auto* ws = ws_.get();
      const auto id = c.id;
      ReplyDialog dialog(
          this, wx(subject), citizen, template_options(*ws, TemplateKind::ReplySnippet, c.channel),
          [ws, id](const std::string& t) { return draft_from_template(*ws, t, id); });
      if (dialog.ShowModal() == wxID_OK && !dialog.text().empty()) {
        run(QueueReply{dialog.subject(), dialog.text()});
      }
      break;
    }
    case Action::Preliminary: {
      const auto calendar = ws_->rules().calendar_for(c.owner_department);
      const auto suggested = calendar.add_working_days(calendar.local_date(ws_->now()), 10);
      const auto language = options_.language;
      const auto* ws = ws_.get();
      const auto id = c.id;
      PreliminaryDialog dialog(
          this, to_wx(suggested), template_options(*ws, TemplateKind::PreliminaryReply, c.channel),
          [ws, id, language, calendar](const std::string& t, const wxDateTime& day) {
            if (!t.empty()) return draft_from_template(*ws, t, id, calendar.close_of(to_ymd(day)));
            // "No template": the plain wording.
            return TemplateDraft{
                {},
                substitute(tr("Thank you for your inquiry. We need more time to give you a good "
                              "answer. You will have our answer by {0}."),
                           {long_date(to_ymd(day), language)}),
                {}};
          });
      if (dialog.ShowModal() == wxID_OK && !dialog.text().empty()) {
        const auto promised = calendar.close_of(to_ymd(dialog.promised_day()));
        run(SendPreliminaryReply{promised, dialog.text()});
      }
      break;
    }
    case Action::Sms: {
      const auto* ws = ws_.get();
      const auto id = c.id;
      // Sent by the SMS gateway whatever channel the conversation came by, to the citizen's
      // own number where it has one, else to the number the caseworker enters.
      SmsDialog dialog(this, wx(citizen_phone(c).value_or("")),
                       template_options(*ws, TemplateKind::Sms, c.channel),
                       [ws, id](const std::string& t) { return draft_from_template(*ws, t, id); });
      if (dialog.ShowModal() == wxID_OK && !dialog.text().empty()) {
        run(QueueReply{std::string(), dialog.text(), Channel::Sms,
                       Party{c.citizen.name, dialog.number()}});
      }
      break;
    }
    case Action::Claim:
      run(Claim{});
      break;
    case Action::Assign: {
      std::vector<wxString> labels;
      std::vector<std::string> ids;
      for (const auto* member : dir.members_of(c.owner_department)) {
        const auto open = ws_->store().count(InboxView::Mine, ws_->scope_for(member->id));
        labels.push_back(
            wx(substitute(tr("{0} ({1} open)"), {member->name, std::to_string(open)})));
        ids.push_back(member->id);
      }
      PickDialog dialog(this, wx(tr("Assign")),
                        wx(substitute(tr("Assign to a caseworker in {0}:"),
                                      {dir.display_name(c.owner_department)})),
                        labels, wxString());
      if (dialog.ShowModal() == wxID_OK && dialog.choice() >= 0) {
        run(Assign{ids[static_cast<std::size_t>(dialog.choice())]});
      }
      break;
    }
    case Action::Handover: {
      std::vector<wxString> labels;
      std::vector<std::string> ids;
      for (const auto& [id, department] : dir.departments()) {
        if (id == c.owner_department) continue;
        labels.push_back(wx(department.name));
        ids.push_back(id);
      }
      PickDialog dialog(this, wx(tr("Hand over")),
                        wx(tr("Which department should take over? You stay responsible until "
                              "they accept.")),
                        labels, wx(tr("Note to the department")));
      if (dialog.ShowModal() == wxID_OK && dialog.choice() >= 0) {
        run(RequestHandover{ids[static_cast<std::size_t>(dialog.choice())], dialog.note()});
      }
      break;
    }
    case Action::Accept:
      run(AcceptHandover{});
      break;
    case Action::Decline:
      if (auto reason = ask_text(this, tr("Why does your department not take this over?"),
                                 tr("Decline handover"))) {
        run(DeclineHandover{*reason});
      }
      break;
    case Action::Note:
      if (auto text =
              ask_text(this, tr("Internal note (the citizen does not see it):"), tr("Note"))) {
        run(AddNote{*text});
      }
      break;
    case Action::Close:
      run(samla::Close{});
      break;
    case Action::Reopen:
      run(Reopen{});
      break;
    case Action::Withdraw:
      run(WithdrawHandover{});
      break;
  }
}

}  // namespace samla::app
