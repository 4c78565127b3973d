// Import benchmark: N generated citizens' messages into a fresh store (messages/s, store size,
// peak RSS), then full-text search latency (p50/p95) over them. Prints one JSON object.
//
//   samla_import_bench [--messages N] [--queries Q] [--dir DIR]
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <random>
#include <span>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "samla/sync/store.h"
#include "samla/sync/uuid.h"

namespace {

using Clock = std::chrono::steady_clock;

const std::vector<std::string> kWords{
    "søknad",         "byggeløyve",    "garasje",        "tilbygg",
    "barnehageplass", "eigedomsskatt", "faktura",        "klage",
    "vedtak",         "frist",         "nabovarsel",     "reguleringsplan",
    "heimeteneste",   "avlasting",     "skatteattest",   "kommunale",
    "avgifter",       "renovasjon",    "vatn",           "avløp",
    "dokumentasjon",  "teikningar",    "situasjonsplan", "ferdigattest",
    "svar",           "spørsmål",      "takk",           "hei",
    "venleg",         "helsing",       "bruksendring",   "dispensasjon",
    "oppmåling",      "gebyr",         "betaling",       "søskenmoderasjon"};
const std::vector<std::string> kNames{"Kari Nordmann", "Ola Nordmann", "Ingrid Haugen",
                                      "Per Olsen",     "Sigrid Moe",   "Lars Berg",
                                      "Astrid Lie",    "Nils Dahl"};
const std::vector<std::string> kDepartments{"byggesak", "barnehage", "skatt", "innbyggjarservice",
                                            "helse"};

// Real text follows Zipf's law: a few words are everywhere, most are rare (names, streets, case
// numbers). The vocabulary is the common words followed by generated rare ones, drawn with
// probability proportional to 1/rank, so searches meet both kinds as they do in a real inbox.
class Vocabulary {
 public:
  explicit Vocabulary(std::size_t rare) : words_(kWords) {
    for (std::size_t i = 0; i < rare; ++i) {
      words_.push_back((i % 3 == 0   ? "saksnr" + std::to_string(2026000 + i)
                        : i % 3 == 1 ? "bjørkevegen" + std::to_string(i)
                                     : "haugen" + std::to_string(i)));
    }
    std::vector<double> weights;
    for (std::size_t rank = 1; rank <= words_.size(); ++rank) {
      weights.push_back(1.0 / static_cast<double>(rank));
    }
    zipf_ = std::discrete_distribution<std::size_t>(weights.begin(), weights.end());
  }
  const std::string& draw(std::mt19937& rng) { return words_[zipf_(rng)]; }
  const std::string& common(std::mt19937& rng) { return words_[rng() % kWords.size()]; }
  const std::string& rare(std::mt19937& rng) {
    return words_[kWords.size() + rng() % (words_.size() - kWords.size())];
  }

 private:
  std::vector<std::string> words_;
  std::discrete_distribution<std::size_t> zipf_;
};

std::string sentence(std::mt19937& rng, Vocabulary& vocabulary, int words) {
  std::string out;
  for (int i = 0; i < words; ++i) {
    if (i > 0) out += ' ';
    out += vocabulary.draw(rng);
  }
  return out;
}

samla::InboundMessage message(std::mt19937& rng, Vocabulary& vocabulary, int i,
                              samla::Instant start) {
  samla::InboundMessage m;
  const auto channel = static_cast<samla::Channel>(rng() % 6);
  m.channel = channel;
  m.external_id = "bench-" + std::to_string(i);
  const auto& name = kNames[rng() % kNames.size()];
  m.from = {name, "innbyggjar" + std::to_string(rng() % 5000) + "@example.no"};
  m.subject = sentence(rng, vocabulary, 4);
  m.body_text = sentence(rng, vocabulary, 60 + static_cast<int>(rng() % 120));
  m.received_at = start + std::chrono::minutes{i};
  m.department = kDepartments[rng() % kDepartments.size()];
  // One in five continues an earlier message's thread.
  if (i > 10 && rng() % 5 == 0) m.references = {"bench-" + std::to_string(i - 1 - rng() % 10)};
  return m;
}

double percentile(std::vector<double> v, double p) {
  std::sort(v.begin(), v.end());
  const auto index = static_cast<std::size_t>(p * static_cast<double>(v.size() - 1));
  return v[index];
}

std::uintmax_t size_of(const std::filesystem::path& dir) {
  std::uintmax_t total = 0;
  for (const auto& f : std::filesystem::directory_iterator(dir)) {
    if (f.is_regular_file()) total += f.file_size();
  }
  return total;
}

}  // namespace

// A benchmark tool: any exception is fatal and std::terminate reports it well enough.
// NOLINTNEXTLINE(bugprone-exception-escape)
int main(int argc, char** argv) {
  int count = 100000;
  int queries = 200;
  std::filesystem::path dir;
  const std::span<char*> args(argv, static_cast<std::size_t>(argc));
  for (std::size_t i = 1; i + 1 < args.size(); i += 2) {
    const std::string arg = args[i];
    if (arg == "--messages") count = std::atoi(args[i + 1]);
    if (arg == "--queries") queries = std::atoi(args[i + 1]);
    if (arg == "--dir") dir = args[i + 1];
  }
  if (dir.empty()) {
    dir = std::filesystem::temp_directory_path() / ("samla-bench-" + samla::new_uuid());
  }
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);

  samla::StoreOptions options;
  options.deadline_of = [](const samla::Conversation& c) -> std::optional<samla::Instant> {
    return c.awaiting_since;  // a cheap stand-in: the benchmark measures the store
  };
  options.new_id = [] { return samla::new_uuid(); };
  samla::Store store(dir / "samla.sqlite", options);

  std::mt19937 rng(42);
  Vocabulary vocabulary(20000);
  const samla::Instant start{std::chrono::seconds{1764547200}};  // 2025-12-01
  const auto t0 = Clock::now();
  constexpr int kBatch = 500;
  std::vector<samla::InboundMessage> batch;
  std::size_t imported = 0;
  for (int i = 0; i < count; ++i) {
    batch.push_back(message(rng, vocabulary, i, start));
    if (static_cast<int>(batch.size()) == kBatch || i + 1 == count) {
      for (const auto& r : store.ingest_batch(batch)) imported += r.duplicate ? 0 : 1;
      batch.clear();
    }
  }
  const double import_s = std::chrono::duration<double>(Clock::now() - t0).count();

  // A third each: a common word, a rare word (a name, a street, a case number) and two words.
  std::vector<double> latencies;
  std::vector<double> common_latencies;
  std::vector<double> rare_latencies;
  std::size_t hits = 0;
  for (int q = 0; q < queries; ++q) {
    const int kind = q % 3;
    const auto query = kind == 0   ? vocabulary.common(rng)
                       : kind == 1 ? vocabulary.rare(rng)
                                   : vocabulary.rare(rng) + " " + vocabulary.common(rng);
    const auto s = Clock::now();
    hits += store.search(query, 50).size();
    const double ms = std::chrono::duration<double, std::milli>(Clock::now() - s).count();
    latencies.push_back(ms);
    (kind == 0 ? common_latencies : rare_latencies).push_back(ms);
  }

  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  const nlohmann::json result{
      {"messages", count},
      {"imported", imported},
      {"import_seconds", import_s},
      {"messages_per_second", static_cast<double>(count) / import_s},
      {"store_bytes", size_of(dir)},
      // glibc declares ru_maxrss inside an anonymous union; it is the only member we read.
      // NOLINTNEXTLINE(cppcoreguidelines-pro-type-union-access)
      {"peak_rss_mb", static_cast<double>(usage.ru_maxrss) / 1024.0},
      {"search_queries", queries},
      {"search_hits", hits},
      {"search_p50_ms", percentile(latencies, 0.50)},
      {"search_p95_ms", percentile(latencies, 0.95)},
      {"search_common_word_p50_ms", percentile(common_latencies, 0.50)},
      {"search_common_word_p95_ms", percentile(common_latencies, 0.95)},
      {"search_selective_p50_ms", percentile(rare_latencies, 0.50)},
      {"search_selective_p95_ms", percentile(rare_latencies, 0.95)},
  };
  std::cout << result.dump(2) << '\n';
  std::filesystem::remove_all(dir);
  return imported == static_cast<std::size_t>(count) ? 0 : 1;
}
