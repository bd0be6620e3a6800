// The CLI as a user meets it: exit codes, messages naming file/line/byte, and
// the seed record against its golden file. Bad inputs from the foundation
// issue each get a clear error or a correct result, never a crash or a hang.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace {

namespace fs = std::filesystem;

struct Outcome {
  int code = -1;
  std::string out, err;
};

fs::path temp_dir() {
  static fs::path dir = [] {
    fs::path d = fs::temp_directory_path() / ("marsad-cli-" + std::to_string(getpid()));
    fs::create_directories(d);
    return d;
  }();
  return dir;
}

std::string slurp(const fs::path& p) {
  std::ifstream f(p, std::ios::binary);
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

// Runs `marsad ARGS` from the source folder; captures stdout and stderr.
Outcome marsad(const std::string& args, const std::string& pipe_to = "") {
  fs::path out = temp_dir() / "stdout", err = temp_dir() / "stderr";
  std::string cmd = "cd '" MARSAD_SOURCE_DIR "' && '" MARSAD_BIN "' " + args + " 2>'" + err.string() + "'" +
                    (pipe_to.empty() ? " >'" + out.string() + "'" : " | " + pipe_to + " >'" + out.string() + "'");
  int status = std::system(cmd.c_str());
  Outcome r;
  r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.out = slurp(out);
  r.err = slurp(err);
  return r;
}

fs::path write(const std::string& name, const std::string& bytes) {
  fs::path p = temp_dir() / name;
  std::ofstream(p, std::ios::binary) << bytes;
  return p;
}

TEST(Cli, HelpAndVersion) {
  EXPECT_EQ(marsad("--help").code, 0);
  EXPECT_EQ(marsad("analyze --help").code, 0);
  Outcome v = marsad("--version");
  EXPECT_EQ(v.code, 0);
  EXPECT_NE(v.out.find("marsad "), std::string::npos);
  EXPECT_EQ(marsad("").code, 2);            // a subcommand is required
  EXPECT_EQ(marsad("no-such-cmd").code, 2);
}

TEST(Cli, SeedMatchesGolden) {
  Outcome r = marsad("analyze --pretty --published 2025-11-25 samples/nadorcity-joint-military-plan-2026.txt");
  ASSERT_EQ(r.code, 0) << r.err;
  std::string golden = slurp(MARSAD_SOURCE_DIR "/tests/golden/seed.json");
  EXPECT_EQ(r.out, golden) << "regenerate with scripts/regen-goldens after checking the diff";
}

TEST(Cli, SamplesRun) {
  Outcome r = marsad("analyze samples/jawharafm-sample.jsonl samples/nadorcity-joint-military-plan-2026.txt");
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(std::count(r.out.begin(), r.out.end(), '\n'), 26);
}

TEST(BadInput, EmptyFile) {
  Outcome r = marsad("analyze " + write("empty.txt", "").string());
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("empty.txt"), std::string::npos);
  EXPECT_NE(r.err.find("empty document"), std::string::npos);
}

TEST(BadInput, WhitespaceOnly) {
  Outcome r = marsad("analyze " + write("ws.txt", " \n\t \n\n").string());
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("only white space"), std::string::npos);
}

TEST(BadInput, InvalidUtf8NamesLineAndByte) {
  Outcome r = marsad("analyze " + write("bad.txt", std::string("سطر أول\nab") + "\xFF\xFE" + "cd\n").string());
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("bad.txt:2: byte 16: invalid UTF-8"), std::string::npos) << r.err;
  Outcome lossy = marsad("analyze --lossy " + (temp_dir() / "bad.txt").string());
  EXPECT_EQ(lossy.code, 0) << lossy.err;
  EXPECT_NE(lossy.err.find("replaced 2 invalid UTF-8"), std::string::npos) << lossy.err;
  EXPECT_NE(lossy.out.find("\"replaced\":2"), std::string::npos);
}

TEST(BadInput, NulBytes) {
  Outcome r = marsad("analyze " + write("nul.txt", std::string("نص\0نص", 9)).string());
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("byte 4: NUL byte"), std::string::npos) << r.err;
}

TEST(BadInput, BinaryData) {
  std::string bin;
  for (int i = 0; i < 4096; ++i) bin.push_back(static_cast<char>((i * 7919) & 0xFF));
  Outcome r = marsad("analyze " + write("blob.html", bin).string());
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("blob.html"), std::string::npos);
  EXPECT_TRUE(r.err.find("invalid UTF-8") != std::string::npos || r.err.find("NUL") != std::string::npos);
}

TEST(BadInput, FiftyMegabyteLine) {
  std::string line;
  line.reserve(50u << 20);
  while (line.size() < (50u << 20)) line += "كلمة word ١٢٣ ";
  Outcome r = marsad("analyze " + write("big.txt", line).string() + " | wc -c", "cat");
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_GT(std::stoull(r.out), 50u << 20);  // the one paragraph is in the output
}

TEST(BadInput, MixedRtlLtr) {
  Outcome r = marsad("analyze --lines " +
                 write("mixed.txt", "زار Emmanuel Macron الرباط يوم 2025-11-24 (\u200fAFP\u200e).\n").string());
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("Emmanuel Macron"), std::string::npos);
}

TEST(BadInput, JsonlLineThatIsNotJson) {
  Outcome r = marsad("analyze " + write("mixed.jsonl", "{\"text\": \"نص أول.\"}\nnot json\n{\"text\": \"نص ثالث.\"}\n").string());
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("mixed.jsonl:2: not JSON"), std::string::npos) << r.err;
  EXPECT_EQ(std::count(r.out.begin(), r.out.end(), '\n'), 2);  // lines 1 and 3 still analyzed
}

TEST(BadInput, TruncatedGzip) {
  std::string gz = slurp(MARSAD_SOURCE_DIR "/tests/data/two-articles.jsonl.gz");
  ASSERT_GT(gz.size(), 40u);
  Outcome r = marsad("analyze " + write("cut.jsonl.gz", gz.substr(0, gz.size() - 20)).string());
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("truncated or damaged gzip"), std::string::npos) << r.err;
}

TEST(BadInput, MissingFileAndBadFlags) {
  Outcome r = marsad("analyze /no/such/file.txt");
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("/no/such/file.txt: cannot open"), std::string::npos) << r.err;
  Outcome p = marsad("analyze --published 2025-13-40 samples/nadorcity-joint-military-plan-2026.txt");
  EXPECT_EQ(p.code, 2);
  EXPECT_NE(p.err.find("--published"), std::string::npos);
}

TEST(Cli, BrokenPipeIsNotAnError) {
  Outcome r = marsad("analyze samples/jawharafm-sample.jsonl", "head -c 10");
  EXPECT_EQ(r.out.size(), 10u);
  EXPECT_EQ(r.err, "");
}

}  // namespace
