// One file, one transaction: progress survives a crash between files, and the store's ingest
// makes a file read twice count once.
#include "samla/sync/folder_connector.h"

#include <algorithm>

#include "samla/sync/workspace.h"

namespace samla {
namespace {

bool is_message_file(const std::filesystem::path& file) {
  const auto ext = file.extension().string();
  return ext == ".eml" || ext == ".mbox" || ext == ".json" || ext == ".jsonl" || ext == ".ndjson";
}

}  // namespace

FolderConnector::FolderConnector(std::filesystem::path folder) : folder_(std::move(folder)) {}

std::string FolderConnector::id() const { return "folder:" + folder_.string(); }

std::string FolderConnector::label() const { return folder_.filename().string(); }

void FolderConnector::sync_once(Workspace& workspace, SyncPass& pass) {
  imported_ = 0;
  problems_.clear();
  std::error_code error;
  if (!std::filesystem::is_directory(folder_, error)) {
    throw SyncFailure("the import folder " + folder_.string() + " cannot be read",
                      {true, true, false});
  }
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(folder_, error)) {
    if (entry.is_regular_file() && is_message_file(entry.path())) files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  for (std::size_t i = 0; i < files.size(); ++i) {
    if (pass.stop_requested()) return;
    const auto report = workspace.import_files({files[i]});
    imported_ += report.imported;
    for (const auto& problem : report.problems) problems_.push_back(problem.describe());
    pass.progress(i + 1, files.size());
  }
}

}  // namespace samla
