#include "samla/sync/email/smtp_send.h"

#include <algorithm>
#include <cstring>

#include "curl_easy.h"

namespace samla {
namespace {

struct Upload {
  std::string_view data;
  std::size_t offset = 0;
};

std::size_t read_upload(char* buffer, std::size_t size, std::size_t count, void* user) {
  auto* upload = static_cast<Upload*>(user);
  const std::size_t n = std::min(size * count, upload->data.size() - upload->offset);
  std::memcpy(buffer, upload->data.data() + upload->offset, n);
  upload->offset += n;
  return n;
}

struct SlistFree {
  void operator()(curl_slist* list) const { curl_slist_free_all(list); }
};

}  // namespace

void smtp_send(const MailServer& server, const std::string& sender,
               const std::vector<std::string>& recipients, std::string_view message) {
  auto curl = detail::mail_handle(server);
  CURL* c = curl.get();
  if (server.user.empty()) {
    // A relay on a trusted network: no login.
    curl_easy_setopt(c, CURLOPT_USERNAME, nullptr);
    curl_easy_setopt(c, CURLOPT_PASSWORD, nullptr);
  }
  const std::string from = "<" + sender + ">";
  curl_easy_setopt(c, CURLOPT_MAIL_FROM, from.c_str());
  std::unique_ptr<curl_slist, SlistFree> rcpt;
  for (const auto& recipient : recipients) {
    rcpt.reset(curl_slist_append(rcpt.release(), ("<" + recipient + ">").c_str()));
  }
  curl_easy_setopt(c, CURLOPT_MAIL_RCPT, rcpt.get());
  Upload upload{message};
  curl_easy_setopt(c, CURLOPT_READFUNCTION, read_upload);
  curl_easy_setopt(c, CURLOPT_READDATA, &upload);
  curl_easy_setopt(c, CURLOPT_UPLOAD, 1L);
  curl_easy_setopt(c, CURLOPT_TIMEOUT, static_cast<long>(server.timeout.count() * 4));
  char error[CURL_ERROR_SIZE] = {};
  curl_easy_setopt(c, CURLOPT_ERRORBUFFER, error);
  const CURLcode code = curl_easy_perform(c);
  if (code == CURLE_OK) return;
  // The message was read to its end, then the answer to DATA never came: it may be delivered.
  const bool all_sent = upload.offset == message.size();
  const bool lost_answer = code == CURLE_RECV_ERROR || code == CURLE_OPERATION_TIMEDOUT ||
                           code == CURLE_GOT_NOTHING || code == CURLE_SEND_ERROR;
  throw SmtpFailure(detail::curl_failure("SMTP to " + server.url, code, error),
                    all_sent && lost_answer);
}

}  // namespace samla
