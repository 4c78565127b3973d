#include "samla/sync/email/email_account_check.h"

#include "curl_easy.h"
#include "samla/sync/email/imap_mailbox_name.h"
#include "samla/sync/email/imap_response.h"
#include "samla/sync/email/imap_session.h"

namespace samla {
namespace {

ServerCheck failed(const SyncFailure& failure) {
  return {false, failure.auth_required(), failure.what()};
}

ServerCheck check_imap(MailServer server, const std::string& inbox, std::chrono::seconds timeout) {
  server.timeout = timeout;
  try {
    ImapSession imap(server);
    const auto quoted = imap_quoted(imap_mailbox_name(inbox));
    if (!quoted) return {false, false, "the folder name " + inbox + " cannot be sent to IMAP"};
    // EXAMINE, not SELECT: a test changes nothing, not even \Recent.
    imap.run("EXAMINE " + *quoted);
    imap.logout();
    return {true, false, {}};
  } catch (const SyncFailure& failure) {
    return failed(failure);
  } catch (const ImapMailboxNameError& error) {
    return {false, false, error.what()};
  }
}

ServerCheck check_smtp(MailServer server, std::chrono::seconds timeout) {
  server.timeout = timeout;
  try {
    auto curl = detail::mail_handle(server);
    CURL* c = curl.get();
    if (server.user.empty()) {  // a relay that takes us without login
      curl_easy_setopt(c, CURLOPT_USERNAME, nullptr);
      curl_easy_setopt(c, CURLOPT_PASSWORD, nullptr);
    }
    // Connection set-up is greeting, EHLO, STARTTLS and AUTH; CONNECT_ONLY stops after it,
    // before any MAIL FROM.
    curl_easy_setopt(c, CURLOPT_CONNECT_ONLY, 1L);
    curl_easy_setopt(c, CURLOPT_TIMEOUT, static_cast<long>(timeout.count() * 2));
    char error[CURL_ERROR_SIZE] = {};
    curl_easy_setopt(c, CURLOPT_ERRORBUFFER, error);
    const CURLcode code = curl_easy_perform(c);
    if (code != CURLE_OK) return failed(detail::curl_failure("SMTP to " + server.url, code, error));
    return {true, false, {}};
  } catch (const SyncFailure& failure) {
    return failed(failure);
  }
}

}  // namespace

EmailAccountCheck check_email_account(const EmailAccount& account, std::chrono::seconds timeout) {
  return {check_imap(account.imap, account.inbox, timeout), check_smtp(account.smtp, timeout)};
}

}  // namespace samla
