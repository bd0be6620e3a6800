// POST /api/analyze (text in, record out, nothing stored) and POST /api/ingest
// (stored). Both need the server's token; with none configured they refuse.
#include <stdlib.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

#include "api.h"
#include "marsad/json.h"
#include "marsad/output.h"
#include "marsad/pipeline.h"
#include "marsad/timestamp.h"
#include "marsad/utf8.h"

namespace marsad::server::internal {
namespace {

// Equal strings in a time that depends only on the length of `secret`, so a
// caller cannot find the token byte by byte by timing the answers.
bool equal_constant_time(std::string_view given, std::string_view secret) {
  volatile unsigned char diff = given.size() != secret.size();
  for (size_t i = 0; i < secret.size(); ++i) {
    const unsigned char g = i < given.size() ? static_cast<unsigned char>(given[i]) : 0;
    diff = diff | (g ^ static_cast<unsigned char>(secret[i]));
  }
  return diff == 0;
}

// The token from "Authorization: Bearer T" or "X-Marsad-Token: T"; sends 403/401 when refused.
bool authorized(const Context& ctx, const httplib::Request& req, httplib::Response& res) {
  if (ctx.opt.token.empty()) {
    send_error(res, 403, "write endpoints are disabled: start marsad serve with --token TOKEN to enable them");
    return false;
  }
  std::string given = req.get_header_value("X-Marsad-Token");
  const std::string auth = req.get_header_value("Authorization");
  if (given.empty() && auth.rfind("Bearer ", 0) == 0) given = auth.substr(7);
  if (given.empty()) {
    send_error(res, 401, "this endpoint needs the token: send 'Authorization: Bearer TOKEN'");
    return false;
  }
  if (!equal_constant_time(given, ctx.opt.token)) {
    send_error(res, 401, "wrong token");
    return false;
  }
  return true;
}

// The body must be non-empty UTF-8; sends the 400 otherwise.
bool body_ok(const httplib::Request& req, httplib::Response& res) {
  if (req.body.find_first_not_of(" \t\r\n") == std::string::npos) {
    send_error(res, 400, "the request body is empty: send the article text (or a JSON object with \"text\")");
    return false;
  }
  if (Status s = validate_utf8(req.body); !s) {
    send_error(res, 400, "the request body is not valid UTF-8 (first bad byte at offset " +
                             std::to_string(s.where().offset) + ")");
    return false;
  }
  return true;
}

bool is_json(const httplib::Request& req) {
  const std::string type = req.get_header_value("Content-Type");
  if (type.rfind("application/json", 0) == 0 || type.rfind("application/x-ndjson", 0) == 0) return true;
  if (type.rfind("text/plain", 0) == 0) return false;
  const size_t first = req.body.find_first_not_of(" \t\r\n");
  return first != std::string::npos && req.body[first] == '{';
}

void analyze_route(Context& ctx, const httplib::Request& req, httplib::Response& res) {
  if (!authorized(ctx, req, res)) return;  // first: without the token, nothing about the request is answered
  Params p(req, {"published", "pretty"});
  const std::string published = p.str("published");
  const bool pretty = p.integer("pretty", 0, 0, 1) == 1;
  if (!published.empty() && !parse_timestamp(published)) p.fail("published", "published must be a date (YYYY-MM-DD or ISO 8601), not '" + published + "'");
  if (!p.ok()) return p.answer(res);
  if (!body_ok(req, res)) return;
  InputDocument in;
  if (is_json(req)) {
    auto d = document_from_json(req.body, InputOptions{}, "api", 0);
    if (!d) return send_status(res, d.status());
    in = std::move(*d);
  } else {
    in.doc.text = req.body;
    in.doc.file = "api";
  }
  AnalyzeOptions opt;
  opt.published = published;
  auto r = analyze(std::move(in), opt);
  if (!r) return send_status(res, r.status());
  std::string out;
  JsonWriter w(out, pretty);
  write_record_json(*r, w);
  send_json(res, std::move(out));
}

// The body goes to a private temporary folder as one file (JSON Lines, or one
// text article) and is ingested from there like any file.
void ingest_route(Context& ctx, const httplib::Request& req, httplib::Response& res) {
  if (!authorized(ctx, req, res)) return;
  Params p(req, {"published", "lossy"});
  IngestOptions opt;
  opt.analyze.published = p.str("published");
  opt.lossy = p.integer("lossy", 0, 0, 1) == 1;
  if (!opt.analyze.published.empty() && !parse_timestamp(opt.analyze.published)) {
    p.fail("published", "published must be a date (YYYY-MM-DD or ISO 8601), not '" + opt.analyze.published + "'");
  }
  if (!p.ok()) return p.answer(res);
  if (!opt.lossy && !body_ok(req, res)) return;
  char dir_template[] = "/tmp/marsad-ingest-XXXXXX";
  if (mkdtemp(dir_template) == nullptr) return send_error(res, 500, "cannot create a temporary folder for the upload");
  const std::filesystem::path dir(dir_template);
  const std::filesystem::path file = dir / (is_json(req) ? "api-upload.jsonl" : "api-upload.txt");
  {
    std::ofstream f(file, std::ios::binary);
    f.write(req.body.data(), static_cast<std::streamsize>(req.body.size()));
    if (!f) {
      std::error_code ec;
      std::filesystem::remove_all(dir, ec);
      return send_error(res, 503, "cannot write the upload to a temporary file");
    }
  }
  opt.threads = 2;  // leave cores to the readers
  IngestReport r;
  {
    std::lock_guard<std::mutex> lock(ctx.writes);
    auto store = Store::open(ctx.opt.db);
    if (!store) {
      std::error_code ec;
      std::filesystem::remove_all(dir, ec);
      return send_status(res, store.status());
    }
    r = store->ingest({file.string()}, opt);
  }
  std::error_code ec;
  std::filesystem::remove_all(dir, ec);
  std::string out;
  JsonWriter w(out);
  w.begin_object().field("read", r.read).field("ingested", r.ingested).field("skipped", r.skipped);
  w.field("rejected", r.rejected).key("reasons").begin_object();
  for (const auto& [k, n] : r.reasons) w.field(k, n);
  w.end_object().field("seconds", r.seconds);
  if (!r.status.is_ok()) w.field("error", r.status.message());
  w.end_object();
  send_json(res, std::move(out), r.status.is_ok() ? 200 : 500);
}

}  // namespace

void register_write_routes(httplib::Server& http, Context& ctx) {
  using Req = const httplib::Request&;
  using Res = httplib::Response&;
  http.Post("/api/analyze", [&ctx](Req req, Res res) { analyze_route(ctx, req, res); });
  http.Post("/api/ingest", [&ctx](Req req, Res res) { ingest_route(ctx, req, res); });
}

}  // namespace marsad::server::internal
