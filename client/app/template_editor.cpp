#include "template_editor.h"

#include <algorithm>
#include <cctype>
#include <stdexcept>
#include <tuple>

#include "i18n.h"
#include "inbox_model.h"
#include "samla/models/template_history.h"
#include "samla/templates/default_templates.h"
#include "samla/templates/rendering.h"
#include "samla/templates/sms_length.h"

namespace samla::app {
namespace {

std::string plain(std::string_view format, const std::vector<std::string>& args) {
  return substitute(tr(std::string(format).c_str()), args);
}

// "Line 2, column 7: unknown placeholder {citiz.name}" in the user's language.
std::string error_text(const std::string& where, const TemplateError& e) {
  return substitute(
      tr("{0}, line {1}, column {2}: {3}"),
      {where, std::to_string(e.line), std::to_string(e.column), plain(e.format, e.args)});
}

std::string language_name(const std::string& code) {
  if (code == "nn") return tr("Nynorsk");
  if (code == "nb") return tr("Bokmål");
  if (code == "en") return tr("English");
  return code;
}

}  // namespace

std::string kind_label(TemplateKind kind) {
  switch (kind) {
    case TemplateKind::AutoReply:
      return tr("Auto-reply");
    case TemplateKind::PreliminaryReply:
      return tr("Preliminary reply");
    case TemplateKind::ReplySnippet:
      return tr("Reply snippet");
    case TemplateKind::Sms:
      return tr("SMS");
    case TemplateKind::HandoverNotice:
      return tr("Handover notice");
    case TemplateKind::CallbackNotice:
      return tr("Callback notice");
  }
  return {};
}

TemplateEditor::TemplateEditor(Workspace& ws, std::string user) : ws_(ws), user_(std::move(user)) {}

std::optional<std::string> TemplateEditor::refusal() const {
  const auto dir = ws_.directory();
  const User* user = dir.user(user_);
  if (user != nullptr && may_edit_templates(*user)) return std::nullopt;
  // The rules' own words: ask them about a change this user would make.
  Event probe;
  probe.conversation_id = template_stream("probe");
  probe.actor = user_;
  probe.payload = TemplateRetired{};
  if (auto rejection = check_template(TemplateHistory{}, probe, dir)) {
    return rejection_text(*rejection);
  }
  return tr("You may not change templates.");
}

std::vector<TemplateRow> TemplateEditor::rows() const {
  TemplateFilter filter;
  filter.include_retired = true;
  std::vector<std::tuple<int, int, TemplateRow>> sorted;
  for (const auto& info : ws_.templates(filter)) {
    TemplateRow row{
        info.id, info.content.name.empty() ? info.id : info.content.name,
        kind_label(info.content.kind),
        info.content.channel ? InboxModel::channel_name(*info.content.channel) : tr("Any channel"),
        info.retired};
    sorted.emplace_back(static_cast<int>(info.content.kind),
                        info.content.channel ? static_cast<int>(*info.content.channel) : -1,
                        std::move(row));
  }
  std::sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) {
    return std::tie(std::get<0>(a), std::get<1>(a), std::get<2>(a).name) <
           std::tie(std::get<0>(b), std::get<1>(b), std::get<2>(b).name);
  });
  std::vector<TemplateRow> rows;
  for (auto& entry : sorted) rows.push_back(std::move(std::get<2>(entry)));
  return rows;
}

std::vector<PlaceholderChoice> TemplateEditor::placeholders() {
  std::vector<PlaceholderChoice> out;
  for (const auto& p : placeholder_catalogue()) {
    out.push_back({"{" + std::string(p.name) + "}", tr(std::string(p.description).c_str())});
  }
  return out;
}

bool TemplateEditor::open(const std::string& id) {
  const auto info = ws_.template_info(id);
  if (!info) return false;
  id_ = info->id;
  draft_ = info->content;
  draft_.base_version = info->version;
  retired_ = info->retired;
  new_ = false;
  return true;
}

std::optional<std::string> TemplateEditor::start_new(TemplateKind kind,
                                                     std::optional<Channel> channel,
                                                     const std::string& name) {
  if (auto refused = refusal()) return refused;
  if (name.find_first_not_of(" \t") == std::string::npos) return tr("Give the template a name.");
  // A fresh id: the name's, with -2, -3 … when a template (retired ones too) has it already.
  const auto base = template_id_from_name(name);
  auto id = base;
  for (int n = 2; ws_.template_info(id); ++n) {
    const auto suffix = "-" + std::to_string(n);
    id = base.substr(0, 64 - suffix.size()) + suffix;
  }
  id_ = id;
  draft_ = TemplateSaved{kind, channel, name, {}, 0};
  retired_ = false;
  new_ = true;
  return std::nullopt;
}

std::vector<PreviewConversation> TemplateEditor::preview_conversations(const std::string& open_one,
                                                                       std::size_t limit) const {
  std::vector<PreviewConversation> out;
  const auto label = [](const std::string& id, const Party& citizen, const std::string& subject) {
    const auto who = citizen.name.empty() ? citizen.address : citizen.name;
    return PreviewConversation{id, subject.empty() ? who : who + " — " + subject};
  };
  if (!open_one.empty()) {
    if (const auto c = ws_.store().conversation(open_one)) {
      out.push_back(label(c->id, c->citizen, c->subject));
    }
  }
  // Newest activity first; enough rows to find `limit` open ones among closed ones.
  auto rows = ws_.store().list(InboxView::All, ViewScope{}, limit * 4);
  std::stable_sort(rows.begin(), rows.end(),
                   [](const auto& a, const auto& b) { return a.last_activity > b.last_activity; });
  for (const auto& row : rows) {
    if (out.size() >= limit) break;
    if (row.status != ConversationStatus::Open) continue;
    if (!out.empty() && out.front().id == row.id) continue;
    out.push_back(label(row.id, row.citizen, row.subject));
  }
  return out;
}

void TemplateEditor::set_text(const std::string& language, const std::string& subject,
                              const std::string& body) {
  if (subject.empty() && body.empty()) {
    draft_.texts.erase(language);
  } else {
    draft_.texts[language] = TemplateText{subject, body};
  }
}

TextCheckView TemplateEditor::check(const std::string& language) const {
  TextCheckView view;
  TemplateSaved one = draft_;
  const auto text = draft_.texts.find(language);
  if (text == draft_.texts.end()) return view;
  one.texts = {{language, text->second}};
  for (const auto& c : ws_.check_template(one)) {
    if (c.language != language) continue;
    for (const auto& e : c.subject_errors) view.errors.push_back(error_text(tr("Subject"), e));
    for (const auto& e : c.body_errors) view.errors.push_back(error_text(tr("Text"), e));
    for (const auto& h : c.hints) view.hints.push_back(plain(h.format, h.args));
    if (c.sms) {
      const auto& length = c.sms->with_values;
      view.sms = substitute(tr("{0} SMS, {1} units ({2}), {3} left in this SMS"),
                            {std::to_string(length.segments), std::to_string(length.units),
                             std::string(to_string(length.encoding)), std::to_string(length.left)});
      if (length.segments > 1) {
        view.sms_warning = tr("Longer than one SMS: it costs more and may arrive in pieces.");
      } else if (c.sms->may_exceed()) {
        view.sms_warning = substitute(tr("With long names or dates it may take {0} SMS."),
                                      {std::to_string(c.sms->longest.segments)});
      }
    }
  }
  return view;
}

std::string TemplateEditor::preview(const std::string& language,
                                    const std::string& conversation) const {
  const auto wanted = language_from_code(language);
  const auto text = draft_.texts.find(language);
  if (!wanted || text == draft_.texts.end()) {
    return substitute(tr("There is no {0} text yet."), {language_name(language)});
  }
  TemplateValues values = ws_.sample_template_values();
  if (!conversation.empty()) {
    if (const auto c = ws_.store().conversation(conversation)) values = ws_.template_values(*c);
  }
  const auto check_view = check(language);
  if (!check_view.ok()) return check_view.errors.front();
  try {
    const auto message = render_message({{language, text->second}}, *wanted,
                                        ws_.administration_language(), values, ws_.zone());
    return message.subject.empty() ? message.body : message.subject + "\n\n" + message.body;
  } catch (const std::invalid_argument& error) {
    return error.what();
  }
}

std::string TemplateEditor::history_text() const {
  if (id_.empty()) return {};
  if (new_) return tr("Not saved yet.");
  std::string out;
  auto history = ws_.template_history(id_);
  std::reverse(history.begin(), history.end());
  for (const auto& change : history) {
    const auto when = format_local(change.at, ws_.zone());
    if (change.kind == TemplateChange::Kind::Retired) {
      out += substitute(tr("Retired by {0} on {1}"), {change.author, when});
    } else {
      out += substitute(tr("Version {0} by {1} on {2}"),
                        {std::to_string(change.version), change.author, when});
    }
    if (change.rejection) out += " — " + tr("refused") + ": " + rejection_text(*change.rejection);
    out += '\n';
    for (const auto& [text, lines] : change.diffs) {
      out += "  " + text + ":\n";
      for (const auto& line : lines) {
        if (line.op == DiffLine::Op::Same) continue;  // the changes, not the whole text
        out += line.op == DiffLine::Op::Added ? "  + " : "  - ";
        out += line.text + '\n';
      }
    }
    out += '\n';
  }
  if (out.empty()) out = tr("Not changed since it was shipped with Samla.");
  return out;
}

std::optional<std::string> TemplateEditor::save() {
  if (id_.empty()) return tr("Choose a template first.");
  if (auto refused = refusal()) return refused;
  if (draft_.texts.empty()) return tr("Write the text in at least one language.");
  TemplateSaveOutcome outcome;
  try {
    outcome = ws_.save_template(id_, draft_, user_);
  } catch (const std::invalid_argument& error) {
    return std::string(error.what());
  }
  if (outcome.rejection) return rejection_text(*outcome.rejection);
  std::string errors;
  for (const auto& c : outcome.checks) {
    const auto where = language_name(c.language);
    for (const auto& e : c.subject_errors) {
      errors += error_text(where + " " + tr("subject"), e) + '\n';
    }
    for (const auto& e : c.body_errors) errors += error_text(where + " " + tr("text"), e) + '\n';
  }
  if (!errors.empty()) return tr("Not saved:") + "\n" + errors;
  draft_.base_version = outcome.version;
  new_ = false;
  return std::nullopt;
}

std::optional<std::string> TemplateEditor::retire() {
  if (id_.empty()) return tr("Choose a template first.");
  if (new_) return tr("This template is not saved yet.");
  if (auto rejection = ws_.retire_template(id_, user_)) return rejection_text(*rejection);
  retired_ = true;
  return std::nullopt;
}

std::string TemplateEditor::rejection_text(const Rejection& rejection) const {
  return rejection.text(tr(std::string(rejection.format).c_str()), ws_.zone());
}

std::string break_long_words(const std::string& text, std::size_t max_chars) {
  if (max_chars == 0) return text;
  std::string out;
  out.reserve(text.size());
  std::size_t run = 0;  // characters since the last space or line break
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto byte = static_cast<unsigned char>(text[i]);
    const bool starts_char = (byte & 0xC0U) != 0x80U;  // not a UTF-8 continuation byte
    if (text[i] == ' ' || text[i] == '\n' || text[i] == '\t') {
      run = 0;
    } else if (starts_char) {
      if (run == max_chars) {
        out += '\n';
        run = 0;
      }
      ++run;
    }
    out += text[i];
  }
  return out;
}

std::string template_id_from_name(const std::string& name) {
  std::string id;
  const auto add = [&id](const std::string& part) {
    for (const char c : part) {
      if (id.size() >= 64) return;
      if (c == '-' && (id.empty() || id.back() == '-')) continue;
      id += c;
    }
  };
  for (std::size_t i = 0; i < name.size(); ++i) {
    const auto c = static_cast<unsigned char>(name[i]);
    const std::string rest = name.substr(i, 2);
    if (rest == "\xC3\xA6" || rest == "\xC3\x86") {  // æ Æ
      add("ae");
      ++i;
    } else if (rest == "\xC3\xB8" || rest == "\xC3\x98") {  // ø Ø
      add("o");
      ++i;
    } else if (rest == "\xC3\xA5" || rest == "\xC3\x85") {  // å Å
      add("a");
      ++i;
    } else if (std::isalnum(c) != 0 && c < 0x80U) {
      add(std::string(1, static_cast<char>(std::tolower(c))));
    } else {
      add("-");
    }
  }
  while (!id.empty() && id.back() == '-') id.pop_back();
  return id.empty() ? "template" : id;
}

}  // namespace samla::app
