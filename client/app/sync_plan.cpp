#include "sync_plan.h"

#include <nlohmann/json.hpp>

#include "i18n.h"
#include "samla/models/rejection.h"
#include "samla/sync/hub_client.h"

namespace samla::app {

SyncPlan plan_sync(const Workspace& workspace, const KeyringFactory& keyring) {
  SyncPlan plan;
  if (auto hub = hub_settings(workspace.store())) {
    plan.team = true;
    try {
      hub->password = keyring()->lookup(hub_credential_key(hub->user));
    } catch (const CredentialError&) {
      // No keyring: libpq's own means (~/.pgpass, Kerberos) may still log in.
    }
    plan.connectors.push_back(std::make_unique<HubConnector>(std::move(*hub)));
    return plan;
  }
  auto channels = profile_channels(workspace.store());
  plan.connectors = std::move(channels.connectors);
  plan.problems = std::move(channels.problems);
  return plan;
}

std::size_t waiting_to_send(const Workspace& workspace) {
  return hub_sync_status(workspace.store()).outbox;
}

std::string problem_text(const ChannelProblem& problem) {
  if (problem.auth_required) return substitute(tr("{0}: password needed"), {problem.label});
  return substitute(tr("{0}: cannot start ({1})"), {problem.label, problem.reason});
}

Banner banner_for(const BannerFacts& facts) {
  if (!facts.fresh_rejections.empty()) {
    std::string text = facts.fresh_rejections.front();
    if (facts.fresh_rejections.size() > 1) {
      text += " " +
              substitute(tr("(and {0} more)"), {std::to_string(facts.fresh_rejections.size() - 1)});
    }
    return {Banner::Kind::rejected, text, false};
  }
  if (facts.team && facts.hub_offline) {
    if (facts.waiting == 0) {
      return {Banner::Kind::offline, tr("Offline — the team hub cannot be reached."), false};
    }
    return {Banner::Kind::offline,
            substitute(trn("Offline — {0} change waiting to be sent",
                           "Offline — {0} changes waiting to be sent", facts.waiting),
                       {std::to_string(facts.waiting)}),
            false};
  }
  std::vector<std::string> need;
  for (const auto& p : facts.problems) {
    if (p.auth_required) need.push_back(p.label);
  }
  for (const auto& c : facts.channels) {
    if (c.state == ChannelState::auth_required) need.push_back(c.label);
  }
  if (!need.empty()) {
    std::string names;
    for (const auto& n : need) names += (names.empty() ? "" : ", ") + n;
    return {Banner::Kind::password,
            substitute(tr("Password needed for {0}: Samla cannot sync it until you give it in "
                          "Settings."),
                       {names}),
            true};
  }
  return {};
}

namespace {
constexpr const char* kToldRejections = "desktop.rejections_told";
}  // namespace

std::vector<std::string> RejectionWatch::fresh(Workspace& workspace) {
  auto& store = workspace.store();
  if (!seen_) {
    seen_.emplace();
    const auto json =
        nlohmann::json::parse(store.setting(kToldRejections).value_or("[]"), nullptr, false);
    if (json.is_array()) {
      for (const auto& id : json) {
        if (id.is_string()) seen_->insert(id.get<std::string>());
      }
    }
  }
  std::vector<std::string> out;
  std::set<std::string> current;
  for (const auto& r : rejected_local_events(store)) {
    current.insert(r.event_id);
    if (seen_->count(r.event_id) != 0) continue;
    const auto conversation = store.conversation(r.conversation_id);
    const std::string reason = substitute(tr(r.format.c_str()), r.args);
    out.push_back(substitute(tr("Your change to «{0}» did not take effect: {1}"),
                             {conversation ? conversation->subject : r.conversation_id, reason}));
  }
  // Every rejection there is has now been told. Rejections that are gone are forgotten, so the
  // list never outgrows the ones that exist.
  if (current != *seen_) {
    store.set_setting(kToldRejections, nlohmann::json(current).dump());
    seen_ = std::move(current);
  }
  return out;
}

}  // namespace samla::app
