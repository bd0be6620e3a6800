// marsad/output.h — the analysis record as JSON, laid out as docs/schema.md
// documents. Shared by the CLI and the HTTP server, so both print the same.
//
//   std::string out;
//   marsad::JsonWriter w(out, /*pretty=*/false);
//   marsad::write_record_json(record, w);
//   out += '\n';
#pragma once

#include "marsad/json.h"
#include "marsad/pipeline.h"

namespace marsad {

void write_record_json(const Record& r, JsonWriter& w);

}  // namespace marsad
