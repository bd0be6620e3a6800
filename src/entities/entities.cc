// From gazetteer matches to entities: the composition and reference rules of
// entities.h, applied left to right over each range's matches.
#include <algorithm>

#include "entities/match.h"
#include "marsad/entities.h"
#include "marsad/ner.h"
#include "text/lexicon.h"

namespace marsad {
namespace {

using internal::GazEntry;
using internal::GazKind;
using internal::Match;
using internal::MatchWord;

bool security_agent(std::string_view a) { return a == "MIL" || a == "COP" || a == "SPY"; }

class Resolver {
 public:
  Resolver(std::string_view text, const Tokenized& t, const EntityContext& ctx)
      : text_(text), t_(t), ctx_(ctx), g_(internal::gazetteer()) {}

  void run(size_t first, size_t last) {
    internal::words_of(t_, first, last, words_);
    matches_ = internal::match_gazetteer(words_.w);
    const size_t before = out_.size();
    for (size_t m = 0; m < matches_.size(); ++m) m = resolve(m);
    add_model_mentions(first, last, before);
  }

  std::vector<Entity> take() { return std::move(out_); }

 private:
  const GazEntry& entry(size_t m) const { return g_.entries[matches_[m].entry]; }
  GazKind kind(size_t m) const { return entry(m).kind; }

  // The next match starts right after match m, or after at most `gap` words
  // with the article (adjectives: الشرطة القضائية المغربية), in one segment.
  bool next_follows(size_t m, size_t gap = 0) const {
    if (m + 1 >= matches_.size()) return false;
    size_t end = matches_[m].end, next = matches_[m + 1].begin;
    if (next < end || next - end > gap || words_.w[next].segment != words_.w[end - 1].segment) return false;
    for (size_t w = end; w < next; ++w) {
      if (!words_.w[w].has_article) return false;
    }
    return true;
  }

  Entity make(size_t wbegin, size_t wend, bool host_start) const {
    Entity e;
    const MatchWord& a = words_.w[wbegin];
    const Token& ta = t_.tokens[a.token];
    const Token& tb = t_.tokens[words_.w[wend - 1].token];
    e.first_token = static_cast<uint32_t>(a.token);
    e.last_token = static_cast<uint32_t>(words_.w[wend - 1].token + 1);
    e.span.start = host_start && a.host_offset ? t_.key.orig[ta.kstart + a.host_offset] : ta.start;
    e.span.end = tb.end;
    if (host_start) e.name = a.restore;
    e.name += text_.substr(e.span.start, e.span.end - e.span.start);
    return e;
  }

  void fill_from(Entity& e, const GazEntry& g) {
    e.type = g.type;
    e.id = g.id;
    e.country = g.country;
    e.actor = g.actor;
    switch (g.kind) {
      case GazKind::kCountry: e.kind = "country"; e.form = "name"; break;
      case GazKind::kNisba: e.kind = "country"; e.form = "nisba"; break;
      case GazKind::kPlace:
        e.kind = g.detail == "region" ? "region" : "city";
        e.form = g.detail == "capital" ? "capital" : "name";
        break;
      case GazKind::kOrg: e.kind = "organization"; e.form = "name"; break;
      case GazKind::kForce: e.kind = "armed_forces"; e.form = "name"; break;
      case GazKind::kAgent:
        e.kind = security_agent(g.agent) ? "armed_forces" : "organization";
        e.actor = g.agent;
        break;
      case GazKind::kRole: e.kind = "role"; e.actor = g.agent; break;
      default: break;
    }
  }

  void emit(Entity e, std::string_view agent = {}) {
    e.source = e.source.empty() ? "gazetteer" : e.source;
    if (!agent.empty()) last_agent_ = {e.kind, e.type, std::string(agent)};
    if (!e.country.empty() && (e.kind == "country" || e.form == "capital" || !agent.empty())) {
      auto it = std::find_if(countries_.begin(), countries_.end(), [&](const auto& c) { return c.first == e.country; });
      if (it == countries_.end()) {
        countries_.push_back({e.country, 1});
      } else {
        ++it->second;
      }
    }
    out_.push_back(std::move(e));
  }

  // Resolves match m (and any it absorbs); returns the last match index used.
  size_t resolve(size_t m) {
    const GazEntry& g = entry(m);
    const Match& mm = matches_[m];
    switch (g.kind) {
      case GazKind::kForce:
      case GazKind::kAgent:
      case GazKind::kRole: {
        Entity e = make(mm.begin, mm.end, mm.via_host);
        fill_from(e, g);
        size_t used = m;
        // Agent + nisba (الجيش المصري) or + country name in construct (حكومة المغرب).
        if (next_follows(m, 2) && (kind(m + 1) == GazKind::kNisba ||
                                   (kind(m + 1) == GazKind::kCountry && matches_[m + 1].begin == mm.end))) {
          const GazEntry& c = entry(m + 1);
          if (g.kind != GazKind::kForce || g.country.empty() || g.country == c.country) {
            e = make(mm.begin, matches_[m + 1].end, mm.via_host);
            fill_from(e, g);
            e.country = c.country;
            e.actor = c.actor + g.agent;
            e.source = "rule";
            used = m + 1;
          }
        }
        emit(std::move(e), g.agent);
        return used;
      }
      case GazKind::kHeadCounterpart: {
        // X ونظيرتها Y-ية: Y's actor of X's kind.
        if (last_agent_.agent.empty() || !next_follows(m) || kind(m + 1) != GazKind::kNisba) return m;
        const GazEntry& c = entry(m + 1);
        Entity e = make(mm.begin, matches_[m + 1].end, true);
        e.kind = last_agent_.kind;
        e.type = last_agent_.type;
        e.form = "counterpart";
        e.country = c.country;
        e.actor = c.actor + last_agent_.agent;
        e.source = "rule";
        emit(std::move(e), last_agent_.agent);
        return m + 1;
      }
      case GazKind::kHeadPair: {
        // The two countries named most so far (the first named first on ties):
        // "بين المغرب وإسرائيل بوساطة أمريكية ... البلدين" is Morocco and Israel.
        if (countries_.size() < 2) return m;
        auto top = countries_;
        std::stable_sort(top.begin(), top.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
        Entity e = make(mm.begin, mm.end, true);
        e.type = "MISC";
        e.kind = "group";
        e.form = "reference";
        // In the order they were first named.
        size_t i0 = 0, i1 = 0;
        for (size_t i = 0; i < countries_.size(); ++i) {
          if (countries_[i].first == top[0].first) i0 = i;
          if (countries_[i].first == top[1].first) i1 = i;
        }
        e.refers_to = i0 < i1 ? std::vector<std::string>{top[0].first, top[1].first}
                              : std::vector<std::string>{top[1].first, top[0].first};
        e.id = "pair:" + e.refers_to[0] + "+" + e.refers_to[1];
        e.source = "rule";
        out_.push_back(std::move(e));
        return m;
      }
      case GazKind::kHeadKingdom: {
        // A bare المملكة: the outlet's own kingdom (المملكة المغربية matched as a country already).
        if (ctx_.outlet_country.empty() || (next_follows(m) && kind(m + 1) == GazKind::kNisba)) return m;
        Entity e = make(mm.begin, mm.end, true);
        e.type = "LOC";
        e.kind = "country";
        e.form = "reference";
        e.id = e.country = e.actor = ctx_.outlet_country;
        e.source = "rule";
        emit(std::move(e));
        return m;
      }
      case GazKind::kHeadOrg: return org_phrase(m);
      case GazKind::kHeadAgreement: return agreement_phrase(m);
      default: {
        Entity e = make(mm.begin, mm.end, mm.via_host);
        fill_from(e, g);
        emit(std::move(e));
        return m;
      }
    }
  }

  // اللجنة العسكرية المشتركة: a head and the adjectives with the article after
  // it, up to the next gazetteer match (a nisba stays its own entity).
  size_t org_phrase(size_t m) {
    const Match& mm = matches_[m];
    size_t end = mm.end, stop = m + 1 < matches_.size() ? matches_[m + 1].begin : words_.w.size();
    while (end < stop && end - mm.end < 4 && words_.w[end].has_article && words_.w[end].segment == words_.w[mm.begin].segment) {
      ++end;
    }
    if (end == mm.end) return m;
    Entity e = make(mm.begin, end, true);
    e.type = "ORG";
    e.kind = "organization";
    e.form = "name";
    e.source = "rule";
    emit(std::move(e));
    return m;
  }

  // اتفاقيات أبراهام, اتفاق أوسلو: a head and a name (a place, or a rare word
  // without the article).
  size_t agreement_phrase(size_t m) {
    const Match& mm = matches_[m];
    if (mm.end >= words_.w.size() || words_.w[mm.end].segment != words_.w[mm.begin].segment) return m;
    size_t end = mm.end;
    size_t used = m;
    if (next_follows(m) && (kind(m + 1) == GazKind::kPlace || kind(m + 1) == GazKind::kCountry)) {
      end = matches_[m + 1].end;
      used = m + 1;
    } else if (!(m + 1 < matches_.size() && matches_[m + 1].begin == mm.end)) {
      const MatchWord& w = words_.w[mm.end];
      if (!w.has_article && t_.tokens[w.token].kind == TokenKind::kArabic &&
          internal::wordfreq().get(w.key) < kRareWord) {
        end = mm.end + 1;
      }
    }
    if (end == mm.end) return m;
    Entity e = make(mm.begin, end, true);
    e.type = "MISC";
    e.kind = "agreement";
    e.form = "name";
    e.source = "rule";
    emit(std::move(e));
    return used;
  }

  // The learned tagger, told what the gazetteer found, adds the names it
  // does not know (people above all) where no gazetteer mention is.
  void add_model_mentions(size_t first, size_t last, size_t from) {
    std::vector<uint8_t> gaz(last, 0);  // NerGaz per token: 1 place, 2 organisation, 3 person trigger
    for (const Match& m : matches_) {
      GazKind k = g_.entries[m.entry].kind;
      uint8_t cls = k == GazKind::kCountry || k == GazKind::kNisba || k == GazKind::kPlace ? 1
                    : k == GazKind::kOrg || k == GazKind::kForce || k == GazKind::kAgent ? 2
                    : k == GazKind::kRole ? 3 : 0;
      for (size_t w = m.begin; w < m.end; ++w) gaz[words_.w[w].token] = cls;
    }
    std::vector<bool> taken(last, false);
    for (size_t i = from; i < out_.size(); ++i) {
      for (uint32_t k = out_[i].first_token; k < out_[i].last_token && k < last; ++k) taken[k] = true;
    }
    for (const NerSpan& s : NerModel::builtin().tag(t_, first, last, &gaz)) {
      bool overlap = false;
      for (uint32_t k = s.first_token; k <= s.last_token; ++k) overlap = overlap || taken[k];
      if (overlap) continue;
      Entity e;
      e.first_token = s.first_token;
      e.last_token = s.last_token + 1;
      e.span = {t_.tokens[s.first_token].start, t_.tokens[s.last_token].end};
      e.name = std::string(text_.substr(e.span.start, e.span.end - e.span.start));
      e.type = s.type;
      e.kind = s.type == "PERS" ? "person" : s.type == "ORG" ? "organization" : "other";
      e.form = "name";
      e.source = "model";
      out_.push_back(std::move(e));
    }
    std::sort(out_.begin() + static_cast<long>(from), out_.end(),
              [](const Entity& a, const Entity& b) { return a.span.start < b.span.start; });
  }

  // A word seen fewer times than this in the news counts (data/text/wordfreq.tsv) is a name rather than a noun.
  static constexpr uint32_t kRareWord = 300;

  struct AgentContext {
    std::string kind, type, agent;
  };

  std::string_view text_;
  const Tokenized& t_;
  const EntityContext& ctx_;
  const internal::Gazetteer& g_;
  internal::MatchWords words_;
  std::vector<Match> matches_;
  std::vector<Entity> out_;
  std::vector<std::pair<std::string, int>> countries_;  // countries named so far, in order, with counts
  AgentContext last_agent_;
};

}  // namespace

std::vector<Entity> find_entities(std::string_view text, const Tokenized& t, const TokenRanges& ranges,
                                  const EntityContext& ctx) {
  Resolver r(text, t, ctx);
  for (const auto& [first, last] : ranges) r.run(first, last);
  return r.take();
}

}  // namespace marsad
