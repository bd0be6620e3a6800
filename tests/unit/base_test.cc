// Base: statuses, timestamps, file reading (gzip included).
#include <gtest/gtest.h>
#include <zlib.h>

#include <filesystem>
#include <fstream>

#include "marsad/io.h"
#include "marsad/status.h"
#include "marsad/timestamp.h"

namespace marsad {
namespace {

TEST(Status, NamesWhere) {
  Location at{"a.txt", 3, 17, true};
  EXPECT_EQ(Status(Error::kInvalidUtf8, "invalid UTF-8", at).to_string(), "a.txt:3: byte 17: invalid UTF-8");
  EXPECT_EQ(Status(Error::kIo, "cannot open", {"b.txt"}).to_string(), "b.txt: cannot open");
  EXPECT_EQ(error_name(Error::kBadJson), "bad_json");
}

TEST(Timestamp, Parses) {
  struct Case {
    const char* in;
    const char* iso;
  } cases[] = {
      {"2025-11-25", "2025-11-25"},
      {"2015-07-21 02:51:32", "2015-07-21T02:51:32"},
      {"2017-01-20T21:43:00+01:00", "2017-01-20T21:43:00+01:00"},
      {"2018-02-18T10:00:00.123Z", "2018-02-18T10:00:00+00:00"},
      {"Sun, 18 Feb 2018 21:35:43 +0400", "2018-02-18T21:35:43+04:00"},
      {"18 Feb 2018", "2018-02-18"},
  };
  for (const Case& c : cases) {
    auto t = parse_timestamp(c.in);
    ASSERT_TRUE(t.ok()) << c.in << ": " << t.status().to_string();
    EXPECT_EQ(t->iso(), c.iso);
  }
  for (const char* bad : {"", "2025-13-01", "2025-02-30", "0000-01-01", "yesterday", "2025-11-25T25:00", "2025-11-25x"}) {
    EXPECT_FALSE(parse_timestamp(bad).ok()) << bad;
  }
}

TEST(Timestamp, CivilDaysRoundTrip) {
  for (long d = -1000; d < 30000; d += 37) {
    int y, m, day;
    civil_from_days(d, y, m, day);
    EXPECT_EQ(days_from_civil(y, m, day), d);
    EXPECT_TRUE(valid_date(y, m, day));
  }
}

TEST(Io, ReadsGzipAndPlainAlike) {
  auto dir = std::filesystem::temp_directory_path();
  std::string plain = (dir / "marsad-io.txt").string(), gz = (dir / "marsad-io.txt.gz").string();
  std::ofstream(plain) << "سطر\nline2\r\nlast";
  gzFile f = gzopen(gz.c_str(), "wb");
  gzputs(f, "سطر\nline2\r\nlast");
  gzclose(f);
  for (const std::string& p : {plain, gz}) {
    auto all = read_file(p);
    ASSERT_TRUE(all.ok());
    EXPECT_EQ(*all, "سطر\nline2\r\nlast");
    auto r = LineReader::open(p);
    ASSERT_TRUE(r.ok());
    std::string line;
    std::vector<std::string> lines;
    while (*r->next(line)) lines.push_back(line);
    EXPECT_EQ(lines, (std::vector<std::string>{"سطر", "line2", "last"}));
    EXPECT_EQ(r->line_number(), 3u);
  }
  EXPECT_EQ(read_file("/no/such").status().code(), Error::kIo);
  EXPECT_EQ(read_file(plain, 4).status().code(), Error::kTooLarge);
}

}  // namespace
}  // namespace marsad
