// Measures proclitic splits against UD Arabic PADT (CoNLL-U).
//
// PADT writes proclitics as their own tokens (وَ, بِ, لِ ...), fully vowelled,
// with no marker of which tokens were one written word. We rebuild the written
// words: a one-letter proclitic token (و ف ب ك ل س, on match keys) joins the
// next token, with ل + ال written لل. Enclitic pronouns stay separate tokens;
// they do not change the proclitic question. Then each rebuilt Arabic word is
// analyzed and its predicted proclitic string (article excluded, as PADT does
// not split the article) compared with the gold one.
//
//   eval_clitics ../shared/data/morphology/padt-ud1.3-dev.conllu [--min-accuracy 0.95] [--errors N]
#include <cstdio>
#include <fstream>
#include <iostream>
#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "marsad/clitics.h"
#include "marsad/normalize.h"

namespace {

bool is_proclitic(const std::string& k) {
  return k == "و" || k == "ف" || k == "ب" || k == "ك" || k == "ل" || k == "س";
}
bool is_arabic_word(const std::string& k) {
  if (k.size() < 2) return false;
  for (size_t i = 0; i + 1 < k.size(); i += 2) {
    auto b = static_cast<unsigned char>(k[i]);
    if (b != 0xD8 && b != 0xD9) return false;
  }
  return k.size() % 2 == 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: eval_clitics FILE.conllu [--min-accuracy X] [--errors N]\n";
    return 2;
  }
  double min_acc = 0;
  int show_errors = 0;
  for (int i = 2; i + 1 < argc; i += 2) {
    std::string a = argv[i];
    if (a == "--min-accuracy") min_acc = std::stod(argv[i + 1]);
    if (a == "--errors") show_errors = std::stoi(argv[i + 1]);
  }
  std::ifstream in(argv[1]);
  if (!in) {
    std::cerr << "eval_clitics: cannot open " << argv[1] << "\n";
    return 2;
  }
  std::vector<std::string> sentence;  // token match keys
  long words = 0, correct = 0, gold_split = 0, pred_split = 0, both_split_right = 0;
  std::map<std::string, int> errors;
  auto flush = [&] {
    std::string prefix;
    for (const std::string& k : sentence) {
      if (is_proclitic(k)) {
        prefix += k;
        continue;
      }
      if (!is_arabic_word(k)) {
        prefix.clear();
        continue;
      }
      std::string written = prefix;
      // ل + ال is written لل.
      if (!prefix.empty() && prefix.back() == "ل"[1] && prefix.size() >= 2 &&
          prefix.substr(prefix.size() - 2) == "ل" && k.rfind("ال", 0) == 0) {
        written += k.substr(2);
      } else {
        written += k;
      }
      marsad::Clitics c = marsad::analyze_clitics(written);
      std::string pred = c.prefix_of(written);
      ++words;
      gold_split += !prefix.empty();
      pred_split += !pred.empty();
      if (pred == prefix) {
        ++correct;
        both_split_right += !prefix.empty();
      } else {
        errors[written + "  gold=" + (prefix.empty() ? "-" : prefix) + " pred=" + (pred.empty() ? "-" : pred)]++;
      }
      prefix.clear();
    }
    sentence.clear();
  };
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty()) {
      flush();
      continue;
    }
    if (line[0] == '#') continue;
    size_t t1 = line.find('\t'), t2 = line.find('\t', t1 + 1);
    if (t1 == std::string::npos || t2 == std::string::npos) continue;
    if (line.substr(0, t1).find_first_of("-.") != std::string::npos) continue;
    sentence.push_back(marsad::match_key(line.substr(t1 + 1, t2 - t1 - 1)));
  }
  flush();
  double acc = words ? double(correct) / words : 0;
  double p = pred_split ? double(both_split_right) / pred_split : 0;
  double r = gold_split ? double(both_split_right) / gold_split : 0;
  std::printf("words %ld  accuracy %.4f  split precision %.4f  split recall %.4f  (gold splits %ld, predicted %ld)\n",
              words, acc, p, r, gold_split, pred_split);
  if (show_errors) {
    std::vector<std::pair<int, std::string>> v;
    for (auto& [k, n] : errors) v.push_back({n, k});
    std::sort(v.rbegin(), v.rend());
    for (int i = 0; i < show_errors && i < static_cast<int>(v.size()); ++i) std::printf("%5d  %s\n", v[i].first, v[i].second.c_str());
  }
  return acc >= min_acc ? 0 : 1;
}
