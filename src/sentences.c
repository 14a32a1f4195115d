/* sentences.c - paragraphs, sentences and tokens; see sentences.h.
 *
 * Tokens: runs of letters and digits (a "'s" or "n't" ending is its own
 * token; an apostrophe inside a name such as O'Brien stays), decimal numbers,
 * abbreviations with their dots ("U.S.", and the lexicon's "abbrev" entries
 * such as "Gen."), and single punctuation marks.  Hyphens are tokens of their
 * own, glued to their neighbours, so "US-North Korea" still shows "North
 * Korea" while "Rostov-on-Don" keys back to its written form.
 *
 * Sentences end at '.', '!' or '?' (with any closing quotes) before an
 * upper-case letter, a digit, an opening quote or the end of the line, and
 * at every line end: news text puts one paragraph on a line.
 */
#include "sentences.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unicase.h>
#include <unictype.h>
#include <uninorm.h>
#include <unistr.h>

#include "grow.h"
#include "lexicon.h"
#include "strmap.h"
#include "utf8.h"

enum { CH_SPACE, CH_NEWLINE, CH_ALNUM, CH_APOS, CH_PUNCT };

/* What each byte is, looked up by the loops that read every byte: its
 * class (a CH_* value) in the low bits, and whether it is an ASCII letter
 * and an upper-case one.  Bytes beyond ASCII read as CH_PUNCT here; only
 * classify() decodes them. */
enum { BYTE_CLASS = 7, BYTE_LETTER = 8, BYTE_UPPER = 16 };
#define BYTE_INFO(c)                                                           \
  ((c) >= 'A' && (c) <= 'Z'   ? CH_ALNUM | BYTE_LETTER | BYTE_UPPER            \
   : (c) >= 'a' && (c) <= 'z' ? CH_ALNUM | BYTE_LETTER                         \
   : (c) >= '0' && (c) <= '9' ? CH_ALNUM                                       \
   : (c) == ' ' || (c) == '\t' || (c) == '\r' || (c) == '\f' || (c) == '\v'    \
       ? CH_SPACE                                                              \
   : (c) == '\n' ? CH_NEWLINE                                                  \
   : (c) == '\'' ? CH_APOS                                                     \
                 : CH_PUNCT)
#define BYTE_INFO4(c)                                                          \
  BYTE_INFO(c), BYTE_INFO((c) + 1), BYTE_INFO((c) + 2), BYTE_INFO((c) + 3)
#define BYTE_INFO16(c)                                                         \
  BYTE_INFO4(c), BYTE_INFO4((c) + 4), BYTE_INFO4((c) + 8), BYTE_INFO4((c) + 12)
#define BYTE_INFO64(c)                                                         \
  BYTE_INFO16(c), BYTE_INFO16((c) + 16), BYTE_INFO16((c) + 32),                \
      BYTE_INFO16((c) + 48)
static const unsigned char byte_info[256] = {BYTE_INFO64(0), BYTE_INFO64(64),
                                             BYTE_INFO64(128),
                                             BYTE_INFO64(192)};

static int ascii_class(unsigned char c) { return byte_info[c] & BYTE_CLASS; }

/* The class of a code point beyond ASCII (or -1, a malformed byte). */
static int wide_class(long cp) {
  if (cp == 0xA0 || (cp >= 0x2000 && cp <= 0x200B) || cp == 0x3000)
    return CH_SPACE;
  if (cp == 0x2019)
    return CH_APOS;
  if (cp < 0)
    return CH_PUNCT;
  if (uc_is_alnum((ucs4_t)cp))
    return CH_ALNUM;
  if (cp >= 0x80 && uc_is_property_alphabetic((ucs4_t)cp))
    return CH_ALNUM;
  return CH_PUNCT;
}

/* Inline: the tokenizer asks it of every byte, and most are ASCII. */
static inline int classify(long cp) {
  return cp >= 0 && cp < 0x80 ? ascii_class((unsigned char)cp)
                              : wide_class(cp);
}

static long cp_at(const char *s, size_t n, size_t i, size_t *size) {
  unsigned char c = (unsigned char)s[i];
  if (c < 0x80) { /* most text: no decoding */
    *size = 1;
    return c;
  }
  return kg_utf8_decode(s + i, n - i, size);
}

typedef struct {
  KgText *t;
  size_t cap_tokens, cap_sentences;
  size_t abbrev_longest; ///< bytes of the longest abbreviation's key
} Builder;

/* Inline, as ends_sentence below: once a token, in the tightest loops. */
static inline int push_token(Builder *b, size_t start, size_t end,
                             unsigned flags) {
  KgText *t = b->t;
  if (t->token_count == b->cap_tokens &&
      kg_grow((void **)&t->tokens, t->token_count, &b->cap_tokens,
              sizeof *t->tokens) != 0)
    return -1;
  t->tokens[t->token_count++] = (KgToken){start, end, flags};
  return 0;
}

static int push_sentence(Builder *b, const KgSentence *s) {
  KgText *t = b->t;
  if (kg_grow((void **)&t->sentences, t->sentence_count, &b->cap_sentences,
              sizeof *t->sentences) != 0)
    return -1;
  t->sentences[t->sentence_count++] = *s;
  return 0;
}

/* The BYTE_LETTER and BYTE_UPPER bits of the character at s (n bytes
 * available, the first beyond ASCII) in *info; returns its size. */
static size_t wide_letter(const char *s, size_t n, unsigned *info) {
  size_t size;
  long cp = kg_utf8_decode(s, n, &size);
  *info = 0;
  if (cp >= 0 && uc_is_alpha((ucs4_t)cp))
    *info = BYTE_LETTER | (uc_is_upper((ucs4_t)cp) ? BYTE_UPPER : 0);
  return size;
}

/* The letters of a word read so far, for its case flags. */
typedef struct {
  size_t letters, upper;
  int capital; ///< the first letter is upper case
} Letters;

/* Counts a character whose BYTE_LETTER and BYTE_UPPER bits are info. */
static inline void count_letter(Letters *l, unsigned info) {
  if (!(info & BYTE_LETTER))
    return;
  if (l->letters++ == 0)
    l->capital = (info & BYTE_UPPER) != 0;
  l->upper += (info & BYTE_UPPER) != 0;
}

/* Eight bytes at a time: each byte's high bit in a 64-bit word. */
#define ONES 0x0101010101010101ULL
#define HIGHS 0x8080808080808080ULL

/* For each byte of x (each below 0x80), its high bit when it is c or
 * more: adding 0x80 - c carries into no other byte. */
static inline uint64_t at_least(uint64_t x, unsigned char c) {
  return (x + ONES * (0x80u - c)) & HIGHS;
}

/* How many bytes' high bits m (within HIGHS) has set. */
static inline size_t high_count(uint64_t m) {
  return (size_t)(((m >> 7) * ONES) >> 56);
}

/* Reads the run of ASCII letters and digits at s[i, end), counting its
 * letters into l (which has none yet), and returns where it ends.  Most
 * words are such a run: eight bytes a step, with masks, spare a branch a
 * byte and the one at the word's end, which no predictor guesses.  The
 * masks read byte k of a step as s[i + k], as a little-endian load does;
 * elsewhere, and for the last bytes, a byte a step. */
static size_t alnum_run(const char *s, size_t i, size_t end, Letters *l) {
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
  for (; end - i >= 8; i += 8) {
    uint64_t x;
    memcpy(&x, s + i, sizeof x);
    uint64_t ascii = ~x & HIGHS;
    x &= ~HIGHS;
    uint64_t folded = x | ONES * 0x20; /* A-Z as a-z */
    uint64_t letter =
        at_least(folded, 'a') & ~at_least(folded, 'z' + 1) & ascii;
    uint64_t upper = at_least(x, 'A') & ~at_least(x, 'Z' + 1) & ascii;
    uint64_t digit = at_least(x, '0') & ~at_least(x, '9' + 1) & ascii;
    uint64_t stop = ~(letter | digit) & HIGHS;
    /* the bytes before the first that stops the run */
    uint64_t run = stop ? ((stop & (0 - stop)) - 1) & HIGHS : HIGHS;
    letter &= run;
    upper &= run;
    if (!l->letters && letter)
      l->capital = (upper & letter & (0 - letter)) != 0;
    l->letters += high_count(letter);
    l->upper += high_count(upper);
    if (stop)
      return i + high_count(run);
  }
#endif
  for (; i < end; i++) {
    unsigned info = byte_info[(unsigned char)s[i]];
    if ((info & BYTE_CLASS) != CH_ALNUM)
      break;
    count_letter(l, info);
  }
  return i;
}

/* The KG_TOK_* flags of a word of these letters. */
static unsigned case_flags(const Letters *l) {
  return KG_TOK_WORD | (l->capital ? KG_TOK_CAP : 0) |
         (l->letters >= 2 && l->upper == l->letters ? KG_TOK_UPPER : 0);
}

/* Case flags of a word token.  ASCII letters are told apart by byte_info,
 * being most of them. */
static unsigned word_flags(const char *s, size_t start, size_t end) {
  Letters l = {0, 0, 0};
  for (size_t i = start; i < end;) {
    unsigned char c = (unsigned char)s[i];
    unsigned info;
    if (c < 0x80)
      info = byte_info[c], i++;
    else
      i += wide_letter(s + i, end - i, &info);
    count_letter(&l, info);
  }
  return case_flags(&l);
}

/* End of an initialism such as "U.S." or "U.K." starting at i, or i. */
static size_t initialism_end(const char *s, size_t n, size_t i) {
  size_t j = i, letters = 0;
  while (j + 1 < n &&
         ((s[j] >= 'A' && s[j] <= 'Z') || (s[j] >= 'a' && s[j] <= 'z')) &&
         s[j + 1] == '.') {
    j += 2;
    letters++;
  }
  if (letters >= 2 && !(j < n && classify((unsigned char)s[j]) == CH_ALNUM))
    return j;
  return i;
}

/* Tokenizes one line [start, end). */
static int tokenize_line(Builder *b, const KgLexicon *lex, size_t start,
                         size_t end) {
  const char *s = b->t->text;
  size_t i = start, size;
  int glued = 0;
  while (i < end) {
    long cp = cp_at(s, end, i, &size);
    int c = classify(cp);
    if (c == CH_SPACE) {
      glued = 0;
      i += size;
      continue;
    }
    unsigned glue = glued ? KG_TOK_GLUED : 0;
    size_t tok_start = i;
    if (c == CH_ALNUM) {
      size_t abbr = initialism_end(s, end, i);
      if (abbr > i) {
        if (push_token(b, i, abbr, word_flags(s, i, abbr) | glue) != 0)
          return -1;
        i = abbr;
        glued = 1;
        continue;
      }
      /* the ASCII letters and digits it opens with, most often the whole
       * word, are read once: their case flags too */
      Letters plain = {0, 0, 0};
      i = alnum_run(s, i, end, &plain);
      size_t plain_end = i;
      while (i < end) {
        /* letters and digits of ASCII, most of the word, in a tight loop */
        while (i < end && ascii_class((unsigned char)s[i]) == CH_ALNUM)
          i++;
        if (i >= end)
          break;
        long c2 = cp_at(s, end, i, &size);
        int k = classify(c2);
        if (k == CH_ALNUM) {
          i += size;
        } else if (k == CH_APOS) {
          /* "'s" ending and "n't" split off; O'Brien stays whole */
          size_t after = i + size;
          int s_end = after < end && (s[after] == 's' || s[after] == 'S') &&
                      (after + 1 >= end ||
                       classify((unsigned char)s[after + 1]) != CH_ALNUM);
          int nt = i > tok_start && (s[i - 1] == 'n' || s[i - 1] == 'N') &&
                   after < end && (s[after] == 't' || s[after] == 'T') &&
                   (after + 1 >= end ||
                    classify((unsigned char)s[after + 1]) != CH_ALNUM);
          if (nt && i - 1 > tok_start) {
            i--; /* "did" + "n't" */
            break;
          }
          if (s_end || after >= end ||
              classify(cp_at(s, end, after, &size)) != CH_ALNUM)
            break;
          i = after;
        } else if (c2 == '.' || c2 == ',') {
          /* decimals and thousands inside numbers: 1.5, 100,000 */
          if (i + 1 < end && s[i - 1] >= '0' && s[i - 1] <= '9' &&
              s[i + 1] >= '0' && s[i + 1] <= '9')
            i++;
          else
            break;
        } else {
          break;
        }
      }
      /* a middle initial keeps its dot: "George W. Bush" */
      if (i == tok_start + 1 && s[tok_start] >= 'A' && s[tok_start] <= 'Z' &&
          i + 2 < end && s[i] == '.' && s[i + 1] == ' ' && s[i + 2] >= 'A' &&
          s[i + 2] <= 'Z' && b->t->token_count > 0 &&
          (b->t->tokens[b->t->token_count - 1].flags & KG_TOK_CAP) &&
          b->t->tokens[b->t->token_count - 1].end + 1 == tok_start)
        i++;
      /* an abbreviation from the lexicon keeps its dot: "Gen.", "Mr."
       * (an ASCII word's key is as long as the word: longer than every
       * abbreviation, as most words before a full stop are, it is none) */
      else if (i < end && s[i] == '.' &&
               !(i == plain_end && i + 1 - tok_start > b->abbrev_longest)) {
        char key[64];
        size_t klen =
            kg_phrase_key(s + tok_start, i + 1 - tok_start, key, sizeof key);
        const char *exact =
            klen && lex ? kg_lexicon_get(lex, "abbrev", key, klen) : NULL;
        /* a value pins the case: "No. 10" but "said no." */
        if (exact &&
            (!*exact || (strlen(exact) == i + 1 - tok_start &&
                         memcmp(exact, s + tok_start, i + 1 - tok_start) == 0)))
          i++;
      }
      unsigned flags =
          i == plain_end ? case_flags(&plain) : word_flags(s, tok_start, i);
      if (push_token(b, tok_start, i, flags | glue) != 0)
        return -1;
    } else if (c == CH_APOS && i + size < end &&
               (s[i + size] == 's' || s[i + size] == 'S' ||
                ((s[i + size] == 't' || s[i + size] == 'T') && i > start &&
                 (s[i - 1] == 'n' || s[i - 1] == 'N'))) &&
               (i + size + 1 >= end ||
                classify((unsigned char)s[i + size + 1]) != CH_ALNUM)) {
      i += size + 1; /* "'s" */
      if (push_token(b, tok_start, i, KG_TOK_WORD | glue) != 0)
        return -1;
    } else {
      i += size;
      if (push_token(b, tok_start, i, glue) != 0)
        return -1;
    }
    glued = 1;
  }
  return 0;
}

static int is_open_quote(const KgText *t, size_t i) {
  return kg_token_is(t, i, "\xe2\x80\x9c") ||
         kg_token_is(t, i, "\xe2\x80\x98");
}
static int is_close_quote(const KgText *t, size_t i) {
  return kg_token_is(t, i, "\xe2\x80\x9d");
}
static int is_straight_quote(const KgText *t, size_t i) {
  return kg_token_is(t, i, "\"");
}
static int is_dash(const KgText *t, size_t i) {
  return kg_token_is(t, i, "-") || kg_token_is(t, i, "\xe2\x80\x94") ||
         kg_token_is(t, i, "\xe2\x80\x93");
}

/* Marks the tokens [first, end) of a paragraph that lie inside quotes. */
static void mark_quotes(KgText *t, size_t first, size_t end) {
  int inside = 0;
  for (size_t i = first; i < end; i++) {
    if (t->tokens[i].flags & KG_TOK_WORD) { /* no quote: most tokens */
      if (inside)
        t->tokens[i].flags |= KG_TOK_QUOTED;
    } else if (is_open_quote(t, i)) {
      inside = 1;
    } else if (is_close_quote(t, i)) {
      inside = 0;
    } else if (is_straight_quote(t, i)) {
      inside = !inside;
    } else if (inside) {
      t->tokens[i].flags |= KG_TOK_QUOTED;
    }
  }
}

/* A dateline opens the first body paragraph: upper-case words, then a dash
 * ("ROSTOV-ON-DON — ...", "MEXICO CITY — ...", "SOCHI, Russia (Reuters)
 * - ...").  Marks the place's words. */
static void mark_dateline(KgText *t, size_t first, size_t end) {
  size_t i = first;
  while (i < end && ((t->tokens[i].flags & KG_TOK_UPPER) ||
                     ((t->tokens[i].flags & KG_TOK_GLUED) && i > first &&
                      kg_token_is(t, i, "-")) ||
                     ((t->tokens[i].flags & KG_TOK_GLUED) && i > first &&
                      (t->tokens[i].flags & KG_TOK_WORD))))
    i++;
  /* the place may be followed by its country and the agency: "SOCHI,
   * Russia (Reuters) -" */
  size_t j = i;
  if (j < end && kg_token_is(t, j, ",")) { /* ", Russia", ", July 14" */
    j++;
    while (j < end && ((t->tokens[j].flags & KG_TOK_CAP) ||
                       (t->text[t->tokens[j].start] >= '0' &&
                        t->text[t->tokens[j].start] <= '9')))
      j++;
  }
  if (j + 2 < end && kg_token_is(t, j, "(") &&
      (t->tokens[j + 1].flags & KG_TOK_CAP) && kg_token_is(t, j + 2, ")"))
    j += 3;
  if (i == first || j >= end || !is_dash(t, j) ||
      (t->tokens[j].flags & KG_TOK_GLUED))
    return;
  for (size_t k = first; k < i; k++)
    t->tokens[k].flags |= KG_TOK_DATELINE;
}

/* A photo credit ends a caption: "... AFP / Ludovic MARIN", "... AFP / -".
 * Returns the index of the credit's first token, or end if there is none. */
static size_t credit_start(const KgText *t, size_t first, size_t end) {
  for (size_t i = end; i > first + 1 && end - i < 8; i--) {
    size_t slash = i - 1;
    if (!kg_token_is(t, slash, "/"))
      continue;
    size_t agency = slash;
    while (agency > first && (t->tokens[agency - 1].flags & KG_TOK_UPPER))
      agency--;
    if (agency < slash && agency > first)
      return agency;
  }
  return end;
}

static inline int ends_sentence(const KgText *t, size_t i) {
  const KgToken *tok = &t->tokens[i];
  char c = t->text[tok->start];
  return tok->end == tok->start + 1 && (c == '.' || c == '!' || c == '?');
}

static int may_start_sentence(const KgText *t, size_t i) {
  const KgToken *tok = &t->tokens[i];
  unsigned char c = (unsigned char)t->text[tok->start];
  return (tok->flags & KG_TOK_CAP) || (c >= '0' && c <= '9') ||
         is_open_quote(t, i) || is_straight_quote(t, i) || c == '(';
}

/* Splits the tokens [first, end) of one paragraph into sentences. */
static int split_paragraph(Builder *b, size_t first, size_t end,
                           size_t paragraph, unsigned flags) {
  KgText *t = b->t;
  size_t s = first;
  for (size_t i = first; i < end; i++) {
    int last = i + 1 == end;
    if (!last && ends_sentence(t, i)) {
      size_t j = i + 1;
      while (j < end &&
             (is_close_quote(t, j) || kg_token_is(t, j, ")") ||
              (is_straight_quote(t, j) && (t->tokens[j].flags & KG_TOK_GLUED))))
        j++;
      if (j < end && !may_start_sentence(t, j))
        continue;
      i = j - 1;
      last = 1;
    }
    if (last) {
      KgSentence sent = {t->tokens[s].start, t->tokens[i].end, s,
                         i + 1 - s,          paragraph,        flags};
      if (push_sentence(b, &sent) != 0)
        return -1;
      s = i + 1;
    }
  }
  return 0;
}

/* A hash of a sentence's bytes, to find repeats: read eight bytes a step,
 * where the maps' FNV hash (strmap.h) takes one, and never written out. */
static unsigned long long sentence_hash(const char *s, size_t n) {
  unsigned long long h = 0x9E3779B97F4A7C15ULL ^ n, word;
  size_t i = 0;
  for (; i + sizeof word <= n; i += sizeof word) {
    memcpy(&word, s + i, sizeof word);
    h = (h ^ word) * 0xFF51AFD7ED558CCDULL;
    h ^= h >> 32;
  }
  word = 0;
  memcpy(&word, s + i, n - i);
  h = (h ^ word) * 0xC4CEB9FE1A85EC53ULL;
  return h ^ (h >> 29);
}

static int same_text(const KgText *t, const KgSentence *a,
                     const KgSentence *b) {
  return a->end - a->start == b->end - b->start &&
         memcmp(t->text + a->start, t->text + b->start, a->end - a->start) ==
             0;
}

/* Marks sentences whose text repeats an earlier sentence's (captions that
 * repeat the body, captions given twice).  The sentences seen so far are
 * kept in an open-addressing table of their indices (plus one; 0 is an
 * empty slot), at most half full: the text stays where it is. */
static int mark_duplicates(KgText *t) {
  size_t cap = 16;
  while (cap < 2 * t->sentence_count)
    cap *= 2;
  struct {
    unsigned long long hash;
    size_t sentence;
  } *seen = calloc(cap, sizeof *seen);
  if (!seen)
    return -1;
  for (size_t i = 0; i < t->sentence_count; i++) {
    KgSentence *s = &t->sentences[i];
    unsigned long long h = sentence_hash(t->text + s->start, s->end - s->start);
    size_t k = (size_t)h & (cap - 1);
    for (; seen[k].sentence; k = (k + 1) & (cap - 1))
      if (seen[k].hash == h &&
          same_text(t, &t->sentences[seen[k].sentence - 1], s))
        break;
    if (seen[k].sentence)
      s->flags |= KG_SENT_DUPLICATE;
    else
      seen[k].hash = h, seen[k].sentence = i + 1;
  }
  free(seen);
  return 0;
}

static int make_keys(KgText *t, const KgLexicon *lex);

KgStatus kg_text_split(const char *text, size_t len, const KgLexicon *lex,
                       KgText *out) {
  memset(out, 0, sizeof *out);
  out->text = text;
  out->len = len;
  Builder b = {out, 0, 0, lex ? kg_lexicon_longest(lex, "abbrev") : 0};
  /* room made at once for a token every four bytes: news text has one
   * in about five */
  b.cap_tokens = len / 4 + 8;
  if (!(out->tokens = malloc(b.cap_tokens * sizeof *out->tokens)))
    goto nomem;
  size_t line = 0, paragraph = 0, body_paragraphs = 0;
  while (line < len) {
    const char *nl = memchr(text + line, '\n', len - line);
    size_t line_end = nl ? (size_t)(nl - text) : len;
    size_t first = out->token_count;
    if (tokenize_line(&b, lex, line, line_end) != 0)
      goto nomem;
    size_t end = out->token_count;
    if (end > first) {
      unsigned flags = 0;
      /* a first line without closing punctuation, followed by more, is the
       * headline */
      if (paragraph == 0 && nl && !ends_sentence(out, end - 1) &&
          !is_close_quote(out, end - 1) && !is_straight_quote(out, end - 1))
        flags |= KG_SENT_HEADLINE;
      size_t credit = credit_start(out, first, end);
      if (credit < end) {
        flags |= KG_SENT_CAPTION;
        end = credit;
      }
      mark_quotes(out, first, end);
      if (!(flags & KG_SENT_HEADLINE) && body_paragraphs++ == 0)
        mark_dateline(out, first, end);
      if (split_paragraph(&b, first, end, paragraph, flags) != 0)
        goto nomem;
      paragraph++;
    }
    line = line_end + 1;
  }
  if (mark_duplicates(out) != 0 || make_keys(out, lex) != 0)
    goto nomem;
  return KG_OK;
nomem:
  kg_text_release(out);
  return KG_ERR_NOMEM;
}

void kg_text_release(KgText *t) {
  free(t->tokens);
  free(t->sentences);
  free(t->keys);
  free(t->key_at);
  free(t->key_hash);
  free(t->words);
  memset(t, 0, sizeof *t);
}

/* Appends one byte to buf at *pos; 0, or -1 when full. */
static int put(char *buf, size_t cap, size_t *pos, char c) {
  if (*pos + 1 >= cap)
    return -1;
  buf[(*pos)++] = c;
  return 0;
}

/* Appends the normalised form of s[0..n) to buf at *pos: lower case,
 * accents removed ("Erdoğan" keys as "erdogan"), typographic apostrophes as
 * "'", white space runs as one space.  0, or -1 when buf is full. */
static int append_normalised(const char *s, size_t n, char *buf, size_t cap,
                             size_t *pos, int *space) {
  for (size_t i = 0; i < n;) {
    unsigned char c = (unsigned char)s[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      *space = *pos > 0;
      i++;
      continue;
    }
    if (*space) {
      if (put(buf, cap, pos, ' ') != 0)
        return -1;
      *space = 0;
    }
    if (c < 0x80) {
      i++;
      if (put(buf, cap, pos, (char)(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c)))
        return -1;
      continue;
    }
    size_t size;
    long cp = kg_utf8_decode(s + i, n - i, &size);
    if (cp == 0x2018 || cp == 0x2019) {
      i += size;
      if (put(buf, cap, pos, '\'') != 0)
        return -1;
      continue;
    }
    if (cp >= 0) {
      /* a letter whose canonical decomposition starts with an ASCII
       * letter keys as that letter: é -> e, Ş -> s */
      ucs4_t parts[UC_DECOMPOSITION_MAX_LENGTH];
      int k = uc_canonical_decomposition((ucs4_t)cp, parts);
      if (k > 0 && parts[0] < 0x80) {
        i += size;
        char base = (char)parts[0];
        if (put(buf, cap, pos,
                (char)(base >= 'A' && base <= 'Z' ? base - 'A' + 'a' : base)))
          return -1;
        continue;
      }
      cp = (long)uc_tolower((ucs4_t)cp);
      uint8_t out[6];
      int len = u8_uctomb(out, (ucs4_t)cp, (int)sizeof out);
      if (len > 0) {
        i += size;
        for (int b = 0; b < len; b++)
          if (put(buf, cap, pos, (char)out[b]) != 0)
            return -1;
        continue;
      }
    }
    if (put(buf, cap, pos, (char)c) != 0)
      return -1;
    i++;
  }
  return 0;
}

/* The key of a token of n bytes at s when they are all ASCII, which is
 * most tokens: written lower-cased to out (room for n bytes) and hashed in
 * one pass.  No token holds white space (the tokenizer splits there), the
 * one thing append_normalised would write otherwise.  Zero, having written
 * nothing that counts, for any other token. */
static int ascii_key(const char *s, size_t n, char *out,
                     unsigned long long *hash) {
  unsigned long long h = KG_HASH_EMPTY;
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)s[i];
    if (c >= 0x80)
      return 0;
    c = (unsigned char)(c + (((unsigned)c - 'A' < 26u) << 5)); /* A-Z: a-z */
    out[i] = (char)c;
    h = kg_hash_step(h, c);
  }
  *hash = h;
  return 1;
}

/* An article repeats most of its words (seven tokens in ten in news
 * copy): a small direct-mapped memo of the tokens already described, by
 * key hash, spares most probes of the lexicon's large tables, which miss
 * the cache. */
#define MEMO_SLOTS 1024

/* What lex knows of token i, whose key is len bytes long: from the memo
 * when an earlier token had the same key. */
static KgLexWord describe(const KgLexicon *lex, const KgText *t, size_t i,
                          size_t len, size_t memo[MEMO_SLOTS]) {
  const char *key = t->keys + t->key_at[i];
  size_t *slot = &memo[t->key_hash[i] & (MEMO_SLOTS - 1)], j = *slot;
  if (j != SIZE_MAX && t->key_hash[j] == t->key_hash[i] &&
      t->key_at[j + 1] - t->key_at[j] == len &&
      memcmp(t->keys + t->key_at[j], key, len) == 0)
    return t->words[j];
  *slot = i;
  return kg_lexicon_describe(lex, key, len, t->key_hash[i]);
}

/* Fills t->keys, t->key_at and t->key_hash with every token's key, and
 * t->words with what lex (when not NULL) knows of it.  A token's key is
 * at most twice its length plus one byte (a two-byte letter may lower-case
 * to three bytes, no sequence to more than twice its size).  0, or -1 when
 * out of memory. */
static int make_keys(KgText *t, const KgLexicon *lex) {
  size_t cap = 2 * t->len + 1, used = 0;
  size_t memo[MEMO_SLOTS];
  for (size_t k = 0; k < MEMO_SLOTS; k++)
    memo[k] = SIZE_MAX;
  t->keys = malloc(cap);
  t->key_at = malloc((t->token_count + 1) * sizeof *t->key_at);
  t->key_hash = malloc((t->token_count + 1) * sizeof *t->key_hash);
  t->words = malloc((t->token_count + 1) * sizeof *t->words);
  if (!t->keys || !t->key_at || !t->key_hash || !t->words)
    return -1;
  for (size_t i = 0; i < t->token_count; i++) {
    const KgToken *tok = &t->tokens[i];
    int space = 0;
    t->key_at[i] = used;
    if (ascii_key(t->text + tok->start, tok->end - tok->start, t->keys + used,
                  &t->key_hash[i]))
      used += tok->end - tok->start;
    else if (append_normalised(t->text + tok->start, tok->end - tok->start,
                               t->keys, cap, &used, &space) != 0)
      return -1;
    else
      t->key_hash[i] =
          kg_hash_bytes(t->keys + t->key_at[i], used - t->key_at[i]);
    if (lex)
      t->words[i] = describe(lex, t, i, used - t->key_at[i], memo);
  }
  t->lexicon = lex;
  t->key_at[t->token_count] = used;
  return 0;
}

size_t kg_text_key(const KgText *t, size_t first, size_t end, char *buf,
                   size_t cap) {
  size_t pos = 0;
  for (size_t i = first; i < end; i++) {
    size_t len;
    const char *key = kg_token_key(t, i, &len);
    size_t space = i > first && !(t->tokens[i].flags & KG_TOK_GLUED);
    if (pos + space + len >= cap)
      return 0;
    if (space)
      buf[pos++] = ' ';
    memcpy(buf + pos, key, len);
    pos += len;
  }
  return pos;
}

size_t kg_text_keys(const KgText *t, size_t first, size_t built, size_t most,
                    char *buf, size_t cap, size_t *lens,
                    unsigned long long *hashes) {
  size_t pos = built ? lens[built - 1] : 0, n = built;
  unsigned long long hash = built ? hashes[built - 1] : KG_HASH_EMPTY;
  for (; n < most && first + n < t->token_count; n++) {
    size_t len;
    const char *key = kg_token_key(t, first + n, &len);
    size_t space = n > 0 && !(t->tokens[first + n].flags & KG_TOK_GLUED);
    if (pos + space + len >= cap)
      break;
    if (space)
      buf[pos++] = ' ';
    hash = n == 0 ? kg_token_hash(t, first)
                  : kg_hash_extend(kg_hash_extend(hash, " ", space), key, len);
    memcpy(buf + pos, key, len);
    pos += len;
    lens[n] = pos;
    hashes[n] = hash;
  }
  return n;
}

int kg_key_may_split(const char *key, size_t len, size_t n) {
  /* ascii_class reads a byte beyond ASCII as punctuation */
  return ascii_class((unsigned char)key[n - 1]) != CH_ALNUM ||
         ascii_class((unsigned char)key[n]) != CH_ALNUM ||
         (len - n >= 3 && memcmp(key + n, "n't", 3) == 0);
}

size_t kg_phrase_key(const char *phrase, size_t len, char *buf, size_t cap) {
  size_t pos = 0;
  int space = 0;
  if (append_normalised(phrase, len, buf, cap, &pos, &space) != 0)
    return 0;
  return pos;
}
