// "Test connection" of the email account form against the real Dovecot and Postfix: what a
// person setting up a mailbox learns before saving it.
#include <boost/test/unit_test.hpp>

#include "municipality.h"
#include "samla/sync/email/email_account_check.h"

using namespace samla;
using namespace samla::test;

BOOST_AUTO_TEST_SUITE(EmailAccountCheck)

BOOST_AUTO_TEST_CASE(the_right_settings_log_in_to_both_servers) {
  const auto check = check_email_account(account("post"));
  BOOST_TEST(check.imap.ok, check.imap.detail);
  BOOST_TEST(check.smtp.ok, check.smtp.detail);
  BOOST_TEST(check.ok());
}

BOOST_AUTO_TEST_CASE(a_wrong_password_is_a_refused_login) {
  auto a = account("post");
  a.imap.password = "not-the-password";
  const auto check = check_email_account(a);
  BOOST_TEST(!check.ok());
  BOOST_TEST(!check.imap.ok);
  BOOST_TEST(check.imap.auth_required, check.imap.detail);
  BOOST_TEST(check.smtp.ok, check.smtp.detail);  // the relay takes us without login
}

BOOST_AUTO_TEST_CASE(a_folder_that_does_not_exist_is_named) {
  const auto check = check_email_account(account("post", "Finst-ikkje-" + new_uuid()));
  BOOST_TEST(!check.imap.ok);
  BOOST_TEST(!check.imap.auth_required);
  BOOST_TEST(check.imap.detail.find("Finst-ikkje-") != std::string::npos, check.imap.detail);
}

BOOST_AUTO_TEST_CASE(a_server_without_its_ca_is_refused_on_both) {
  auto a = account("post");
  a.imap.ca_file.clear();  // the system's CAs do not know our test CA
  a.smtp.ca_file.clear();
  const auto check = check_email_account(a);
  BOOST_TEST(!check.imap.ok);
  BOOST_TEST(!check.smtp.ok);
  BOOST_TEST(!check.imap.auth_required);
  BOOST_TEST(check.smtp.detail.find("SMTP to smtp://127.0.0.1:") == 0U, check.smtp.detail);
}

BOOST_AUTO_TEST_CASE(a_port_where_nothing_listens_is_reported_not_waited_for) {
  auto a = account("post");
  a.imap.url = "imap://127.0.0.1:9/";  // discard: nothing listens on loopback here
  a.smtp.url = "smtp://127.0.0.1:9";
  const auto check = check_email_account(a);
  BOOST_TEST(!check.imap.ok);
  BOOST_TEST(!check.smtp.ok);
  BOOST_TEST(!check.imap.detail.empty());
  BOOST_TEST(check.smtp.detail.find("connect") != std::string::npos, check.smtp.detail);
}

BOOST_AUTO_TEST_SUITE_END()
