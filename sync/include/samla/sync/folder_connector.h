#pragma once
// The folder-import channel: message files (JSON, .eml, mbox) dropped into a folder, e.g. by a
// web form or a phone system's callback requests. Each pass reads the files in path order, one
// transaction per file, so a crash loses at most the file being read; the store's idempotent
// ingest on (channel, external id) means a file read again is never a second message. Files are
// left in place; a bad file is reported and the rest carries on.
#include <filesystem>
#include <string>
#include <vector>

#include "samla/sync/connector.h"

namespace samla {

struct FileProblem;

class FolderConnector : public Connector {
 public:
  explicit FolderConnector(std::filesystem::path folder);

  [[nodiscard]] std::string id() const override;
  [[nodiscard]] std::string label() const override;
  void sync_once(Workspace& workspace, SyncPass& pass) override;

  /// New messages and problems of the last pass.
  [[nodiscard]] std::size_t last_imported() const { return imported_; }
  [[nodiscard]] const std::vector<std::string>& last_problems() const { return problems_; }

 private:
  std::filesystem::path folder_;
  std::size_t imported_ = 0;
  std::vector<std::string> problems_;
};

}  // namespace samla
