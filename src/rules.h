/* rules.h - the relation pattern language (internal).
 *
 * A rule file (the *.tsv files of data/rules, documented in its README.md)
 * holds one rule a line: `relation<TAB>rule-name<TAB>pattern[<TAB>strength]`.
 * The optional strength (a number above 0 and at most 1, "0.9"; default
 * KG_RULE_STRENGTH) says how often the rule's matches are right; a
 * relation's confidence grows from it (graph.h).  A pattern is a sequence
 * of space-separated elements matched against a
 * sentence seen as units (a unit is a plain token or an entity mention;
 * coordinated mentions, "Britain and Canada", form one unit):
 *
 *   S, O          the relation's subject and object; `S:Person`,
 *                 `O:Country+City` constrain the class (Agent = Person +
 *                 Country + Organization, Place = Country + City)
 *   G             a coordinated group of two or more: the relation holds
 *                 between each pair of its members ("Trump and Kim met")
 *   word|other    one token, any of the alternatives; `sanction*` matches
 *                 any word starting "sanction"; `'s` and `,` match themselves
 *   ?word|other   an optional token
 *   %cat=value    a phrase of the lexicon category cat with that value
 *                 (`%title=leader`: president, prime minister, ...)
 *   ...  ...N     a gap of up to 10 (or N) units within one clause, never
 *                 over an unknown capitalised word (maybe a name); a gap
 *                 right after a slot skips no other entity unless that one
 *                 follows a preposition, so a slot before a gap is the
 *                 nearest entity to what follows
 *   @word|other   (anywhere) the sentence must contain one of these words
 *   &             (anywhere) S and O are lists of the same length paired in
 *                 order: "the presidents of Venezuela and Nicaragua, Maduro
 *                 and Ortega" (otherwise every member of S with every one
 *                 of O)
 *
 * Parenthetical asides (", a rival of Maduro,", ", who met Kim,") are
 * skipped by every gap, and a slot filled inside one keeps the rest of the
 * match inside it: in "Guaido, a rival of Maduro, visited Colombia" only
 * Guaido visited.
 *
 * A rule without O relates S to the country the sentence is about (see
 * relations.c).  The first word element is the trigger, whose clause is
 * checked for modality and negation.
 *
 * A pattern starting "dep: " is a path over the sentence's dependency tree
 * instead (deprules.h).
 */
#ifndef KG_RULES_H
#define KG_RULES_H

#include "deprules.h"
#include "kgtypes.h"
#include "lexicon.h"
#include "newskg.h"
#include "sentences.h"

typedef struct KgRuleSetImpl KgRuleSet;

enum {
  KG_UNIT_BREAK = 1u << 0,      ///< a clause break (";", "but", ...)
  KG_UNIT_ADJUNCT = 1u << 1,    ///< an entity after a preposition
  KG_UNIT_POSSESSIVE = 1u << 2, ///< a possessor: "Iran's", "its"
  KG_UNIT_NAMELIKE = 1u << 3,   ///< a capitalised word no stage knew
  KG_UNIT_PRONOUN = 1u << 4     ///< a pronoun: also matches as a word, and
                                ///< a possessive one stands for "X 's"
};

/** One unit of a sentence: a plain token or an entity mention (group). */
typedef struct {
  size_t first, end; ///< token span
  long mention;      ///< mention index, or -1 for a plain token
  size_t members;    ///< how many entities it stands for (0: plain token)
  unsigned flags;    ///< KG_UNIT_* bits
  size_t aside_end;  ///< inside a parenthetical aside (", a rival of X,"):
                     ///< the unit index where it ends; 0 when not inside one
} KgUnit;

/** The strength of a rule whose line gives none. */
#define KG_RULE_STRENGTH 0.8

/** A match of one rule: unit indices of its arguments (-1 when absent). */
typedef struct {
  KgRelation relation;
  const char *rule; ///< the rule's name
  long subject;     ///< unit of S or G
  long object;      ///< unit of O, -1 when the rule has none
  long trigger;     ///< unit of the first word element, -1 if none
  int reciprocal;   ///< the subject is a G group
  unsigned subject_classes, object_classes; ///< class masks of the slots
  long first, end; ///< the units matched: [first, end), first to last
  double strength; ///< the rule's strength
  int respectively; ///< pair the members of S and O in order (the `&`)
} KgRuleMatch;

/** Decides whether a unit can fill a slot of these classes. */
typedef int (*KgSlotTest)(void *ctx, long unit, unsigned classes);
/** Receives each match; returns 0 to go on, -1 to stop with an error. */
typedef int (*KgMatchSink)(void *ctx, const KgRuleMatch *match);

KgRuleSet *kg_rules_new(void);
void kg_rules_free(KgRuleSet *rules);

/** The rules whose patterns start "dep: ", over dependency trees. */
const KgDepRules *kg_rules_dep(const KgRuleSet *rules);

/** Adds the rules of a rule file. */
KgStatus kg_rules_load(KgRuleSet *rules, const char *path, KgError *err);

/** Adds the rules of every *.tsv file of a directory, in name order. */
KgStatus kg_rules_load_dir(KgRuleSet *rules, const char *dir, KgError *err);

/** Parses and adds one rule; on error returns non-zero and sets *message. */
int kg_rules_add(KgRuleSet *rules, const char *relation, const char *name,
                 const char *pattern, double strength, const char **message);

/** Memory kg_rules_match keeps from sentence to sentence: zero before the
 *  first call, released by kg_rules_scratch_release after the last. */
typedef struct {
  void *block; ///< owned
  size_t size; ///< bytes of block
} KgRuleScratch;

void kg_rules_scratch_release(KgRuleScratch *scratch);

/** Runs every rule over the units of one sentence; returns 0, or -1 when
 *  out of memory or when the sink failed. */
int kg_rules_match(const KgRuleSet *rules, const KgLexicon *lex,
                   const KgText *text, const KgUnit *units, size_t count,
                   KgSlotTest test, KgMatchSink sink, void *ctx,
                   KgRuleScratch *scratch);

#endif /* KG_RULES_H */
