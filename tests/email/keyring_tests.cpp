// The real Secret Service through libsecret: run under dbus-run-session with gnome-keyring by
// the CTest entry samla_email_server_tests.Keyring.
#include <boost/test/unit_test.hpp>

#include "samla/sync/credentials.h"
#include "samla/sync/uuid.h"

using namespace samla;

BOOST_AUTO_TEST_SUITE(Keyring)

BOOST_AUTO_TEST_CASE(stores_and_finds_a_password_in_the_secret_service) {
  auto keyring = keyring_credentials();
  const std::string account = "email:test-" + new_uuid() + "@kommune.no";
  BOOST_TEST(!keyring->lookup(account));
  keyring->store(account, "hemmeleg");
  BOOST_TEST(keyring->lookup(account).value_or("") == "hemmeleg");
  keyring->store(account, "nytt");
  BOOST_TEST(keyring->lookup(account).value_or("") == "nytt");
  keyring->remove(account);
  BOOST_TEST(!keyring->lookup(account));
}

BOOST_AUTO_TEST_SUITE_END()
