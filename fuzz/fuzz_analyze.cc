// libFuzzer target: arbitrary bytes through the whole `analyze` path, as text
// and as a JSON line. Any crash, leak, sanitizer report or broken invariant
// (span outside the text, tokens not covering it) is a bug.
#include <cstdint>
#include <cstdlib>
#include <string>

#include "marsad/input.h"
#include "marsad/output.h"
#include "marsad/pipeline.h"
#include "marsad/tokenize.h"
#include "marsad/utf8.h"

namespace {

void check(bool ok) {
  if (!ok) std::abort();
}

void check_record(const marsad::Record& r) {
  const size_t n = r.doc.text.size();
  for (const auto& p : r.article.paragraphs) check(p.start <= p.end && p.end <= n);
  for (const auto& x : r.article.removed) check(x.span.start <= x.span.end && x.span.end <= n);
  for (const auto& s : r.sentences) check(s.span.start <= s.span.end && s.span.end <= n);
  std::string out;
  marsad::JsonWriter w(out);
  marsad::write_record_json(r, w);
  check(marsad::validate_utf8(out).is_ok());
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > (1 << 16)) return 0;  // cost guard: larger inputs add time, not coverage
  std::string bytes(reinterpret_cast<const char*>(data), size);
  marsad::AnalyzeOptions opt;
  opt.published = "2025-11-25";

  // As a text document, repaired the way --lossy does.
  marsad::InputDocument in;
  in.doc.text = marsad::repair_utf8(bytes).text;
  {
    marsad::Tokenized t = marsad::tokenize(in.doc.text);
    uint32_t at = 0;
    for (const auto& tok : t.tokens) {
      check(tok.start == at && tok.end >= tok.start);
      at = tok.end;
    }
    check(at == in.doc.text.size());
  }
  if (auto r = marsad::analyze(std::move(in), opt); r) check_record(*r);

  // As a JSON line.
  marsad::InputOptions iopt;
  if (auto d = marsad::document_from_json(bytes, iopt, "fuzz", 1); d) {
    if (auto r = marsad::analyze(std::move(*d), opt); r) check_record(*r);
  }
  return 0;
}
