#include "testing_connector.h"

#include <thread>

namespace samla::app {

void SlowTestingConnector::sync_once(Workspace& /*workspace*/, SyncPass& pass) {
  // The slowness is the point: a worker that blocks for long, the way a big mailbox does.
  constexpr std::size_t kSteps = 100;
  for (std::size_t step = 1; step <= kSteps && !pass.stop_requested(); ++step) {
    std::this_thread::sleep_for(length_ / kSteps);
    pass.progress(step, kSteps);
  }
}

}  // namespace samla::app
