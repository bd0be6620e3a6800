// The sentence-level event coder: triggers from verbs.tsv, roles, place, date
// and modality from the trigger's own clause (see include/marsad/events.h).
#include <algorithm>
#include <cmath>
#include <cstdlib>

#include "marsad/events.h"
#include "context.h"
#include "tables.h"
#include "words.h"

namespace marsad {
namespace {

using internal::DocWords;
using internal::Word;

// How far (in words; an entity or a date counts as one) a row's pattern word may follow
// its trigger: a verb's object can come after a long subject (وقّع ممثلون عن X ونظيرتها Y،
// أمس الاثنين بالعاصمة تل أبيب، خطة ...); a noun's complement follows it closely.
constexpr int kVerbPatternWindow = 10;
constexpr int kNounPatternWindow = 5;
// How many words may stand between a trigger and a noun trigger that completes it.
constexpr int kComplementReach = 3;

struct Trigger {
  int word;
  uint32_t row;
  bool masdar;
  bool patterned;
  bool low;
  int consumed_to = -1;  // last word eaten by the pattern (no trigger may start there)
};

struct Keys {
  std::string fi, ala, did, ila, ma3, an, min, bayn, qibal, yad, wa;
  Keys() {
    fi = internal::data_key("في");
    ala = internal::data_key("على");
    did = internal::data_key("ضد");
    ila = internal::data_key("إلى");
    ma3 = internal::data_key("مع");
    an = internal::data_key("عن");
    min = internal::data_key("من");
    bayn = internal::data_key("بين");
    qibal = internal::data_key("قبل");
    yad = internal::data_key("يد");
    wa = internal::data_key("و");
  }
};
const Keys& K() {
  static const Keys k;
  return k;
}

bool is_place(const Entity& e) { return e.kind == "city" || e.kind == "region"; }

// An entity that can fill a role: anything with an actor code, a person, an
// organisation, a force, a role, or a group of two countries.
bool is_actor(const Entity& e) {
  if (is_place(e) || e.kind == "agreement") return false;
  if (!e.actor.empty()) return true;
  return e.kind == "person" || e.kind == "organization" || e.kind == "armed_forces" || e.kind == "role" ||
         (e.kind == "group" && e.refers_to.size() >= 2);
}

EventActor actor_of(std::string_view text, const std::vector<Entity>& es, int i) {
  EventActor a;
  const Entity& e = es[i];
  a.text = e.name.empty() ? std::string(text.substr(e.span.start, e.span.end - e.span.start)) : e.name;
  a.actor = e.actor;
  a.country = e.country;
  a.span = e.span;
  a.entity = i;
  return a;
}

EventActor country_actor(const Entity& group, const std::string& iso) {
  EventActor a;
  a.text = group.name;
  a.actor = iso;
  a.country = iso;
  a.span = group.span;
  return a;
}

class Coder {
 public:
  Coder(std::string_view text, const DocWords& d, const std::vector<Entity>& es,
        const std::vector<TimeExpression>& dates, const std::optional<Timestamp>& published)
      : text_(text), d_(d), es_(es), dates_(dates), published_(published), tab_(internal::event_tables()) {}

  void sentence(const Span& span, uint32_t a, uint32_t b, std::vector<Event>& out) {
    triggers(a, b);
    bool any_high = std::any_of(trig_.begin(), trig_.end(), [](const Trigger& t) { return !t.low; });
    // An adverbial masdar or participle (احتجاجا، تنديدا، مطالبين) after another trigger gives the
    // purpose of that event, not an event of its own.
    main_.clear();
    for (const Trigger& t : trig_) {
      if (t.low && any_high) continue;
      if (!main_.empty() && adverbial(t)) continue;
      // الذكرى الخامسة لتوقيع: an anniversary, not an event of the article's time.
      if (internal::anniversary_of(d_, a, t.word)) continue;
      main_.push_back(t);
    }
    if (main_.empty()) return;
    // A trigger inside a quoted slogan, after a cause marker (جراء، إثر، مما أدى إلى) or in the
    // complement of another trigger (تطالب بالإفراج، احتجاجا على مقتل) reports the background or
    // content of the sentence's event: it is coded only when the sentence has no other event.
    // The events stay where code() built them; the steps below pass indices into evs_ (an
    // Event is large, and most are dropped).
    evs_.resize(main_.size());
    std::vector<Candidate>& cand = cand_;
    cand.clear();
    for (size_t k = 0; k < main_.size(); ++k) {
      const bool secondary = internal::in_quotation(d_, a, main_[k].word) ||
                             internal::after_cause_marker(d_, a, main_[k].word) ||
                             internal::in_relative_clause(d_, a, b, main_[k].word) ||
                             (k > 0 && (complement_of(main_[k - 1], main_[k], b) || prepositional(main_[k])));
      evs_[k] = code(span, a, b, main_, k);
      cand.push_back({k, secondary});
    }
    // One sentence reports one event of a kind: events of the same PLOVER type (or, without one,
    // the same root) merge into the most confident, which takes the roles it lacks.
    merged_.clear();
    for (Candidate c : cand) {
      Candidate* same = nullptr;
      for (Candidate& m : merged_) {
        const Event& me = evs_[m.event];
        const Event& ce = evs_[c.event];
        if (ce.plover.empty() ? me.root == ce.root : me.plover == ce.plover) same = &m;
      }
      if (!same) {
        merged_.push_back(c);
        continue;
      }
      // A primary event is never replaced by background (it may take the roles it lacks).
      const bool promote = same->secondary && !c.secondary;
      if (promote || (c.secondary == same->secondary && evs_[c.event].confidence > evs_[same->event].confidence)) {
        std::swap(same->event, c.event);
      }
      if (promote) same->secondary = false;
      Event& kept = evs_[same->event];
      const Event& e = evs_[c.event];
      kept.confidence = std::max(kept.confidence, e.confidence);
      if (!kept.source.present() && e.source.present()) kept.source = e.source;
      if (!kept.target.present() && e.target.present() && e.target.text != kept.source.text) kept.target = e.target;
    }
    // What protesters say (demand, denounce, reject: verbal events after a protest in the same
    // sentence) is the protest's content, as PLOVER codes it, not a second event.
    bool protest = false;
    for (size_t m = 0; m < merged_.size();) {
      const Event& e = evs_[merged_[m].event];
      if (protest && (e.quad_class == 1 || e.quad_class == 3)) {
        merged_.erase(merged_.begin() + m);
        continue;
      }
      if (e.plover == "PROTEST") protest = true;
      ++m;
    }
    // A bare noun trigger (no pattern, no actor) beside an event with actors adds nothing.
    const bool any_actor = std::any_of(merged_.begin(), merged_.end(), [&](Candidate c) {
      return evs_[c.event].source.present() || evs_[c.event].target.present();
    });
    cand.clear();
    for (Candidate c : merged_) {
      const Event& e = evs_[c.event];
      // An event with no actor at all beside one with actors is most often a consequence
      // (سقوط جرحى) or a detail of it; it is not coded on its own.
      if (any_actor && !e.source.present() && !e.target.present() && e.confidence < 0.4) continue;
      // A bare noun (no pattern) with nobody doing it and nowhere it happens is most often a
      // topic word (التظاهرة "the festival", الحوار, التحقيق), not a reported event.
      if (e.confidence < 0.35 && !e.location.present) continue;
      if (!worth_coding(e)) continue;
      cand.push_back(c);
    }
    const bool any_primary = std::any_of(cand.begin(), cand.end(), [](Candidate c) { return !c.secondary; });
    for (Candidate c : cand) {
      if (c.secondary && any_primary) continue;
      out.push_back(std::move(evs_[c.event]));
    }
  }

 private:
  static bool coded(const EventActor& a) { return !a.actor.empty() || !a.country.empty(); }
  static bool conflict(const Event& e) { return e.root >= "14"; }

  // An event is counted when someone identifiable does it or suffers it: at least one role
  // with an actor code or a country. Conflict (protest, force, violence) is the exception: it
  // is news without a named doer (قتل ثلاثة، اندلعت احتجاجات). Verbal and cooperative triggers
  // with nobody identifiable are most often not events at all (شكرا، رفضت، استضاف البرنامج).
  static bool worth_coding(const Event& e) {
    return conflict(e) || coded(e.source) || coded(e.target);
  }

  // Is noun trigger t the complement of the trigger before it (within three words of the same
  // clause: تطالب بالإفراج، احتجاجا على مقتل، تدعو إلى إرسال)? An attribution verb has no
  // event complement of this kind: قال إن الهجوم ... keeps الهجوم.
  bool complement_of(const Trigger& head, const Trigger& t, uint32_t b) const {
    if (!t.masdar || head.low) return false;
    int units = 0;
    for (int j = head.word + 1; j < t.word && j < static_cast<int>(b); ++j) {
      const Word& w = d_.w[j];
      if (internal::is_clause_break(w)) return false;
      if (w.word) ++units;
    }
    return units <= kComplementReach;
  }

  // A noun trigger governed by a preposition (على تجمع، ضد إعادة نشر، حول مقتل) names what
  // another event is about or aimed at.
  bool prepositional(const Trigger& t) const {
    const std::string_view p = internal::preposition_before(d_, t.word);
    return p == K().ala || p == K().did || p == K().an || p == K().fi || p == K().ila || p == "b" || p == "l";
  }

  void recode(Event& ev, const std::string& code) const {
    auto it = tab_.codes.find(code);
    if (it == tab_.codes.end()) return;
    ev.code = code;
    ev.root = it->second.root;
    ev.plover = it->second.plover;
    ev.plover_mode = it->second.plover_mode;
    ev.goldstein = it->second.goldstein;
    ev.quad_class = it->second.quad_class;
  }

  bool adverbial(const Trigger& t) const {
    if (!t.masdar) return false;
    if (d_.w[t.word].prep == 'l') return true;  // purpose: للمطالبة، للاحتجاج
    std::string_view k = d_.w[t.word].stem;
    if (k.size() >= 2 && k.substr(k.size() - 2) == "ا") return true;  // tanween alif: احتجاجا
    return k.size() >= 6 && k.substr(0, 2) == "م" && k.substr(k.size() - 4) == "ين";  // مطالبين
  }

  // Candidate rows of word i (key, then host, then stem).
  const std::vector<internal::TriggerHit>* hits(const Word& w) const {
    if (const auto* x = w.first_form(tab_, internal::kTriggers)) {
      return &x->triggers;
    }
    // The clitic analyser leaves و/ف on stems it does not know (وهتف، ويعتصم، وحاصر); a trigger
    // form of three letters or more after it is that verb: the lexicon is a closed list of forms.
    std::string_view k = w.key;
    if (!w.conj && k.size() >= 8 && (k.substr(0, 2) == "و" || k.substr(0, 2) == "ف")) {
      const internal::WordId bare = tab_.id(k.substr(2));
      if (bare != internal::kNoWord && !tab_.at(bare).triggers.empty()) return &tab_.at(bare).triggers;
    }
    return nullptr;
  }

  // Distance (in units) to the first word after i within the clause matching one of the row's
  // pattern words, or -1.
  int pattern_distance(uint32_t i, uint32_t b, const internal::TriggerRow& r, int window, int& at) const {
    int units = 0;
    for (uint32_t j = i + 1; j < b && units < window; ++j) {
      const Word& w = d_.w[j];
      if (w.punct && internal::is_clause_break(w) && w.key != "«" && w.key != "\"") break;
      if (w.punct) continue;
      const bool same_span = (w.entity >= 0 && d_.w[j - 1].entity == w.entity) ||
                             (w.date >= 0 && d_.w[j - 1].date == w.date);
      if (!same_span) ++units;
      if (!(w.facts & internal::kPatternWord)) continue;
      for (internal::WordId p : r.pattern) {
        if (w.is(p) && !internal::other_sense(d_, tab_, w, sentence_.first, sentence_.second)) {
          at = static_cast<int>(j);
          return units;
        }
      }
    }
    return -1;
  }

  // The sentence's triggers, into trig_.
  void triggers(uint32_t a, uint32_t b) {
    sentence_ = {a, b};
    std::vector<Trigger>& out = trig_;
    out.clear();
    int consumed_until = -1;
    for (uint32_t i = a; i < b; ++i) {
      const Word& w = d_.w[i];
      if (!w.word || w.entity >= 0 || static_cast<int>(i) <= consumed_until) continue;
      const auto* hs = hits(w);
      if (!hs || internal::other_sense(d_, tab_, w, a, b)) continue;
      int best = -1, best_dist = 1 << 30, best_at = -1, fallback = -1;
      for (const internal::TriggerHit& h : *hs) {
        const internal::TriggerRow& r = tab_.rows[h.row];
        if (r.pattern.empty()) {
          if (fallback < 0) fallback = static_cast<int>(&h - hs->data());
          continue;
        }
        int at = -1;
        int dist = pattern_distance(i, b, r, h.masdar ? kNounPatternWindow : kVerbPatternWindow, at);
        if (dist < 0) continue;
        const bool better = best < 0 || dist < best_dist ||
                            (dist == best_dist && r.code.size() > tab_.rows[(*hs)[best].row].code.size());
        if (better) {
          best = static_cast<int>(&h - hs->data());
          best_dist = dist;
          best_at = at;
        }
      }
      Trigger t{static_cast<int>(i), 0, false, false, false};
      if (best >= 0) {
        t.row = (*hs)[best].row;
        t.masdar = (*hs)[best].masdar;
        t.patterned = true;
        t.consumed_to = best_dist <= 3 ? best_at : -1;
        if (best_dist <= 3) consumed_until = best_at;
      } else if (fallback >= 0) {
        t.row = (*hs)[fallback].row;
        t.masdar = (*hs)[fallback].masdar;
      } else {
        continue;
      }
      t.low = tab_.rows[t.row].low;
      // A pattern word consumed by an earlier trigger does not start an event.
      if (!out.empty() && out.back().consumed_to >= static_cast<int>(i)) continue;
      out.push_back(t);
    }
  }

  std::pair<uint32_t, uint32_t> clause(uint32_t a, uint32_t b, uint32_t i) const {
    return internal::clause_of(d_, a, b, i);
  }

  std::string_view prep(int entity) const {
    return internal::preposition_before(d_, d_.entity_words[entity].first);
  }

  bool is_location_use(int ent) const {
    const Entity& e = es_[ent];
    if (is_place(e)) return true;
    if (e.kind != "country" || e.form == "nisba") return false;
    std::string_view p = prep(ent);
    return p == K().fi || p == "b";
  }

  // Entities starting in [from, to), each once, in text order.
  std::vector<int> entities_in(uint32_t from, uint32_t to) const {
    std::vector<int> out;
    for (uint32_t j = from; j < to; ++j) {
      int e = d_.w[j].entity;
      if (e >= 0 && d_.entity_words[e].first == static_cast<int>(j)) out.push_back(e);
    }
    return out;
  }

  void fill_roles(Event& ev, uint32_t ca, uint32_t cb, const std::vector<Trigger>& ts, size_t k) const {
    const int i = ts[k].word;
    uint32_t fwd_end = cb, back_begin = ca;
    for (size_t j = k + 1; j < ts.size(); ++j) {
      if (ts[j].word < static_cast<int>(cb)) {
        fwd_end = std::min<uint32_t>(fwd_end, ts[j].word);
        break;
      }
    }
    for (size_t j = k; j-- > 0;) {
      if (ts[j].word >= static_cast<int>(ca)) {
        back_begin = std::max<uint32_t>(back_begin, ts[j].word + 1);
        break;
      }
    }
    std::vector<int> fwd, back;
    for (int e : entities_in(i + 1, fwd_end)) {
      if (is_actor(es_[e]) && !is_location_use(e)) fwd.push_back(e);
    }
    for (int e : entities_in(back_begin, i)) {
      if (is_actor(es_[e]) && !is_location_use(e)) back.push_back(e);
    }
    int src = -1, tgt = -1;
    // بين X و Y
    for (size_t n = 0; n < fwd.size(); ++n) {
      if (prep(fwd[n]) == K().bayn) {
        const Entity& g = es_[fwd[n]];
        if (g.kind == "group" && g.refers_to.size() >= 2 && ev.source.actor.empty()) {
          ev.source = country_actor(g, g.refers_to[0]);
          ev.target = country_actor(g, g.refers_to[1]);
          return;
        }
        if (n + 1 < fwd.size()) {
          ev.source = actor_of(text_, es_, fwd[n]);
          ev.target = actor_of(text_, es_, fwd[n + 1]);
          return;
        }
      }
    }
    // Passive agent: من قبل X / على يد X.
    for (size_t n = 0; n < fwd.size(); ++n) {
      int w0 = d_.entity_words[fwd[n]].first;
      if (w0 >= 2 && ((d_.w[w0 - 1].is(K().qibal) && d_.w[w0 - 2].is(K().min)) ||
                      (d_.w[w0 - 1].is(K().yad) && d_.w[w0 - 2].is(K().ala)))) {
        src = fwd[n];
        for (int e : fwd) {
          if (e != src) {
            tgt = e;
            break;
          }
        }
        break;
      }
    }
    if (src < 0) {
      // VSO: the first entity after the trigger with no preposition (or عن: ممثلون عن X).
      for (size_t n = 0; n < fwd.size() && src < 0; ++n) {
        std::string_view p = prep(fwd[n]);
        if (p.empty() || p == K().an) src = fwd[n];
        if (!p.empty() && p != K().an) break;  // a prepositional phrase first: the subject came before
      }
      if (src >= 0) {
        for (int e : fwd) {
          if (d_.entity_words[e].first > d_.entity_words[src].first) {
            tgt = e;
            break;
          }
        }
      } else if (!back.empty()) {
        // SVO: the nearest entity before the trigger; X و Y before it is a joint subject.
        src = back.back();
        if (back.size() >= 2) {
          int prev = back[back.size() - 2];
          const Word& w0 = d_.w[d_.entity_words[src].first];
          if (w0.conj || d_.w[d_.entity_words[src].first - 1].is(K().wa)) {
            tgt = src;
            src = prev;
          }
        }
        if (tgt < 0 && !fwd.empty()) tgt = fwd.front();
      } else if (!fwd.empty()) {
        tgt = fwd.front();  // هجوم على X: only a target
      }
    }
    if (src >= 0) {
      const Entity& g = es_[src];
      if (g.kind == "group" && g.actor.empty() && g.refers_to.size() >= 2 && tgt < 0) {
        ev.source = country_actor(g, g.refers_to[0]);
        ev.target = country_actor(g, g.refers_to[1]);
        return;
      }
      ev.source = actor_of(text_, es_, src);
    }
    if (tgt >= 0) ev.target = actor_of(text_, es_, tgt);
  }

  void fill_place(Event& ev, uint32_t ca, uint32_t cb, int i) const {
    int best = -1, best_d = 1 << 30;
    for (int e : entities_in(ca, cb)) {
      if (!is_location_use(e)) continue;
      int dist = std::abs(d_.entity_words[e].first - i);
      if (dist < best_d) {
        best = e;
        best_d = dist;
      }
    }
    if (best < 0) return;
    const Entity& e = es_[best];
    ev.location.present = true;
    ev.location.text = e.name.empty() ? std::string(text_.substr(e.span.start, e.span.end - e.span.start)) : e.name;
    ev.location.id = e.id;
    ev.location.country = e.country;
    ev.location.span = e.span;
  }

  void fill_date(Event& ev, uint32_t ca, uint32_t cb, int i) const {
    int best = -1, best_d = 1 << 30;
    for (uint32_t j = ca; j < cb; ++j) {
      int k = d_.w[j].date;
      if (k < 0 || (j > ca && d_.w[j - 1].date == k)) continue;
      const TimeExpression& x = dates_[k];
      if (!x.resolved || x.value.empty() || x.kind == "duration" || x.kind == "set") continue;
      int dist = std::abs(static_cast<int>(j) - i);
      if (dist < best_d) {
        best = k;
        best_d = dist;
      }
    }
    if (best >= 0) {
      ev.date.value = dates_[best].value.substr(0, 10);
      ev.date.grain = dates_[best].grain;
      ev.date_source = "text";
    } else if (published_) {
      ev.date.value = published_->iso().substr(0, 10);
      ev.date.grain = "day";
      ev.date_source = "published";
    }
  }

  Event code(const Span& span, uint32_t a, uint32_t b, const std::vector<Trigger>& ts, size_t k) const {
    const Trigger& t = ts[k];
    const internal::TriggerRow& row = tab_.rows[t.row];
    Event ev;
    ev.code = row.code;
    ev.root = row.code.substr(0, 2);
    recode(ev, row.code);
    const Word& w = d_.w[t.word];
    ev.sentence = span;
    ev.trigger = {w.start, w.end};
    ev.trigger_text = std::string(text_.substr(w.start, w.end - w.start));
    auto [ca, cb] = clause(a, b, t.word);
    fill_roles(ev, ca, cb, ts, k);
    // Violence or coercion by protesters (أحرق المتظاهرون، هاجم محتجون) is a riot: CAMEO 145.
    if (ev.quad_class == 4 && ev.root != "14" && internal::protesters(ev.source)) recode(ev, "145");
    fill_place(ev, ca, cb, t.word);
    fill_date(ev, ca, cb, t.word);
    ev.modality = internal::modality_of(d_, tab_, a, b, t.word, t.masdar);
    ev.negated = ev.modality == "negated";
    double c = 0.4;
    if (ev.source.present()) c += 0.25;
    if (ev.target.present()) c += 0.15;
    if (t.patterned) c += 0.1;
    if (t.masdar && !t.patterned) c -= 0.1;
    if (t.low) c -= 0.2;
    ev.confidence = std::round(std::clamp(c, 0.05, 0.95) * 100) / 100;
    return ev;
  }

  std::string_view text_;
  std::pair<uint32_t, uint32_t> sentence_{0, 0};  // the sentence triggers() is reading
  const DocWords& d_;
  const std::vector<Entity>& es_;
  const std::vector<TimeExpression>& dates_;
  const std::optional<Timestamp>& published_;
  const internal::EventTables& tab_;
  // Scratch of sentence(), kept across sentences for their memory.
  struct Candidate {
    size_t event;  // into evs_
    bool secondary;
  };
  std::vector<Trigger> trig_, main_;
  std::vector<Event> evs_;
  std::vector<Candidate> cand_, merged_;
};

std::vector<Event> code_events(std::string_view text, const DocWords& d, const std::vector<Span>& sentences,
                               const std::vector<Entity>& entities, const std::vector<TimeExpression>& dates,
                               const std::optional<Timestamp>& published) {
  Coder coder(text, d, entities, dates, published);
  std::vector<Event> out;
  for (size_t s = 0; s < sentences.size(); ++s) {
    coder.sentence(sentences[s], d.sentences[s].first, d.sentences[s].second, out);
  }
  return out;
}

}  // namespace

std::vector<Event> find_events(std::string_view text, const Tokenized& t, const std::vector<Span>& sentences,
                               const std::vector<Entity>& entities, const std::vector<TimeExpression>& dates,
                               const std::optional<Timestamp>& published) {
  const DocWords d = internal::build_words(text, t, sentences, entities, &dates);
  return code_events(text, d, sentences, entities, dates, published);
}

EventsAndQuotes find_events_and_quotes(std::string_view text, const Tokenized& t, const std::vector<Span>& sentences,
                                       const std::vector<Entity>& entities, const std::vector<TimeExpression>& dates,
                                       const std::optional<Timestamp>& published) {
  const DocWords d = internal::build_words(text, t, sentences, entities, &dates);
  EventsAndQuotes out;
  out.events = code_events(text, d, sentences, entities, dates, published);
  out.quotes = internal::quotes_in(text, d, entities);
  return out;
}

}  // namespace marsad
