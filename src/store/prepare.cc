#include "store/prepare.h"

#include <xxhash.h>

#include <cstdio>

#include "marsad/output.h"
#include "marsad/utf8.h"
#include "marsad/web_input.h"
#include "store/fields.h"
#include "store/schema.h"

namespace marsad::internal {
namespace {

// Reanalysis knows only the stored bytes (and whether they are JSON): a whole
// file that is a page, or a WARC record, is one again.
bool is_page(const RawDoc& raw) {
  if (raw.page) return true;
  if (raw.json) return false;
  return raw.original.compare(0, 5, "WARC/") == 0 || (raw.line == 0 && is_page_original(raw.original));
}

Result<InputDocument> document_of(const RawDoc& raw, const PrepareOptions& opt) {
  InputOptions in;
  in.lossy = opt.lossy;
  in.max_document_bytes = opt.max_article_bytes;
  if (is_page(raw)) {
    auto d = document_from_page_original(raw.original, raw.file, raw.line, in);
    if (!d && raw.offset) {
      Location at = d.status().where();
      at.offset = raw.offset;
      at.has_offset = true;
      return Status(d.status().code(), d.status().message(), at);
    }
    return d;
  }
  if (raw.json) {
    if (opt.fields.empty()) return document_from_json(raw.original, in, raw.file, raw.line);
    auto json = remap_fields(raw.original, opt.fields);
    if (!json) return Status(json.status().code(), json.status().message(), {raw.file, raw.line});
    return document_from_json(*json, in, raw.file, raw.line);
  }
  InputDocument d;
  d.doc.file = raw.file;
  d.doc.line = raw.line;
  if (raw.original.size() > opt.max_article_bytes) {
    return Status(Error::kTooLarge, "document is larger than " + std::to_string(opt.max_article_bytes) + " bytes",
                  {raw.file, raw.line});
  }
  if (Status s = validate_utf8(raw.original); !s) {
    if (!opt.lossy) {
      Location at = s.where();
      at.file = raw.file;
      at.line = raw.line;
      return Status(s.code(), s.message(), at);
    }
    Repaired r = repair_utf8(raw.original);
    d.doc.text = std::move(r.text);
    d.replaced = r.replaced;
  } else {
    d.doc.text = raw.original;
  }
  return d;
}

// The index terms of the body, from the analysis' tokens when every kept
// paragraph starts and ends at a token boundary (the tokens, and so the terms,
// are then those of tokenizing the body again), else by tokenizing the body.
FtsDocTerms body_terms(const Record& r, const Tokenized& t, const std::vector<uint32_t>& breaks,
                       std::string_view body) {
  FtsDocTerms out;
  out.buf.reserve(body.size());
  for (size_t k = 0; k < r.article.paragraphs.size(); ++k) {
    const Span& s = r.article.paragraphs[k];
    const size_t first = token_at(t.tokens, s.start), last = token_at(t.tokens, s.end);
    const bool aligned = first < last && t.tokens[first].start == s.start && t.tokens[last - 1].end == s.end;
    if (!aligned) return fts_document_terms(body);
    append_document_terms(t, first, last, breaks[k], out);
  }
  return out;
}

}  // namespace

std::string document_key(const Document& d) {
  if (!d.url.empty()) return "url:" + d.url;
  XXH3_state_t* st = XXH3_createState();
  XXH3_128bits_reset(st);
  XXH3_128bits_update(st, d.title.data(), d.title.size());
  XXH3_128bits_update(st, "\0", 1);
  XXH3_128bits_update(st, d.text.data(), d.text.size());
  XXH128_hash_t h = XXH3_128bits_digest(st);
  XXH3_freeState(st);
  char hex[40];
  std::snprintf(hex, sizeof hex, "%016llx%016llx", static_cast<unsigned long long>(h.high64),
                static_cast<unsigned long long>(h.low64));
  return std::string("xxh3:") + hex;
}

Prepared prepare(RawDoc raw, const PrepareOptions& opt, const std::function<bool(std::string_view)>& present) {
  Prepared p;
  p.seq = raw.seq;
  p.existing = raw.existing;
  p.bytes = raw.original.size();
  p.file = raw.file;
  p.line = raw.line;
  // 'html' = a web page, 'warc' = one WARC record with its headers; both are extracted again on reanalysis.
  p.format = raw.json ? "json" : !is_page(raw) ? "text" : raw.original.compare(0, 5, "WARC/") == 0 ? "warc" : "html";
  if (!raw.error.is_ok()) {
    p.error = std::move(raw.error);
    return p;
  }
  auto in = document_of(raw, opt);
  if (!in) {
    p.error = std::move(in.status());
    return p;
  }
  p.key = document_key(in->doc);
  if (!p.existing && present && present(p.key)) {
    p.present = true;
    return p;
  }
  thread_local Tokenized tokens;  // the analysis' tokenization, reused for the index terms
  auto rec = analyze(std::move(*in), opt.analyze, tokens);
  if (!rec) {
    p.error = std::move(rec.status());
    return p;
  }
  const Record& r = *rec;
  p.original = std::move(raw.original);
  p.url = r.doc.url;
  p.source = !r.article.source.outlet.id.empty() ? r.article.source.outlet.id : r.doc.source;
  if (r.published) p.published = r.published->iso();
  p.seen = !p.published.empty() ? p.published : !raw.seen.empty() ? raw.seen : utc_now();
  p.title = r.article.title;
  {
    JsonWriter w(p.record);
    write_record_json(r, w);
  }
  // The indexed body: kept paragraphs, original bytes, a blank line between.
  std::vector<uint32_t> breaks;
  for (const Span& s : r.article.paragraphs) {
    if (!p.body.empty()) p.body += "\n\n";
    breaks.push_back(static_cast<uint32_t>(p.body.size()));
    p.body.append(r.doc.text, s.start, s.end - s.start);
  }
  p.title_terms = fts_document_terms(p.title);
  p.body_terms = body_terms(r, tokens, breaks, p.body);
  p.signature = minhash_of_terms(p.body_terms, breaks, opt.shingle);
  if (p.signature.mins.empty()) p.signature = minhash_of_terms(p.title_terms, {}, opt.shingle);
  auto side = extract_side_rows(p.record, p.published);
  if (side) p.side = std::move(*side);
  return p;
}

}  // namespace marsad::internal
