// libpq behind RAII. Every PGresult is owned by a unique_ptr; errors are sorted into what the
// sync worker needs to know: the network is gone (offline), the credentials are wrong
// (auth_required), the hub's rules refused (HubRefused), anything else (retryable).
#include "samla/sync/hub_connection.h"

#include <libpq-fe.h>
#include <poll.h>

#include <nlohmann/json.hpp>

#include "samla/models/rejection.h"

namespace samla {
namespace {

struct ResultDeleter {
  void operator()(PGresult* r) const { PQclear(r); }
};
using Result = std::unique_ptr<PGresult, ResultDeleter>;

struct ConnDeleter {
  void operator()(PGconn* c) const { PQfinish(c); }
};
using Conn = std::unique_ptr<PGconn, ConnDeleter>;

std::string field(const PGresult* r, int code) {
  const char* text = PQresultErrorField(r, code);
  return text == nullptr ? std::string() : std::string(text);
}

std::string trimmed(std::string text) {
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
  return text;
}

// SQLSTATE classes 08 (connection) and 57P (shutdown) mean the hub cannot be reached now.
bool is_offline_state(const std::string& state) {
  return state.rfind("08", 0) == 0 || state.rfind("57P", 0) == 0;
}
bool is_auth_state(const std::string& state) { return state.rfind("28", 0) == 0; }

// Connecting failed: libpq gives only text, so sort by what the text says.
SyncFailure connect_failure(PGconn* conn) {
  const std::string message = trimmed(conn == nullptr ? "out of memory" : PQerrorMessage(conn));
  const bool auth = message.find("password") != std::string::npos ||
                    message.find("authentication") != std::string::npos ||
                    message.find("certificate") != std::string::npos ||
                    message.find("no pg_hba.conf entry") != std::string::npos;
  if (auth) return SyncFailure("the team hub refused the login: " + message, {false, false, true});
  return SyncFailure("the team hub cannot be reached: " + message, {true, true, false});
}

}  // namespace

std::string HubRefusal::text() const { return substitute(format, args); }

HubRefused::HubRefused(HubRefusal refusal)
    : std::runtime_error(refusal.text()), refusal_(std::move(refusal)) {}

const std::string& HubRows::at(std::size_t r, std::size_t c) const {
  const auto& cell = rows.at(r).at(c);
  if (!cell) throw std::out_of_range("NULL in row " + std::to_string(r));
  return *cell;
}

struct HubConnection::Impl {
  Conn conn;

  // Turns a failed result into the right exception.
  [[noreturn]] void fail(const PGresult* r) const {
    const std::string state = r == nullptr ? std::string() : field(r, PG_DIAG_SQLSTATE);
    const std::string primary = r == nullptr ? std::string() : field(r, PG_DIAG_MESSAGE_PRIMARY);
    if (r != nullptr && field(r, PG_DIAG_MESSAGE_HINT) == "samla-refusal") {
      HubRefusal refusal{primary, {}};
      try {
        for (const auto& arg : nlohmann::json::parse(field(r, PG_DIAG_MESSAGE_DETAIL))) {
          refusal.args.push_back(arg.get<std::string>());
        }
      } catch (const std::exception&) {  // a refusal without readable arguments keeps {0}
      }
      throw HubRefused(std::move(refusal));
    }
    if (state == "42501" || state == "42P01" || state == "42883") {
      // Row-level security and privileges: not a rule of ours, but still a refusal.
      throw HubRefused(HubRefusal{primary, {}});
    }
    if (PQstatus(conn.get()) != CONNECTION_OK || is_offline_state(state) || r == nullptr) {
      throw SyncFailure(
          "the connection to the team hub was lost: " + trimmed(PQerrorMessage(conn.get())),
          {true, true, false});
    }
    if (is_auth_state(state)) {
      throw SyncFailure("the team hub refused the login: " + primary, {false, false, true});
    }
    throw SyncFailure("the team hub reported an error: " + primary + " (" + state + ")",
                      {true, false, false});
  }

  Result check(PGresult* raw, ExecStatusType expected) const {
    Result r(raw);
    if (!r || PQresultStatus(r.get()) != expected) {
      // A command may legitimately return no rows (COMMAND_OK) where tuples were asked for.
      if (r && expected == PGRES_TUPLES_OK && PQresultStatus(r.get()) == PGRES_COMMAND_OK) {
        return r;
      }
      fail(r.get());
    }
    return r;
  }
};

HubConnection::HubConnection(const std::string& conninfo,
                             const std::optional<std::string>& password)
    : impl_(std::make_unique<Impl>()) {
  // libpq takes keys in order, the last value of a key winning: the defaults come before the
  // connection string (which may set its own), application_name after it. Without them a hub
  // behind a dead network holds the sync worker (and the app's exit) until the operating
  // system gives up on TCP, minutes later.
  std::vector<const char*> keys{
      "connect_timeout",  "keepalives",       "keepalives_idle", "keepalives_interval",
      "keepalives_count", "tcp_user_timeout", "dbname",          "application_name"};
  std::vector<const char*> values{"10", "1", "30", "10", "3", "30000", conninfo.c_str(), "samla"};
  if (password) {
    keys.push_back("password");
    values.push_back(password->c_str());
  }
  keys.push_back(nullptr);
  values.push_back(nullptr);
  // expand_dbname = 1: the first "dbname" is the whole connection string; later keys override.
  impl_->conn.reset(PQconnectdbParams(keys.data(), values.data(), 1));
  if (!impl_->conn || PQstatus(impl_->conn.get()) != CONNECTION_OK) {
    throw connect_failure(impl_->conn.get());
  }
  // A hub connection speaks UTC and plain ISO timestamps whatever the server's defaults.
  exec_script("SET TIME ZONE 'UTC'; SET search_path = pg_catalog, hub");
}

HubConnection::~HubConnection() = default;
HubConnection::HubConnection(HubConnection&&) noexcept = default;
HubConnection& HubConnection::operator=(HubConnection&&) noexcept = default;

HubRows HubConnection::exec(const std::string& sql, const HubParams& params) {
  std::vector<const char*> values;
  values.reserve(params.size());
  for (const auto& p : params) values.push_back(p ? p->c_str() : nullptr);
  auto r =
      impl_->check(PQexecParams(impl_->conn.get(), sql.c_str(), static_cast<int>(values.size()),
                                nullptr, values.data(), nullptr, nullptr, 0),
                   PGRES_TUPLES_OK);
  HubRows out;
  const int rows = PQntuples(r.get());
  const int columns = PQnfields(r.get());
  out.rows.reserve(static_cast<std::size_t>(rows));
  for (int i = 0; i < rows; ++i) {
    auto& row = out.rows.emplace_back();
    row.reserve(static_cast<std::size_t>(columns));
    for (int c = 0; c < columns; ++c) {
      if (PQgetisnull(r.get(), i, c) != 0) {
        row.emplace_back(std::nullopt);
      } else {
        row.emplace_back(std::string(PQgetvalue(r.get(), i, c),
                                     static_cast<std::size_t>(PQgetlength(r.get(), i, c))));
      }
    }
  }
  return out;
}

void HubConnection::exec_script(const std::string& sql) {
  // PQexec runs a multi-statement string as one implicit transaction unless it has its own.
  Result r(PQexec(impl_->conn.get(), sql.c_str()));
  if (!r ||
      (PQresultStatus(r.get()) != PGRES_COMMAND_OK && PQresultStatus(r.get()) != PGRES_TUPLES_OK)) {
    impl_->fail(r.get());
  }
}

void HubConnection::listen(const std::string& channel) {
  exec_script("LISTEN " + quote_identifier(channel));
}

bool HubConnection::wait_for_notification(std::chrono::milliseconds timeout) {
  PGconn* conn = impl_->conn.get();
  auto take = [conn] {
    bool any = false;
    while (PGnotify* n = PQnotifies(conn)) {
      PQfreemem(n);
      any = true;
    }
    return any;
  };
  if (PQconsumeInput(conn) == 0) impl_->fail(nullptr);
  if (take()) return true;
  pollfd fd{PQsocket(conn), POLLIN, 0};
  if (fd.fd < 0) impl_->fail(nullptr);
  const int ready = poll(&fd, 1, static_cast<int>(timeout.count()));
  if (ready <= 0) return false;
  if (PQconsumeInput(conn) == 0) impl_->fail(nullptr);
  return take();
}

bool HubConnection::try_advisory_lock(std::int64_t key) {
  auto rows = exec("SELECT pg_try_advisory_lock($1::bigint)", {std::to_string(key)});
  return rows.at(0, 0) == "t";
}

void HubConnection::advisory_unlock(std::int64_t key) {
  exec("SELECT pg_advisory_unlock($1::bigint)", {std::to_string(key)});
}

std::string HubConnection::encrypt_password(const std::string& role, const std::string& password) {
  char* hashed = PQencryptPasswordConn(impl_->conn.get(), password.c_str(), role.c_str(), nullptr);
  if (hashed == nullptr) impl_->fail(nullptr);
  std::string out(hashed);
  PQfreemem(hashed);
  return out;
}

std::string HubConnection::session_user() { return exec("SELECT session_user").at(0, 0); }

bool HubConnection::ok() const {
  return impl_ && impl_->conn && PQstatus(impl_->conn.get()) == CONNECTION_OK;
}

std::string quote_identifier(const std::string& name) {
  std::string out = "\"";
  for (char c : name) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

}  // namespace samla
