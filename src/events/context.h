// Internal: where a trigger stands in its sentence, as the coder asks it. The clause around a
// word; whether the word is quoted, follows a cause marker, sits in a relative clause or names
// an anniversary; whether the sentence gives a trigger word its non-event sense (senses.tsv);
// whether an actor is protesters; and the modality markers (modality.tsv) that reach the word.
// Every word index is into DocWords::w; [a, b) is the sentence.
#pragma once

#include <cstdint>
#include <string>
#include <utility>

#include "tables.h"
#include "words.h"

namespace marsad::internal {

// The clause of word i inside [a, b): bounded by clause breaks (words.h).
std::pair<uint32_t, uint32_t> clause_of(const DocWords& d, uint32_t a, uint32_t b, uint32_t i);

// Inside a quotation opened earlier in [a, i) (a slogan: «اوقفوا القتل»)?
bool in_quotation(const DocWords& d, uint32_t a, int i);

// A cause or sequence marker (جراء، إثر، عقب، غداة، بسبب، بعد، قبل، أدى إلى، أسفر عن) among the
// three words before i?
bool after_cause_marker(const DocWords& d, uint32_t a, int i);

// In a relative clause (المتظاهرين الذين يحتلون، اللافتات التي تدين)?
bool in_relative_clause(const DocWords& d, uint32_t a, uint32_t b, int i);

// The event an anniversary commemorates (ذكرى within the two words before i)?
bool anniversary_of(const DocWords& d, uint32_t a, int i);

// Does the sentence [a, b) read trigger word w in its non-event sense (senses.tsv)?
bool other_sense(const DocWords& d, const EventTables& tab, const Word& w, uint32_t a, uint32_t b);

// Is the actor protesters (المتظاهرون، محتجون، معتصمون، مضربون)?
bool protesters(const EventActor& a);

// The modality of the event whose trigger is word i: "negated", "conditional", "future",
// "planned", "possible", "reported" or "asserted" (the strongest marker that reaches it).
std::string modality_of(const DocWords& d, const EventTables& tab, uint32_t a, uint32_t b, int i, bool masdar);

}  // namespace marsad::internal
