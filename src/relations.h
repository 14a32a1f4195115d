/* relations.h - reading relations off an analysed article (internal).
 *
 * Two sources of relations: titles ("Russian President Vladimir Putin" ->
 * leaderOf Russia, "Kremlin spokesman Dmitry Peskov" -> spokespersonOf the
 * Kremlin), and the rules of data/rules/ matched against each sentence.  A
 * match whose trigger is quoted, or whose clause holds a modality or
 * negation cue ("preparing to", "failed to", "did not", "would"), asserts
 * nothing: only what the text states becomes a fact.
 */
#ifndef KG_RELATIONS_H
#define KG_RELATIONS_H

#include "article.h"

/** Tokens [first, end) of the article; empty when first == end. */
typedef struct {
  size_t first, end;
} KgTokenSpan;

/** How a fact was read: the rule, its strength and the words it matched. */
typedef struct {
  const char *rule;  ///< name of the rule (static or the rule set's)
  double strength;   ///< how often the rule is right, (0, 1]
  KgTokenSpan match; ///< the words matched, first to last
  KgTokenSpan subject, object, trigger; ///< marked words; empty if absent
  const char *path; ///< a rule over the dependency tree: its path (the
                    ///< rule set's), or NULL
} KgFactSource;

/** One relation read from the text. */
typedef struct {
  long subject; ///< entity index
  KgRelation relation;
  long object;         ///< entity index
  size_t sentence;     ///< sentence it was read from
  KgFactSource source; ///< the strongest reading of it in that sentence
} KgFact;

typedef struct {
  KgFact *facts;
  size_t count, cap;
} KgFactList;

/** Appends the relations of the article to list (which the caller frees
 *  with kg_facts_release). */
KgStatus kg_find_relations(KgArticle *a, KgFactList *list);

void kg_facts_release(KgFactList *list);

#endif /* KG_RELATIONS_H */
