#include <algorithm>

#include "marsad/clitics.h"
#include "marsad/pipeline.h"
#include "marsad/tokenize.h"

namespace marsad {
namespace {

void resolve_published(Record& r, const AnalyzeOptions& opt) {
  if (!r.doc.published.empty()) {
    auto t = parse_timestamp(r.doc.published);
    if (t) {
      r.published = *t;
      r.published_source = "document";
      return;
    }
    r.warnings.push_back("published: " + t.status().message() + "; ignored");
  }
  if (!opt.published.empty()) {
    auto t = parse_timestamp(opt.published);
    if (t) {
      r.published = *t;
      r.published_source = "option";
    }
  }
}

// What a topic model reads: the title, then the kept paragraphs (repeats
// removed), as it was trained on title + "\n" + text.
std::string topic_text(const Record& r) {
  std::string text = r.article.title;
  for (const Span& p : r.article.paragraphs) {
    text += '\n';
    text.append(r.doc.text, p.start, p.end - p.start);
  }
  return text;
}

}  // namespace

Result<Record> analyze(InputDocument in, const AnalyzeOptions& opt) {
  Tokenized t;
  return analyze(std::move(in), opt, t);
}

Result<Record> analyze(InputDocument in, const AnalyzeOptions& opt, Tokenized& t) {
  Record r;
  r.doc = std::move(in.doc);
  r.stats.replaced = in.replaced;
  if (in.replaced) r.warnings.push_back("replaced " + std::to_string(in.replaced) + " invalid UTF-8 sequence(s) with U+FFFD");
  // One tokenization of the whole text serves every stage, the repeat finder of parse_article too.
  tokenize(r.doc.text, t);
  auto article = parse_article(r.doc, t, opt.article);
  if (!article) return article.status();
  r.article = std::move(*article);
  if (r.article.paragraphs.empty()) r.warnings.push_back("no body text: the record holds the title only");
  resolve_published(r, opt);

  // The text the stages read: the title when it is in the text, then the kept paragraphs.
  TokenRanges ranges;
  if (r.article.title_in_text) {
    ranges.push_back({token_at(t.tokens, r.article.title_span.start), token_at(t.tokens, r.article.title_span.end)});
  }
  for (uint32_t p = 0; p < r.article.paragraphs.size(); ++p) {
    const Span span = r.article.paragraphs[p];
    size_t first = token_at(t.tokens, span.start);
    size_t last = token_at(t.tokens, span.end);
    ranges.push_back({first, last});
    for (const Span& s : split_sentences(t, first, last)) {
      // A dateline cut may fall inside a token; clamp to the paragraph.
      r.sentences.push_back({{std::max(s.start, span.start), std::min(s.end, span.end)}, p});
    }
    for (size_t i = first; i < last; ++i) {
      const Token& tok = t.tokens[i];
      if (tok.kind == TokenKind::kSpace) continue;
      ++r.stats.tokens;
      if (!tok.is_word()) continue;
      ++r.stats.words;
      if (tok.kind == TokenKind::kArabic) {
        ++r.stats.arabic_words;
        r.stats.clitic_splits += t.clitics(i).count > 0;  // computed once, shared with the stages
      }
    }
  }
  for (const auto& [first, last] : ranges) {
    auto found = find_dates(r.doc.text, t, first, last, r.published, opt.dates);
    r.dates.insert(r.dates.end(), std::make_move_iterator(found.begin()), std::make_move_iterator(found.end()));
  }
  r.entities = find_entities(r.doc.text, t, ranges, EntityContext{r.article.source.outlet.country});
  // Events and quotes come from the body: a headline restates the lead event
  // (and would count it twice), with a date that is often not the event's.
  std::vector<Span> sentence_spans;
  for (const Sentence& s : r.sentences) sentence_spans.push_back(s.span);
  EventsAndQuotes eq = find_events_and_quotes(r.doc.text, t, sentence_spans, r.entities, r.dates, r.published);
  r.events = std::move(eq.events);
  r.quotes = std::move(eq.quotes);
  if (opt.max_topics > 0) {
    const TopicModel& model = opt.topic_model ? *opt.topic_model : TopicModel::builtin();
    // The model reads the title and the kept paragraphs; when the title is in the text they are
    // token ranges already made, else the title is a separate string and the text is rebuilt.
    r.topics = r.article.title_in_text || r.article.title.empty() ? model.predict(t, ranges, opt.max_topics)
                                                                  : model.predict_text(topic_text(r), opt.max_topics);
  }

  r.stats.bytes = r.doc.text.size();
  r.stats.paragraphs = r.article.paragraphs.size();
  r.stats.removed = r.article.removed.size();
  r.stats.sentences = r.sentences.size();
  return r;
}

}  // namespace marsad
