/* deprules.h - relation rules over a sentence's dependency tree
 * (internal).
 *
 * A rule of data/rules whose pattern starts with "dep:" is a path through
 * the UD tree of a sentence (syntax.h), from a slot to a slot, or from a
 * G slot to a word:
 *
 *   S:Person <nsubj meet >obl:with O:Person @met|meet|meets
 *   G:Person <nsubj meet|gather !obj !obl:with @met|gathered
 *   G:Person <obl:by attend >nsubj:pass meeting|summit @attended
 *
 * Elements, separated by single spaces:
 *
 *   S, O, G[:Classes]  the slots, at the ends of the path (classes as in
 *                      rules.h)
 *   lemma|lemma, *     a word of the path, by its lemma or, where the
 *                      lemmatiser errs on a rare word ("competed" ->
 *                      "compet"), its form in lower case (*: any word)
 *   <rel               the element before depends on the one after by rel
 *   >rel               the element after depends on the one before by rel
 *   !rel, !rel=a|b     the word before has no dependent by rel (with
 *                      lemma a or b): "!amod=former|late"
 *   +rel, +rel=a|b     the word before has one: "+compound|amod=prime"
 *   @form|form         the sentence must hold one of these words (lookup
 *                      keys: lower case, no accents); a rule needs one, so
 *                      that only the sentences it may read are parsed
 *
 * rel is a UD relation with an optional part after ':' that is either its
 * subtype (nsubj:pass, nmod:poss) or the lemma of the dependent's case or
 * mark word (obl:with: an obl whose case word is "with"); alternatives are
 * separated by '|' (obl:on|nmod:on).  A bare relation matches only
 * without a subtype: nsubj is not nsubj:pass.
 *
 * The grammar of the news is read into each match: a slot takes the
 * mention at its word together with those conjoined to it and the names
 * in apposition to it (in "A and his counterparts, B and C, met", A, B and
 * C; a description in apposition renames, "IGAD, the regional bloc"; a
 * group's members named with "including" or "among"), a relative pronoun takes the noun its clause modifies ("Ukraine,
 * which is at war with Russia"), and a subject is shared: `<nsubj` also
 * reaches the verbs conjoined to its verb, and its verb's complement and
 * adverbial clauses, that have no subject of their own ("Before flying to
 * Ankara, the minister met ...").
 */
#ifndef KG_DEPRULES_H
#define KG_DEPRULES_H

#include <stddef.h>

#include "kgtypes.h"
#include "sentences.h"

typedef struct KgDepRulesImpl KgDepRules;

/** A word of a parsed sentence as the rules read it. */
typedef struct {
  const char *form; ///< not NUL-terminated
  size_t form_len;
  const char *lemma; ///< not NUL-terminated
  size_t lemma_len;
  const char *upos;   ///< "PROPN"
  const char *deprel; ///< "nsubj"
  size_t head;        ///< 0 for the root, else the 1-based index of its head
  long mention;       ///< the mention the word stands for, or -1
  int description;    ///< that mention is a description ("the bloc")
} KgDepWord;

/** A match of one rule: the mentions of its slots. */
typedef struct {
  KgRelation relation;
  const char *rule; ///< the rule's name
  double strength;
  int reciprocal;           ///< a G rule: subjects relate to each other
  unsigned subject_classes; ///< class mask of S or G
  unsigned object_classes;  ///< class mask of O
  const long *subjects;     ///< mentions of S or G
  size_t subject_count;
  const long *objects; ///< mentions of O (none for a G rule)
  size_t object_count;
  const char *path;   ///< the rule's pattern, as written after "dep: "
  size_t trigger;     ///< the word of the path's first lemma element (0-based)
  size_t first, last; ///< the words of the path's ends (0-based)
} KgDepMatch;

/** Receives each match; returns 0 to go on, -1 to stop with an error. */
typedef int (*KgDepSink)(void *ctx, const KgDepMatch *match);

KgDepRules *kg_dep_rules_new(void);
void kg_dep_rules_free(KgDepRules *rules);

/** Parses and adds one rule (pattern without its "dep:"); on error returns
 *  -1 with *message set. */
int kg_dep_rules_add(KgDepRules *rules, KgRelation relation, const char *name,
                     const char *pattern, double strength,
                     const char **message);

/** How many rules there are. */
size_t kg_dep_rules_count(const KgDepRules *rules);

/** Memory kg_dep_rules_wanted and kg_dep_rules_match keep from sentence to
 *  sentence: zero it first, release it with kg_dep_scratch_release. */
typedef struct {
  unsigned char *present; ///< per @ word: whether the sentence holds it
  size_t present_cap;
  unsigned char *wanted; ///< per rule: whether its @ words are there
  size_t wanted_cap;
  long *mentions; ///< a match's slots
  size_t mentions_cap;
} KgDepScratch;

void kg_dep_scratch_release(KgDepScratch *scratch);

/** Notes which rules sentence si of t lets match: those whose `@` words it
 *  holds and whose slots the entities it names can fill, named[c] being
 *  how many entities of class c (or standing for one: a capital for its
 *  country) it names.  Returns 1 when one does (the sentence is worth
 *  parsing), 0 when none does, -1 when out of memory. */
int kg_dep_rules_wanted(const KgDepRules *rules, const KgText *t, size_t si,
                        const size_t named[KG_CLASS_COUNT],
                        KgDepScratch *scratch);

/** Runs the rules kg_dep_rules_wanted noted over the n words of a parsed
 *  sentence; returns 0, or -1 when out of memory or the sink failed. */
int kg_dep_rules_match(const KgDepRules *rules, const KgDepWord *words,
                       size_t n, KgDepSink sink, void *ctx,
                       KgDepScratch *scratch);

#endif /* KG_DEPRULES_H */
