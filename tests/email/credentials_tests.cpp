// Where passwords live: the 0600 secrets file (here), and the real Secret Service (run under
// dbus-run-session with gnome-keyring by the CTest entry Keyring).
#include <sys/stat.h>

#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <fstream>

#include "samla/sync/credentials.h"
#include "samla/sync/uuid.h"

using namespace samla;

namespace {

std::filesystem::path temp_file() {
  return std::filesystem::temp_directory_path() / ("samla-secrets-" + new_uuid()) / "secrets.json";
}

}  // namespace

BOOST_AUTO_TEST_SUITE(SecretsFile)

BOOST_AUTO_TEST_CASE(stores_looks_up_and_removes_in_a_private_file) {
  const auto file = temp_file();
  auto secrets = file_credentials(file);
  BOOST_TEST(!secrets->lookup("email:post@kommune.no"));
  secrets->store("email:post@kommune.no", "hemmeleg ø");
  secrets->store("email:byggesak@kommune.no", "anna");
  BOOST_TEST(secrets->lookup("email:post@kommune.no").value_or("") == "hemmeleg ø");
  struct stat info {};
  BOOST_REQUIRE(::stat(file.c_str(), &info) == 0);
  BOOST_TEST((info.st_mode & 0777U) == 0600U);
  // A second reader sees the same.
  BOOST_TEST(file_credentials(file)->lookup("email:byggesak@kommune.no").value_or("") == "anna");
  secrets->remove("email:post@kommune.no");
  BOOST_TEST(!secrets->lookup("email:post@kommune.no"));
  std::filesystem::remove_all(file.parent_path());
}

BOOST_AUTO_TEST_CASE(a_file_others_may_read_is_refused) {
  const auto file = temp_file();
  file_credentials(file)->store("a", "b");
  std::filesystem::permissions(file, std::filesystem::perms::group_read,
                               std::filesystem::perm_options::add);
  BOOST_CHECK_THROW((void)file_credentials(file)->lookup("a"), CredentialError);
  std::ofstream(file, std::ios::trunc) << "not json";
  std::filesystem::permissions(
      file, std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);
  BOOST_CHECK_THROW((void)file_credentials(file)->lookup("a"), CredentialError);
  std::filesystem::remove_all(file.parent_path());
}

BOOST_AUTO_TEST_SUITE_END()
