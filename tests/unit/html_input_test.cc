// read_any_documents: pages and crawls next to text and JSON Lines, sniffed by
// content; per-document errors that name the file, the record and its offset.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "marsad/io.h"
#include "marsad/warc.h"
#include "marsad/web_input.h"

namespace marsad {
namespace {

namespace fs = std::filesystem;

const fs::path kData = fs::path(MARSAD_SOURCE_DIR) / "tests/data/html";

struct Read {
  std::vector<InputDocument> docs;
  std::vector<Status> errors;
  Status status;
};

Read read_all(const std::string& path, InputOptions opt = {}) {
  Read r;
  r.status = read_any_documents(path, opt, [&](Result<InputDocument> d) {
    if (d) r.docs.push_back(std::move(*d));
    else r.errors.push_back(d.status());
    return true;
  });
  return r;
}

std::string copy_to(const fs::path& from, const std::string& name) {
  const std::string to = testing::TempDir() + name;
  fs::copy_file(from, to, fs::copy_options::overwrite_existing);
  return to;
}

TEST(HtmlInput, SniffTable) {
  struct Row {
    const char* path;
    std::string_view head;
    InputKind want;
  } rows[] = {
      {"a.warc.gz", "", InputKind::kWarc},
      {"-", "WARC/1.1\r\nWARC-Type: warcinfo", InputKind::kWarc},
      {"page.txt", "\xEF\xBB\xBF  <!DOCTYPE html><html>", InputKind::kHtml},
      {"page.bin", "<html lang=\"ar\">", InputKind::kHtml},
      {"p.html", "", InputKind::kHtml},                      // an empty page: the page reader says why
      {"p.html.gz", "<div>", InputKind::kHtml},
      {"p.html", "\x89PNG\r\n", InputKind::kDocuments},         // bytes say otherwise
      {"news.jsonl", "{\"text\":\"<html>\"}", InputKind::kDocuments},
      {"a.txt", "وقّع ممثلون عن القوات المسلحة", InputKind::kDocuments},
      {"a.txt", "<p>not a page start</p>", InputKind::kDocuments},
  };
  for (const Row& r : rows) EXPECT_EQ(sniff_input(r.path, r.head), r.want) << r.path << " " << r.head;
}

TEST(HtmlInput, PageNamedTxtIsReadAsAPage) {
  const std::string p = copy_to(kData / "pages/31-seed-nadorcity.html", "seed-page.txt");
  Read r = read_all(p);
  ASSERT_TRUE(r.status.is_ok()) << r.status.to_string();
  ASSERT_EQ(r.docs.size(), 1u);
  EXPECT_EQ(r.docs[0].doc.title, "المغرب وإسرائيل يوقعان خطة العمل العسكري المشترك لسنة 2026");
  EXPECT_EQ(r.docs[0].doc.file, p);
  EXPECT_EQ(r.docs[0].doc.text.find("<"), std::string::npos);
}

TEST(HtmlInput, Windows1256Page) {
  Read r = read_all((kData / "pages/03-cp1256.html").string());
  ASSERT_EQ(r.docs.size(), 1u);
  EXPECT_TRUE(r.errors.empty());
  EXPECT_EQ(r.docs[0].doc.text.find("\xEF\xBF\xBD"), std::string::npos);  // no U+FFFD
  EXPECT_NE(r.docs[0].doc.text.find("ال"), std::string::npos);
  EXPECT_EQ(r.docs[0].doc.published.find("2031"), std::string::npos);   // never the cookie script's date
}

TEST(HtmlInput, TextAndJsonlStillGoThroughReadDocuments) {
  const std::string t = testing::TempDir() + "plain.txt";
  std::ofstream(t) << "عنوان المقال\n\nنص المقال الأول.\n";
  Read r = read_all(t);
  ASSERT_EQ(r.docs.size(), 1u);
  EXPECT_EQ(r.docs[0].doc.text, "عنوان المقال\n\nنص المقال الأول.\n");
  const std::string j = testing::TempDir() + "two.jsonl";
  std::ofstream(j) << "{\"text\":\"أ\"}\n{\"text\":\"ب\"}\n";
  EXPECT_EQ(read_all(j).docs.size(), 2u);
}

TEST(HtmlInput, BinaryWithHtmlNameIsOneBadDocument) {
  const std::string p = testing::TempDir() + "binary.html";
  std::string bin = "<html>\x00\x01\x02";
  bin.resize(4096, '\0');
  std::ofstream(p, std::ios::binary) << bin;
  Read r = read_all(p);
  EXPECT_TRUE(r.status.is_ok()) << r.status.to_string();
  EXPECT_TRUE(r.docs.empty());
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_EQ(r.errors[0].code(), Error::kBinary);
  EXPECT_EQ(r.errors[0].where().file, p);
}

TEST(HtmlInput, WarcFixture) {
  const std::string p = (kData / "pages.warc.gz").string();
  Read r = read_all(p);
  ASSERT_TRUE(r.status.is_ok()) << r.status.to_string();
  ASSERT_EQ(r.docs.size(), 7u);  // seven pages; the 404 and the image are not pages
  for (const InputDocument& d : r.docs) {
    EXPECT_FALSE(d.doc.url.empty());
    EXPECT_FALSE(d.doc.published.empty());
    EXPECT_FALSE(d.doc.title.empty());
    EXPECT_GT(d.doc.line, 0u);
    EXPECT_EQ(d.doc.text.find("\xEF\xBF\xBD"), std::string::npos) << d.doc.line;  // charsets, chunking, gzip undone
  }
  // The tag index page has a title but no article: an error naming file, record and offset.
  ASSERT_EQ(r.errors.size(), 1u);
  const Location& at = r.errors[0].where();
  EXPECT_EQ(r.errors[0].code(), Error::kEmpty);
  EXPECT_EQ(at.file, p);
  EXPECT_EQ(at.line, 18u);
  EXPECT_TRUE(at.has_offset);
  auto all = read_file(p);
  ASSERT_TRUE(all.ok());
  EXPECT_EQ(all->compare(at.offset, 5, "WARC/"), 0);  // the offset is where the record starts
}

TEST(HtmlInput, WarcOnStandardInputPath) {
  // Not stdin itself (the test runner owns it): the in-memory reader it uses.
  auto bytes = read_file((kData / "pages.warc.gz").string());
  ASSERT_TRUE(bytes.ok());
  WarcReader r = WarcReader::from_bytes("-", *bytes);
  WarcRecord rec;
  size_t pages = 0;
  while (true) {
    auto more = r.next(rec);
    ASSERT_TRUE(more.ok()) << more.status().to_string();
    if (!*more) break;
    pages += rec.is_page();
  }
  EXPECT_EQ(pages, 8u);
}

TEST(HtmlInput, KeptRecordReadsAgainAsTheSameDocument) {
  auto r = WarcReader::open((kData / "pages.warc.gz").string());
  ASSERT_TRUE(r.ok());
  r->keep_raw(true);
  WarcRecord rec;
  size_t n = 0, ordinal = 0;
  while (true) {
    auto more = r->next(rec);
    ASSERT_TRUE(more.ok());
    if (!*more) break;
    ++ordinal;
    if (!rec.is_page()) continue;
    ASSERT_TRUE(is_page_original(rec.raw));
    auto first = document_from_warc_record(rec, "c.warc.gz", ordinal, InputOptions{});
    auto again = document_from_page_original(rec.raw, "c.warc.gz", ordinal, InputOptions{});
    ASSERT_EQ(first.ok(), again.ok()) << ordinal;
    if (!first.ok()) {
      EXPECT_EQ(first.status().code(), again.status().code());
      continue;
    }
    EXPECT_EQ(first->doc.text, again->doc.text);
    EXPECT_EQ(first->doc.url, again->doc.url);
    EXPECT_EQ(first->doc.published, again->doc.published);
    ++n;
  }
  EXPECT_EQ(n, 7u);
}

TEST(HtmlInput, TruncatedWarcKeepsTheRecordsBefore) {
  auto bytes = read_file((kData / "pages.warc.gz").string());  // gunzipped
  ASSERT_TRUE(bytes.ok());
  const std::string whole = *bytes;
  // A plain .warc cut in the middle of a record.
  const std::string p = testing::TempDir() + "cut.warc";
  std::ofstream(p, std::ios::binary) << whole.substr(0, whole.size() / 2);
  Read r = read_all(p);
  EXPECT_FALSE(r.status.is_ok());
  EXPECT_EQ(r.status.where().file, p);
  EXPECT_GE(r.docs.size(), 2u);
}

}  // namespace
}  // namespace marsad
