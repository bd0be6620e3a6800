// The work done on the analysis threads for one document: parse it, key it,
// analyze it, serialize the record, and compute everything the writer needs
// (filter columns, the indexed text, the MinHash signature, side-table rows),
// so that the single writer only writes.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "marsad/pipeline.h"
#include "marsad/stories.h"
#include "marsad/store.h"
#include "store/extract.h"
#include "store/fts_tokenizer.h"
#include "store/sources.h"

namespace marsad::internal {

struct PrepareOptions {
  bool lossy = false;
  uint64_t max_article_bytes = uint64_t{64} << 20;
  std::vector<FieldMap> fields;
  AnalyzeOptions analyze;
  int shingle = 2;
};

struct Prepared {
  uint64_t seq = 0;
  int64_t existing = 0;  // reanalysis: the article replaced
  Status error;          // rejected, with the reason
  bool present = false;  // the key was already stored when checked (skipped without analysis)
  std::string key, url, source, published, seen, title, body, record;
  std::string original, file, format;
  uint64_t line = 0;
  FtsDocTerms title_terms, body_terms;  // what the search index gets, computed here
  Signature signature;
  SideRows side;
  size_t bytes = 0;      // read-ahead accounting: the original's size
};

// `present(key)` may say a key is already stored, to skip the analysis; it
// may be empty.
Prepared prepare(RawDoc raw, const PrepareOptions& opt, const std::function<bool(std::string_view)>& present);

// MinHash of a document from its index terms (stems for words with clitics).
Signature minhash_of_terms(const FtsDocTerms& terms, const std::vector<uint32_t>& breaks, int shingle);

// The store key of a document: "url:" + URL, else "xxh3:" + a 128-bit hash
// of its title and text.
std::string document_key(const Document& d);

}  // namespace marsad::internal
