// IMAP over a connection libcurl opened and authenticated. libcurl 7.88's own IMAP commands
// cannot carry a sync (DESIGN.md), so after CURLOPT_CONNECT_ONLY we send and receive raw bytes
// with curl_easy_send/curl_easy_recv, waiting on the socket with poll().
#include "samla/sync/email/imap_session.h"

#include <poll.h>

#include <algorithm>
#include <cstring>

#include "curl_easy.h"
#include "samla/sync/email/imap_mailbox_name.h"

namespace samla {
namespace {

std::string upper(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return out;
}

SyncFailure lost(const std::string& what) {
  SyncFailure::Kind kind;
  kind.offline = true;
  return SyncFailure("IMAP: " + what, kind);
}

}  // namespace

struct ImapSession::Impl {
  detail::CurlPtr curl;
  curl_socket_t socket = CURL_SOCKET_BAD;
  std::string buffer;
  ImapFramer framer;
  std::vector<std::string> capabilities;
  std::vector<std::string> enabled;  // extensions ENABLEd in this session
  unsigned next_tag = 1;
  std::chrono::milliseconds timeout{60000};

  // Waits until the socket is readable/writable, or the timeout passes (false).
  bool wait(short events, std::chrono::milliseconds limit) const {
    pollfd fd{};
    fd.fd = socket;
    fd.events = events;
    const int ready = ::poll(&fd, 1, static_cast<int>(limit.count()));
    return ready > 0;
  }

  void send(std::string_view bytes) {
    std::size_t done = 0;
    while (done < bytes.size()) {
      std::size_t sent = 0;
      const CURLcode code =
          curl_easy_send(curl.get(), bytes.data() + done, bytes.size() - done, &sent);
      if (code == CURLE_AGAIN) {
        if (!wait(POLLOUT, timeout)) throw lost("the server stopped reading");
        continue;
      }
      if (code != CURLE_OK) throw detail::curl_failure("IMAP send", code);
      done += sent;
    }
  }

  // Reads more bytes; false when `limit` passed without any.
  bool receive(std::chrono::milliseconds limit) {
    char chunk[65536];
    bool any = false;
    while (true) {
      std::size_t got = 0;
      const CURLcode code = curl_easy_recv(curl.get(), chunk, sizeof chunk, &got);
      if (code == CURLE_AGAIN) {
        if (any) return true;
        if (!wait(POLLIN, limit)) return false;
        continue;
      }
      if (code != CURLE_OK) throw detail::curl_failure("IMAP receive", code);
      if (got == 0) throw lost("the server closed the connection");
      buffer.append(chunk, got);
      any = true;
      if (got < sizeof chunk) return true;
    }
  }

  // The next complete response, or nullopt when `limit` passes first.
  std::optional<ImapResponse> next(std::chrono::milliseconds limit) {
    while (true) {
      if (const auto length = framer.complete(buffer)) {
        ImapResponse response = parse_imap_response(std::string_view(buffer).substr(0, *length));
        buffer.erase(0, *length);
        framer.consumed(*length);
        return response;
      }
      if (!receive(limit)) return std::nullopt;
    }
  }

  ImapResponse next_or_throw() {
    auto response = next(timeout);
    if (!response) throw lost("no answer from the server within the timeout");
    return std::move(*response);
  }

  std::string tag() { return "S" + std::to_string(next_tag++); }

  void note_capabilities(const ImapResponse& r) {
    if (r.name == "CAPABILITY") {
      capabilities.clear();
      for (const auto& value : r.data) capabilities.push_back(upper(value.text));
    } else if (!r.code.empty() && r.code.front() == "CAPABILITY") {
      capabilities.clear();
      for (std::size_t i = 1; i < r.code.size(); ++i) capabilities.push_back(upper(r.code[i]));
    }
  }

  ImapResponse finish(const std::string& tag, const Untagged& untagged, bool allow_no,
                      std::string_view what) {
    while (true) {
      ImapResponse r = next_or_throw();
      if (r.kind == ImapResponse::Kind::tagged && r.tag == tag) {
        note_capabilities(r);
        if (r.status != "OK" && !allow_no) {
          SyncFailure::Kind kind;
          kind.retryable = r.status == "NO";
          throw SyncFailure("IMAP " + std::string(what) + ": " + r.status + " " + r.text, kind);
        }
        return r;
      }
      if (r.kind == ImapResponse::Kind::untagged) {
        if (r.status == "BYE") throw lost("the server ended the session: " + r.text);
        note_capabilities(r);
        if (untagged) untagged(r);
      }
    }
  }
};

ImapSession::ImapSession(const MailServer& server) : impl_(std::make_unique<Impl>()) {
  impl_->timeout = std::chrono::duration_cast<std::chrono::milliseconds>(server.timeout);
  impl_->curl = detail::mail_handle(server);
  CURL* c = impl_->curl.get();
  curl_easy_setopt(c, CURLOPT_CONNECT_ONLY, 1L);
  char error[CURL_ERROR_SIZE] = {};
  curl_easy_setopt(c, CURLOPT_ERRORBUFFER, error);
  const CURLcode code = curl_easy_perform(c);
  curl_easy_setopt(c, CURLOPT_ERRORBUFFER, nullptr);
  if (code != CURLE_OK) throw detail::curl_failure("IMAP connection to " + server.url, code, error);
  if (curl_easy_getinfo(c, CURLINFO_ACTIVESOCKET, &impl_->socket) != CURLE_OK ||
      impl_->socket == CURL_SOCKET_BAD) {
    throw lost("no socket after connecting");
  }
  run("CAPABILITY");
}

ImapSession::~ImapSession() = default;

bool ImapSession::has_capability(std::string_view name) const {
  const std::string wanted = upper(name);
  return std::find(impl_->capabilities.begin(), impl_->capabilities.end(), wanted) !=
         impl_->capabilities.end();
}

bool ImapSession::enable(std::string_view extension) {
  const std::string wanted = upper(extension);
  auto& enabled = impl_->enabled;
  if (std::find(enabled.begin(), enabled.end(), wanted) != enabled.end()) return true;
  run("ENABLE " + wanted, [&](ImapResponse& r) {
    if (r.name != "ENABLED") return;
    for (const auto& value : r.data) enabled.push_back(upper(value.text));
  });
  return std::find(enabled.begin(), enabled.end(), wanted) != enabled.end();
}

ImapResponse ImapSession::run(std::string_view command, const Untagged& untagged, bool allow_no) {
  const std::string tag = impl_->tag();
  impl_->send(tag + " " + std::string(command) + "\r\n");
  const std::string_view what = command.substr(0, command.find(' '));
  return impl_->finish(tag, untagged, allow_no, what);
}

ImapResponse ImapSession::append(std::string_view mailbox, std::string_view flags,
                                 std::string_view message) {
  std::optional<std::string> quoted;
  try {
    quoted = imap_quoted(imap_mailbox_name(mailbox));
  } catch (const ImapMailboxNameError& e) {
    throw SyncFailure("IMAP: mailbox name '" + std::string(mailbox) + "': " + e.what(), {});
  }
  if (!quoted) throw SyncFailure("IMAP: mailbox name cannot be quoted", {});
  const std::string tag = impl_->tag();
  const bool plus = has_capability("LITERAL+");
  impl_->send(tag + " APPEND " + *quoted + " " + std::string(flags) + " {" +
              std::to_string(message.size()) + (plus ? "+" : "") + "}\r\n");
  if (!plus) {
    while (true) {
      ImapResponse r = impl_->next_or_throw();
      if (r.kind == ImapResponse::Kind::continuation) break;
      if (r.kind == ImapResponse::Kind::tagged && r.tag == tag) {
        throw SyncFailure("IMAP APPEND: " + r.status + " " + r.text, {});
      }
    }
  }
  impl_->send(message);
  impl_->send("\r\n");
  return impl_->finish(tag, {}, false, "APPEND");
}

bool ImapSession::idle(std::chrono::milliseconds timeout, const std::function<bool()>& stop) {
  const std::string tag = impl_->tag();
  impl_->send(tag + " IDLE\r\n");
  while (true) {
    ImapResponse r = impl_->next_or_throw();
    if (r.kind == ImapResponse::Kind::continuation) break;
    if (r.kind == ImapResponse::Kind::tagged && r.tag == tag) {
      throw SyncFailure("IMAP IDLE: " + r.status + " " + r.text, {});
    }
  }
  bool changed = false;
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  // Short slices so that a stop request is noticed within half a second.
  constexpr std::chrono::milliseconds kSlice{500};
  while (!changed && !(stop && stop())) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) break;
    auto r = impl_->next(std::min(left, kSlice));
    if (!r) continue;
    if (r->kind == ImapResponse::Kind::untagged) {
      if (r->status == "BYE") throw lost("the server ended the session: " + r->text);
      if (r->name == "EXISTS" || r->name == "EXPUNGE" || r->name == "FETCH" ||
          r->name == "VANISHED" || r->name == "RECENT") {
        changed = true;
      }
    }
  }
  impl_->send("DONE\r\n");
  impl_->finish(tag, {}, true, "IDLE");
  return changed;
}

void ImapSession::logout() noexcept {
  try {
    run("LOGOUT", {}, true);
  } catch (...) {
    // Closing anyway.
  }
}

}  // namespace samla
