/* udwords.c - newskg's tokens cut as UD English EWT cuts words; see
 * udwords.h.
 *
 * UD English EWT (v2.15, the treebank the parser learns from) writes a
 * word and its clitic as one token of two words, a multiword token:
 *
 *     don't   -> do n't     won't   -> wo n't     can't    -> ca n't
 *     cannot  -> can not    gonna   -> gon na     wanna    -> wan na
 *     gotta   -> got ta     outta   -> out ta     dont     -> do nt
 *     Putin's -> Putin 's   they're -> they 're   I'm      -> I 'm
 *     we've   -> we 've     he'd    -> he 'd      leaders' -> leaders '
 *
 * the possessive "'s" too (941 of the 944 "'s" of its training file are
 * in a multiword token), with either apostrophe, "'" or U+2019.  Some of
 * what newskg cuts into several tokens EWT keeps as one word: URLs and
 * e-mail addresses, times and dates ("10:30", "9/11"), telephone numbers
 * ("853-3242"), runs of stops and marks ("...", "?!", "--", "''"), a
 * decade ("'90s", "70's"), initials joined by "&" ("AT&T"), and a word
 * whose hyphen follows a prefix ("e-mail", "non-violent", "co-founder");
 * other hyphenated words it cuts as newskg does ("long - term", "1990 -
 * 2000").  And one thing newskg keeps whole EWT writes as two tokens: a
 * number and the unit glued to it ("5 pm", "10 km", "2 bn", "7:30 pm"),
 * though not an ordinal or a decade ("2nd", "1990s").
 *
 * Three steps, taken token by token through one sentence; every word stays
 * a byte span of the article (EWT's words are spans of its text too, "wo"
 * and "n't" of "won't"):
 *   1. glued tokens that EWT writes as one word become one word;
 *   2. a token holding a clitic that newskg keeps whole ("they're",
 *      "cannot") becomes two words of one token, a number with its unit
 *      two tokens;
 *   3. a clitic that newskg cuts off ("'s", "n't", a plural's "'") joins
 *      the word before it in one token.
 * No step reaches across white space.  What is not listed here stays as
 * newskg cut it; tools/ud-words-score.py measures how often that agrees
 * with EWT.
 *
 * The short lists below (clitics, the verbs of "dont", prefixes, ordinal
 * endings, domain names) are EWT's conventions: closed classes of English
 * spelling and of one treebank's guidelines, not knowledge a user
 * extends, so they stay in the code that reads them, as sentences.c keeps
 * its "'s" and "n't".
 *
 * A caption's credit ("AFP / Ludovic MARIN"), which the splitter cuts off
 * the caption's last sentence, is no sentence nor part of one: it becomes
 * that sentence's comment "# credit = AFP / Ludovic MARIN", so that the
 * output keeps all the text while the parser reads the caption alone.
 */
#include "udwords.h"

#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "utf8.h"

/* ---- the lists ----------------------------------------------------------- */

/* What follows the apostrophe of a clitic EWT writes as a word of its own
 * ("'s", "'re"...; "n't" is told apart in is_clitic). */
static const char *const clitics[] = {"s", "re", "m", "ve", "d", "ll"};

/* Words EWT cuts in two without an apostrophe, and the bytes of the
 * first part. */
static const struct {
  const char *word; ///< lower case
  size_t host;      ///< bytes of its first word
} fused[] = {
    {"cannot", 3}, {"gonna", 3}, {"wanna", 3}, {"gotta", 3}, {"outta", 3}};

/* The verbs whose "n't" EWT cuts off when it is written without its
 * apostrophe: "dont" is "do" and "nt", "cant" "ca" and "nt". */
static const char *const nt_hosts[] = {
    "ai",  "are",  "ca", "could",  "did", "do",   "does", "had",
    "has", "have", "is", "should", "was", "were", "wo",   "would"};

/* The prefixes after which EWT keeps a hyphenated word whole ("e-mail",
 * "non-stop", "co-founder"); it cuts the hyphen of every other word. */
static const char *const prefixes[] = {
    "anti",   "co",    "counter", "cross", "e",    "ex",   "intra", "micro",
    "mid",    "multi", "neo",     "non",   "over", "post", "pre",   "pro",
    "psycho", "re",    "semi",    "socio", "sub",  "un"};

/* The endings that a number keeps: ordinals and decades ("2nd", "1990s");
 * EWT cuts off any other ("5 pm", "10 km"). */
static const char *const ordinals[] = {"st", "nd", "rd", "th", "s"};

/* Top-level domains that make "amazon.com" one word without "www.". */
static const char *const domains[] = {"com", "org", "net",
                                      "gov", "edu", "info"};

#define COUNT(a) (sizeof(a) / sizeof *(a))

/* ---- bytes --------------------------------------------------------------- */

static int lower(unsigned char c) {
  return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
}

/* Non-zero when the n bytes at s spell word (lower case ASCII) in any
 * case. */
static int same_word(const char *s, size_t n, const char *word) {
  size_t k = 0;
  for (; k < n && word[k]; k++)
    if (lower((unsigned char)s[k]) != word[k])
      return 0;
  return k == n && !word[k];
}

/* Non-zero when the n bytes at s begin with prefix (lower case ASCII) in
 * any case and go on after it. */
static int begins_with(const char *s, size_t n, const char *prefix) {
  size_t k = strlen(prefix);
  return n > k && same_word(s, k, prefix);
}

/* Non-zero when c, not NUL, is one of the bytes of set. */
static int one_of(char c, const char *set) {
  return c != '\0' && strchr(set, c) != NULL;
}

static int is_alnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         (c >= '0' && c <= '9');
}

/* The bytes of the apostrophe that s[0, n) starts with: 1 for "'", 3 for
 * U+2019, 0 for none. */
static size_t apostrophe(const char *s, size_t n) {
  if (n >= 1 && s[0] == '\'')
    return 1;
  if (n >= 3 && memcmp(s, "\xe2\x80\x99", 3) == 0)
    return 3;
  return 0;
}

/* The bytes of the white space character that s[0, n) starts with, 0 for
 * none: what the tokenizer takes for white space (sentences.c), which
 * never is in a token. */
static size_t space_at(const char *s, size_t n) {
  unsigned char c = (unsigned char)s[0];
  if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v')
    return 1;
  if (c < 0x80)
    return 0;
  size_t size;
  long cp = kg_utf8_decode(s, n, &size);
  return cp == 0xA0 || (cp >= 0x2000 && cp <= 0x200B) || cp == 0x3000 ? size
                                                                      : 0;
}

/* Non-zero when the n bytes at s are a clitic with its apostrophe: "'s",
 * "'re", "’ll", "n't"... */
static int is_clitic(const char *s, size_t n) {
  size_t a = apostrophe(s, n);
  if (a) {
    for (size_t k = 0; k < COUNT(clitics); k++)
      if (same_word(s + a, n - a, clitics[k]))
        return 1;
    return 0;
  }
  return n > 1 && lower((unsigned char)s[0]) == 'n' &&
         (a = apostrophe(s + 1, n - 1)) != 0 &&
         same_word(s + 1 + a, n - 1 - a, "t");
}

/* Where EWT cuts the word of n bytes at s, one token of newskg's, in two:
 * the bytes of its first word, or 0 when it stays whole. */
static size_t host_bytes(const char *s, size_t n) {
  for (size_t k = 0; k < COUNT(fused); k++)
    if (same_word(s, n, fused[k].word))
      return fused[k].host;
  /* the last apostrophe, after at least one byte: "they're", "I'm" */
  for (size_t i = n; i-- > 1;)
    if (apostrophe(s + i, n - i))
      return is_clitic(s + i, n - i) ? i : 0;
  if (n > 2 && lower((unsigned char)s[n - 2]) == 'n' &&
      lower((unsigned char)s[n - 1]) == 't')
    for (size_t k = 0; k < COUNT(nt_hosts); k++)
      if (same_word(s, n - 2, nt_hosts[k]))
        return n - 2;
  return 0;
}

/* Where EWT cuts a number from the unit or abbreviation glued to it ("5pm",
 * "10km", "2bn"): the bytes of the number, or 0 for a token of n bytes at s
 * that is not digits then letters, or is an ordinal or a decade ("2nd",
 * "1990s"), which stay whole. */
static size_t number_bytes(const char *s, size_t n) {
  size_t d = 0;
  while (d < n && s[d] >= '0' && s[d] <= '9')
    d++;
  if (d == 0 || d == n)
    return 0;
  for (size_t k = d; k < n; k++)
    if (!is_alnum(s[k]) || (s[k] >= '0' && s[k] <= '9'))
      return 0;
  for (size_t k = 0; k < COUNT(ordinals); k++)
    if (same_word(s + d, n - d, ordinals[k]))
      return 0;
  return d;
}

/* Non-zero when the n bytes at s, glued tokens, are a URL ("http://...",
 * "www...."), an e-mail address or a host name with one of the domains:
 * one word for EWT. */
static int is_address(const char *s, size_t n) {
  if (begins_with(s, n, "http://") || begins_with(s, n, "https://") ||
      begins_with(s, n, "ftp://") || begins_with(s, n, "www."))
    return 1;
  const char *at = memchr(s, '@', n);
  if (at && at > s) {
    size_t after = (size_t)(at - s) + 1;
    const char *dot = memchr(at + 1, '.', n - after);
    return dot && dot > at + 1 && dot + 1 < s + n;
  }
  const char *slash = memchr(s, '/', n);
  size_t host = slash ? (size_t)(slash - s) : n, dot = host;
  while (dot > 0 && s[dot - 1] != '.')
    dot--;
  if (dot < 2) /* no dot, or nothing before it */
    return 0;
  for (size_t k = 0; k < COUNT(domains); k++)
    if (same_word(s + dot, host - dot, domains[k]))
      return 1;
  return 0;
}

/* ---- tokens -------------------------------------------------------------- */

static const char *tok_text(const KgText *t, size_t i) {
  return t->text + t->tokens[i].start;
}

static size_t tok_len(const KgText *t, size_t i) {
  return t->tokens[i].end - t->tokens[i].start;
}

/* Non-zero when no white space comes before token i. */
static int glued(const KgText *t, size_t i) {
  return (t->tokens[i].flags & KG_TOK_GLUED) != 0;
}

static int is_word(const KgText *t, size_t i) {
  return (t->tokens[i].flags & KG_TOK_WORD) != 0;
}

/* Non-zero when token i is the one byte c. */
static int is_mark(const KgText *t, size_t i, char c) {
  return tok_len(t, i) == 1 && tok_text(t, i)[0] == c;
}

/* Non-zero when token i is an apostrophe alone, "'" or U+2019. */
static int is_apostrophe(const KgText *t, size_t i) {
  size_t n = tok_len(t, i);
  return n > 0 && apostrophe(tok_text(t, i), n) == n;
}

/* Non-zero when token i is U+2018, an opening single quote. */
static int is_open_single(const KgText *t, size_t i) {
  return tok_len(t, i) == 3 && memcmp(tok_text(t, i), "\xe2\x80\x98", 3) == 0;
}

static int all_digits(const KgText *t, size_t i) {
  const char *s = tok_text(t, i);
  size_t n = tok_len(t, i);
  for (size_t k = 0; k < n; k++)
    if (s[k] < '0' || s[k] > '9')
      return 0;
  return n > 0;
}

/* Non-zero when token i is of ASCII letters, digits and the marks a URL or
 * an e-mail address holds. */
static int in_address(const KgText *t, size_t i) {
  const char *s = tok_text(t, i);
  size_t n = tok_len(t, i);
  for (size_t k = 0; k < n; k++)
    if (!is_alnum(s[k]) && !one_of(s[k], "-._~:/?#@%&=+"))
      return 0;
  return 1;
}

static int is_prefix(const KgText *t, size_t i) {
  for (size_t k = 0; k < COUNT(prefixes); k++)
    if (same_word(tok_text(t, i), tok_len(t, i), prefixes[k]))
      return 1;
  return 0;
}

/* Non-zero when tokens i and j are the same bytes. */
static int same_token(const KgText *t, size_t i, size_t j) {
  return tok_len(t, i) == tok_len(t, j) &&
         memcmp(tok_text(t, i), tok_text(t, j), tok_len(t, i)) == 0;
}

/* Non-zero when token i is a mark that EWT writes a run of as one word:
 * "--", "**", "<<", a quote of two apostrophes ("''", "’’"). */
static int doubles(const KgText *t, size_t i) {
  return (tok_len(t, i) == 1 && one_of(tok_text(t, i)[0], "-*=_~+<>$/'`")) ||
         is_apostrophe(t, i) || is_open_single(t, i);
}

/* Step 1: the end of the tokens [i, j) of the sentence [first, end) that
 * EWT writes as one word, j > i, but for the last *tail bytes of token
 * j - 1, a word of their own ("7:30" and "pm" of "7:30pm"); *word is set
 * when the word is letters or digits, which a clitic may follow. */
static size_t merged_end(const KgText *t, size_t first, size_t i, size_t end,
                         unsigned *word, size_t *tail) {
  size_t j = i + 1;
  *word = is_word(t, i) ? 1 : 0;
  *tail = 0;
  /* a URL or an e-mail address, less the stops after it */
  if (*word && in_address(t, i)) {
    while (j < end && glued(t, j) && in_address(t, j))
      j++;
    while (j > i + 1 && tok_len(t, j - 1) == 1 &&
           one_of(tok_text(t, j - 1)[0], ".,:;?!"))
      j--;
    if (j > i + 1 &&
        is_address(tok_text(t, i), t->tokens[j - 1].end - t->tokens[i].start))
      return j;
    j = i + 1;
  }
  if (all_digits(t, i)) {
    /* a decade's plural: "70's" */
    if (j < end && glued(t, j) && tok_len(t, j) > 1 &&
        apostrophe(tok_text(t, j), tok_len(t, j)) == tok_len(t, j) - 1 &&
        lower((unsigned char)tok_text(t, j)[tok_len(t, j) - 1]) == 's')
      return j + 1;
    /* a telephone number: "853-3242", "713-853-3242" (not "1990-2000") */
    size_t k = i;
    while (k + 2 < end && glued(t, k + 1) && is_mark(t, k + 1, '-') &&
           glued(t, k + 2) && all_digits(t, k + 2) && tok_len(t, k) <= 3)
      k += 2;
    if (k > i && tok_len(t, k) == 4)
      return k + 1;
    /* a time or a date: "10:30", "9/11", "16/11/2004", "7:30" of "7:30pm" */
    while (j + 1 < end && glued(t, j) &&
           (is_mark(t, j, ':') || is_mark(t, j, '/')) && glued(t, j + 1)) {
      size_t n = tok_len(t, j + 1),
             d = all_digits(t, j + 1) ? n : number_bytes(tok_text(t, j + 1), n);
      if (!d)
        break;
      j += 2;
      *tail = n - d;
      if (*tail)
        break;
    }
    return j;
  }
  /* stops and marks: "...", "?!", "--", "***" */
  char c = tok_len(t, i) == 1 ? tok_text(t, i)[0] : '\0';
  if (one_of(c, ".!?")) {
    while (j < end && glued(t, j) && tok_len(t, j) == 1 &&
           one_of(tok_text(t, j)[0], ".!?"))
      j++;
    return j;
  }
  if (doubles(t, i)) {
    while (j < end && glued(t, j) && same_token(t, i, j))
      j++;
    if (j > i + 1)
      return j;
  }
  /* initials joined by "&": "AT&T", "S&P", "PG&E" */
  if (*word && i + 2 < end && is_mark(t, i + 1, '&') && glued(t, i + 1) &&
      glued(t, i + 2) && is_word(t, i + 2))
    return i + 3;
  /* a prefix, its hyphen and the word: "e-mail", "non-violent" */
  if (*word && i + 2 < end && is_mark(t, i + 1, '-') && glued(t, i + 1) &&
      glued(t, i + 2) && is_word(t, i + 2) && is_prefix(t, i))
    return i + 3;
  /* a decade's apostrophe: "'90s" (not a plural's, "the leaders'90") */
  if (is_apostrophe(t, i) && !(i > first && glued(t, i) && is_word(t, i - 1)) &&
      j < end && glued(t, j) && tok_text(t, j)[0] >= '0' &&
      tok_text(t, j)[0] <= '9') {
    *word = 1;
    return j + 1;
  }
  return j;
}

/* ---- words --------------------------------------------------------------- */

/* Cuts the tokens [first, end) of t into words, each a span of the text,
 * into w (room for two a token).  Returns how many. */
static size_t cut_words(const KgText *t, size_t first, size_t end,
                        KgUdWord *w) {
  size_t n = 0;
  unsigned last_word = 0; /* the last word is letters or digits: a clitic
                             may join it */
  int quoted = 0; /* inside single quotes: "'" after a word closes them */
  for (size_t i = first; i < end;) {
    unsigned word;
    size_t tail;
    size_t j = merged_end(t, first, i, end, &word, &tail);
    size_t a = t->tokens[i].start, b = t->tokens[j - 1].end - tail;
    const char *s = t->text + a;
    size_t host = j == i + 1 && word ? host_bytes(s, b - a) : 0;
    size_t number = j == i + 1 && word && !host ? number_bytes(s, b - a) : 0;
    if (host || number) { /* step 2: one token of two words, or two tokens */
      size_t cut = host ? host : number;
      w[n++] = (KgUdWord){a, a + cut, i, 0};
      w[n++] = (KgUdWord){a + cut, b, i, host ? 1u : 0u};
      last_word = 1;
      i = j;
      continue;
    }
    /* step 3 */
    unsigned joined = 0;
    int after_word = n > 0 && w[n - 1].end == a && last_word;
    if (j == i + 1 && after_word && is_clitic(s, b - a)) {
      joined = 1;
    } else if (j == i + 1 && after_word && is_apostrophe(t, i)) {
      /* a closing quote, or a plural's possessive ("leaders'") when no
       * word follows it at once */
      char last = t->text[w[n - 1].end - 1];
      if (quoted)
        quoted = 0;
      else if ((last == 's' || last == 'S') &&
               !(j < end && glued(t, j) && is_word(t, j)))
        joined = 1;
    } else if (j == i + 1 && (is_apostrophe(t, i) || is_open_single(t, i)) &&
               j < end && glued(t, j) && is_word(t, j)) {
      quoted = 1;
    }
    w[n++] = (KgUdWord){a, b, i, joined};
    last_word = word;
    if (tail) {
      w[n++] = (KgUdWord){b, b + tail, j - 1, 0};
      last_word = 1;
    }
    i = j;
  }
  return n;
}

KgStatus kg_ud_words(const KgText *t, size_t sentence, KgUdWord **words,
                     size_t *n, size_t *cap, KgError *err) {
  *n = 0;
  if (sentence >= t->sentence_count || t->sentences[sentence].token_count == 0)
    return kg_error(err, KG_ERR_INPUT, "", 0, -1,
                    "no sentence %zu in a text of %zu", sentence,
                    t->sentence_count);
  const KgSentence *s = &t->sentences[sentence];
  size_t room = 2 * s->token_count; /* at most two words a token */
  if (*cap < room) {
    KgUdWord *grown = realloc(*words, room * sizeof *grown);
    if (!grown)
      return kg_error(err, KG_ERR_NOMEM, "", 0, -1, "out of memory");
    *words = grown;
    *cap = room;
  }
  *n = cut_words(t, s->first_token, s->first_token + s->token_count, *words);
  return KG_OK;
}

/* ---- the CoNLL-U sentence ------------------------------------------------ */

/* A string being built; on out-of-memory ok is 0 and s NULL. */
typedef struct {
  char *s;
  size_t len, cap;
  int ok;
} Str;

static void str_add(Str *b, const char *s, size_t n) {
  if (!b->ok)
    return;
  if (b->len + n + 1 > b->cap) {
    size_t cap = b->cap ? b->cap : 64;
    while (cap < b->len + n + 1)
      cap *= 2;
    char *grown = realloc(b->s, cap);
    if (!grown) {
      free(b->s);
      *b = (Str){NULL, 0, 0, 0};
      return;
    }
    b->s = grown;
    b->cap = cap;
  }
  memcpy(b->s + b->len, s, n);
  b->len += n;
  b->s[b->len] = '\0';
}

static void str_puts(Str *b, const char *s) { str_add(b, s, strlen(s)); }

static void str_number(Str *b, size_t v) {
  char digits[24];
  size_t k = sizeof digits;
  do
    digits[--k] = (char)('0' + v % 10);
  while ((v /= 10) > 0);
  str_add(b, digits + k, sizeof digits - k);
}

/* Appends text[start, end) with each run of white space as one space. */
static void str_text(Str *b, const KgText *t, size_t start, size_t end) {
  size_t run = start; /* start of the bytes not yet added */
  for (size_t i = start; i < end;) {
    size_t size = space_at(t->text + i, end - i);
    if (!size) {
      i++;
      continue;
    }
    str_add(b, t->text + run, i - run);
    str_add(b, " ", 1);
    while (i < end && (size = space_at(t->text + i, end - i)) != 0)
      i += size;
    run = i;
  }
  str_add(b, t->text + run, end - run);
}

/* The MISC column of a token that ends at byte end of t. */
static const char *space_after(const KgText *t, size_t end) {
  return end < t->len && !space_at(t->text + end, t->len - end)
             ? "SpaceAfter=No"
             : "_";
}

/* Adds the line b holds (taking it) before word `before`; 0, or -1 when b
 * ran out of memory. */
static int add_line(KgConlluSentence *out, Str *b, size_t before) {
  if (!b->ok)
    return -1;
  out->lines[out->n_lines++] = (KgConlluLine){b->s, before};
  *b = (Str){NULL, 0, 0, 1};
  return 0;
}

/* Adds word w, whose MISC column is misc; 0, or -1 when out of memory. */
static int add_word(KgConlluSentence *out, const KgText *t, const KgUdWord *w,
                    const char *misc) {
  const char *col[KG_CONLLU_STRINGS] = {t->text + w->start, "_", "_", "_",
                                        "_", "_", "_", misc};
  size_t len[KG_CONLLU_STRINGS] = {w->end - w->start, 1, 1, 1, 1, 1, 1,
                                   strlen(misc)};
  return kg_conllu_word_set(&out->words[out->n_words++], col, len, -1);
}

/* The span of the credit cut off sentence si, a caption's last, in
 * [*start, *end); 0 when it has none. */
static int credit_of(const KgText *t, size_t si, size_t *start, size_t *end) {
  const KgSentence *s = &t->sentences[si];
  size_t last = s->first_token + s->token_count;
  size_t next = si + 1 < t->sentence_count ? t->sentences[si + 1].first_token
                                           : t->token_count;
  if (!(s->flags & KG_SENT_CAPTION) || last >= next)
    return 0;
  *start = t->tokens[last].start;
  *end = t->tokens[next - 1].end;
  return 1;
}

KgStatus kg_ud_sentence(const KgText *t, size_t sentence, const char *sent_id,
                        KgConlluSentence *out, KgError *err) {
  kg_conllu_sentence_release(out);
  KgUdWord *p = NULL;
  size_t n, cap = 0;
  KgStatus st = kg_ud_words(t, sentence, &p, &n, &cap, err);
  if (st != KG_OK)
    return st;
  const KgSentence *s = &t->sentences[sentence];
  size_t multi = 0, credit_start = 0, credit_end = 0;
  for (size_t k = 1; k < n; k++)
    multi += p[k].joined && !p[k - 1].joined;
  int credit = credit_of(t, sentence, &credit_start, &credit_end);
  size_t lines = (sent_id ? 2u : 1u) + (credit ? 1u : 0u) + multi;
  out->words = calloc(n, sizeof *out->words);
  out->lines = calloc(lines, sizeof *out->lines);
  Str b = {NULL, 0, 0, 1};
  int bad = !out->words || !out->lines;
  if (!bad && sent_id) {
    str_puts(&b, "# sent_id = ");
    str_puts(&b, sent_id);
    bad |= add_line(out, &b, 0);
  }
  if (!bad) {
    str_puts(&b, "# text = ");
    str_text(&b, t, s->start, s->end);
    bad |= add_line(out, &b, 0);
  }
  if (!bad && credit) {
    str_puts(&b, "# credit = ");
    str_text(&b, t, credit_start, credit_end);
    bad |= add_line(out, &b, 0);
  }
  for (size_t k = 0; k < n && !bad;) {
    size_t g = k + 1; /* the token's words are [k, g) */
    while (g < n && p[g].joined)
      g++;
    const char *misc = space_after(t, p[g - 1].end);
    if (g - k > 1) {
      str_number(&b, k + 1);
      str_add(&b, "-", 1);
      str_number(&b, g);
      str_add(&b, "\t", 1);
      str_add(&b, t->text + p[k].start, p[g - 1].end - p[k].start);
      str_puts(&b, "\t_\t_\t_\t_\t_\t_\t_\t");
      str_puts(&b, misc);
      bad |= add_line(out, &b, k);
      misc = "_";
    }
    for (; k < g && !bad; k++)
      bad |= add_word(out, t, &p[k], k + 1 == g ? misc : "_");
  }
  free(p);
  if (bad) {
    free(b.s);
    kg_conllu_sentence_release(out);
    return kg_error(err, KG_ERR_NOMEM, "", 0, -1, "out of memory");
  }
  return KG_OK;
}
