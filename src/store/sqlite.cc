#include "store/sqlite.h"

#include "store/fts_rank.h"
#include "store/fts_tokenizer.h"

namespace marsad::internal {

std::string insert_rows_sql(std::string_view head, int rows, int columns) {
  std::string sql(head);
  sql += " VALUES";
  int n = 0;
  for (int r = 0; r < rows; ++r) {
    sql += r ? ",(" : "(";
    for (int c = 0; c < columns; ++c) sql += (c ? ",?" : "?") + std::to_string(++n);
    sql += ')';
  }
  return sql;
}

Status sqlite_status(sqlite3* db, int rc, std::string_view what) {
  std::string file = db ? std::string(sqlite3_db_filename(db, "main") ? sqlite3_db_filename(db, "main") : "") : "";
  std::string detail = db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
  std::string msg = std::string(what) + ": ";
  Error code = Error::kIo;
  switch (rc & 0xff) {
    case SQLITE_FULL:
      msg += "cannot write to the store: the disk is full";
      break;
    case SQLITE_READONLY:
      msg += "the database is read-only (check the permissions of the file and its folder)";
      break;
    case SQLITE_CANTOPEN:
      msg += "cannot open the database file (missing folder or no permission)";
      break;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      msg += "the database is locked by another process";
      break;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      code = Error::kCorrupt;
      msg += "not a marsad store, or a damaged one";
      break;
    case SQLITE_IOERR:
      switch (rc) {
        case SQLITE_IOERR_WRITE:
        case SQLITE_IOERR_FSYNC:
        case SQLITE_IOERR_DIR_FSYNC:
        case SQLITE_IOERR_TRUNCATE:
        case SQLITE_IOERR_SHMSIZE:
          msg += "cannot write to the store (is the disk full, or a file size limit reached?)";
          break;
        default:
          msg += "I/O error";
      }
      break;
    case SQLITE_ERROR:
      code = Error::kBadArgument;
      msg += detail;
      detail.clear();
      break;
    default:
      code = Error::kInternal;
      break;
  }
  if (!detail.empty() && (rc & 0xff) != SQLITE_ERROR) msg += " (" + detail + ")";
  return Status(code, msg, {file});
}

Result<bool> Stmt::step(std::string_view what) {
  int rc = sqlite3_step(s_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  return sqlite_status(db_, rc, what);
}

Status Stmt::run(std::string_view what) {
  while (true) {
    auto r = step(what);
    if (!r) {
      sqlite3_reset(s_);
      return r.status();
    }
    if (!*r) break;
  }
  sqlite3_reset(s_);
  return Status::ok();
}

Result<Db> Db::open(std::string_view path, bool read_only, bool create, int busy_timeout_ms) {
  Db db;
  db.path_ = std::string(path);
  int flags = (read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE) | SQLITE_OPEN_NOMUTEX;
  if (create && !read_only) flags |= SQLITE_OPEN_CREATE;
  int rc = sqlite3_open_v2(db.path_.c_str(), &db.db_, flags, nullptr);
  if (rc != SQLITE_OK) {
    Status s = sqlite_status(db.db_, rc, "cannot open the store");
    return s.in_file(db.path_);
  }
  sqlite3_extended_result_codes(db.db_, 1);
  sqlite3_busy_timeout(db.db_, busy_timeout_ms);
  // SQLite opens a file it may not write read-only without saying so.
  if (!read_only && sqlite3_db_readonly(db.db_, "main") == 1) {
    return Status(Error::kIo, "cannot open the store for writing: the file is read-only", {db.path_});
  }
  if (Status s = register_fts_tokenizer(db.db_); !s) return s.in_file(db.path_);
  if (Status s = register_fts_rank(db.db_); !s) return s.in_file(db.path_);
  return db;
}

void Db::close() {
  if (db_) sqlite3_close_v2(db_);
  db_ = nullptr;
}

Status Db::exec(std::string_view sql, std::string_view what) {
  char* err = nullptr;
  std::string s(sql);
  int rc = sqlite3_exec(db_, s.c_str(), nullptr, nullptr, &err);
  sqlite3_free(err);
  if (rc != SQLITE_OK) return sqlite_status(db_, rc, what);
  return Status::ok();
}

Result<Stmt> Db::prepare(std::string_view sql) {
  sqlite3_stmt* s = nullptr;
  int rc = sqlite3_prepare_v2(db_, sql.data(), static_cast<int>(sql.size()), &s, nullptr);
  if (rc != SQLITE_OK) return sqlite_status(db_, rc, "prepare");
  return Stmt(db_, s);
}

Result<Stmt> Db::prepare_persistent(std::string_view sql) {
  sqlite3_stmt* s = nullptr;
  int rc = sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT, &s, nullptr);
  if (rc != SQLITE_OK) return sqlite_status(db_, rc, "prepare");
  return Stmt(db_, s);
}

Result<std::string> Db::scalar_text(std::string_view sql) {
  auto st = prepare(sql);
  if (!st) return st.status();
  auto row = st->step();
  if (!row) return row.status();
  return *row ? st->str(0) : std::string();
}

Result<int64_t> Db::scalar_int(std::string_view sql) {
  auto st = prepare(sql);
  if (!st) return st.status();
  auto row = st->step();
  if (!row) return row.status();
  return *row ? st->i64(0) : int64_t{0};
}

}  // namespace marsad::internal
