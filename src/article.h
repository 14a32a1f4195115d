/* article.h - what the pipeline knows about one article (internal).
 *
 * The stages after tokenizing annotate one KgArticle in turn: mentions.c
 * finds the mentions and the entities they name, coref.c resolves pronouns
 * and descriptions to those entities, relations.c reads both and adds
 * relations to the graph.  Each stage only adds to what the previous ones
 * wrote.
 *
 * Invariants: mentions are sorted by first token; a mention's entity is -1
 * until resolved, else an index into entities; an ABSORBED mention lies
 * inside a larger one (the "French" of "French President Emmanuel Macron")
 * and is never a relation argument itself.
 */
#ifndef KG_ARTICLE_H
#define KG_ARTICLE_H

#include "gazetteer.h"
#include "kgtypes.h"
#include "lexicon.h"
#include "newskg.h"
#include "sentences.h"
#include "strmap.h"

typedef enum {
  KG_MENTION_NAME = 0,   ///< a name, from the gazetteer or a name pattern
  KG_MENTION_DEMONYM,    ///< "Belarusian": names a Country
  KG_MENTION_PRONOUN,    ///< he, she, him, her, his, its ...
  KG_MENTION_DESCRIPTION ///< "the strongman leader", "the country"
} KgMentionKind;

enum {
  KG_M_POSSESSIVE = 1u << 0, ///< followed by 's, or a possessive pronoun
  KG_M_LOCATIVE = 1u << 1,   ///< after a preposition (in, at, to, ...)
  KG_M_OBJECT = 1u << 2,     ///< an object pronoun (him, her)
  KG_M_REFLEXIVE = 1u << 3,  ///< himself, herself
  KG_M_ABSORBED = 1u << 4,   ///< part of a larger mention
  KG_M_QUOTED = 1u << 5,     ///< inside quotation marks
  KG_M_FORMER = 1u << 6,     ///< "former", "ousted": a past office
  KG_M_PLURAL = 1u << 7      ///< "they", "the two leaders": not resolved
};

typedef struct {
  size_t first, end;  ///< token span [first, end)
  size_t sentence;    ///< index of its sentence
  KgMentionKind kind; ///< what sort of mention
  KgClass cls;        ///< class of what it names (or wants, unresolved)
  long entity;        ///< index into KgArticle.entities, -1 unresolved
  unsigned flags;     ///< KG_M_* bits
  long owner;         ///< title's country/organisation mention, or -1
  const char *role;   ///< title role from the lexicon ("leader"), or NULL
  char gender;        ///< pronoun gender: 'm', 'f' or 0
} KgMention;

typedef struct {
  KgClass cls;        ///< class
  char *name;         ///< canonical name (owned)
  long gaz;           ///< gazetteer entry, or -1 for a name found by pattern
  long country;       ///< nationality (Person) or country (City), or -1
  char gender;        ///< 'm', 'f' or 0 when unknown
  int gender_guessed; ///< gender only guessed from a given name
  size_t mentions;    ///< how many mentions name it
} KgEntity;

/** The lexicons, gazetteer, rules and grammar an extraction reads. */
typedef struct {
  const KgLexicon *lexicon;
  const KgGazetteer *gazetteer;
  const struct KgRuleSetImpl *rules;
  const struct KgGrammarImpl *grammar; ///< NULL when no rule reads trees
} KgKnowledge;

typedef struct {
  const KgKnowledge *kb; ///< read-only knowledge
  KgText text;           ///< tokens and sentences
  KgMention *mentions;   ///< sorted by first token
  size_t mention_count, mention_cap;
  long *mention_of_token; ///< per token, kg_article_mention_at's answer,
                          ///< once kg_article_fix_mentions made it; or NULL
  KgEntity *entities; ///< entities named in the article
  size_t entity_count, entity_cap;
  KgStrMap *entity_index; ///< "class\037key" -> entity index
  char *long_key;         ///< room for an entity key too long for the
                          ///< stack (a name of hundreds of bytes), or NULL
  size_t long_key_cap;    ///< bytes long_key holds
  long focus_country;     ///< the country the article is most about, or -1
  long dateline_country;  ///< the country of the dateline's place, or -1
  size_t max_sentence_mentions; ///< mentions kept per sentence; 0: all
  size_t capped_sentences;      ///< sentences that had more, cut to it
  size_t first_capped;          ///< the first of them (if any)
  size_t max_article_mentions;  ///< mentions kept in all; 0: all
  size_t mentions_left_out;     ///< past that cap
  size_t first_left_out;        ///< the sentence of the first of them
} KgArticle;

/** Releases everything the article owns (not the knowledge). */
void kg_article_release(KgArticle *a);

/** The entity of this class and name, created when new (the gazetteer entry
 *  gaz, or -1).  Names are compared by their normalised key.  Returns the
 *  index, or -1 when out of memory. */
long kg_article_entity(KgArticle *a, KgClass cls, const char *name, size_t len,
                       long gaz);

/** The entity of this class whose name has the normalised key of name, or
 *  -1 when the article has none (nothing is created). */
long kg_article_find_entity(const KgArticle *a, KgClass cls, const char *name,
                            size_t len);

/** Adds a mention; returns its index or -1 when out of memory.  Mentions
 *  must be added so that kg_article_sort_mentions can order them. */
long kg_article_add_mention(KgArticle *a, const KgMention *m);

/** Sorts mentions by first token (stable for equal starts). */
void kg_article_sort_mentions(KgArticle *a);

/** kg_article_mention_at before kg_article_fix_mentions: a search. */
long kg_article_search_mention_at(const KgArticle *a, size_t i);

/** Index of the mention covering token i (not absorbed), or -1.  Inline:
 *  once the mentions are fixed, an array read. */
static inline long kg_article_mention_at(const KgArticle *a, size_t i) {
  return a->mention_of_token ? a->mention_of_token[i]
                             : kg_article_search_mention_at(a, i);
}

/** Notes kg_article_mention_at's answer for every token, for the stages
 *  that only read the mentions (relations ask it of each token several
 *  times): neither the mentions nor their flags may change after it.
 *  0, or -1 when out of memory. */
int kg_article_fix_mentions(KgArticle *a);

/** Index of the first mention that starts at token i or after it
 *  (mention_count when none does); mentions must be sorted.  The mentions
 *  inside tokens [i, end) are among those from there to the first that
 *  starts at end or after. */
size_t kg_article_first_mention(const KgArticle *a, size_t i);

/** The Country a City entity is the capital of, or -1. */
long kg_article_capital_country(KgArticle *a, long city);

/** The Organization that news means by entity e (gazetteer standsFor=:
 *  "Brussels" for the European Union), or -1. */
long kg_article_stands_for(KgArticle *a, long e);

#endif /* KG_ARTICLE_H */
