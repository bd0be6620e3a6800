#include "store/run.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <map>
#include <mutex>
#include <optional>
#include <thread>

#include "store/schema.h"
#include "store/writer.h"

namespace marsad::internal {
namespace {

using Clock = std::chrono::steady_clock;

// A closable FIFO; pop() returns nothing once it is closed and empty.
template <typename T>
class Queue {
 public:
  void push(T v) {
    {
      std::lock_guard<std::mutex> l(m_);
      q_.push_back(std::move(v));
    }
    cv_.notify_one();
  }
  std::optional<T> pop() {
    std::unique_lock<std::mutex> l(m_);
    cv_.wait(l, [&] { return !q_.empty() || closed_; });
    if (q_.empty()) return std::nullopt;
    T v = std::move(q_.front());
    q_.pop_front();
    return v;
  }
  void close() {
    {
      std::lock_guard<std::mutex> l(m_);
      closed_ = true;
    }
    cv_.notify_all();
  }

 private:
  std::mutex m_;
  std::condition_variable cv_;
  std::deque<T> q_;
  bool closed_ = false;
};

// Read-ahead allowance: the reader takes, the writer gives back.
class Budget {
 public:
  Budget(size_t max_count, uint64_t max_bytes) : max_count_(max_count), max_bytes_(max_bytes) {}
  // Waits until there is room (or stop); false when stopping.
  bool wait_for_room() {
    std::unique_lock<std::mutex> l(m_);
    cv_.wait(l, [&] { return stop_ || count_ == 0 || (count_ < max_count_ && bytes_ < max_bytes_); });
    return !stop_;
  }
  void take(uint64_t bytes) {
    std::lock_guard<std::mutex> l(m_);
    ++count_;
    bytes_ += bytes;
  }
  void give(uint64_t bytes) {
    {
      std::lock_guard<std::mutex> l(m_);
      --count_;
      bytes_ -= bytes;
    }
    cv_.notify_all();
  }
  void stop() {
    {
      std::lock_guard<std::mutex> l(m_);
      stop_ = true;
    }
    cv_.notify_all();
  }

 private:
  std::mutex m_;
  std::condition_variable cv_;
  size_t count_ = 0, max_count_;
  uint64_t bytes_ = 0, max_bytes_;
  bool stop_ = false;
};

// Finished documents, handed to the writer in reading order.
class Reorder {
 public:
  void put(Prepared p) {
    {
      std::lock_guard<std::mutex> l(m_);
      ready_.emplace(p.seq, std::move(p));
    }
    cv_.notify_one();
  }
  // Total number of documents, once the reader knows it.
  void finish(uint64_t total) {
    {
      std::lock_guard<std::mutex> l(m_);
      total_ = total;
    }
    cv_.notify_one();
  }
  // The next document in order; nothing when all are done. Wakes up at least
  // every `tick` so the writer can commit and report progress.
  std::optional<Prepared> next(std::chrono::milliseconds tick, bool& timed_out) {
    std::unique_lock<std::mutex> l(m_);
    timed_out = !cv_.wait_for(l, tick, [&] { return ready_.count(next_) || (total_ && next_ >= *total_); });
    if (timed_out || !ready_.count(next_)) return std::nullopt;
    auto node = ready_.extract(next_++);
    return std::move(node.mapped());
  }
  bool done() {
    std::lock_guard<std::mutex> l(m_);
    return total_ && next_ >= *total_;
  }

 private:
  std::mutex m_;
  std::condition_variable cv_;
  std::map<uint64_t, Prepared> ready_;
  uint64_t next_ = 0;
  std::optional<uint64_t> total_;
};

// A worker's own read-only connection, to skip documents already stored.
std::function<bool(std::string_view)> presence_check(const std::string& path, std::optional<Db>& conn,
                                                     std::optional<Stmt>& stmt) {
  auto db = Db::open(path, /*read_only=*/true, /*create=*/false, 10000);
  if (!db) return {};
  conn.emplace(std::move(*db));
  auto st = conn->prepare("SELECT 1 FROM articles WHERE key = ?1");
  if (!st) return {};
  stmt.emplace(std::move(*st));
  return [&stmt](std::string_view key) {
    stmt->reset();
    stmt->bind_static(1, key);
    auto row = stmt->step();
    bool found = row && *row;
    stmt->reset();
    return found;
  };
}

}  // namespace

Result<int64_t> begin_run(Db& db, std::string_view command, std::string_view options_json) {
  auto st = db.prepare("INSERT INTO runs(started, command, options, analyzer) VALUES(?1, ?2, ?3, ?4)");
  if (!st) return st.status();
  st->bind(1, utc_now()).bind(2, command).bind(3, options_json).bind(4, analyzer_version());
  if (Status s = st->run("record the run"); !s) return s;
  return db.last_rowid();
}

void end_run(Db& db, int64_t run, const IngestReport& r) {
  auto st = db.prepare("UPDATE runs SET finished = ?2, ingested = ?3, skipped = ?4, rejected = ?5 WHERE id = ?1");
  if (!st) return;
  st->bind(1, run).bind(2, utc_now()).bind(3, static_cast<int64_t>(r.ingested));
  st->bind(4, static_cast<int64_t>(r.skipped)).bind(5, static_cast<int64_t>(r.rejected));
  (void)st->run("record the run");
}

IngestReport run_pipeline(StoreImpl& store, const Producer& next, const RunConfig& cfg) {
  IngestReport report;
  const auto started = Clock::now();
  const unsigned threads = cfg.threads ? cfg.threads : std::max(1u, std::thread::hardware_concurrency());
  auto writer = Writer::create(store);
  if (!writer) {
    report.status = writer.status();
    return report;
  }

  Budget budget(std::max<size_t>(256, threads * 64), cfg.max_inflight_bytes);
  Queue<RawDoc> work;
  Reorder done;
  std::atomic<uint64_t> read{0};
  Status read_error;  // written by the reader before finish(), read by the writer after

  std::thread reader([&] {
    uint64_t n = 0;
    while (budget.wait_for_room()) {
      RawDoc raw;
      auto more = next(raw);
      if (!more) {
        read_error = more.status();
        break;
      }
      if (!*more) break;
      budget.take(raw.original.size());
      raw.seq = n++;
      read.store(n, std::memory_order_relaxed);
      work.push(std::move(raw));
    }
    work.close();
    done.finish(n);
  });

  std::vector<std::thread> workers;
  const bool precheck = cfg.precheck && !cfg.replace && store.path != ":memory:";
  for (unsigned i = 0; i < threads; ++i) {
    workers.emplace_back([&] {
      std::optional<Db> conn;
      std::optional<Stmt> stmt;
      std::function<bool(std::string_view)> present;
      if (precheck) present = presence_check(store.path, conn, stmt);
      while (auto raw = work.pop()) {
        const PrepareOptions& opt = cfg.options[std::min(raw->options, cfg.options.size() - 1)];
        done.put(prepare(std::move(*raw), opt, present));
      }
    });
  }

  // The writer: this thread.
  uint64_t batch_ingested = 0, batch_items = 0;
  auto batch_started = Clock::now();
  auto last_progress = Clock::now() - std::chrono::seconds(1);
  bool in_tx = false;
  Status fatal;
  auto report_progress = [&](bool force) {
    if (!cfg.progress) return;
    auto now = Clock::now();
    if (!force && now - last_progress < std::chrono::milliseconds(200)) return;
    last_progress = now;
    IngestProgress p;
    p.read = read.load(std::memory_order_relaxed);
    p.ingested = report.ingested + batch_ingested;
    p.skipped = report.skipped;
    p.rejected = report.rejected;
    p.bytes_total = cfg.bytes_total;
    p.bytes_done = cfg.bytes_done ? cfg.bytes_done() : 0;
    p.seconds = std::chrono::duration<double>(now - started).count();
    cfg.progress(p);
  };
  auto commit = [&]() -> Status {
    if (!in_tx) return Status::ok();
    in_tx = false;
    if (Status s = writer->commit(); !s) return s;
    report.ingested += batch_ingested;
    batch_ingested = 0;
    batch_items = 0;
    return Status::ok();
  };

  while (true) {
    bool timed_out = false;
    std::optional<Prepared> p = done.next(std::chrono::milliseconds(200), timed_out);
    if (!p) {
      if (timed_out) {
        // A slow input (a pipe): commit what there is every couple of seconds.
        if (in_tx && Clock::now() - batch_started > std::chrono::seconds(2)) fatal = commit();
        if (!fatal.is_ok()) break;
        report_progress(false);
        continue;
      }
      break;  // all documents written
    }
    const uint64_t bytes = p->bytes;
    const auto write_started = Clock::now();
    if (!p->error.is_ok()) {
      ++report.rejected;
      ++report.reasons[std::string(error_name(p->error.code()))];
      if (cfg.on_reject) cfg.on_reject(p->error);
    } else if (p->present) {
      ++report.skipped;
    } else {
      if (!in_tx) {
        if (fatal = writer->begin(); !fatal.is_ok()) break;
        in_tx = true;
        batch_started = Clock::now();
      }
      if (cfg.replace) {
        fatal = writer->replace(*p, cfg.update_index);
        if (fatal.is_ok()) ++batch_ingested;
      } else {
        auto stored = writer->insert(*p, cfg.run);
        if (!stored) fatal = stored.status();
        else if (*stored) ++batch_ingested;
        else ++report.skipped;
      }
      if (!fatal.is_ok()) {
        fatal.in_file(p->file).at_line(p->line);
        break;
      }
      ++batch_items;
      if (batch_items >= cfg.batch || Clock::now() - batch_started > std::chrono::seconds(2)) {
        if (fatal = commit(); !fatal.is_ok()) break;
      }
    }
    report.write_seconds += std::chrono::duration<double>(Clock::now() - write_started).count();
    budget.give(bytes);
    report_progress(false);
  }
  if (fatal.is_ok()) {
    const auto write_started = Clock::now();
    fatal = commit();
    report.write_seconds += std::chrono::duration<double>(Clock::now() - write_started).count();
  }
  if (!fatal.is_ok()) {
    if (in_tx) writer->rollback();
    batch_ingested = 0;
    report.status = fatal;
  }
  // Stop the reader and let the workers drain what is queued.
  budget.stop();
  reader.join();
  for (std::thread& t : workers) t.join();
  if (report.status.is_ok() && !read_error.is_ok()) report.status = read_error;
  report.read = read.load();
  report.seconds = std::chrono::duration<double>(Clock::now() - started).count();
  report_progress(true);
  return report;
}

}  // namespace marsad::internal
