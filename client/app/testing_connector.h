#pragma once
// FOR TESTING ONLY (enabled by `samla --testing-slow-sync SECONDS`): a channel whose every pass
// takes SECONDS and reports progress, so a GUI test can show that a slow sync never blocks the
// window. It reads nothing and writes nothing.
#include <chrono>

#include "samla/sync/connector.h"

namespace samla::app {

class SlowTestingConnector : public Connector {
 public:
  explicit SlowTestingConnector(std::chrono::milliseconds pass_length) : length_(pass_length) {}
  [[nodiscard]] std::string id() const override { return "testing:slow"; }
  [[nodiscard]] std::string label() const override { return "slow test channel"; }
  void sync_once(Workspace& workspace, SyncPass& pass) override;

 private:
  std::chrono::milliseconds length_;
};

}  // namespace samla::app
