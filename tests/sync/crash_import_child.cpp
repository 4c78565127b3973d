// The victim of the crash-safety test: imports generated messages [first, count) into the store
// at argv[1] in batches of varying size, and after each commit prints the batch's last index on
// its own line, so the parent knows exactly what was committed when it kills us.
//
//   samla_crash_import_child STORE COUNT [FIRST]
#include <array>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <span>
#include <vector>

#include "generated_messages.h"
#include "samla/sync/store.h"

int main(int argc, char** argv) {
  const std::span<char*> args(argv, static_cast<std::size_t>(argc));
  if (args.size() < 3) {
    std::fprintf(stderr, "usage: %s STORE COUNT [FIRST]\n", args[0]);
    return 2;
  }
  try {
    const auto count = static_cast<std::size_t>(std::strtoull(args[2], nullptr, 10));
    const auto first =
        args.size() > 3 ? static_cast<std::size_t>(std::strtoull(args[3], nullptr, 10)) : 0;
    samla::StoreOptions options;
    options.deadline_of = samla::test::test_deadline;
    samla::Store store(args[1], options);

    // Sizes vary so that kills land in small and in large transactions.
    static constexpr std::array<std::size_t, 10> kBatchSizes = {1,  17, 64,  5, 128,
                                                                33, 2,  250, 9, 90};
    std::size_t batch_number = 0;
    for (std::size_t i = first; i < count;) {
      const auto size = kBatchSizes[batch_number++ % kBatchSizes.size()];
      std::vector<samla::InboundMessage> batch;
      for (; i < count && batch.size() < size; ++i)
        batch.push_back(samla::test::generated_message(i));
      store.ingest_batch(batch);
      // After the commit, in one write: a line the parent reads is a committed batch.
      std::printf("%zu\n", i - 1);
      std::fflush(stdout);
    }
    return 0;
  } catch (const std::exception& error) {
    std::fprintf(stderr, "crash_import_child: %s\n", error.what());
    return 1;
  }
}
