// marsad serve's API, over a real store and a real socket (port 0): every read
// endpoint, the strict parameters (400 naming the parameter), the write
// endpoints' token (403 without one configured, 401 without or with a wrong
// one), the body limit (413), invalid UTF-8 (400), text that looks like markup
// coming back as JSON text with the headers that keep it text, and a clean stop.
#include <gtest/gtest.h>
#include <httplib.h>
#include <simdjson.h>

#include <atomic>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include "marsad/analytics.h"
#include "marsad/store.h"
#include "server.h"

namespace marsad {
namespace {

namespace fs = std::filesystem;

const char* kToken = "test-token-3f9a";
// An article whose title and text try to run code when shown.
const char* kHostile =
    R"({"title":"<script>window.__xss=1</script> xssprobe","source":"hespress","url":"https://example.org/xss",)"
    R"("published":"2025-11-20","text":"خبر xssprobe عن المغرب\n\n\"><img src=x onerror=\"window.__xss=2\"> و <script>window.__xss=3</script> انتهى"})";

std::string url_encode(std::string_view s) {
  std::string out;
  for (unsigned char c : s) {
    char buf[4];
    std::snprintf(buf, sizeof buf, "%%%02X", c);
    out += buf;
  }
  return out;
}

std::string header(const httplib::Headers& h, const char* name) {
  auto it = h.find(name);
  return it == h.end() ? std::string() : it->second;
}

class ServerTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new fs::path(fs::temp_directory_path() / ("marsad-server-test-" + std::to_string(getpid())));
    fs::create_directories(*dir_);
    db_ = new std::string((*dir_ / "t.db").string());
    auto store = Store::open(*db_);
    ASSERT_TRUE(store) << store.status().to_string();
    IngestOptions opt;
    opt.analyze.published = "2025-11-25";
    opt.threads = 2;
    const std::string src = MARSAD_SOURCE_DIR;
    auto r = store->ingest({src + "/samples/nadorcity-joint-military-plan-2026.txt", src + "/samples/jawharafm-sample.jsonl"}, opt);
    ASSERT_TRUE(r.status.is_ok()) << r.status.to_string();
    ASSERT_GT(r.ingested, 10u);
  }
  static void TearDownTestSuite() {
    std::error_code ec;
    fs::remove_all(*dir_, ec);
    delete dir_;
    delete db_;
  }

  // Starts a server on a free port, with `token` ("" = writes disabled).
  void start(const std::string& token = kToken, size_t max_body = 1 << 20) {
    server::ServerOptions opt;
    opt.db = *db_;
    opt.port = 0;
    opt.token = token;
    opt.max_body_bytes = max_body;
    opt.threads = 4;
    server_ = std::make_unique<server::Server>(opt);
    ASSERT_TRUE(server_->bind().is_ok());
    thread_ = std::thread([this] { run_status_ = server_->run(); });
    client_ = std::make_unique<httplib::Client>("127.0.0.1", server_->port());
    client_->set_read_timeout(60, 0);
    for (int i = 0; i < 200; ++i) {  // until it answers
      if (client_->Get("/api/stats")) return;
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    FAIL() << "the server did not answer";
  }
  void TearDown() override {
    if (server_) server_->stop();
    if (thread_.joinable()) thread_.join();
    EXPECT_TRUE(run_status_.is_ok());
  }

  // GET → (status, parsed body); fails the test when the body is not JSON.
  struct Answer {
    int status = 0;
    std::string body, content_type;
    httplib::Headers headers;
  };
  Answer get(const std::string& path) {
    auto res = client_->Get(path.c_str());
    EXPECT_TRUE(res) << path;
    if (!res) return {};
    return {res->status, res->body, res->get_header_value("Content-Type"), res->headers};
  }
  Answer post(const std::string& path, const std::string& body, const std::string& token,
              const char* type = "text/plain; charset=utf-8") {
    httplib::Headers h;
    if (!token.empty()) h.emplace("Authorization", "Bearer " + token);
    auto res = client_->Post(path.c_str(), h, body, type);
    EXPECT_TRUE(res) << path;
    if (!res) return {};
    return {res->status, res->body, res->get_header_value("Content-Type"), res->headers};
  }
  static simdjson::dom::element json(simdjson::dom::parser& p, const std::string& body) {
    simdjson::dom::element e;
    EXPECT_EQ(p.parse(body).get(e), simdjson::SUCCESS) << body;
    return e;
  }

  static fs::path* dir_;
  static std::string* db_;
  std::unique_ptr<server::Server> server_;
  std::unique_ptr<httplib::Client> client_;
  std::thread thread_;
  Status run_status_;
};
fs::path* ServerTest::dir_ = nullptr;
std::string* ServerTest::db_ = nullptr;

TEST_F(ServerTest, ReadEndpoints) {
  start();
  simdjson::dom::parser p;
  Answer a = get("/api/stats");
  ASSERT_EQ(a.status, 200);
  EXPECT_EQ(a.content_type, "application/json; charset=utf-8");
  EXPECT_GT(int64_t(json(p, a.body)["articles"]), 10);

  a = get("/api/search?q=" + url_encode("المغرب") + "&limit=5");
  ASSERT_EQ(a.status, 200) << a.body;
  auto hits = json(p, a.body)["hits"].get_array();
  ASSERT_GT(hits.size(), 0u);
  const int64_t id = int64_t(hits.at(0)["id"]);
  EXPECT_GE(int64_t(json(p, a.body)["total"]), int64_t(hits.size()));

  a = get("/api/articles/" + std::to_string(id));
  ASSERT_EQ(a.status, 200) << a.body;
  auto art = json(p, a.body);
  EXPECT_FALSE(std::string_view(art["text"]).empty());
  EXPECT_EQ(std::string_view(art["record"]["schema"]), "marsad.article/1");

  a = get("/api/stories?min_articles=1&limit=3");
  ASSERT_EQ(a.status, 200) << a.body;
  auto stories = json(p, a.body)["stories"].get_array();
  ASSERT_GT(stories.size(), 0u);
  const int64_t story = int64_t(stories.at(0)["id"]);
  a = get("/api/stories/" + std::to_string(story));
  ASSERT_EQ(a.status, 200) << a.body;
  EXPECT_GT(json(p, a.body)["members"].get_array().size(), 0u);

  for (const char* path : {"/api/events?actor=MAR", "/api/timeline?by=quad", "/api/timeline?by=root&since=2025-01-01",
                           "/api/dyads", "/api/dyads?level=actor&min=1"}) {
    a = get(path);
    EXPECT_EQ(a.status, 200) << path << " " << a.body;
    json(p, a.body);
  }
  // The seed (Morocco and Israel sign a military plan) is in the events and the dyads.
  a = get("/api/events?actor=MAR");
  EXPECT_NE(a.body.find("\"code\":\"057\""), std::string::npos) << a.body;
  a = get("/api/dyads");
  EXPECT_NE(a.body.find("\"MAR\""), std::string::npos) << a.body;
}

TEST_F(ServerTest, BadParametersAre400NamingThem) {
  start();
  simdjson::dom::parser p;
  struct Case {
    std::string path;
    int status;
    const char* param;  // "" when the answer names none
  } cases[] = {
      {"/api/search?limit=abc", 400, "limit"},
      {"/api/search?limit=0", 400, "limit"},
      {"/api/search?limit=99999999999999999999", 400, "limit"},
      {"/api/search?bogus=1", 400, "bogus"},
      {"/api/search?q=a&q=b", 400, "q"},
      {"/api/search?q=%FF%FE", 400, "q"},
      {"/api/search?q=%22unbalanced", 400, ""},
      {"/api/search?since=yesterday-ish", 400, ""},
      {"/api/events?dyad=MAR", 400, "dyad"},
      {"/api/events?root=5x", 400, "root"},
      {"/api/timeline?by=month", 400, "by"},
      {"/api/dyads?level=planet", 400, "level"},
      {"/api/stories?sort=random", 400, "sort"},
      {"/api/articles/abc", 400, "id"},
      {"/api/articles/-3", 400, "id"},
      {"/api/articles/99999999", 404, "id"},
      {"/api/stories/99999999", 404, "id"},
      {"/api/articles/1?x=1", 400, "x"},
      {"/api/nowhere", 404, ""},
  };
  for (const Case& c : cases) {
    Answer a = get(c.path);
    EXPECT_EQ(a.status, c.status) << c.path << " " << a.body;
    EXPECT_EQ(a.content_type, "application/json; charset=utf-8") << c.path;
    auto e = json(p, a.body);
    std::string_view error;
    EXPECT_EQ(e["error"].get(error), simdjson::SUCCESS) << c.path;
    EXPECT_FALSE(error.empty()) << c.path;
    std::string_view param;
    if (*c.param) {
      EXPECT_EQ(e["param"].get(param), simdjson::SUCCESS) << c.path << " " << a.body;
      EXPECT_EQ(param, c.param) << c.path;
    }
  }
}

TEST_F(ServerTest, WritesRefusedWithoutAConfiguredToken) {
  start("");
  for (const char* path : {"/api/analyze", "/api/ingest"}) {
    Answer a = post(path, "نص", "anything");
    EXPECT_EQ(a.status, 403) << path << " " << a.body;
    EXPECT_NE(a.body.find("--token"), std::string::npos) << a.body;
  }
}

TEST_F(ServerTest, WritesNeedTheToken) {
  start();
  EXPECT_EQ(post("/api/analyze", "نص", "").status, 401);
  EXPECT_EQ(post("/api/analyze", "نص", "wrong").status, 401);
  EXPECT_EQ(post("/api/analyze", "نص", std::string(kToken) + "x").status, 401);
  EXPECT_EQ(post("/api/analyze", "نص", std::string(kToken).substr(1)).status, 401);
  EXPECT_EQ(post("/api/ingest", "{\"text\":\"x\"}", "wrong").status, 401);
  EXPECT_EQ(post("/api/analyze?bogus=1", "نص", "").status, 401);  // the token is checked before anything else

  std::ifstream f(std::string(MARSAD_SOURCE_DIR) + "/samples/nadorcity-joint-military-plan-2026.txt");
  std::stringstream seed;
  seed << f.rdbuf();
  simdjson::dom::parser p;
  const int64_t before = int64_t(json(p, get("/api/stats").body)["articles"]);
  Answer a = post("/api/analyze?published=2025-11-25", seed.str(), kToken);
  ASSERT_EQ(a.status, 200) << a.body;
  auto rec = json(p, a.body);
  EXPECT_EQ(std::string_view(rec["schema"]), "marsad.article/1");
  EXPECT_NE(a.body.find("\"code\":\"057\""), std::string::npos);
  EXPECT_NE(a.body.find("MARMIL"), std::string::npos);
  // Nothing was stored.
  EXPECT_EQ(int64_t(json(p, get("/api/stats").body)["articles"]), before);
}

TEST_F(ServerTest, BodyLimitsAndBadBodies) {
  start(kToken, 4096);
  EXPECT_EQ(post("/api/analyze", std::string(5000, 'a'), kToken).status, 413);
  Answer a = post("/api/ingest", std::string(100000, 'b'), kToken);
  EXPECT_EQ(a.status, 413);
  EXPECT_NE(a.body.find("4096"), std::string::npos) << a.body;
  a = post("/api/analyze", "مرحبا \xff\xfe world", kToken);
  EXPECT_EQ(a.status, 400);
  EXPECT_NE(a.body.find("UTF-8"), std::string::npos) << a.body;
  EXPECT_EQ(post("/api/analyze", "  \n ", kToken).status, 400);
  EXPECT_EQ(post("/api/analyze", "{\"text\": ", kToken, "application/json").status, 400);
  EXPECT_EQ(post("/api/analyze?published=soon", "نص", kToken).status, 400);
}

TEST_F(ServerTest, MarkupInArticlesStaysText) {
  start();
  Answer a = post("/api/ingest", kHostile, kToken, "application/x-ndjson");
  ASSERT_EQ(a.status, 200) << a.body;
  simdjson::dom::parser p;
  EXPECT_EQ(int64_t(json(p, a.body)["ingested"]) + int64_t(json(p, a.body)["skipped"]), 1);
  a = get("/api/search?q=xssprobe");
  ASSERT_EQ(a.status, 200) << a.body;
  auto hits = json(p, a.body)["hits"].get_array();
  ASSERT_EQ(hits.size(), 1u) << a.body;
  EXPECT_EQ(std::string_view(hits.at(0)["title"]), "<script>window.__xss=1</script> xssprobe");
  a = get("/api/articles/" + std::to_string(int64_t(hits.at(0)["id"])));
  ASSERT_EQ(a.status, 200);
  // JSON text, never a page: the type, nosniff and a CSP that runs no inline script.
  EXPECT_EQ(a.content_type, "application/json; charset=utf-8");
  EXPECT_EQ(header(a.headers, "X-Content-Type-Options"), std::string("nosniff"));
  auto art = json(p, a.body);
  EXPECT_NE(std::string_view(art["text"]).find("\"><img src=x onerror=\"window.__xss=2\">"), std::string_view::npos);
  EXPECT_EQ(a.headers.count("Access-Control-Allow-Origin"), 0u);  // no CORS

  Answer page = get("/");
  ASSERT_EQ(page.status, 200);
  EXPECT_EQ(page.content_type, "text/html; charset=utf-8");
  const std::string csp = header(page.headers, "Content-Security-Policy");
  EXPECT_NE(csp.find("script-src 'self'"), std::string::npos) << csp;
  EXPECT_EQ(csp.find("unsafe-eval"), std::string::npos) << csp;
  const size_t script_src = csp.find("script-src");
  EXPECT_EQ(csp.substr(script_src, csp.find(';', script_src) - script_src).find("unsafe-inline"), std::string::npos);
  EXPECT_EQ(page.body.find("<script>"), std::string::npos) << "the page has an inline script";
}

// The page's own code builds markup with DOM calls only: no HTML parsing of strings.
TEST(ServerWeb, SourcesNeverParseStringsAsHtml) {
  const fs::path src = fs::path(MARSAD_SOURCE_DIR) / "web" / "src";
  size_t files = 0;
  for (const auto& e : fs::recursive_directory_iterator(src)) {
    if (e.path().extension() != ".js") continue;
    ++files;
    std::ifstream f(e.path());
    std::stringstream ss;
    ss << f.rdbuf();
    const std::string code = ss.str();
    for (const char* bad : {"innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function",
                            "DOMParser", "createContextualFragment"}) {
      EXPECT_EQ(code.find(bad), std::string::npos) << e.path() << " uses " << bad;
    }
  }
  EXPECT_GE(files, 5u);
}

TEST_F(ServerTest, ConcurrentReadsAndStop) {
  start();
  std::vector<std::thread> clients;
  std::atomic<int> ok{0}, bad{0};
  for (int t = 0; t < 6; ++t) {
    clients.emplace_back([&, t] {
      httplib::Client c("127.0.0.1", server_->port());
      for (int i = 0; i < 30; ++i) {
        const std::string path = (i + t) % 3 == 0 ? "/api/search?q=" + url_encode("تونس")
                                 : (i + t) % 3 == 1 ? std::string("/api/events?limit=50")
                                                    : std::string("/api/timeline");
        auto res = c.Get(path.c_str());
        (res && res->status == 200 ? ok : bad)++;
      }
    });
  }
  for (auto& c : clients) c.join();
  EXPECT_EQ(bad.load(), 0);
  EXPECT_EQ(ok.load(), 180);
  const auto t0 = std::chrono::steady_clock::now();
  server_->stop();
  thread_.join();
  EXPECT_LT(std::chrono::steady_clock::now() - t0, std::chrono::seconds(5));
}

TEST_F(ServerTest, BusyPortIsAnError) {
  start();
  server::ServerOptions opt;
  opt.db = *db_;
  opt.port = server_->port();
  server::Server second(opt);
  Status s = second.bind();
  EXPECT_EQ(s.code(), Error::kIo) << s.to_string();
}

// The chart queries count the same mentions as the event query they share filters with.
TEST_F(ServerTest, AnalyticsAgreeWithEvents) {
  StoreOptions so;
  so.read_only = true;
  auto store = Store::open(*db_, so);
  ASSERT_TRUE(store);
  for (const char* actor : {"", "MAR", "TUN"}) {
    EventQuery eq;
    eq.actor = actor;
    eq.limit = 100000;
    auto events = query_events(*store, eq);
    ASSERT_TRUE(events);
    uint64_t dated = 0;
    for (const EventAggregate& e : *events) dated += e.date.empty() ? 0 : e.num_mentions;
    uint64_t sums[2] = {0, 0};
    for (auto by : {TimelineQuery::By::kRoot, TimelineQuery::By::kQuadClass}) {
      TimelineQuery tq;
      tq.by = by;
      tq.events = eq;
      auto points = event_timeline(*store, tq);
      ASSERT_TRUE(points);
      for (size_t i = 0; i < points->size(); ++i) {
        sums[by == TimelineQuery::By::kRoot] += (*points)[i].mentions;
        if (i) {
          EXPECT_LE((*points)[i - 1].day, (*points)[i].day);
        }
        EXPECT_EQ((*points)[i].day.size(), 10u);
      }
    }
    EXPECT_EQ(sums[0], dated) << actor;
    EXPECT_EQ(sums[1], dated) << actor;
  }
  DyadQuery dq;
  auto dyads = event_dyads(*store, dq);
  ASSERT_TRUE(dyads);
  ASSERT_FALSE(dyads->empty());
  EXPECT_EQ((*dyads)[0].source + ">" + (*dyads)[0].target, "MAR>ISR");  // the seed's pair is the heaviest
  for (const Dyad& d : *dyads) {
    EXPECT_EQ(d.quad[0] + d.quad[1] + d.quad[2] + d.quad[3] + d.quad[4], d.mentions);
    EXPECT_NE(d.source, d.target);
    EXPECT_GE(d.dominant_quad, 1);
  }
  EventQuery bad;
  bad.dyad_source = "MAR";
  DyadQuery bq;
  bq.events = bad;
  EXPECT_EQ(event_dyads(*store, bq).status().code(), Error::kBadArgument);
}

TEST(ServerBind, MissingStore) {
  server::ServerOptions opt;
  opt.db = "/nonexistent/dir/x.db";
  opt.port = 0;
  server::Server s(opt);
  EXPECT_FALSE(s.bind().is_ok());
}

}  // namespace
}  // namespace marsad
