/* lexicon.h - word lists the pipeline consults (internal).
 *
 * lexicon.tsv holds the words that are not entities but steer extraction:
 * titles and what they imply ("president" -> leaderOf), pronouns, person
 * nouns for descriptions, modality and negation cues, clause breaks,
 * abbreviations.  Each line is `CATEGORY<TAB>phrase<TAB>value`; a phrase
 * ending in `*` matches every word with that prefix.  Lookups are by the
 * normalised key of kg_phrase_key(), longest phrase first; each lookup
 * costs a hash probe or two, whatever the size of the lexicon.
 */
#ifndef KG_LEXICON_H
#define KG_LEXICON_H

#include "newskg.h"
#include "sentences.h"

typedef struct KgLexiconImpl KgLexicon;

KgLexicon *kg_lexicon_new(void);
void kg_lexicon_free(KgLexicon *lex);

/** Adds the entries of a lexicon file. */
KgStatus kg_lexicon_load(KgLexicon *lex, const char *path, KgError *err);

/** Bytes of the longest exact phrase key of category (0 when it has
 *  none): a longer key is none of its phrases. */
size_t kg_lexicon_longest(const KgLexicon *lex, const char *category);

/** The value of an exact phrase key in category, or NULL. */
const char *kg_lexicon_get(const KgLexicon *lex, const char *category,
                           const char *key, size_t len);

/** What the lexicon knows of a word's key (hash: its kg_hash_bytes), for
 *  kg_text_split to note once per token: later lookups of the token then
 *  need no hashing. */
KgLexWord kg_lexicon_describe(const KgLexicon *lex, const char *key,
                              size_t len, unsigned long long hash);

/** A byte that tells category names apart, from their first six bytes (a
 *  filter: two names may share one).  Inline, so that the compiler works
 *  it out for the literal names the stages ask for. */
static inline unsigned kg_lexicon_name_mark(const char *name) {
  const unsigned char *n = (const unsigned char *)name;
  /* spelt out, not a loop, for the compiler to fold */
  unsigned h = n[0];
  if (n[0] && n[1]) {
    h = h * 37 + n[1];
    if (n[2]) {
      h = h * 37 + n[2];
      if (n[3]) {
        h = h * 37 + n[3];
        if (n[4]) {
          h = h * 37 + n[4];
          if (n[5])
            h = h * 37 + n[5];
        }
      }
    }
  }
  return (h ^ (h >> 8)) & 255;
}

/** What the inline filters below read of a lexicon, which begins with it.
 *  Categories past the 63rd share the last bit. */
typedef struct {
  unsigned long long by_mark[256]; ///< the bits of the categories whose
                                   ///< name has each kg_lexicon_name_mark
  unsigned long long prefixed;     ///< those of the categories with prefix
                                   ///< entries
} KgLexFilter;

/** Zero when no phrase of the category can match at token i of t nor
 *  begin there: t was split with lex, which knows the token's key in no
 *  category with the name's mark, nor as the start of a phrase of one, and
 *  none of those has prefix entries.  Most words are in no category, and
 *  the stages ask of each several times: this tells without a call. */
static inline int kg_lexicon_may_match(const KgLexicon *lex,
                                       const char *category, const KgText *t,
                                       size_t i) {
  const KgLexFilter *filter = (const KgLexFilter *)(const void *)lex;
  unsigned long long named = filter->by_mark[kg_lexicon_name_mark(category)];
  if (t->lexicon != lex)
    return 1;
  const KgLexWord *w = &t->words[i];
  return ((w->exact | w->longer) & named) != 0 ||
         (named & filter->prefixed) != 0;
}

/* What kg_lexicon_word and kg_lexicon_match call where the filter lets a
 * token through. */
const char *kg_lexicon_find_word(const KgLexicon *lex, const char *category,
                                 const KgText *t, size_t i);
size_t kg_lexicon_find_match(const KgLexicon *lex, const char *category,
                             const KgText *t, size_t i, size_t limit,
                             const char **value);

/** kg_lexicon_get for the key of token i of t alone (NULL when the key is
 *  too long for any phrase). */
static inline const char *kg_lexicon_word(const KgLexicon *lex,
                                          const char *category,
                                          const KgText *t, size_t i) {
  return kg_lexicon_may_match(lex, category, t, i)
             ? kg_lexicon_find_word(lex, category, t, i)
             : NULL;
}

/** Longest phrase of category starting at token i and not running past
 *  token limit: returns its length in tokens (0 if none) and its value in
 *  *value when value is not NULL.  Prefix entries match one token. */
static inline size_t kg_lexicon_match(const KgLexicon *lex,
                                      const char *category, const KgText *t,
                                      size_t i, size_t limit,
                                      const char **value) {
  return i < limit && kg_lexicon_may_match(lex, category, t, i)
             ? kg_lexicon_find_match(lex, category, t, i, limit, value)
             : 0;
}

/** Non-zero when token i of t is a capitalised word that the lexicon does
 *  not know as a title, a title's modifier, a determiner or a word that is
 *  never a name: a part of a name, maybe of one newskg does not know. */
int kg_lexicon_name_word(const KgLexicon *lex, const KgText *t, size_t i);

#endif /* KG_LEXICON_H */
