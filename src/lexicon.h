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

/** The value of an exact phrase key in category, or NULL. */
const char *kg_lexicon_get(const KgLexicon *lex, const char *category,
                           const char *key, size_t len);

/** What the lexicon knows of a word's key (hash: its kg_hash_bytes), for
 *  kg_text_split to note once per token: later lookups of the token then
 *  need no hashing. */
KgLexWord kg_lexicon_describe(const KgLexicon *lex, const char *key,
                              size_t len, unsigned long long hash);

/** kg_lexicon_get for the key of token i of t alone (NULL when the key is
 *  too long for any phrase). */
const char *kg_lexicon_word(const KgLexicon *lex, const char *category,
                            const KgText *t, size_t i);

/** Longest phrase of category starting at token i and not running past
 *  token limit: returns its length in tokens (0 if none) and its value in
 *  *value when value is not NULL.  Prefix entries match one token. */
size_t kg_lexicon_match(const KgLexicon *lex, const char *category,
                        const KgText *t, size_t i, size_t limit,
                        const char **value);

#endif /* KG_LEXICON_H */
