// marsad/input.h — turning files into Documents: plain text, one document per
// line, or JSON Lines (gzip or not, by content).
//
// JSON objects may name their text `text` or `content` (or give `paragraphs`
// as an array), and may carry `title`, `source`/`src`, `url`,
// `published`/`date_extracted`/`time`/`date` and `author`. So the shared
// SaudiNewsNet, ANT and Moroccan corpora read as they are.
//
// Each document is handed to a sink with its own status, so one bad line is
// reported with its file and line number and the rest still flow.
//
//   marsad::InputOptions opt;
//   marsad::Status s = marsad::read_documents("news.jsonl.gz", opt,
//       [&](marsad::Result<marsad::Document> d) { ... return true; });
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include "marsad/article.h"
#include "marsad/status.h"

namespace marsad {

enum class InputFormat { kAuto, kText, kLines, kJsonl };

struct InputOptions {
  InputFormat format = InputFormat::kAuto;  // kAuto: .jsonl/.ndjson names or a leading '{' mean JSONL, else text
  bool lossy = false;       // replace invalid UTF-8 and NULs with U+FFFD instead of failing (count reported)
  uint64_t max_document_bytes = uint64_t{1} << 30;  // one document; larger ones are rejected, not cut
};

// A document as read, with what reading had to change.
struct InputDocument {
  Document doc;
  size_t replaced = 0;  // invalid sequences replaced (lossy mode only)
};

// Called for each document or per-document error. Return false to stop early.
using DocumentSink = std::function<bool(Result<InputDocument>)>;

// Fails only when the file cannot be read at all (or is corrupt midway);
// per-document problems go to the sink.
Status read_documents(std::string_view path, const InputOptions& opt, const DocumentSink& sink);

// Parses one JSON object into a document. `file`/`line` are for messages.
Result<InputDocument> document_from_json(std::string_view json, const InputOptions& opt, std::string_view file,
                                         uint64_t line);

}  // namespace marsad
