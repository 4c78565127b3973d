// template list|show|render|check|import|export|history|retire|placeholders, and sms count: the
// templates comms staff own, for scripts. Template files are JSON:
//   {"id": "auto-reply-email", "kind": "auto-reply", "channel": "email", "name": "…",
//    "texts": {"nn": {"subject": "…", "body": "…"}, "nb": {…}, "en": {…}}}
// `import` takes one such object, an array of them, or {"templates": [...]}, as `export` writes.
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

#include <nlohmann/json.hpp>

#include "commands.h"
#include "i18n.h"
#include "samla/models/rejection.h"
#include "samla/sync/iso8601.h"
#include "samla/templates/default_templates.h"
#include "samla/templates/sms_length.h"

namespace samla::cli {
namespace {

using nlohmann::json;

std::string read_all(std::istream& in) {
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// A file, or standard input for "-".
std::string read_input(const std::string& path) {
  if (path == "-") return read_all(std::cin);
  std::ifstream in(path, std::ios::binary);
  if (!in) throw UsageError(substitute(tr("cannot read {0}"), {path}));
  return read_all(in);
}

json texts_json(const std::map<std::string, TemplateText>& texts) {
  json out = json::object();
  for (const auto& [language, text] : texts) {
    out[language] = json{{"subject", text.subject}, {"body", text.body}};
  }
  return out;
}

json template_json(const TemplateInfo& t, const TimeZone& zone) {
  json out{{"id", t.id},
           {"kind", std::string(to_string(t.content.kind))},
           {"name", t.content.name},
           {"texts", texts_json(t.content.texts)},
           {"version", t.version},
           {"shipped", t.shipped},
           {"retired", t.retired}};
  out["channel"] =
      t.content.channel ? json(std::string(to_string(*t.content.channel))) : json(nullptr);
  out["author"] = t.author.empty() ? json(nullptr) : json(t.author);
  out["saved_at"] = t.author.empty() ? json(nullptr) : json(format_iso8601(t.saved_at, zone));
  return out;
}

// A template object of a file; throws std::invalid_argument naming what is wrong.
std::pair<std::string, TemplateSaved> template_from_json(const json& j) {
  if (!j.is_object()) throw std::invalid_argument(tr("a template must be a JSON object"));
  const auto text = [&](const json& object, const char* key) -> std::string {
    const auto it = object.find(key);
    if (it == object.end() || it->is_null()) return {};
    if (!it->is_string()) {
      throw std::invalid_argument(substitute(tr("'{0}' must be text"), {key}));
    }
    return it->get<std::string>();
  };
  const auto id = text(j, "id");
  if (id.empty()) throw std::invalid_argument(tr("the template has no 'id'"));
  TemplateSaved t;
  const auto kind_text = text(j, "kind");
  const auto kind = template_kind_from_string(kind_text);
  if (!kind) {
    throw std::invalid_argument(
        substitute(tr("template {0}: unknown kind '{1}'"), {id, kind_text}));
  }
  t.kind = *kind;
  if (const auto channel_text = text(j, "channel"); !channel_text.empty()) {
    const auto channel = channel_from_string(channel_text);
    if (!channel) {
      throw std::invalid_argument(
          substitute(tr("template {0}: unknown channel '{1}'"), {id, channel_text}));
    }
    t.channel = *channel;
  }
  t.name = text(j, "name");
  const auto texts = j.find("texts");
  if (texts == j.end() || !texts->is_object()) {
    throw std::invalid_argument(substitute(tr("template {0} has no 'texts'"), {id}));
  }
  for (const auto& [language, value] : texts->items()) {
    if (!value.is_object()) {
      throw std::invalid_argument(substitute(tr("'{0}' must be text"), {"texts." + language}));
    }
    t.texts.emplace(language, TemplateText{text(value, "subject"), text(value, "body")});
  }
  return {id, t};
}

std::vector<json> template_items(const json& j) {
  if (j.is_array()) return {j.begin(), j.end()};
  if (j.is_object() && j.contains("templates") && j.at("templates").is_array()) {
    return {j.at("templates").begin(), j.at("templates").end()};
  }
  return {j};
}

std::string position_text(const TemplateError& e) {
  return substitute(tr("line {0}, column {1}"), {std::to_string(e.line), std::to_string(e.column)});
}

std::string error_text(const TemplateError& e) {
  // Formats are string literals of the engine, so data() is terminated.
  return substitute(tr(std::string(e.format).c_str()), e.args);
}

json sms_json(const SmsLength& s) {
  return json{{"encoding", std::string(to_string(s.encoding))},
              {"segments", s.segments},
              {"units", s.units}};
}

json check_json(const TemplateTextCheck& c) {
  json errors = json::array();
  for (const auto* list : {&c.subject_errors, &c.body_errors}) {
    for (const auto& e : *list) {
      errors.push_back(json{{"part", list == &c.subject_errors ? "subject" : "body"},
                            {"line", e.line},
                            {"column", e.column},
                            {"offset", e.offset},
                            {"message", error_text(e)}});
    }
  }
  json hints = json::array();
  for (const auto& h : c.hints) {
    hints.push_back(json{{"kind", std::string(to_string(h.kind))},
                         {"offset", h.offset},
                         {"length", h.length},
                         {"message", substitute(tr(std::string(h.format).c_str()), h.args)}});
  }
  json out{{"language", c.language}, {"errors", errors}, {"hints", hints}};
  if (c.sms) {
    out["sms"] = sms_json(c.sms->with_values);
    out["sms_longest"] = sms_json(c.sms->longest);
    out["sms_may_exceed"] = c.sms->may_exceed();
  }
  return out;
}

// Prints checks for people; returns false when a text has errors.
bool print_checks(const std::string& id, const std::vector<TemplateTextCheck>& checks) {
  bool ok = true;
  for (const auto& c : checks) {
    for (const auto* list : {&c.subject_errors, &c.body_errors}) {
      const char* part = list == &c.subject_errors ? "subject" : "body";
      for (const auto& e : *list) {
        ok = false;
        std::cerr << id << ' ' << c.language << '.' << part << ' ' << position_text(e) << ": "
                  << error_text(e) << '\n';
      }
    }
    for (const auto& h : c.hints) {
      std::cout << id << ' ' << c.language << ' ' << tr("hint") << ": "
                << substitute(tr(std::string(h.format).c_str()), h.args) << '\n';
    }
    if (c.sms) {
      const auto& s = c.sms->with_values;
      std::cout << id << ' ' << c.language << " SMS: " << to_string(s.encoding) << ", "
                << substitute(tr("{0} segments, {1} units"),
                              {std::to_string(s.segments), std::to_string(s.units)})
                << '\n';
      if (c.sms->may_exceed()) {
        std::cout << id << ' ' << c.language << ' ' << tr("warning") << ": "
                  << substitute(tr("with long values the message may need {0} segments"),
                                {std::to_string(c.sms->longest.segments)})
                  << '\n';
      }
    }
  }
  return ok;
}

void print_rejection(const Rejection& r, const TimeZone& zone) {
  std::cerr << tr("refused") << ": " << r.text(tr(r.format.data()), zone) << '\n';
}

// "name=value" options of render: text values, or ISO 8601 times for date placeholders.
TemplateValues parse_values(CliContext& ctx, const std::vector<std::string>& pairs) {
  TemplateValues values;
  for (const auto& pair : pairs) {
    const auto eq = pair.find('=');
    if (eq == std::string::npos) {
      throw UsageError(substitute(tr("--set wants name=value, not '{0}'"), {pair}));
    }
    const auto name = pair.substr(0, eq);
    const auto* placeholder = find_placeholder(name);
    if (placeholder == nullptr) {
      throw UsageError(substitute(tr("unknown placeholder {0}"), {name}));
    }
    if (placeholder->type == PlaceholderType::Text) {
      values[name] = pair.substr(eq + 1);
    } else {
      values[name] = ctx.parse_time(pair.substr(eq + 1), "--set");
    }
  }
  return values;
}

std::optional<Language> language_option(const std::string& code) {
  if (code.empty()) return std::nullopt;
  const auto language = language_from_code(code);
  if (!language) throw UsageError(substitute(tr("unknown language '{0}'"), {code}));
  return language;
}

void add_list(CLI::App& parent, Commands cmd) {
  auto& ctx = cmd.context;
  auto* list = parent.add_subcommand("list", tr("list templates"));
  struct Args {
    std::string kind, channel;
    bool all = false, as_json = false;
  };
  auto args = std::make_shared<Args>();
  list->add_option("--kind", args->kind, tr("only this kind, e.g. auto-reply"));
  list->add_option("--channel", args->channel, tr("only templates usable on this channel"));
  list->add_flag("--all", args->all, tr("include retired templates"));
  list->add_flag("--json", args->as_json, tr("write JSON"));
  list->callback([&ctx, args] {
    TemplateFilter filter;
    filter.include_retired = args->all;
    if (!args->kind.empty()) {
      filter.kind = template_kind_from_string(args->kind);
      if (!filter.kind) throw UsageError(substitute(tr("unknown kind '{0}'"), {args->kind}));
    }
    if (!args->channel.empty()) {
      filter.channel = channel_from_string(args->channel);
      if (!filter.channel) {
        throw UsageError(substitute(tr("unknown channel '{0}'"), {args->channel}));
      }
    }
    auto& ws = ctx.workspace();
    const auto rows = ws.templates(filter);
    if (args->as_json) {
      json out = json::array();
      for (const auto& t : rows) out.push_back(template_json(t, ws.zone()));
      std::cout << out.dump(2) << '\n';
      return;
    }
    for (const auto& t : rows) {
      std::cout << t.id << '\t' << to_string(t.content.kind) << '\t'
                << (t.content.channel ? std::string(to_string(*t.content.channel)) : "-") << '\t'
                << 'v' << t.version << '\t' << t.content.name
                << (t.retired ? " (" + tr("retired") + ")" : "") << '\n';
    }
  });
}

void add_show(CLI::App& parent, Commands cmd) {
  auto& ctx = cmd.context;
  auto* show = parent.add_subcommand("show", tr("show a template, all its languages"));
  struct Args {
    std::string id;
    std::int64_t version = -1;
    bool as_json = false;
  };
  auto args = std::make_shared<Args>();
  show->add_option("id", args->id, tr("template id"))->required();
  show->add_option("--version", args->version, tr("an earlier version (0: as shipped)"));
  show->add_flag("--json", args->as_json, tr("write JSON"));
  show->callback([&ctx, args] {
    auto& ws = ctx.workspace();
    const auto t = ws.template_info(
        args->id, args->version >= 0 ? std::optional<std::int64_t>(args->version) : std::nullopt);
    if (!t) throw std::invalid_argument(substitute(tr("no template '{0}'"), {args->id}));
    if (args->as_json) {
      std::cout << template_json(*t, ws.zone()).dump(2) << '\n';
      return;
    }
    std::cout << t->id << " v" << t->version << ' ' << to_string(t->content.kind) << ' '
              << t->content.name << (t->retired ? " (" + tr("retired") + ")" : "") << '\n';
    for (const auto& [language, text] : t->content.texts) {
      std::cout << "\n[" << language << "]\n";
      if (!text.subject.empty()) std::cout << text.subject << "\n\n";
      std::cout << text.body << '\n';
    }
  });
}

void add_render(CLI::App& parent, Commands cmd) {
  auto& ctx = cmd.context;
  auto* render = parent.add_subcommand(
      "render", tr("write a template out for a conversation, or with sample values"));
  struct Args {
    std::string id, conversation, language;
    std::vector<std::string> values;
    bool as_json = false;
  };
  auto args = std::make_shared<Args>();
  render->add_option("id", args->id, tr("template id"))->required();
  render->add_option("--conversation", args->conversation,
                     tr("the conversation to write for (default: sample values)"));
  render->add_option("--lang", args->language, tr("nn, nb or en (default: the citizen's)"));
  render->add_option("--set", args->values, tr("a value: name=value (dates in ISO 8601)"));
  render->add_flag("--json", args->as_json, tr("write JSON"));
  render->callback([&ctx, args] {
    auto& ws = ctx.workspace();
    const auto extra = parse_values(ctx, args->values);
    const auto language = language_option(args->language);
    const auto preview = args->conversation.empty()
                             ? ws.render_template_sample(
                                   args->id, language.value_or(ws.administration_language()), extra)
                             : ws.render_template(args->id, args->conversation, language, extra);
    if (args->as_json) {
      json out{{"template", preview.template_id},
               {"version", preview.version},
               {"language", std::string(to_code(preview.message.language))},
               {"subject", preview.message.subject},
               {"body", preview.message.body},
               {"missing", preview.message.missing}};
      if (preview.sms) out["sms"] = sms_json(*preview.sms);
      std::cout << out.dump(2) << '\n';
      return;
    }
    if (!preview.message.subject.empty()) std::cout << preview.message.subject << "\n\n";
    std::cout << preview.message.body << '\n';
    for (const auto& name : preview.message.missing) {
      std::cerr << tr("warning") << ": " << substitute(tr("no value for {0}"), {"{" + name + "}"})
                << '\n';
    }
    if (preview.sms) {
      std::cerr << "SMS: " << to_string(preview.sms->encoding) << ", "
                << substitute(tr("{0} segments, {1} units"), {std::to_string(preview.sms->segments),
                                                              std::to_string(preview.sms->units)})
                << '\n';
    }
  });
}

void add_check(CLI::App& parent, Commands cmd) {
  auto& ctx = cmd.context;
  auto* check = parent.add_subcommand(
      "check", tr("check template files: errors with their position, plain-language hints"));
  struct Args {
    std::string file;
    bool as_json = false;
  };
  auto args = std::make_shared<Args>();
  check->add_option("file", args->file, tr("a template file (JSON), or - for standard input"))
      ->required();
  check->add_flag("--json", args->as_json, tr("write JSON"));
  check->callback([&ctx, &code = cmd.exit_code, args] {
    auto& ws = ctx.workspace();
    json parsed;
    try {
      parsed = json::parse(read_input(args->file));
    } catch (const json::parse_error& e) {
      throw std::invalid_argument(
          substitute(tr("{0} is not valid JSON: {1}"), {args->file, e.what()}));
    }
    bool ok = true;
    json report = json::array();
    for (const auto& item : template_items(parsed)) {
      try {
        const auto [id, content] = template_from_json(item);
        const auto checks = ws.check_template(content);
        if (args->as_json) {
          json entry{{"id", id}, {"texts", json::array()}};
          for (const auto& c : checks) {
            entry["texts"].push_back(check_json(c));
            ok = ok && c.ok();
          }
          report.push_back(entry);
        } else {
          ok = print_checks(id, checks) && ok;
        }
      } catch (const std::invalid_argument& e) {
        ok = false;
        std::cerr << "samlactl: " << e.what() << '\n';
      }
    }
    if (args->as_json) std::cout << report.dump(2) << '\n';
    code = ok ? kOk : kRefused;
  });
}

void add_import(CLI::App& parent, Commands cmd) {
  auto& ctx = cmd.context;
  auto* import_command =
      parent.add_subcommand("import", tr("save templates from a file as new versions"));
  auto file = std::make_shared<std::string>();
  import_command->add_option("file", *file, tr("a template file (JSON), or - for standard input"))
      ->required();
  import_command->callback([&ctx, &code = cmd.exit_code, file] {
    auto& ws = ctx.workspace();
    const auto actor = ctx.actor();
    json parsed;
    try {
      parsed = json::parse(read_input(*file));
    } catch (const json::parse_error& e) {
      throw std::invalid_argument(substitute(tr("{0} is not valid JSON: {1}"), {*file, e.what()}));
    }
    code = kOk;
    for (const auto& item : template_items(parsed)) {
      try {
        auto [id, content] = template_from_json(item);
        // An import replaces what is there now: it edits the current version.
        const auto current = ws.template_info(id);
        content.base_version = current ? current->version : 0;
        const auto outcome = ws.save_template(id, content, actor);
        if (outcome.accepted()) {
          print_checks(id, outcome.checks);  // hints and SMS length
          std::cout << "TemplateSaved " << id << " v" << outcome.version << '\n';
          continue;
        }
        code = kRefused;
        if (outcome.rejection) {
          std::cerr << id << ": ";
          print_rejection(*outcome.rejection, ws.zone());
        } else {
          print_checks(id, outcome.checks);
        }
      } catch (const std::invalid_argument& e) {
        code = kRefused;
        std::cerr << "samlactl: " << e.what() << '\n';
      }
    }
  });
}

void add_export(CLI::App& parent, Commands cmd) {
  auto& ctx = cmd.context;
  auto* export_command =
      parent.add_subcommand("export", tr("write every template as JSON, in the form import reads"));
  auto all = std::make_shared<bool>(false);
  export_command->add_flag("--all", *all, tr("include retired templates"));
  export_command->callback([&ctx, all] {
    auto& ws = ctx.workspace();
    TemplateFilter filter;
    filter.include_retired = *all;
    json list = json::array();
    for (const auto& t : ws.templates(filter)) list.push_back(template_json(t, ws.zone()));
    std::cout << json{{"templates", list}}.dump(2) << '\n';
  });
}

void add_history(CLI::App& parent, Commands cmd) {
  auto& ctx = cmd.context;
  auto* history =
      parent.add_subcommand("history", tr("who changed a template when, with the changes"));
  struct Args {
    std::string id;
    bool as_json = false;
  };
  auto args = std::make_shared<Args>();
  history->add_option("id", args->id, tr("template id"))->required();
  history->add_flag("--json", args->as_json, tr("write JSON"));
  history->callback([&ctx, args] {
    auto& ws = ctx.workspace();
    if (!ws.template_info(args->id)) {
      throw std::invalid_argument(substitute(tr("no template '{0}'"), {args->id}));
    }
    const auto dir = ws.directory();
    json out = json::array();
    for (const auto& change : ws.template_history(args->id)) {
      const bool saved = change.kind == TemplateChange::Kind::Saved;
      if (args->as_json) {
        json diffs = json::object();
        for (const auto& [key, lines] : change.diffs) {
          json l = json::array();
          for (const auto& line : lines) {
            const char* op = line.op == DiffLine::Op::Same    ? " "
                             : line.op == DiffLine::Op::Added ? "+"
                                                              : "-";
            l.push_back(std::string(op) + line.text);
          }
          diffs[key] = l;
        }
        out.push_back(json{{"event", saved ? "TemplateSaved" : "TemplateRetired"},
                           {"version", change.version},
                           {"author", change.author},
                           {"at", format_iso8601(change.at, ws.zone())},
                           {"rejected", change.rejection ? json(change.rejection->text(ws.zone()))
                                                         : json(nullptr)},
                           {"diff", diffs}});
        continue;
      }
      std::cout << format_local(change.at, ws.zone()) << ' ' << dir.display_name(change.author)
                << ": "
                << (saved ? substitute(tr("saved version {0}"), {std::to_string(change.version)})
                          : tr("retired the template"));
      if (change.rejection) {
        std::cout << " [" << tr("refused") << ": "
                  << change.rejection->text(tr(change.rejection->format.data()), ws.zone()) << "]";
      }
      std::cout << '\n';
      for (const auto& [key, lines] : change.diffs) {
        std::cout << "  " << key << '\n';
        for (const auto& line : lines) {
          if (line.op == DiffLine::Op::Same) continue;
          std::cout << "  " << (line.op == DiffLine::Op::Added ? '+' : '-') << ' ' << line.text
                    << '\n';
        }
      }
    }
    if (args->as_json) std::cout << out.dump(2) << '\n';
  });
}

void add_retire(CLI::App& parent, Commands cmd) {
  auto& ctx = cmd.context;
  auto* retire = parent.add_subcommand("retire", tr("stop using a template"));
  auto id = std::make_shared<std::string>();
  retire->add_option("id", *id, tr("template id"))->required();
  retire->callback([&ctx, &code = cmd.exit_code, id] {
    auto& ws = ctx.workspace();
    if (const auto rejection = ws.retire_template(*id, ctx.actor())) {
      print_rejection(*rejection, ws.zone());
      code = kRefused;
      return;
    }
    std::cout << "TemplateRetired " << *id << '\n';
    code = kOk;
  });
}

void add_placeholders(CLI::App& parent) {
  auto* placeholders =
      parent.add_subcommand("placeholders", tr("the placeholders a template may use"));
  auto as_json = std::make_shared<bool>(false);
  placeholders->add_flag("--json", *as_json, tr("write JSON"));
  placeholders->callback([as_json] {
    json out = json::array();
    for (const auto& p : placeholder_catalogue()) {
      const char* type = p.type == PlaceholderType::Text   ? "text"
                         : p.type == PlaceholderType::Date ? "date"
                                                           : "date-time";
      // Descriptions are string literals of the catalogue, so data() is terminated.
      const auto description = tr(p.description.data());
      if (*as_json) {
        out.push_back(json{{"name", "{" + std::string(p.name) + "}"},
                           {"type", type},
                           {"description", description}});
      } else {
        std::cout << '{' << p.name << "}\t" << type << '\t' << description << '\n';
      }
    }
    if (*as_json) std::cout << out.dump(2) << '\n';
  });
}

}  // namespace

void add_template_commands(CLI::App& app, Commands cmd) {
  auto* templates = app.add_subcommand("template", tr("the templates Samla writes to citizens"));
  templates->require_subcommand(1);
  add_list(*templates, cmd);
  add_show(*templates, cmd);
  add_render(*templates, cmd);
  add_check(*templates, cmd);
  add_import(*templates, cmd);
  add_export(*templates, cmd);
  add_history(*templates, cmd);
  add_retire(*templates, cmd);
  add_placeholders(*templates);

  auto* sms = app.add_subcommand("sms", tr("text messages"));
  sms->require_subcommand(1);
  sms->add_subcommand("count", tr("count the SMS segments of the text on standard input"))
      ->callback([] {
        auto text = read_all(std::cin);
        // The newline a shell's echo adds is not part of the message.
        if (text.ends_with("\r\n")) {
          text.resize(text.size() - 2);
        } else if (text.ends_with('\n')) {
          text.pop_back();
        }
        // Written out by hand in the documented form, spaces and key order included.
        const auto length = sms_length(text);
        std::cout << "{\"encoding\": \"" << to_string(length.encoding)
                  << "\", \"segments\": " << length.segments << ", \"units\": " << length.units
                  << "}\n";
      });
}

}  // namespace samla::cli
