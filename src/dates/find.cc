// find_dates: atoms, then the grammar at each atom that could open an
// expression, longest match first, then resolution.
#include <string>

#include "dates/atoms.h"
#include "dates/grammar.h"
#include "dates/resolve.h"
#include "marsad/dates.h"

namespace marsad {
namespace {

// In a list of dates the year is written once, at the end: يوم 5 جوان و20
// جويلية و3 أوت 2019. A day and month without a year take the year of the
// next date when only و or a comma stands between them.
void share_years(const internal::Atom* a, std::vector<std::pair<size_t, internal::Parse>>& found) {
  using namespace internal;
  for (size_t k = found.size(); k-- > 1;) {
    When& w = found[k - 1].second.a;
    const Parse& next = found[k].second;
    const When& y = next.kind == Kind::kInterval ? next.b : next.a;
    size_t gap = found[k].first - found[k - 1].second.end;
    if (gap > 1 || (gap == 1 && a[found[k].first - 1].key != "و" && !a[found[k].first - 1].punct("،") &&
                    !a[found[k].first - 1].punct(","))) {
      continue;
    }
    if (found[k - 1].second.kind != Kind::kDatetime || w.month == 0 || w.year != 0 || w.year_dir != kUnset ||
        w.dir != kUnset || w.cal != y.cal || (y.year == 0 && y.year_dir == kUnset) || y.month == 0) {
      continue;
    }
    w.year = y.year;
    w.year_dir = y.year_dir;
  }
}

// يوم الاربعاء 7 جوان 2017 بداية من 9:30 صباحا: a clock without a day belongs to
// the last day named before it in the same sentence.
void anchor_clocks(const internal::Atom* a, std::vector<std::pair<size_t, internal::Parse>>& found) {
  using namespace internal;
  for (size_t k = 1; k < found.size(); ++k) {
    When& w = found[k].second.a;
    if (found[k].second.kind != Kind::kDatetime || w.hour < 0 || w.has_date() || w.month > 0 || w.year > 0) continue;
    const Parse& prev = found[k - 1].second;
    const When& d = prev.a;
    if (prev.kind != Kind::kDatetime || !d.has_date() || d.shift_unit != Grain::kNone) continue;
    bool same_sentence = true;
    for (size_t i = prev.end; i < found[k].first && same_sentence; ++i) same_sentence = !a[i].stop();
    if (!same_sentence) continue;
    w.year = d.year, w.month = d.month, w.day = d.day, w.cal = d.cal;
    w.relday = d.relday, w.weekday = d.weekday, w.dir = d.dir, w.year_dir = d.year_dir;
    w.period = d.period, w.period_off = d.period_off, w.holiday = d.holiday, w.future = d.future;
  }
}

}  // namespace

std::vector<TimeExpression> find_dates(const Tokenized& t, size_t first, size_t last,
                                       const std::optional<Timestamp>& reference, const DateOptions& opt) {
  using namespace internal;
  std::vector<TimeExpression> out;
  // One buffer per thread: find_dates runs once per paragraph, millions of times.
  thread_local std::vector<Atom> atoms;
  thread_local std::vector<std::pair<size_t, Parse>> found;
  make_atoms(t, first, last, DateLexicon::get(), atoms);
  // A line break is a wall: the grammar sees one stretch between walls at a time.
  for (size_t seg = 0; seg < atoms.size();) {
    size_t end = seg + 1;
    while (end < atoms.size() && !atoms[end].wall) ++end;
    const Atom* a = atoms.data() + seg;
    size_t n = end - seg;
    Grammar g(a, n, opt);
    found.clear();
    for (size_t i = 0; i < n;) {
      if (!internal::may_open(a[i])) {  // most atoms: no Parse (two Whens) is built for them
        ++i;
        continue;
      }
      Parse p;
      if (!g.parse(i, p)) {
        ++i;
        continue;
      }
      if (!p.reject) found.emplace_back(i, p);
      i = p.end;
    }
    share_years(a, found);
    anchor_clocks(a, found);
    for (const auto& [i, p] : found) {
      TimeExpression e;
      e.span = Span{a[i].start, a[p.end - 1].end};
      resolve(p, reference, e);
      out.push_back(std::move(e));
    }
    seg = end;
  }
  return out;
}

std::vector<TimeExpression> find_dates(std::string_view text, const Tokenized& t, size_t first, size_t last,
                                       const std::optional<Timestamp>& reference, const DateOptions& opt) {
  std::vector<TimeExpression> out = find_dates(t, first, last, reference, opt);
  for (TimeExpression& e : out) {
    if (e.span.end <= text.size()) e.text.assign(text.substr(e.span.start, e.span.end - e.span.start));
  }
  return out;
}

}  // namespace marsad
