// Quotes: «…», "…", “…” / ”…“, and reported speech after an attribution verb
// (قال X إن …), each linked to its speaker.
#include <algorithm>

#include "marsad/events.h"
#include "tables.h"
#include "words.h"

namespace marsad {
namespace {

using internal::DocWords;
using internal::Word;

constexpr int kMinQuoteWords = 2;  // a single quoted word is a name or a scare quote

struct Attribution {
  int begin = -1, end = -1;  // words [begin, end)
  bool according_to = false;
};

bool is_speaker(const Entity& e) {
  if (e.kind == "city" || e.kind == "region" || e.kind == "agreement") return false;
  return !e.actor.empty() || e.kind == "person" || e.kind == "organization" || e.kind == "armed_forces" ||
         e.kind == "role";
}

class QuoteFinder {
 public:
  QuoteFinder(std::string_view text, const DocWords& d, const std::vector<Entity>& es)
      : text_(text), d_(d), es_(es), tab_(internal::event_tables()) {}

  std::vector<Quote> run() {
    std::vector<Quote> out;
    marked(out);
    for (size_t s = 0; s < d_.sentences.size(); ++s) reported(s, out);
    std::sort(out.begin(), out.end(), [](const Quote& a, const Quote& b) { return a.span.start < b.span.start; });
    return out;
  }

 private:
  // Attribution phrases among words [a, b).
  std::vector<Attribution> attributions(uint32_t a, uint32_t b) const {
    std::vector<Attribution> out;
    for (uint32_t j = a; j < b; ++j) {
      const Word& w = d_.w[j];
      if (!w.word) continue;
      int best_end = -1;
      bool acc = false;
      const internal::Lexeme* x = w.first_form(tab_, internal::kAttributionFirst);
      if (!x) continue;
      for (uint32_t pi : x->attribution_first) {
        const internal::Phrase& p = tab_.attribution[pi];
        uint32_t at = j;
        bool ok = true;
        for (internal::WordId pw : p.words) {
          while (at < b && d_.w[at].punct) ++at;
          if (at >= b || !d_.w[at].is(pw)) {
            ok = false;
            break;
          }
          ++at;
        }
        if (ok && static_cast<int>(at) > best_end) {
          best_end = static_cast<int>(at);
          acc = p.kind == "according_to";
        }
      }
      if (best_end > 0) {
        out.push_back({static_cast<int>(j), best_end, acc});
        j = best_end - 1;
      }
    }
    return out;
  }

  int first_speaker_in(int from, int to) const {
    for (int j = from; j < to; ++j) {
      int e = d_.w[j].entity;
      if (e >= 0 && is_speaker(es_[e])) return e;
    }
    return -1;
  }
  int last_speaker_in(int from, int to) const {
    for (int j = to; j-- > from;) {
      int e = d_.w[j].entity;
      if (e >= 0 && is_speaker(es_[e])) return e;
    }
    return -1;
  }

  // The speaker for an attribution in sentence s: the subject of a speech verb (after it,
  // VSO; else before it, SVO); for an according-to phrase the source it names, else the
  // source named earlier in the sentence, else in the sentences before.
  int speaker(size_t s, const Attribution& at) const {
    auto [a, b] = d_.sentences[s];
    if (at.according_to) {
      int e = first_speaker_in(at.end, std::min<int>(at.end + 3, b));
      if (e >= 0) return e;
      e = first_speaker_in(a, at.begin);
      if (e >= 0) return e;
      for (size_t p = s; p-- > 0 && s - p <= 2;) {
        e = first_speaker_in(d_.sentences[p].first, d_.sentences[p].second);
        if (e >= 0) return e;
      }
      return -1;
    }
    int e = first_speaker_in(at.end, std::min<int>(at.end + 4, b));
    if (e >= 0) return e;
    return last_speaker_in(a, at.begin);
  }

  void set_speaker(Quote& q, size_t s, const Attribution& at) const {
    q.verb = std::string(text_.substr(d_.w[at.begin].start, d_.w[at.end - 1].end - d_.w[at.begin].start));
    int e = speaker(s, at);
    if (e < 0) return;
    const Entity& en = es_[e];
    q.speaker.text = en.name.empty() ? std::string(text_.substr(en.span.start, en.span.end - en.span.start)) : en.name;
    q.speaker.actor = en.actor;
    q.speaker.span = en.span;
    q.speaker.entity = e;
  }

  static bool opener(std::string_view p, std::string_view& closer) {
    if (p == "«") closer = "»";
    else if (p == "“") closer = "”";
    else if (p == "”") closer = "“";
    else if (p == "\"") closer = "\"";
    else return false;
    return true;
  }

  void marked(std::vector<Quote>& out) {
    const auto n = static_cast<uint32_t>(d_.w.size());
    for (uint32_t i = 0; i < n; ++i) {
      std::string_view closer;
      if (!d_.w[i].punct || d_.w[i].sentence < 0 || !opener(d_.w[i].key, closer)) continue;
      uint32_t j = i + 1;
      int words = 0;
      while (j < n && !(d_.w[j].punct && d_.w[j].key == closer) && words < 400) {
        if (d_.w[j].word) ++words;
        ++j;
      }
      if (j >= n || words < kMinQuoteWords) {
        if (j < n && d_.w[i].key == closer) i = j;  // skip the closing mark of a short symmetric pair
        continue;
      }
      Quote q;
      q.span = {d_.w[i + 1].start, d_.w[j - 1].end};
      // Trailing punctuation inside the marks (».» is written both ways) stays out of the text.
      uint32_t last = j - 1;
      while (last > i + 1 && d_.w[last].punct) --last;
      q.span.end = d_.w[last].end;
      q.text = std::string(text_.substr(q.span.start, q.span.end - q.span.start));
      const int s = d_.w[i].sentence >= 0 ? d_.w[i].sentence : d_.w[j].sentence;
      if (s >= 0) {
        quoted_sentences_.push_back(s);
        // The sentence holding the quote, plus the one holding its closing mark.
        auto [a, b] = d_.sentences[s];
        uint32_t end = std::max<uint32_t>(b, d_.w[j].sentence >= 0 ? d_.sentences[d_.w[j].sentence].second : b);
        Attribution best;
        for (const Attribution& at : attributions(a, end)) {
          if (at.begin > static_cast<int>(i) && at.begin < static_cast<int>(j)) continue;  // inside the quote
          // Prefer the phrase nearest the quote.
          auto dist = [&](const Attribution& x) {
            return x.begin < static_cast<int>(i) ? static_cast<int>(i) - x.end : x.begin - static_cast<int>(j);
          };
          if (best.begin < 0 || dist(at) < dist(best)) best = at;
        }
        if (best.begin >= 0) set_speaker(q, s, best);
      }
      out.push_back(std::move(q));
      i = j;
    }
  }

  // قال X إن … / أكد X أن … in a sentence with no quote marks: the reported clause.
  void reported(size_t s, std::vector<Quote>& out) {
    if (std::find(quoted_sentences_.begin(), quoted_sentences_.end(), static_cast<int>(s)) != quoted_sentences_.end()) return;
    static const internal::WordId an = internal::word_id("أن");
    auto [a, b] = d_.sentences[s];
    for (const Attribution& at : attributions(a, b)) {
      if (at.according_to) continue;
      int start = -1;
      for (int j = at.end; j < static_cast<int>(b) && j < at.end + 10; ++j) {
        if (d_.w[j].word && d_.w[j].id[0] == an) {
          start = j + 1;
          break;
        }
      }
      if (start < 0 || start >= static_cast<int>(b)) continue;
      int last = static_cast<int>(b) - 1;
      while (last > start && d_.w[last].punct) --last;
      int words = 0;
      for (int j = start; j <= last; ++j) words += d_.w[j].word;
      if (words < 3) continue;
      Quote q;
      q.span = {d_.w[start].start, d_.w[last].end};
      q.text = std::string(text_.substr(q.span.start, q.span.end - q.span.start));
      set_speaker(q, s, at);
      out.push_back(std::move(q));
      return;  // one reported clause per sentence: the first verb governs the rest
    }
  }

  std::string_view text_;
  const DocWords& d_;
  const std::vector<Entity>& es_;
  const internal::EventTables& tab_;
  std::vector<int> quoted_sentences_;
};

}  // namespace

std::vector<Quote> internal::quotes_in(std::string_view text, const DocWords& d, const std::vector<Entity>& entities) {
  return QuoteFinder(text, d, entities).run();
}

std::vector<Quote> find_quotes(std::string_view text, const Tokenized& t, const std::vector<Span>& sentences,
                               const std::vector<Entity>& entities) {
  DocWords d = internal::build_words(text, t, sentences, entities, nullptr);
  return internal::quotes_in(text, d, entities);
}

}  // namespace marsad
