// Text layer: match keys, offset maps, tokens, clitics, sentences.
// Tables read like the stage's debug dump.
#include <gtest/gtest.h>

#include "marsad/clitics.h"
#include "marsad/normalize.h"
#include "marsad/sentences.h"
#include "marsad/tokenize.h"
#include "marsad/utf8.h"
#include "text/string_map.h"

namespace marsad {
namespace {

TEST(MatchKey, Folds) {
  struct Case {
    const char* in;
    const char* key;
  } cases[] = {
      {"وقّع", "وقع"},                         // shadda
      {"مُحَمَّدٌ", "محمد"},                     // harakat, tanwin
      {"الـــمغرب", "المغرب"},                 // tatweel
      {"أإآٱ", "اااا"},                        // alef forms
      {"مستشفى", "مستشفي"},                    // alef maqsura
      {"مدرسة", "مدرسه"},                      // ta marbuta
      {"٢٠٢٦ و۱۹", "2026 و19"},               // Arabic-Indic and Persian digits
      {"ﻻ ﷲ", "لا الله"},                     // presentation forms via NFKC
      {"Tel AVIV", "tel aviv"},               // Latin case
      {"a\u200fb\u200c", "ab"},               // bidi mark, ZWNJ
      {"سؤال رئيس", "سوال رييس"},             // hamza seats
  };
  for (const Case& c : cases) EXPECT_EQ(match_key(c.in), c.key) << c.in;
}

TEST(MatchKey, OffsetMapPointsIntoOriginal) {
  std::string text = "وقّع الأمين";
  MatchKey k = make_match_key(text);
  ASSERT_EQ(k.orig.size(), k.key.size() + 1);
  EXPECT_EQ(k.orig.back(), text.size());
  for (size_t i = 1; i < k.orig.size(); ++i) EXPECT_LE(k.orig[i - 1], k.orig[i]);
  size_t space = k.key.find(' ');
  EXPECT_EQ(text[k.to_original(space)], ' ');
  // The shadda belongs to the letter before it: ق's key range covers "قّ".
  size_t qaf = std::string("و").size();
  EXPECT_EQ(text.substr(k.original_begin(qaf), k.original_end(qaf + 2) - k.original_begin(qaf)), "قّ");
}

TEST(Tokenize, Dumps) {
  struct Case {
    const char* in;
    const char* dump;
  } cases[] = {
      {"وقّع 3 اتفاقيات.", "ar:وقع sp num:3 sp ar:اتفاقيات p:."},
      {"بلغ 3.5% في 2026،", "ar:بلغ sp num:3.5 p:% sp ar:في sp num:2026 p:،"},
      {"F-16 «حرب»", "lat:f p:- num:16 sp p:« ar:حرب p:»"},
      {"الـ24 ساعة", "ar:ال num:24 sp ar:ساعه"},
      {"Tel Aviv تل أبيب", "lat:tel sp lat:aviv sp ar:تل sp ar:ابيب"},
      {"$100 😀", "sym:$ num:100 sp sym:😀"},
  };
  for (const Case& c : cases) EXPECT_EQ(dump_tokens(tokenize(c.in)), c.dump) << c.in;
}

TEST(Tokenize, TokensConcatenateBackToInput) {
  for (std::string text : {"وقّع ممثلون، أمس الاثنين.", "\u200fـــبداية", "a  b\n\nc", "", "ـ", "ﷺ ok"}) {
    Tokenized t = tokenize(text);
    std::string back;
    uint32_t at = 0;
    for (const Token& tok : t.tokens) {
      EXPECT_EQ(tok.start, at) << text;
      back += text.substr(tok.start, tok.end - tok.start);
      at = tok.end;
    }
    EXPECT_EQ(back, text);
  }
}

TEST(Clitics, Splits) {
  struct Case {
    const char* word;
    const char* dump;
  } cases[] = {
      {"وبالمغرب", "و+ب+ال+مغرب"}, {"وللمغرب", "و+ل+ال+مغرب"}, {"فالمغرب", "ف+ال+مغرب"},
      {"والمغرب", "و+ال+مغرب"},    {"للمغرب", "ل+ال+مغرب"},    {"المغرب", "ال+مغرب"},
      {"وقال", "و+قال"},            {"وأضاف", "و+اضاف"},        {"لها", "ل+ها"},
      {"البانيا", "البانيا"},       {"بريطانيا", "بريطانيا"},   {"فرنسا", "فرنسا"},
      {"وزير", "وزير"},             {"وقع", "وقع"},             {"فقط", "فقط"},
      {"الذي", "الذي"},             {"كان", "كان"},             {"وكان", "و+كان"},
      {"سيوقع", "س+يوقع"},          {"وبريطانيا", "و+بريطانيا"},
  };
  for (const Case& c : cases) {
    std::string key = match_key(c.word);
    EXPECT_EQ(dump_clitics(key, analyze_clitics(key)), match_key(c.dump)) << c.word;
  }
}

TEST(Clitics, HostRestoresTheArticle) {
  std::string key = match_key("وللمغرب");
  Clitics c = analyze_clitics(key);
  EXPECT_EQ(c.host_of(key), match_key("المغرب"));
  EXPECT_EQ(c.stem_of(key), match_key("مغرب"));
  EXPECT_EQ(c.prefix_of(key), match_key("ول"));
}

// analyze_clitics keeps recent analyses per thread (direct-mapped, keys
// inline): asked again, in another order, with other words in between and
// words too long for the cache, it must answer as it did the first time.
TEST(Clitics, RecentWordsCacheAnswersAsTheFirstTime) {
  const Tokenized t = tokenize(
      "وبالمغرب وزير للمغرب فقط سيوقع لهم الذي للجنة والاستقرار واضاف وكان بالاتفاقيات والمستشفيات "
      "وللمنظمات_الدولية_المتحدة_للتنمية_والتعاون_الاقتصادي");
  std::vector<std::string> first;
  for (const Token& tok : t.tokens) {
    if (tok.kind == TokenKind::kArabic) first.push_back(dump_clitics(t.key_of(tok), analyze_clitics(t.key_of(tok))));
  }
  for (int round = 0; round < 3; ++round) {
    size_t k = first.size();
    for (size_t i = t.tokens.size(); i-- > 0;) {
      if (t.tokens[i].kind != TokenKind::kArabic) continue;
      std::string_view key = t.key_of(t.tokens[i]);
      EXPECT_EQ(dump_clitics(key, analyze_clitics(key)), first[--k]) << key;
      // The Tokenized's own cache gives the same analysis.
      EXPECT_EQ(dump_clitics(key, t.clitics(i)), first[k]) << key;
    }
  }
}

TEST(StringMap, FindsWhatWasInsertedAcrossGrowth) {
  internal::StringMap<int> m;
  for (int i = 0; i < 5000; ++i) {
    auto [v, inserted] = m.insert("w" + std::to_string(i), i);
    EXPECT_TRUE(inserted);
    EXPECT_EQ(*v, i);
  }
  EXPECT_FALSE(m.insert("w7", 99).second);  // present: kept as it was
  EXPECT_EQ(m.size(), 5000u);
  for (int i = 0; i < 5000; ++i) {
    const int* v = m.find("w" + std::to_string(i));
    ASSERT_NE(v, nullptr) << i;
    EXPECT_EQ(*v, i);
  }
  EXPECT_EQ(m.find("w5000"), nullptr);
  EXPECT_EQ(m.find(""), nullptr);
  m[""] = -1;  // the empty key is a key like any other
  EXPECT_EQ(*m.find(""), -1);
  const int64_t i = m.find_index("w42", internal::lex_hash("w42"));
  ASSERT_GE(i, 0);
  EXPECT_EQ(m.key_at(static_cast<size_t>(i)), "w42");
  m.clear();
  EXPECT_EQ(m.size(), 0u);
  EXPECT_EQ(m.find("w1"), nullptr);
}

TEST(Sentences, Dumps) {
  struct Case {
    const char* in;
    const char* dump;
  } cases[] = {
      {"قال الوزير. ثم غادر", "قال الوزير. | ثم غادر"},
      {"هل جاء؟ نعم!", "هل جاء؟ | نعم!"},
      {"قال: «نعم.» ثم غادر.", "قال: «نعم.» | ثم غادر."},
      {"أولا؛ ثانيا، ثالثا", "أولا؛ | ثانيا، ثالثا"},
      {"بلغ 3.5 مليون. انتهى", "بلغ 3.5 مليون. | انتهى"},
      {"د. أحمد حضر", "د. أحمد حضر"},
      {"سطر\nسطر آخر", "سطر | سطر آخر"},
      {"لماذا?! لا أعرف...", "لماذا?! | لا أعرف..."},
  };
  for (const Case& c : cases) {
    Tokenized t = tokenize(c.in);
    EXPECT_EQ(dump_sentences(c.in, split_sentences(t)), c.dump) << c.in;
  }
}

TEST(Utf8, ValidateNamesTheFirstBadByte) {
  std::string s = "abc\xC3\x28xyz";
  Status st = validate_utf8(s);
  EXPECT_EQ(st.code(), Error::kInvalidUtf8);
  EXPECT_EQ(st.where().offset, 3u);
  std::string nul("ab\0c", 4);
  EXPECT_EQ(validate_utf8(nul).code(), Error::kBinary);
  EXPECT_EQ(validate_utf8(nul).where().offset, 2u);
  Repaired r = repair_utf8(s);
  EXPECT_EQ(r.replaced, 1u);
  EXPECT_TRUE(validate_utf8(r.text).is_ok());
}

}  // namespace
}  // namespace marsad

namespace marsad {
namespace {

// tokenize(text, out) reuses out's buffers: a long text, then a short one and
// an empty one, give exactly what a fresh tokenize() gives.
TEST(Tokenize, IntoReusedBuffersEqualsFresh) {
  Tokenized reused;
  for (std::string_view text : {std::string_view("وقّع ممثلون عن القوات المسلحة الملكية المغربية ونظيرتها الإسرائيلية، أمس الاثنين."),
                                std::string_view("ﷺ x"), std::string_view("")}) {
    tokenize(text, reused);
    const Tokenized fresh = tokenize(text);
    EXPECT_EQ(reused.key.key, fresh.key.key);
    EXPECT_EQ(reused.key.orig, fresh.key.orig);
    EXPECT_EQ(dump_tokens(reused), dump_tokens(fresh));
    ASSERT_EQ(reused.tokens.size(), fresh.tokens.size());
    for (size_t i = 0; i < fresh.tokens.size(); ++i) {
      EXPECT_EQ(reused.tokens[i].start, fresh.tokens[i].start);
      EXPECT_EQ(reused.tokens[i].end, fresh.tokens[i].end);
    }
  }
}

}  // namespace
}  // namespace marsad
