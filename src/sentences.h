/* sentences.h - tokens and sentences of one article (internal).
 *
 * The first stage of the pipeline.  The article is split into paragraphs (one
 * per line), paragraphs into sentences, sentences into tokens.  Every token
 * and sentence is a byte span into the article text, which the caller keeps
 * alive.  Photo captions are recognised by their trailing credit line
 * ("... AFP / Ludovic MARIN"): the credit is cut off the sentence, and a
 * caption that repeats the line before it is marked as a duplicate so that
 * later stages read it once.
 */
#ifndef KG_SENTENCES_H
#define KG_SENTENCES_H

#include <stddef.h>
#include <string.h>

#include "newskg.h"

struct KgLexiconImpl;

enum {
  KG_TOK_WORD = 1u << 0,    ///< letters or digits (not punctuation)
  KG_TOK_CAP = 1u << 1,     ///< starts with an upper-case letter
  KG_TOK_UPPER = 1u << 2,   ///< two or more letters, all upper case
  KG_TOK_QUOTED = 1u << 3,  ///< inside quotation marks
  KG_TOK_GLUED = 1u << 4,   ///< no white space before it
  KG_TOK_DATELINE = 1u << 5 ///< part of an opening "CITY —" dateline
};

typedef struct {
  size_t start;   ///< byte offset of the first byte
  size_t end;     ///< byte offset one past the last byte
  unsigned flags; ///< KG_TOK_* bits
} KgToken;

enum {
  KG_SENT_HEADLINE = 1u << 0, ///< the article's first line, a title
  KG_SENT_CAPTION = 1u << 1,  ///< a photo caption (credit line removed)
  KG_SENT_DUPLICATE = 1u << 2 ///< repeats an earlier sentence: skip it
};

typedef struct {
  size_t start, end;  ///< byte span, trimmed of white space and credit
  size_t first_token; ///< index of the first token
  size_t token_count; ///< number of tokens
  size_t paragraph;   ///< 0-based paragraph (line) number
  unsigned flags;     ///< KG_SENT_* bits
} KgSentence;

/** What a lexicon knows of one token's key, found when the text is split
 *  (lexicon.c fills it in and reads it; see kg_lexicon_describe). */
typedef struct {
  size_t entries;            ///< the key's first phrase entry, or SIZE_MAX
  unsigned long long exact;  ///< categories with the key itself as a phrase
  unsigned long long longer; ///< categories with phrases that extend it
} KgLexWord;

/** The tokens and sentences of one article.  Each token's lookup key
 *  (kg_text_key of the token alone), its hash and what the lexicon knows
 *  of it are found once, when the text is split, so that the later stages,
 *  which look words up many times, never normalise or hash a word twice. */
typedef struct {
  const char *text; ///< the article (not owned)
  size_t len;       ///< its length in bytes
  KgToken *tokens;  ///< all tokens in text order
  size_t token_count;
  KgSentence *sentences; ///< all sentences in text order
  size_t sentence_count;
  char *keys;     ///< owned: the tokens' lookup keys, one after another
  size_t *key_at; ///< owned, token_count + 1 offsets: token i's key is
                  ///< keys[key_at[i], key_at[i + 1])
  unsigned long long *key_hash; ///< owned: kg_hash_bytes of each key
  const struct KgLexiconImpl *lexicon; ///< what words describe, or NULL
  KgLexWord *words; ///< owned: per token, what lexicon knows of its key
} KgText;

/** Splits text into sentences and tokens.  lex supplies the abbreviations
 *  ("Gen.", "U.S.") that do not end a sentence.  Fills *out, which the caller
 *  releases with kg_text_release. */
KgStatus kg_text_split(const char *text, size_t len,
                       const struct KgLexiconImpl *lex, KgText *out);

void kg_text_release(KgText *t);

/** Writes the lookup key of tokens [first, end) into buf: the text with
 *  ASCII letters lower-cased, typographic apostrophes as "'", and white
 *  space between tokens as one space.  Returns the key length, or 0 when it
 *  does not fit in cap bytes. */
size_t kg_text_key(const KgText *t, size_t first, size_t end, char *buf,
                   size_t cap);

/** Token i's lookup key (not NUL-terminated; *len receives its length):
 *  what kg_text_key writes for the token alone, however long.  Inline:
 *  the later stages ask for it for every word many times. */
static inline const char *kg_token_key(const KgText *t, size_t i,
                                       size_t *len) {
  *len = t->key_at[i + 1] - t->key_at[i];
  return t->keys + t->key_at[i];
}

/** kg_hash_bytes of token i's key. */
static inline unsigned long long kg_token_hash(const KgText *t, size_t i) {
  return t->key_hash[i];
}

/** The keys of tokens [first, first + n) for n from 1 to most, each of
 *  which begins the next, continuing the first `built` of them: the
 *  longest that fits in cap bytes is in buf, lens[n - 1] receives the
 *  length of the key of n tokens and hashes[n - 1] its kg_hash_bytes.
 *  Returns how many keys are built (most, or fewer when the next did not
 *  fit): a search for the longest phrase at a token writes and hashes each
 *  word once, as the phrase grows. */
size_t kg_text_keys(const KgText *t, size_t first, size_t built, size_t most,
                    char *buf, size_t cap, size_t *lens,
                    unsigned long long *hashes);

/** The same normalisation for a free-standing phrase (data files). */
size_t kg_phrase_key(const char *phrase, size_t len, char *buf, size_t cap);

/** Non-zero when the tokens of a text may have the keys that make up
 *  key[0, n) of a phrase key of len bytes (0 < n < len), and go on with
 *  more: when a byte other than an ASCII letter or digit stands on either
 *  side of the cut (a space, a hyphen, a letter beyond ASCII), or "n't"
 *  follows it ("didn't" is "did" and "n't").  The tokenizer splits no
 *  other run of letters and digits. */
int kg_key_may_split(const char *key, size_t len, size_t n);

/** Non-zero when token i's text equals word (ASCII, case-insensitive).
 *  Inline: the stages ask it of many tokens, with literal words whose
 *  length the compiler knows, and most tokens differ in length. */
static inline int kg_token_is(const KgText *t, size_t i, const char *word) {
  size_t n = strlen(word);
  if (i >= t->token_count || t->tokens[i].end - t->tokens[i].start != n)
    return 0;
  const char *text = t->text + t->tokens[i].start;
  for (size_t k = 0; k < n; k++) {
    char c = text[k];
    if (c >= 'A' && c <= 'Z')
      c = (char)(c - 'A' + 'a');
    if (c != word[k])
      return 0;
  }
  return 1;
}

#endif /* KG_SENTENCES_H */
