// The Workspace's template operations: the shipped defaults overlaid by each template's stream
// of TemplateSaved/TemplateRetired events, checks at save time, rendering for a conversation.
#include <algorithm>
#include <cctype>
#include <stdexcept>

#include "samla/models/fold.h"
#include "samla/models/template_history.h"
#include "samla/sync/uuid.h"
#include "samla/sync/workspace.h"
#include "samla/templates/default_templates.h"
#include "samla/templates/language_detection.h"

namespace samla {
namespace {

constexpr const char* kMunicipalityName = "municipality.name";
constexpr const char* kMunicipalityPhone = "municipality.phone";
constexpr const char* kMunicipalityEmail = "municipality.email";
constexpr const char* kAdministrationLanguage = "administration_language";
constexpr const char* kOfficialesePrefix = "officialese.";  // + language code

// Whole sentences as the literal first argument, extracted for translation (refuse:1).
Rejection refuse(std::string_view format, std::vector<RejectionArg> args = {}) {
  return Rejection{format, std::move(args)};
}

// Every template stream folded, by template id.
std::map<std::string, TemplateHistory> histories(const Store& store, const Directory& directory) {
  std::map<std::string, std::vector<Event>> streams;
  for (auto& e : store.template_events()) {
    streams[std::string(template_id_of(e.conversation_id))].push_back(std::move(e));
  }
  std::map<std::string, TemplateHistory> out;
  for (auto& [id, events] : streams) {
    auto history = fold_template(in_hub_order(std::move(events)), directory);
    history.id = id;
    out.emplace(id, std::move(history));
  }
  return out;
}

TemplateInfo info_of(const std::string& id, const TemplateHistory* history) {
  TemplateInfo info;
  info.id = id;
  const auto* shipped = find_default_template(id);
  info.shipped = shipped != nullptr;
  if (history != nullptr && history->current() != nullptr) {
    const auto& v = *history->current();
    info.content = v.content;
    info.version = v.number;
    info.author = v.author;
    info.saved_at = v.at;
  } else if (shipped != nullptr) {
    info.content = shipped->content;
  }
  info.retired = history != nullptr && history->retired;
  return info;
}

bool matches(const TemplateInfo& t, const TemplateFilter& filter) {
  if (t.retired && !filter.include_retired) return false;
  if (filter.kind && t.content.kind != *filter.kind) return false;
  if (filter.channel && t.content.channel && *t.content.channel != *filter.channel) return false;
  return true;
}

std::string text_of(const TemplateSaved& content, const std::string& key) {
  // key: "nn.subject" / "nn.body"
  const auto dot = key.find('.');
  const auto it = content.texts.find(key.substr(0, dot));
  if (it == content.texts.end()) return {};
  return key.substr(dot + 1) == "subject" ? it->second.subject : it->second.body;
}

}  // namespace

void Workspace::set_municipality(const std::string& name, const std::string& phone,
                                 const std::string& email) {
  store_->set_setting(kMunicipalityName, name);
  store_->set_setting(kMunicipalityPhone, phone);
  store_->set_setting(kMunicipalityEmail, email);
}

void Workspace::set_administration_language(Language language) {
  store_->set_setting(kAdministrationLanguage, std::string(to_code(language)));
}

Language Workspace::administration_language() const {
  const auto code = store_->setting(kAdministrationLanguage);
  if (!code) return Language::Nynorsk;
  return language_from_code(*code).value_or(Language::Nynorsk);
}

void Workspace::set_officialese(Language language, const std::string& list) {
  store_->set_setting(kOfficialesePrefix + std::string(to_code(language)), list);
}

HintOptions Workspace::hint_options(Language language) const {
  HintOptions options;
  const auto list = store_->setting(kOfficialesePrefix + std::string(to_code(language)));
  options.officialese = list ? parse_officialese(*list) : starter_officialese(language);
  return options;
}

std::vector<TemplateInfo> Workspace::templates(const TemplateFilter& filter) const {
  const auto all = histories(*store_, store_->directory());
  std::vector<TemplateInfo> out;
  for (const auto& d : default_templates()) {
    const std::string id(d.id);
    const auto it = all.find(id);
    out.push_back(info_of(id, it == all.end() ? nullptr : &it->second));
  }
  for (const auto& [id, history] : all) {
    if (find_default_template(id) != nullptr || !history.saved()) continue;
    out.push_back(info_of(id, &history));
  }
  std::erase_if(out, [&](const TemplateInfo& t) { return !matches(t, filter); });
  std::sort(out.begin(), out.end(), [](const TemplateInfo& a, const TemplateInfo& b) {
    if (a.content.kind != b.content.kind) return a.content.kind < b.content.kind;
    return a.id < b.id;
  });
  return out;
}

std::optional<TemplateInfo> Workspace::template_info(const std::string& id,
                                                     std::optional<std::int64_t> version) const {
  const auto history = fold_template(in_hub_order([&] {
                                       std::vector<Event> events;
                                       for (auto& e : store_->template_events()) {
                                         if (template_id_of(e.conversation_id) == id)
                                           events.push_back(std::move(e));
                                       }
                                       return events;
                                     }()),
                                     store_->directory());
  if (!history.saved() && find_default_template(id) == nullptr) return std::nullopt;
  auto info = info_of(id, &history);
  if (!version || *version == info.version) return info;
  if (*version == 0) {
    const auto* shipped = find_default_template(id);
    if (shipped == nullptr) return std::nullopt;
    return TemplateInfo{id, shipped->content, 0, true, info.retired, {}, {}};
  }
  if (*version < 1 || *version > history.version()) return std::nullopt;
  const auto& v = history.versions[static_cast<std::size_t>(*version - 1)];
  info.content = v.content;
  info.version = v.number;
  info.author = v.author;
  info.saved_at = v.at;
  return info;
}

std::vector<TemplateChange> Workspace::template_history(const std::string& id) const {
  std::vector<Event> events;
  for (auto& e : store_->template_events()) {
    if (template_id_of(e.conversation_id) == id) events.push_back(std::move(e));
  }
  const auto history = fold_template(in_hub_order(std::move(events)), store_->directory());
  std::vector<TemplateChange> out;
  const auto* shipped = find_default_template(id);
  TemplateSaved previous = shipped != nullptr ? shipped->content : TemplateSaved{};
  std::int64_t current = 0;
  for (const auto& entry : history.timeline) {
    TemplateChange change;
    change.author = entry.event.actor;
    change.at = entry.event.at;
    change.event_id = entry.event.id;
    change.rejection = entry.rejection;
    if (const auto* saved = std::get_if<TemplateSaved>(&entry.event.payload)) {
      change.kind = TemplateChange::Kind::Saved;
      change.version = entry.rejection ? saved->base_version + 1 : ++current;
      std::vector<std::string> keys;
      for (const TemplateSaved* content : {static_cast<const TemplateSaved*>(&previous), saved}) {
        for (const auto& [language, text] : content->texts) {
          for (const auto* part : {".subject", ".body"}) {
            const auto key = language + part;
            if (std::find(keys.begin(), keys.end(), key) == keys.end()) keys.push_back(key);
          }
        }
      }
      for (const auto& key : keys) {
        const auto before = text_of(previous, key);
        const auto after = text_of(*saved, key);
        if (before != after) change.diffs.emplace(key, diff_lines(before, after));
      }
      if (!entry.rejection) previous = *saved;
    } else {
      change.kind = TemplateChange::Kind::Retired;
      change.version = current;
    }
    out.push_back(std::move(change));
  }
  return out;
}

std::vector<TemplateTextCheck> Workspace::check_template(const TemplateSaved& content) const {
  std::vector<TemplateTextCheck> out;
  for (const auto& [code, text] : content.texts) {
    TemplateTextCheck check;
    check.language = code;
    const auto language = language_from_code(code);
    check.subject_errors = parse_template(text.subject).errors;
    check.body_errors = parse_template(text.body).errors;
    if (!language) {
      // An unknown language is an error of the whole text, at its start.
      TemplateError e;
      e.format = refuse("unknown language {0}; templates are written in nn, nb and en").format;
      e.args = {code};
      check.body_errors.insert(check.body_errors.begin(), e);
    } else {
      check.hints = plain_language_hints(text.body, *language, hint_options(*language));
      if (is_sms_kind(content.kind) && check.body_errors.empty()) {
        check.sms = estimate_sms(text.body, *language, sample_template_values(), zone_);
      }
    }
    out.push_back(std::move(check));
  }
  return out;
}

TemplateSaveOutcome Workspace::save_template(const std::string& id, const TemplateSaved& content,
                                             const std::string& actor) {
  if (!is_valid_template_id(id)) {
    throw std::invalid_argument("'" + id + "' is not a template id: use 1-64 of a-z, 0-9 and '-'");
  }
  TemplateSaveOutcome outcome;
  outcome.checks = check_template(content);
  if (!outcome.accepted()) return outcome;
  if (const auto* shipped = find_default_template(id);
      shipped != nullptr && shipped->content.kind != content.kind) {
    outcome.rejection = refuse("a template cannot change its kind; save a new template instead");
    return outcome;
  }
  std::vector<Event> events;
  for (auto& e : store_->template_events()) {
    if (template_id_of(e.conversation_id) == id) events.push_back(std::move(e));
  }
  const auto directory = store_->directory();
  const auto history = fold_template(in_hub_order(std::move(events)), directory);
  const User* user = directory.user(actor);
  Event event{new_uuid(),
              template_stream(id),
              actor,
              user != nullptr && !user->memberships.empty() ? user->memberships.front().department
                                                            : std::string{},
              now(),
              content,
              std::nullopt};
  outcome.rejection = samla::check_template(history, event, directory);
  if (outcome.rejection) return outcome;
  store_->append(std::vector<Event>{event});
  outcome.version = history.version() + 1;
  return outcome;
}

std::optional<Rejection> Workspace::retire_template(const std::string& id,
                                                    const std::string& actor) {
  std::vector<Event> events;
  for (auto& e : store_->template_events()) {
    if (template_id_of(e.conversation_id) == id) events.push_back(std::move(e));
  }
  const auto directory = store_->directory();
  const auto history = fold_template(in_hub_order(std::move(events)), directory);
  if (!history.saved() && find_default_template(id) == nullptr) {
    return refuse("there is no template {0}", {id});
  }
  const User* user = directory.user(actor);
  Event event{new_uuid(),
              template_stream(id),
              actor,
              user != nullptr && !user->memberships.empty() ? user->memberships.front().department
                                                            : std::string{},
              now(),
              TemplateRetired{history.version()},
              std::nullopt};
  if (auto rejection = samla::check_template(history, event, directory)) return rejection;
  store_->append(std::vector<Event>{event});
  return std::nullopt;
}

Language Workspace::answer_language_for(const Conversation& conversation) const {
  std::string text;
  for (const auto& entry : conversation.timeline) {
    if (const auto* m = std::get_if<MessageReceived>(&entry.event.payload)) {
      text += m->message.subject + "\n" + m->message.body_text + "\n";
    }
  }
  return answer_language(conversation.language, text, administration_language());
}

TemplateValues Workspace::template_values(const Conversation& c) const {
  TemplateValues values;
  const auto dir = store_->directory();
  const auto set_text = [&](const char* name, const std::string& text) {
    if (!text.empty()) values[name] = text;
  };
  // A name that is only the address tells nothing a greeting can use.
  if (!c.citizen.name.empty() && c.citizen.name != c.citizen.address) {
    set_text("citizen.name", c.citizen.name);
  }
  if (const auto deadline = rules_->deadline_of(c)) values["deadline"] = *deadline;
  if (c.promised) values["promised_date"] = *c.promised;
  values["today"] = now();
  set_text("department", dir.display_name(c.owner_department));
  if (c.assignee) set_text("caseworker", dir.display_name(*c.assignee));
  std::string reference = "SAM-" + c.id.substr(0, 8);
  std::transform(reference.begin(), reference.end(), reference.begin(),
                 [](unsigned char ch) { return static_cast<char>(std::toupper(ch)); });
  values["reference"] = reference;
  set_text("subject", c.subject);
  set_text("municipality", store_->setting(kMunicipalityName).value_or(""));
  set_text("contact.phone", store_->setting(kMunicipalityPhone).value_or(""));
  set_text("contact.email", store_->setting(kMunicipalityEmail).value_or(""));
  return values;
}

TemplateValues Workspace::sample_template_values() const {
  auto values = sample_values(now());
  // Dates as the rules would give them now: working days, office hours, holidays.
  const auto department = store_->setting("default_department").value_or("");
  const auto deadline = rules_->deadline_for(Channel::Email, now(), department);
  values["deadline"] = deadline;
  values["promised_date"] = rules_->deadline_for(Channel::Email, deadline, department);
  values["callback_time"] = rules_->deadline_for(Channel::Callback, now(), department);
  for (const auto& [name, key] : {std::pair{"municipality", kMunicipalityName},
                                  std::pair{"contact.phone", kMunicipalityPhone},
                                  std::pair{"contact.email", kMunicipalityEmail}}) {
    if (auto value = store_->setting(key); value && !value->empty()) values[name] = *value;
  }
  return values;
}

namespace {

TemplatePreview preview_of(const TemplateInfo& info, Language wanted, Language administration,
                           const TemplateValues& values, const TimeZone& zone) {
  TemplatePreview preview;
  preview.template_id = info.id;
  preview.version = info.version;
  preview.kind = info.content.kind;
  preview.message = render_message(info.content.texts, wanted, administration, values, zone);
  if (is_sms_kind(info.content.kind)) preview.sms = sms_length(preview.message.body);
  return preview;
}

}  // namespace

TemplatePreview Workspace::render_template(const std::string& id, const std::string& conversation,
                                           std::optional<Language> language,
                                           const TemplateValues& extra) const {
  const auto info = template_info(id);
  if (!info) throw std::invalid_argument("no template '" + id + "'");
  if (info->retired) throw std::invalid_argument("the template '" + id + "' is retired");
  const auto c = store_->conversation(conversation);
  if (!c) throw std::invalid_argument("no conversation '" + conversation + "'");
  if (info->content.kind == TemplateKind::HandoverNotice &&
      (!c->last_handover || c->last_handover->kind != HandoverOutcome::Kind::Accepted)) {
    throw std::invalid_argument(
        "a handover notice goes to the citizen only after the receiving department has accepted");
  }
  auto values = template_values(*c);
  for (const auto& [name, value] : extra) values[name] = value;
  return preview_of(*info, language.value_or(answer_language_for(*c)), administration_language(),
                    values, zone_);
}

TemplatePreview Workspace::render_template_sample(const std::string& id, Language language,
                                                  const TemplateValues& extra) const {
  const auto info = template_info(id);
  if (!info) throw std::invalid_argument("no template '" + id + "'");
  auto values = sample_template_values();
  for (const auto& [name, value] : extra) values[name] = value;
  return preview_of(*info, language, administration_language(), values, zone_);
}

std::optional<RenderedMessage> Workspace::render_auto_reply(
    const Conversation& conversation) const {
  TemplateFilter filter;
  filter.kind = TemplateKind::AutoReply;
  filter.channel = conversation.channel;
  const auto candidates = templates(filter);
  const TemplateInfo* best = nullptr;
  const auto better = [](const TemplateInfo& a, const TemplateInfo* b) {
    if (b == nullptr) return true;
    // For this very channel before any channel; then the newest save.
    if (a.content.channel.has_value() != b->content.channel.has_value()) {
      return a.content.channel.has_value();
    }
    return a.saved_at > b->saved_at;
  };
  for (const auto& t : candidates) {
    if (better(t, best)) best = &t;
  }
  if (best == nullptr) return std::nullopt;
  return preview_of(*best, answer_language_for(conversation), administration_language(),
                    template_values(conversation), zone_)
      .message;
}

}  // namespace samla
