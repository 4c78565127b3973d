#pragma once
// The demo workspace: a small municipality with departments, people, mailboxes and a few dozen
// citizens' messages across every channel, some of them already worked on. Data-driven from a
// folder: workspace.json (departments, users), mailboxes.tsv (mailbox routes), messages/ (the
// messages, with times relative to now) and actions.json (what caseworkers already did).
#include <filesystem>
#include <string>
#include <vector>

#include "samla/sync/workspace.h"

namespace samla {

struct DemoReport {
  bool already_present = false;
  std::size_t conversations = 0;
  std::vector<std::string> problems;  // readable; the rest of the demo is still set up
};

/// Sets the demo up in `workspace` unless it already is (then nothing changes).
DemoReport create_demo_workspace(Workspace& ws, const std::filesystem::path& folder);

}  // namespace samla
