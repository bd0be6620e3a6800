// Store::ingest: files → raw documents → analysis threads → the writer.
#include "marsad/json.h"
#include "store/run.h"
#include "store/schema.h"

namespace marsad {
namespace internal {

std::string_view format_name(InputFormat f) {
  switch (f) {
    case InputFormat::kJsonl: return "jsonl";
    case InputFormat::kLines: return "lines";
    case InputFormat::kText: return "text";
    default: return "auto";
  }
}

// What reanalysis needs to read an original again as this run read it.
std::string run_options_json(const IngestOptions& opt) {
  std::string out;
  JsonWriter w(out);
  w.begin_object().field("format", format_name(opt.format)).field("lossy", opt.lossy);
  w.key("fields").begin_array();
  for (const FieldMap& f : opt.fields) w.begin_object().field("name", f.name).field("path", f.path).end_object();
  w.end_array();
  w.field("published", opt.analyze.published);
  w.field("max_article_bytes", opt.max_article_bytes);
  w.end_object();
  return out;
}

}  // namespace internal

IngestReport Store::ingest(const std::vector<std::string>& inputs, const IngestOptions& opt) {
  using namespace internal;
  IngestReport report;
  if (impl_->opt.read_only) {
    report.status = Status(Error::kBadArgument, "the store was opened read-only", {impl_->path});
    return report;
  }
  std::vector<std::string> in = inputs.empty() ? std::vector<std::string>{"-"} : inputs;
  auto source = DocumentSource::open(in, opt.format, opt.max_article_bytes);
  if (!source) {
    report.status = source.status();
    return report;
  }
  auto run = begin_run(impl_->db, "ingest", run_options_json(opt));
  if (!run) {
    report.status = run.status();
    return report;
  }
  RunConfig cfg;
  cfg.threads = opt.threads;
  cfg.batch = opt.batch ? opt.batch : 1;
  cfg.max_inflight_bytes = opt.max_inflight_bytes;
  PrepareOptions po;
  po.lossy = opt.lossy;
  po.max_article_bytes = opt.max_article_bytes;
  po.fields = opt.fields;
  po.analyze = opt.analyze;
  po.shingle = impl_->stories.shingle;
  cfg.options = {po};
  cfg.run = *run;
  cfg.bytes_total = source->bytes_total();
  DocumentSource* src = &*source;
  cfg.bytes_done = [src] { return src->bytes_done(); };
  cfg.progress = opt.progress;
  cfg.on_reject = opt.on_reject;
  report = run_pipeline(*impl_, [src](RawDoc& raw) { return src->next(raw); }, cfg);
  end_run(impl_->db, *run, report);
  return report;
}

}  // namespace marsad
