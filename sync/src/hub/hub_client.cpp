// The hub client's pass: directory, push, pull, rejections. State between passes lives in the
// store's sync state under the channel key "hub": the pull cursor, the departments it was
// computed for, the rejected local events, the time of the last complete pass.
#include "samla/sync/hub_client.h"

#include <algorithm>
#include <set>

#include <nlohmann/json.hpp>

#include "samla/models/rejection.h"
#include "samla/sync/event_json.h"
#include "samla/sync/hub_admin.h"
#include "samla/sync/iso8601.h"
#include "samla/sync/sha256.h"
#include "samla/sync/workspace.h"

namespace samla {
namespace {

constexpr const char* kChannel = "hub";
constexpr const char* kConninfo = "hub.conninfo";
constexpr const char* kUser = "hub.user";
constexpr const char* kNotifyChannel = "samla_hub_events";

struct Cursor {
  std::int64_t vis = 0;
  std::int64_t seq = 0;
};

Cursor read_cursor(const Store& store) {
  auto text = store.sync_state(kChannel, "cursor");
  if (!text) return {};
  const auto colon = text->find(':');
  if (colon == std::string::npos) return {};
  return Cursor{std::stoll(text->substr(0, colon)), std::stoll(text->substr(colon + 1))};
}

void write_cursor(Store& store, Cursor cursor) {
  store.set_sync_state(kChannel, "cursor",
                       std::to_string(cursor.vis) + ":" + std::to_string(cursor.seq));
}

nlohmann::json read_rejected(const Store& store) {
  auto text = store.sync_state(kChannel, "rejected");
  if (!text) return nlohmann::json::array();
  try {
    auto json = nlohmann::json::parse(*text);
    if (json.is_array()) return json;
  } catch (const std::exception&) {  // a damaged list is rebuilt from the next passes
  }
  return nlohmann::json::array();
}

RejectedLocalEvent rejected_from_json(const nlohmann::json& j) {
  RejectedLocalEvent r;
  r.event_id = j.value("event_id", "");
  r.conversation_id = j.value("conversation_id", "");
  r.type = j.value("type", "");
  r.by = j.value("by", "") == "hub" ? RejectedLocalEvent::By::hub : RejectedLocalEvent::By::fold;
  r.format = j.value("format", "");
  if (j.contains("args") && j["args"].is_array()) {
    for (const auto& a : j["args"]) r.args.push_back(a.is_string() ? a.get<std::string>() : "");
  }
  return r;
}

nlohmann::json rejected_to_json(const RejectedLocalEvent& r) {
  return {{"event_id", r.event_id}, {"conversation_id", r.conversation_id},
          {"type", r.type},         {"by", r.by == RejectedLocalEvent::By::hub ? "hub" : "fold"},
          {"format", r.format},     {"args", r.args}};
}

std::set<std::string> refused_ids(const Store& store) {
  std::set<std::string> ids;
  for (const auto& j : read_rejected(store)) {
    if (j.value("by", "") == "hub") ids.insert(j.value("event_id", ""));
  }
  return ids;
}

std::string to_hex(std::string_view data) {
  static const char* digits = "0123456789abcdef";
  std::string out;
  out.reserve(data.size() * 2);
  for (const unsigned char c : data) {
    out += digits[c >> 4];
    out += digits[c & 15];
  }
  return out;
}

std::string from_hex(std::string_view hex) {
  auto value = [](char c) {
    return c <= '9' ? c - '0' : c - 'a' + 10;  // encode() writes lowercase
  };
  std::string out;
  out.reserve(hex.size() / 2);
  for (std::size_t i = 0; i + 1 < hex.size(); i += 2) {
    out += static_cast<char>((value(hex[i]) << 4) | value(hex[i + 1]));
  }
  return out;
}

// The attachment blobs an event refers to.
std::vector<std::string> blobs_of(const Event& event) {
  std::vector<std::string> out;
  if (const auto* received = std::get_if<MessageReceived>(&event.payload)) {
    for (const auto& a : received->message.attachments) {
      if (!a.blob.empty()) out.push_back(a.blob);
    }
  }
  return out;
}

}  // namespace

std::optional<HubSettings> hub_settings(const Store& store) {
  auto conninfo = store.setting(kConninfo);
  auto user = store.setting(kUser);
  if (!conninfo || !user || conninfo->empty() || user->empty()) return std::nullopt;
  HubSettings settings;
  settings.conninfo = *conninfo;
  settings.user = *user;
  return settings;
}

void save_hub_settings(Store& store, const HubSettings& settings) {
  store.set_setting(kConninfo, settings.conninfo);
  store.set_setting(kUser, settings.user);
}

std::string RejectedLocalEvent::text() const { return substitute(format, args); }

std::vector<RejectedLocalEvent> rejected_local_events(const Store& store) {
  std::vector<RejectedLocalEvent> out;
  for (const auto& j : read_rejected(store)) out.push_back(rejected_from_json(j));
  return out;
}

HubSyncStatus hub_sync_status(const Store& store) {
  HubSyncStatus status;
  status.refused = refused_ids(store).size();
  const std::size_t queued = store.outbox_size();
  status.outbox = queued > status.refused ? queued - status.refused : 0;
  status.cursor = read_cursor(store).vis;
  status.last_success = store.sync_state(kChannel, "last_success");
  return status;
}

HubConnector::HubConnector(HubSettings settings) : settings_(std::move(settings)) {}
HubConnector::~HubConnector() = default;

std::string HubConnector::label() const { return "team hub"; }

void HubConnector::disconnect() { connection_.reset(); }

void HubConnector::connect() {
  if (connection_ && connection_->ok()) return;
  connection_.reset();
  HubConnection connection(settings_.conninfo, settings_.password);
  auto me = connection.exec("SELECT hub.me()");
  if (me.size() != 1 || !me.rows[0][0] || *me.rows[0][0] != settings_.user) {
    throw SyncFailure("the team hub login " + connection.session_user() + " is not the user " +
                          settings_.user + " of this profile",
                      {false, false, true});
  }
  connection.listen(kNotifyChannel);
  connection_.emplace(std::move(connection));
}

void HubConnector::sync_once(Workspace& workspace, SyncPass& pass) {
  report_ = {};
  try {
    connect();
    std::vector<std::string> touched;
    sync_directory(workspace.store());
    push(workspace, pass, touched);
    pull(workspace, pass, touched);
    update_rejections(workspace, touched);
    workspace.store().set_sync_state(kChannel, "last_success", to_iso8601(workspace.now()));
  } catch (const SyncFailure&) {
    if (connection_ && !connection_->ok()) connection_.reset();
    throw;
  } catch (const HubRefused& refused) {
    // Only pushes are refused one by one; anything else refused is a broken hub set-up.
    throw SyncFailure("the team hub refused: " + std::string(refused.what()), {false, false, true});
  }
}

void HubConnector::sync_directory(Store& store) {
  const Directory hub = read_hub_directory(*connection_);
  const Directory local = store.directory();
  for (const auto& [id, department] : hub.departments()) {
    const auto* mine = local.department(id);
    if (mine == nullptr || mine->name != department.name) store.save_department(department);
  }
  for (const auto& [id, user] : hub.users()) {
    const auto* mine = local.user(id);
    auto same = [&] {
      if (mine == nullptr || mine->name != user.name) return false;
      if (mine->memberships.size() != user.memberships.size()) return false;
      for (std::size_t i = 0; i < user.memberships.size(); ++i) {
        if (mine->memberships[i].department != user.memberships[i].department ||
            mine->memberships[i].role != user.memberships[i].role) {
          return false;
        }
      }
      return true;
    };
    if (!same()) store.save_user(user);
  }
  // A new membership shows conversations whose grants are older than the cursor: pull again
  // from the start (merging what is already here changes nothing).
  std::string departments;
  for (const auto& row : connection_->exec("SELECT hub.my_departments() ORDER BY 1").rows) {
    departments += *row[0] + ",";
  }
  auto known = store.sync_state(kChannel, "departments");
  if (known && *known != departments) write_cursor(store, {});
  if (!known || *known != departments) store.set_sync_state(kChannel, "departments", departments);
}

void HubConnector::push(Workspace& workspace, SyncPass& pass, std::vector<std::string>& touched) {
  Store& store = workspace.store();
  auto refused = refused_ids(store);
  auto rejected = read_rejected(store);
  const auto pending = store.outbox(refused.size() + 500);
  std::size_t done = 0;
  for (const auto& event : pending) {
    if (pass.stop_requested()) break;
    if (refused.count(event.id) != 0) continue;
    try {
      // Attachments first (content-addressed: a blob already there is not sent again).
      for (const auto& hash : blobs_of(event)) {
        const auto data = store.blob(hash);
        if (!data) continue;  // the bytes were not kept here
        (void)connection_->exec("SELECT hub.put_blob($1, decode($2, 'hex'))",
                                {hash, to_hex(*data)});
      }
      auto rows =
          connection_->exec("SELECT hub.push($1::jsonb)", {to_json_text(event_to_json(event))});
      if (rows.size() != 1 || !rows.rows[0][0]) {
        throw HubRefused(HubRefusal{"the team hub did not record the event", {}});
      }
      store.mark_pushed(event.id, std::stoll(*rows.rows[0][0]));
      ++report_.pushed;
    } catch (const HubRefused& e) {
      RejectedLocalEvent r{event.id,
                           event.conversation_id,
                           std::string(event.type_name()),
                           RejectedLocalEvent::By::hub,
                           e.refusal().format,
                           e.refusal().args};
      rejected.push_back(rejected_to_json(r));
      store.set_sync_state(kChannel, "rejected", rejected.dump());
      refused.insert(event.id);
      ++report_.refused;
      ++report_.newly_rejected;
    }
    touched.push_back(event.conversation_id);
    pass.progress(++done, pending.size());
  }
}

void HubConnector::pull(Workspace& workspace, SyncPass& pass, std::vector<std::string>& touched) {
  Store& store = workspace.store();
  Cursor cursor = read_cursor(store);
  const std::string me = settings_.user;
  for (;;) {
    if (pass.stop_requested()) return;
    auto rows = connection_->exec(
        "SELECT vis, seq, doc FROM hub.pull($1, $2, $3)",
        {std::to_string(cursor.vis), std::to_string(cursor.seq), std::to_string(settings_.batch)});
    if (rows.size() == 0) return;
    std::vector<Event> events;
    events.reserve(rows.size());
    for (const auto& row : rows.rows) {
      cursor = Cursor{std::stoll(*row[0]), std::stoll(*row[1])};
      try {
        Event event = event_from_json(parse_json_text(*row[2]));
        event.hub_sequence = cursor.seq;
        // Only conversations with our own events can hold our rejected events.
        if (event.actor == me) touched.push_back(event.conversation_id);
        events.push_back(std::move(event));
      } catch (const EventJsonError&) {
        ++report_.unreadable;  // a newer event type: kept on the hub, read by a newer Samla
      }
    }
    store.merge_pulled(events);
    fetch_blobs(store, events);
    write_cursor(store, cursor);
    report_.pulled += events.size();
    pass.progress(report_.pulled, 0);
    if (rows.size() < settings_.batch) return;
  }
}

void HubConnector::fetch_blobs(Store& store, const std::vector<Event>& events) {
  for (const auto& event : events) {
    for (const auto& hash : blobs_of(event)) {
      if (store.blob(hash)) continue;
      auto rows =
          connection_->exec("SELECT encode(data, 'hex') FROM hub.blobs WHERE sha256 = $1", {hash});
      if (rows.size() == 0) continue;  // not uploaded (the agent did not keep the bytes)
      const auto data = from_hex(rows.at(0, 0));
      // Content-addressed: bytes that do not hash to their name are not kept.
      if (sha256_hex(data) == hash) (void)store.put_blob(data);
    }
  }
}

void HubConnector::update_rejections(Workspace& workspace,
                                     const std::vector<std::string>& touched) {
  Store& store = workspace.store();
  std::set<std::string> conversations(touched.begin(), touched.end());
  if (conversations.empty()) return;
  auto previous = read_rejected(store);
  std::set<std::string> known;
  nlohmann::json next = nlohmann::json::array();
  for (const auto& j : previous) {
    const bool refold =
        j.value("by", "") == "fold" && conversations.count(j.value("conversation_id", "")) != 0;
    if (!refold) next.push_back(j);
    if (j.value("by", "") == "fold") known.insert(j.value("event_id", ""));
  }
  for (const auto& id : conversations) {
    // The projection counts the rejected events: where there is none, nothing to fold (after a
    // fresh pull that is nearly every conversation).
    if (const auto row = store.summary(id); row && row->rejected_count == 0) continue;
    auto conversation = store.conversation(id);
    if (!conversation) continue;
    for (const auto* entry : conversation->rejected()) {
      if (entry->event.actor != settings_.user || !entry->rejection) continue;
      RejectedLocalEvent r{entry->event.id,
                           id,
                           std::string(entry->event.type_name()),
                           RejectedLocalEvent::By::fold,
                           std::string(entry->rejection->format),
                           {}};
      for (const auto& arg : entry->rejection->args) {
        if (const auto* text = std::get_if<std::string>(&arg)) {
          r.args.push_back(*text);
        } else {
          r.args.push_back(format_local(std::get<Instant>(arg), workspace.zone()));
        }
      }
      if (known.count(r.event_id) == 0) ++report_.newly_rejected;
      next.push_back(rejected_to_json(r));
    }
  }
  if (next != previous) store.set_sync_state(kChannel, "rejected", next.dump());
}

bool HubConnector::wait_for_change(std::chrono::milliseconds timeout, SyncPass& pass) {
  if (!connection_ || !connection_->ok()) return false;
  const auto until = std::chrono::steady_clock::now() + timeout;
  try {
    for (;;) {
      const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
          until - std::chrono::steady_clock::now());
      if (left.count() <= 0 || pass.stop_requested()) return true;
      if (connection_->wait_for_notification(std::min(left, std::chrono::milliseconds(250)))) {
        return true;
      }
    }
  } catch (const SyncFailure&) {
    connection_.reset();  // the next pass reconnects or reports offline
    return true;
  }
}

}  // namespace samla
