// A hub that takes the TCP connection but never answers (a hung server, a half-dead network):
// the connection gives up on its own and says the hub cannot be reached, instead of holding the
// sync worker, and with it the app's exit, until the operating system's TCP timeout.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <boost/test/unit_test.hpp>

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>

#include "samla/sync/hub_connection.h"

namespace samla::test {
namespace {

// A loopback port whose connections the kernel completes (the listen backlog) and nobody reads.
// It closes itself after a minute, so a connection without any timeout fails the test there
// (with another message) instead of hanging the run.
class SilentServer {
 public:
  SilentServer() {
    fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
    BOOST_REQUIRE(fd_ >= 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    BOOST_REQUIRE(::bind(fd_, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0);
    BOOST_REQUIRE(::listen(fd_, 4) == 0);
    socklen_t length = sizeof address;
    BOOST_REQUIRE(::getsockname(fd_, reinterpret_cast<sockaddr*>(&address), &length) == 0);
    port_ = ntohs(address.sin_port);
    closer_ = std::thread([this] {
      std::unique_lock lock(mutex_);
      cv_.wait_for(lock, std::chrono::minutes(1), [this] { return done_; });
      ::close(fd_);
    });
  }
  ~SilentServer() {
    {
      const std::lock_guard lock(mutex_);
      done_ = true;
    }
    cv_.notify_all();
    closer_.join();
  }
  SilentServer(const SilentServer&) = delete;
  SilentServer& operator=(const SilentServer&) = delete;
  SilentServer(SilentServer&&) = delete;
  SilentServer& operator=(SilentServer&&) = delete;

  [[nodiscard]] std::string conninfo() const {
    return "host=127.0.0.1 port=" + std::to_string(port_) + " dbname=hub user=kari";
  }

 private:
  int fd_ = -1;
  int port_ = 0;
  std::mutex mutex_;
  std::condition_variable cv_;
  bool done_ = false;
  std::thread closer_;
};

struct Outcome {
  std::string message;
  bool offline = false;
  std::chrono::steady_clock::duration took{};
};

Outcome connect_to(const std::string& conninfo) {
  const auto start = std::chrono::steady_clock::now();
  try {
    HubConnection connection(conninfo, std::string("secret"));
  } catch (const SyncFailure& failure) {
    return {failure.what(), failure.offline(), std::chrono::steady_clock::now() - start};
  }
  return {"connected", false, std::chrono::steady_clock::now() - start};
}

}  // namespace

BOOST_AUTO_TEST_SUITE(HubUnreachable)

BOOST_AUTO_TEST_CASE(a_hub_that_never_answers_is_offline_after_samlas_connect_timeout) {
  SilentServer server;
  const auto outcome = connect_to(server.conninfo());
  BOOST_TEST_INFO(outcome.message);
  BOOST_TEST(outcome.offline);
  BOOST_TEST(outcome.message.find("the team hub cannot be reached") != std::string::npos);
  // libpq's words for its connect_timeout (not the minute-long closing above).
  BOOST_TEST(outcome.message.find("timeout expired") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(the_connection_strings_own_timeout_wins_over_the_default) {
  SilentServer server;
  const auto outcome = connect_to(server.conninfo() + " connect_timeout=2");
  BOOST_TEST_INFO(outcome.message);
  BOOST_TEST(outcome.message.find("timeout expired") != std::string::npos);
  // 2 s asked for against Samla's default of 10 s: well below the default means the string won.
  BOOST_TEST((outcome.took < std::chrono::seconds(8)));
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace samla::test
