#include "samla/sync/email/outgoing_mail.h"

#include <gmime/gmime.h>

#include <algorithm>
#include <memory>
#include <mutex>

#include "samla/sync/sha256.h"

namespace samla {
namespace {

struct GObjectUnref {
  void operator()(gpointer object) const {
    if (object != nullptr) g_object_unref(object);
  }
};
template <class T>
using GPtr = std::unique_ptr<T, GObjectUnref>;

void ensure_gmime() {
  static std::once_flag once;
  std::call_once(once, [] { g_mime_init(); });
}

InternetAddress* mailbox(const Party& party) {
  return internet_address_mailbox_new(party.name.empty() ? nullptr : party.name.c_str(),
                                      party.address.c_str());
}

}  // namespace

std::vector<std::string> thread_references(const std::vector<std::string>& ids) {
  std::vector<std::string> out;
  for (const auto& id : ids) {
    if (!id.empty() && id.rfind("sha256:", 0) != 0 &&
        std::find(out.begin(), out.end(), id) == out.end()) {
      out.push_back(id);
    }
  }
  if (out.size() > 20) out.erase(out.begin(), out.end() - 20);
  return out;
}

std::string stable_message_id(std::string_view key, std::string_view from_address) {
  const std::size_t at = from_address.find('@');
  const std::string domain =
      at == std::string_view::npos ? "samla.invalid" : std::string(from_address.substr(at + 1));
  return "samla-" + sha256_hex(key).substr(0, 32) + "@" + domain;
}

std::string render_mail(const OutgoingMail& mail) {
  ensure_gmime();
  GPtr<GMimeMessage> message{g_mime_message_new(TRUE)};
  GMimeObject* object = GMIME_OBJECT(message.get());
  GPtr<InternetAddress> from{mailbox(mail.from)};
  internet_address_list_add(g_mime_message_get_from(message.get()), from.get());
  for (const auto& to : mail.to) {
    GPtr<InternetAddress> address{mailbox(to)};
    internet_address_list_add(g_mime_message_get_addresses(message.get(), GMIME_ADDRESS_TYPE_TO),
                              address.get());
  }
  g_mime_message_set_subject(message.get(), mail.subject.c_str(), "utf-8");
  const auto seconds =
      std::chrono::duration_cast<std::chrono::seconds>(mail.date.time_since_epoch()).count();
  GDateTime* date = g_date_time_new_from_unix_utc(seconds);
  g_mime_message_set_date(message.get(), date);
  g_date_time_unref(date);
  g_mime_message_set_message_id(message.get(), mail.message_id.c_str());
  if (!mail.references.empty()) {
    g_mime_object_set_header(object, "In-Reply-To", ("<" + mail.references.back() + ">").c_str(),
                             nullptr);
    std::string references;
    for (const auto& id : mail.references) {
      if (!references.empty()) references += " ";
      references += "<" + id + ">";
    }
    g_mime_object_set_header(object, "References", references.c_str(), nullptr);
  }
  if (mail.automatic) {
    g_mime_object_set_header(object, "Auto-Submitted", "auto-replied", nullptr);
    g_mime_object_set_header(object, "X-Auto-Response-Suppress", "All", nullptr);
    g_mime_object_set_header(object, "Precedence", "auto_reply", nullptr);
  }

  GPtr<GMimeTextPart> text{g_mime_text_part_new_with_subtype("plain")};
  // The body as UTF-8 bytes (g_mime_text_part_set_text would pick Latin-1 where it fits).
  GPtr<GMimeStream> stream{g_mime_stream_mem_new_with_buffer(mail.body.data(), mail.body.size())};
  GPtr<GMimeDataWrapper> content{
      g_mime_data_wrapper_new_with_stream(stream.get(), GMIME_CONTENT_ENCODING_DEFAULT)};
  g_mime_part_set_content(GMIME_PART(text.get()), content.get());
  g_mime_text_part_set_charset(text.get(), "utf-8");
  g_mime_part_set_content_encoding(GMIME_PART(text.get()), GMIME_CONTENT_ENCODING_QUOTEDPRINTABLE);
  g_mime_message_set_mime_part(message.get(), GMIME_OBJECT(text.get()));

  GMimeFormatOptions* format = g_mime_format_options_clone(nullptr);
  g_mime_format_options_set_newline_format(format, GMIME_NEWLINE_FORMAT_DOS);
  char* bytes = g_mime_object_to_string(object, format);
  g_mime_format_options_free(format);
  std::string out = bytes == nullptr ? std::string() : std::string(bytes);
  g_free(bytes);
  return out;
}

}  // namespace samla
