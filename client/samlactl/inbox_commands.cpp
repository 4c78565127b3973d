// import, list, show, search, export: reading and filling the inbox.
#include <fstream>
#include <iostream>

#include "commands.h"
#include "i18n.h"
#include "samla/models/rejection.h"
#include "samla/sync/iso8601.h"
#include "text_output.h"

namespace samla::cli {
namespace {

nlohmann::json party_json(const Party& p) { return {{"name", p.name}, {"address", p.address}}; }

void add_export_command(CLI::App& app, CliContext& ctx) {
  auto* export_cmd = app.add_subcommand("export", tr("export every message"));
  auto format = std::make_shared<std::string>("jsonl");
  auto output = std::make_shared<std::string>();
  export_cmd->add_option("--format", *format, tr("jsonl: one JSON object per line"))
      ->check(CLI::IsMember({"jsonl"}));
  export_cmd->add_option("--output,-o", *output, tr("write to this file instead of stdout"));
  // Every option value lives in a shared_ptr its callback holds, so it outlives this function.
  export_cmd->callback([&ctx, format, output] {
    auto& ws = ctx.workspace();
    std::ofstream file;
    if (!output->empty()) {
      file.open(*output, std::ios::binary);
      if (!file) throw std::runtime_error(substitute(tr("cannot write {0}"), {*output}));
    }
    std::ostream& out = output->empty() ? std::cout : file;
    ws.store().for_each_message(
        [&](const std::string& conversation, const std::string& event_id, const InboundMessage& m) {
          auto to = nlohmann::json::array();
          for (const auto& p : m.to) to.push_back(party_json(p));
          auto attachments = nlohmann::json::array();
          for (const auto& a : m.attachments) {
            attachments.push_back(
                {{"filename", a.filename}, {"content_type", a.content_type}, {"size", a.size}});
          }
          const nlohmann::json row{{"id", event_id},
                                   {"conversation", conversation},
                                   {"channel", std::string(to_string(m.channel))},
                                   {"external_id", m.external_id},
                                   {"from", party_json(m.from)},
                                   {"to", to},
                                   {"subject", m.subject},
                                   {"received_at", format_iso8601(m.received_at, ws.zone())},
                                   {"body_text", m.body_text},
                                   {"attachments", attachments}};
          out << row.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
        });
  });
}

}  // namespace

void add_inbox_commands(CLI::App& app, Commands cmd) {
  int& code = cmd.exit_code;
  auto& ctx = cmd.context;

  auto* import_cmd = app.add_subcommand("import", tr("import .eml, mbox and JSON message files"));
  auto paths = std::make_shared<std::vector<std::string>>();
  import_cmd->add_option("paths", *paths, tr("files or folders"))->required();
  import_cmd->callback([&ctx, &code, paths] {
    std::vector<std::filesystem::path> files(paths->begin(), paths->end());
    const auto report = ctx.workspace().import_files(files);
    for (const auto& problem : report.problems) {
      std::cerr << tr("skipped") << ": " << problem.describe() << '\n';
    }
    std::cout << substitute(tr("imported {0} messages, {1} already present, {2} problems"),
                            {std::to_string(report.imported), std::to_string(report.duplicates),
                             std::to_string(report.problems.size())})
              << '\n';
    code = report.problems.empty() ? kOk : kRefused;
  });

  auto* list = app.add_subcommand("list", tr("list the conversations of an inbox view"));
  auto view = std::make_shared<std::string>("all");
  auto json = std::make_shared<bool>(false);
  auto limit = std::make_shared<std::size_t>(1000);
  list->add_option("--view", *view, tr("mine, department, handovers, due, overdue or all"))
      ->check(CLI::IsMember({"mine", "department", "handovers", "due", "overdue", "all"}));
  list->add_flag("--json", *json, tr("write JSON"));
  list->add_option("--limit", *limit, tr("at most this many rows"));
  list->callback([&ctx, view, json, limit] {
    auto& ws = ctx.workspace();
    const auto v = *view_from_string(*view);
    // The personal views need a user; "all" does not.
    const bool personal = v != InboxView::All;
    ViewScope scope = personal ? ws.scope_for(ctx.actor()) : ws.scope_for(ctx.options().as);
    const auto rows = ws.store().list(v, scope, *limit);
    if (*json) {
      auto out = nlohmann::json::array();
      for (const auto& s : rows) out.push_back(summary_json(s, ws.zone(), scope.now));
      std::cout << out.dump(2) << '\n';
      return;
    }
    if (rows.empty()) {
      std::cout << tr("No conversations in this view.") << '\n';
      return;
    }
    print_table(std::cout, rows, ws.directory(), ws.zone(), scope.now);
  });

  auto* show = app.add_subcommand("show", tr("show a conversation with its timeline"));
  auto id = std::make_shared<std::string>();
  auto show_json = std::make_shared<bool>(false);
  show->add_option("id", *id, tr("conversation id or its first 8 characters"))->required();
  show->add_flag("--json", *show_json, tr("write JSON"));
  show->callback([&ctx, &code, id, show_json] {
    auto& ws = ctx.workspace();
    const auto full = ws.store().resolve_id(*id);
    const auto c = full ? ws.store().conversation(*full) : std::nullopt;
    if (!c) {
      std::cerr << substitute(tr("no conversation '{0}'"), {*id}) << '\n';
      code = kRefused;
      return;
    }
    const auto deadline = ws.rules().deadline_of(*c);
    if (*show_json) {
      std::cout << conversation_json(*c, deadline, ws.zone()).dump(2) << '\n';
    } else {
      print_conversation(std::cout, *c, deadline, ws.directory(), ws.zone(), ctx.output_language());
    }
  });

  auto* search = app.add_subcommand("search", tr("search subjects, texts and senders"));
  auto query = std::make_shared<std::string>();
  auto search_json = std::make_shared<bool>(false);
  search->add_option("query", *query, tr("words to look for"))->required();
  search->add_flag("--json", *search_json, tr("write JSON"));
  search->callback([&ctx, query, search_json] {
    auto& ws = ctx.workspace();
    const auto hits = ws.store().search(*query);
    if (*search_json) {
      auto out = nlohmann::json::array();
      for (const auto& hit : hits) {
        auto row = summary_json(hit.summary, ws.zone(), ws.now());
        row["excerpt"] = hit.excerpt;
        out.push_back(std::move(row));
      }
      std::cout << out.dump(2) << '\n';
      return;
    }
    if (hits.empty()) {
      std::cout << tr("Nothing found.") << '\n';
      return;
    }
    for (const auto& hit : hits) {
      std::cout << fit(hit.summary.id.substr(0, 8), 9) << ' ' << hit.summary.subject << '\n'
                << "          " << hit.excerpt << '\n';
    }
  });

  add_export_command(app, ctx);
}

}  // namespace samla::cli
