// Thin RAII over the SQLite C API: a connection, prepared statements with
// typed binds and column reads, and SQLite result codes turned into Status.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>

#include "marsad/status.h"

namespace marsad::internal {

// SQLite result code → Status naming the database and what was being done.
// SQLITE_FULL, SQLITE_READONLY and SQLITE_CANTOPEN become kIo with a plain
// explanation; SQLITE_CORRUPT/NOTADB become kCorrupt.
Status sqlite_status(sqlite3* db, int rc, std::string_view what);

// `head` + " VALUES(?1,?2),(?3,?4)…": an INSERT of `rows` rows of `columns`
// parameters each, numbered row by row. One statement run for several rows
// costs less than a run per row: SQLite's per-statement work (bind, step,
// halt) is about the price of a row's B-tree insert.
//   insert_rows_sql("INSERT INTO t(a, b)", 2, 2)  // ... VALUES(?1,?2),(?3,?4)
std::string insert_rows_sql(std::string_view head, int rows, int columns);

class Stmt {
 public:
  Stmt() = default;
  Stmt(sqlite3* db, sqlite3_stmt* s) : db_(db), s_(s) {}
  Stmt(Stmt&& o) noexcept : db_(o.db_), s_(std::exchange(o.s_, nullptr)) {}
  Stmt& operator=(Stmt&& o) noexcept {
    if (this != &o) {
      sqlite3_finalize(s_);
      db_ = o.db_;
      s_ = std::exchange(o.s_, nullptr);
    }
    return *this;
  }
  Stmt(const Stmt&) = delete;  // one owner finalizes
  Stmt& operator=(const Stmt&) = delete;
  ~Stmt() { sqlite3_finalize(s_); }

  explicit operator bool() const { return s_ != nullptr; }
  sqlite3_stmt* get() const { return s_; }

  // Binds are 1-based, as in SQL (?1, ?2 ...). Strings are copied only when
  // SQLite needs them after the call returns (SQLITE_TRANSIENT).
  Stmt& bind(int i, std::string_view v) {
    sqlite3_bind_text(s_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
    return *this;
  }
  Stmt& bind_static(int i, std::string_view v) {  // v outlives the step
    sqlite3_bind_text(s_, i, v.data(), static_cast<int>(v.size()), SQLITE_STATIC);
    return *this;
  }
  Stmt& bind_blob(int i, const void* p, size_t n) {
    sqlite3_bind_blob(s_, i, p, static_cast<int>(n), SQLITE_STATIC);
    return *this;
  }
  Stmt& bind(int i, int64_t v) {
    sqlite3_bind_int64(s_, i, v);
    return *this;
  }
  Stmt& bind(int i, double v) {
    sqlite3_bind_double(s_, i, v);
    return *this;
  }
  Stmt& bind_null(int i) {
    sqlite3_bind_null(s_, i);
    return *this;
  }
  // NULL for "", the text otherwise.
  Stmt& bind_opt(int i, std::string_view v) { return v.empty() ? bind_null(i) : bind(i, v); }

  // SQLITE_ROW → true, SQLITE_DONE → false, anything else → error.
  Result<bool> step(std::string_view what = "query");
  // Runs to completion (statements without rows).
  Status run(std::string_view what = "update");
  void reset() {
    sqlite3_reset(s_);
    sqlite3_clear_bindings(s_);
  }

  int64_t i64(int col) const { return sqlite3_column_int64(s_, col); }
  double f64(int col) const { return sqlite3_column_double(s_, col); }
  bool is_null(int col) const { return sqlite3_column_type(s_, col) == SQLITE_NULL; }
  std::string_view text(int col) const {
    const void* p = sqlite3_column_blob(s_, col);  // no conversion: text and blobs alike
    int n = sqlite3_column_bytes(s_, col);
    return p ? std::string_view(static_cast<const char*>(p), static_cast<size_t>(n)) : std::string_view();
  }
  std::string str(int col) const { return std::string(text(col)); }

 private:
  sqlite3* db_ = nullptr;
  sqlite3_stmt* s_ = nullptr;
};

class Db {
 public:
  Db() = default;
  Db(Db&& o) noexcept : db_(std::exchange(o.db_, nullptr)), path_(std::move(o.path_)) {}
  Db& operator=(Db&& o) noexcept {
    if (this != &o) {
      close();
      db_ = std::exchange(o.db_, nullptr);
      path_ = std::move(o.path_);
    }
    return *this;
  }
  Db(const Db&) = delete;  // a connection has one owner (and one thread at a time)
  Db& operator=(const Db&) = delete;
  ~Db() { close(); }

  // Opens with the marsad tokenizer registered and the usual pragmas.
  static Result<Db> open(std::string_view path, bool read_only, bool create, int busy_timeout_ms);

  sqlite3* get() const { return db_; }
  const std::string& path() const { return path_; }

  Status exec(std::string_view sql, std::string_view what = "statement");
  Result<Stmt> prepare(std::string_view sql);
  // Prepared once per connection and kept (sqlite3_prepare_v3 PERSISTENT).
  Result<Stmt> prepare_persistent(std::string_view sql);
  int64_t last_rowid() const { return sqlite3_last_insert_rowid(db_); }
  int changes() const { return sqlite3_changes(db_); }
  Status error(int rc, std::string_view what) const { return sqlite_status(db_, rc, what); }

  // A single value of a one-row query ("" / 0 when there is no row).
  Result<std::string> scalar_text(std::string_view sql);
  Result<int64_t> scalar_int(std::string_view sql);

 private:
  void close();
  sqlite3* db_ = nullptr;
  std::string path_;
};

}  // namespace marsad::internal
