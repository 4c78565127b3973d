#pragma once
// A TCP proxy between Samla and the real Postfix that loses the connection at the worst moment
// of an SMTP send: right after the server answered the final "." (the mail was delivered, the
// client never hears so), or just before the final "." reaches the server (nothing delivered).
// It hides STARTTLS from the server's EHLO answer so that it can see the DATA phase in plain
// text. One thread, stopped and joined by the destructor.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <mutex>
#include <stdexcept>
#include <string>
#include <thread>

namespace samla::test {

class SmtpCutProxy {
 public:
  enum class Cut { after_reply_to_final_dot, before_final_dot };

  SmtpCutProxy(std::uint16_t upstream, Cut cut) : upstream_(upstream), cut_(cut) {
    listener_ = ::socket(AF_INET, SOCK_STREAM, 0);
    if (listener_ < 0) throw std::runtime_error("proxy: no socket");
    sockaddr_in address = loopback(0);
    if (::bind(listener_, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 ||
        ::listen(listener_, 4) != 0) {
      ::close(listener_);
      throw std::runtime_error("proxy: cannot listen on loopback");
    }
    socklen_t length = sizeof address;
    ::getsockname(listener_, reinterpret_cast<sockaddr*>(&address), &length);
    port_ = ntohs(address.sin_port);
    thread_ = std::thread([this] { serve(); });
  }
  ~SmtpCutProxy() {
    stop_ = true;
    thread_.join();
    ::close(listener_);
  }
  SmtpCutProxy(const SmtpCutProxy&) = delete;
  SmtpCutProxy& operator=(const SmtpCutProxy&) = delete;

  [[nodiscard]] std::uint16_t port() const { return port_; }
  /// True once the proxy has cut a connection the way it was told to.
  [[nodiscard]] bool did_cut() const { return did_cut_; }
  /// The server's answer to the final "." that the client never saw (after_reply_to_final_dot).
  [[nodiscard]] std::string swallowed_reply() const {
    std::lock_guard lock(mutex_);
    return swallowed_;
  }

 private:
  static sockaddr_in loopback(std::uint16_t port) {
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    return address;
  }

  // Waits up to 100 ms for `fd` (and `other`, if any) to be readable; the short slices let the
  // destructor's stop request through.
  static int readable(int fd, int other = -1) {
    pollfd fds[2] = {{fd, POLLIN, 0}, {other, POLLIN, 0}};
    const int ready = ::poll(fds, other < 0 ? 1 : 2, 100);
    if (ready <= 0) return -1;
    if ((fds[0].revents & (POLLIN | POLLHUP | POLLERR)) != 0) return fd;
    return other;
  }

  static bool send_all(int fd, const char* data, std::size_t size) {
    while (size > 0) {
      const ssize_t n = ::send(fd, data, size, MSG_NOSIGNAL);
      if (n <= 0) return false;
      data += n;
      size -= static_cast<std::size_t>(n);
    }
    return true;
  }

  void serve() {
    while (!stop_ && !did_cut_) {
      if (readable(listener_) != listener_) continue;
      const int client = ::accept(listener_, nullptr, nullptr);
      if (client < 0) continue;
      const int server = ::socket(AF_INET, SOCK_STREAM, 0);
      sockaddr_in address = loopback(upstream_);
      if (::connect(server, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0) {
        relay(client, server);
      }
      ::close(server);
      ::close(client);
    }
  }

  void relay(int client, int server) {
    std::string from_client;  // everything the client sent
    std::size_t forwarded = 0;
    bool awaiting_reply = false;  // the final "." went through; the next answer is swallowed
    char chunk[65536];
    while (!stop_) {
      const int fd = readable(client, server);
      if (fd < 0) continue;
      const ssize_t n = ::recv(fd, chunk, sizeof chunk, 0);
      if (n <= 0) return;
      std::string bytes(chunk, static_cast<std::size_t>(n));
      if (fd == server) {
        if (awaiting_reply) {
          std::lock_guard lock(mutex_);
          swallowed_ = bytes;
          did_cut_ = true;
          return;  // both sides closed by the caller: the client never hears the 250
        }
        for (std::size_t at = bytes.find("STARTTLS"); at != std::string::npos;
             at = bytes.find("STARTTLS", at)) {
          bytes.replace(at, 8, "XNOTLS00");
        }
        if (!send_all(client, bytes.data(), bytes.size())) return;
        continue;
      }
      from_client += bytes;
      std::size_t data = from_client.rfind("\r\nDATA\r\n");
      data = data == std::string::npos ? std::string::npos : data + 8;
      const std::size_t end =
          data == std::string::npos ? std::string::npos : from_client.find("\r\n.\r\n", data);
      std::size_t until = from_client.size();
      if (end != std::string::npos && cut_ == Cut::before_final_dot) {
        until = end + 2;  // the line break before the "." is still message text
      } else if (data != std::string::npos && end == std::string::npos &&
                 cut_ == Cut::before_final_dot) {
        // Hold back the last bytes of the message text: they may begin the final ".".
        const std::size_t held = from_client.size() < data + 4 ? data : from_client.size() - 4;
        until = std::max(forwarded, held);
      }
      if (until > forwarded) {
        if (!send_all(server, from_client.data() + forwarded, until - forwarded)) return;
        forwarded = until;
      }
      if (end != std::string::npos) {
        if (cut_ == Cut::before_final_dot) {
          did_cut_ = true;
          return;
        }
        awaiting_reply = true;
      }
    }
  }

  std::uint16_t upstream_;
  Cut cut_;
  int listener_ = -1;
  std::uint16_t port_ = 0;
  std::atomic<bool> stop_{false};
  std::atomic<bool> did_cut_{false};
  mutable std::mutex mutex_;
  std::string swallowed_;
  std::thread thread_;
};

}  // namespace samla::test
