// The headless agent's secrets file. Written to a temporary file with mode 0600 from the start
// and renamed over the old one, so that a crash leaves either the old or the new file.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "samla/sync/credentials.h"

namespace samla {
namespace {

class FileCredentials final : public Credentials {
 public:
  explicit FileCredentials(std::filesystem::path file) : file_(std::move(file)) {}

  void store(const std::string& account, const std::string& secret) override {
    auto all = read();
    all[account] = secret;
    write(all);
  }
  std::optional<std::string> lookup(const std::string& account) override {
    const auto all = read();
    const auto it = all.find(account);
    if (it == all.end() || !it->is_string()) return std::nullopt;
    return it->get<std::string>();
  }
  void remove(const std::string& account) override {
    auto all = read();
    if (all.erase(account) > 0) write(all);
  }
  [[nodiscard]] std::string where() const override { return "secrets file " + file_.string(); }

 private:
  nlohmann::json read() const {
    struct stat info {};
    if (::stat(file_.c_str(), &info) != 0) return nlohmann::json::object();
    if ((info.st_mode & (S_IRWXG | S_IRWXO)) != 0) {
      throw CredentialError("the secrets file " + file_.string() +
                            " may be read by others; make it private: chmod 600");
    }
    std::ifstream in(file_);
    std::stringstream text;
    text << in.rdbuf();
    auto json = nlohmann::json::parse(text.str(), nullptr, false);
    if (!json.is_object())
      throw CredentialError("the secrets file " + file_.string() + " is damaged");
    return json;
  }
  void write(const nlohmann::json& all) const {
    if (file_.has_parent_path()) std::filesystem::create_directories(file_.parent_path());
    const std::string temp = file_.string() + ".new";
    const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0) throw CredentialError("cannot write " + temp);
    const std::string text = all.dump(2) + "\n";
    const bool ok = ::fchmod(fd, 0600) == 0 &&
                    ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size()) &&
                    ::fsync(fd) == 0;
    ::close(fd);
    if (!ok || std::rename(temp.c_str(), file_.c_str()) != 0) {
      throw CredentialError("cannot write " + file_.string());
    }
  }

  std::filesystem::path file_;
};

}  // namespace

std::unique_ptr<Credentials> file_credentials(std::filesystem::path file) {
  return std::make_unique<FileCredentials>(std::move(file));
}

}  // namespace samla
