/* conllu.c - reading and writing CoNLL-U; see conllu.h.
 *
 * The reader takes one line at a time (getline into a buffer of the
 * reader's, reused line after line) and checks it as it goes: the column
 * count, that a word's ID is the next integer, that a multiword token
 * starts at the next word and an empty node follows the word it names.
 * What needs the whole block waits for its end: that it has words, that
 * every HEAD names one of them and every multiword token ends at one.
 *
 * Numbers are written without sign or leading zeros, and the reader
 * accepts no others, so that writing a sentence read gives back the bytes
 * read (save a '\r' before a newline, which the reader drops).  After an
 * error the reader keeps it: every later read returns it again, since the
 * lines after a malformed one no longer say where a sentence starts.
 */
#include "conllu.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>

#include "error.h"
#include "grow.h"

enum { N_COLUMNS = 10 };

struct KgConlluReaderImpl {
  FILE *in;        ///< the caller's stream, not closed here
  char *name;      ///< copy of the file name errors give
  char *buf;       ///< getline's buffer
  size_t buf_cap;  ///< its allocated size
  long line;       ///< lines read so far
  KgStatus status; ///< KG_OK, or the first error, returned from then on
  KgError error;   ///< that error's record
};

/* A block being read: what kg_conllu_read checks as lines come. */
typedef struct {
  size_t words_cap, lines_cap; ///< allocated sizes of s->words, s->lines
  long range_end;              ///< last word of the last multiword token
  long range_line;             ///< that token's line; 0 when none
  long empty_word;             ///< word of the last empty node; -1 if none
  long empty_index;            ///< that node's number after the dot
} Block;

static const char *const column_names[N_COLUMNS] = {
    "ID",    "FORM", "LEMMA",  "UPOS", "XPOS",
    "FEATS", "HEAD", "DEPREL", "DEPS", "MISC"};

KgConlluReader *kg_conllu_reader_new(FILE *in, const char *name) {
  KgConlluReader *r = calloc(1, sizeof *r);
  if (!r)
    return NULL;
  r->in = in;
  r->name = strdup(name ? name : "");
  if (!r->name) {
    free(r);
    return NULL;
  }
  r->status = KG_OK;
  return r;
}

void kg_conllu_reader_free(KgConlluReader *r) {
  if (!r)
    return;
  free(r->name);
  free(r->buf);
  free(r);
}

void kg_conllu_sentence_release(KgConlluSentence *s) {
  if (!s)
    return;
  for (size_t i = 0; i < s->n_words; i++) {
    free(s->words[i].form); /* the word's block: kg_conllu_word_set */
  }
  free(s->words);
  for (size_t i = 0; i < s->n_lines; i++)
    free(s->lines[i].text);
  free(s->lines);
  memset(s, 0, sizeof *s);
}

/* The number written in the n bytes at p: digits only, no sign, no
 * leading zero, at most INT_MAX.  Returns 0, or -1 when p is none such. */
static int parse_number(const char *p, size_t n, long *out) {
  if (n == 0 || (n > 1 && p[0] == '0'))
    return -1;
  long v = 0;
  for (size_t i = 0; i < n; i++) {
    if (p[i] < '0' || p[i] > '9')
      return -1;
    v = v * 10 + (p[i] - '0');
    if (v > INT_MAX)
      return -1;
  }
  *out = v;
  return 0;
}

static char *copy(const char *p, size_t n) {
  char *c = malloc(n + 1);
  if (c) {
    memcpy(c, p, n);
    c[n] = '\0';
  }
  return c;
}

/* Keeps the line of len bytes at text, a comment, multiword token or
 * empty node, before the sentence's next word. */
static KgStatus add_line(KgConlluSentence *s, Block *b, const char *text,
                         size_t len) {
  void *lines = s->lines;
  if (kg_grow(&lines, s->n_lines, &b->lines_cap, sizeof *s->lines) != 0)
    return KG_ERR_NOMEM;
  s->lines = lines;
  char *c = copy(text, len);
  if (!c)
    return KG_ERR_NOMEM;
  s->lines[s->n_lines].text = c;
  s->lines[s->n_lines].before = s->n_words;
  s->n_lines++;
  return KG_OK;
}

int kg_conllu_word_set(KgConlluWord *w, const char *const col[],
                       const size_t len[], int head) {
  size_t total = 0;
  for (int i = 0; i < KG_CONLLU_STRINGS; i++)
    total += len[i] + 1;
  char *block = malloc(total);
  char **field[KG_CONLLU_STRINGS] = {&w->form,  &w->lemma,  &w->upos,
                                     &w->xpos,  &w->feats,  &w->deprel,
                                     &w->deps,  &w->misc};
  for (int i = 0; i < KG_CONLLU_STRINGS; i++) {
    *field[i] = block;
    if (block) {
      memcpy(block, col[i], len[i]);
      block[len[i]] = '\0';
      block += len[i] + 1;
    }
  }
  w->head = head;
  return w->form ? 0 : -1;
}

/* Adds the word of the ten columns at col (col[i], len[i] bytes each) with
 * the head already parsed. */
static KgStatus add_word(KgConlluSentence *s, Block *b,
                         const char *const col[N_COLUMNS],
                         const size_t len[N_COLUMNS], long head) {
  void *words = s->words;
  if (kg_grow(&words, s->n_words, &b->words_cap, sizeof *s->words) != 0)
    return KG_ERR_NOMEM;
  s->words = words;
  /* ID and HEAD are numbers, not strings: the other eight, in order */
  const char *strings[KG_CONLLU_STRINGS] = {col[1], col[2], col[3], col[4],
                                            col[5], col[7], col[8], col[9]};
  size_t lens[KG_CONLLU_STRINGS] = {len[1], len[2], len[3], len[4],
                                    len[5], len[7], len[8], len[9]};
  /* counted in before the check: release frees nothing of a NULL block */
  if (kg_conllu_word_set(&s->words[s->n_words++], strings, lens, (int)head))
    return KG_ERR_NOMEM;
  return KG_OK;
}

/* Checks the ID of a multiword token ("3-4") or empty node ("5.1") against
 * the words read so far; its dash or dot is at sep, n bytes in. */
static KgStatus check_other_id(const KgConlluReader *r,
                               const KgConlluSentence *s, Block *b,
                               const char *id, size_t n, const char *sep,
                               KgError *err) {
  size_t at = (size_t)(sep - id);
  long first = 0, second = 0;
  int bad = parse_number(id, at, &first) != 0 ||
            parse_number(sep + 1, n - at - 1, &second) != 0;
  long next = (long)s->n_words + 1;
  if (*sep == '-') {
    if (bad || second <= first)
      return kg_error(err, KG_ERR_PARSE, r->name, r->line, -1,
                      "malformed multiword token ID \"%.*s\"", (int)n, id);
    if (first != next)
      return kg_error(err, KG_ERR_PARSE, r->name, r->line, -1,
                      "multiword token %ld-%ld where word %ld comes next",
                      first, second, next);
    if (b->range_line && b->range_end >= first)
      return kg_error(err, KG_ERR_PARSE, r->name, r->line, -1,
                      "multiword token %ld-%ld overlaps the one of line %ld",
                      first, second, b->range_line);
    b->range_end = second;
    b->range_line = r->line;
    return KG_OK;
  }
  if (bad || second == 0)
    return kg_error(err, KG_ERR_PARSE, r->name, r->line, -1,
                    "malformed empty node ID \"%.*s\"", (int)n, id);
  long expected = b->empty_word == next - 1 ? b->empty_index + 1 : 1;
  if (first != next - 1 || second != expected)
    return kg_error(err, KG_ERR_PARSE, r->name, r->line, -1,
                    "empty node %ld.%ld where %ld.%ld comes next", first,
                    second, next - 1, expected);
  b->empty_word = first;
  b->empty_index = second;
  return KG_OK;
}

/* Reads the line of len bytes in r->buf (no newline) into s. */
static KgStatus read_line(const KgConlluReader *r, KgConlluSentence *s,
                          Block *b, size_t len, KgError *err) {
  const char *text = r->buf;
  if (text[0] == '#')
    return add_line(s, b, text, len);

  const char *col[N_COLUMNS];
  size_t col_len[N_COLUMNS];
  size_t n = 0;
  const char *p = text, *end = text + len;
  for (;;) {
    const char *tab = memchr(p, '\t', (size_t)(end - p));
    const char *stop = tab ? tab : end;
    if (n < N_COLUMNS) {
      col[n] = p;
      col_len[n] = (size_t)(stop - p);
    }
    n++;
    if (!tab)
      break;
    p = tab + 1;
  }
  if (n != N_COLUMNS)
    return kg_error(err, KG_ERR_PARSE, r->name, r->line, -1,
                    "%zu tab-separated columns, not %d", n, N_COLUMNS);

  const char *sep = NULL;
  for (size_t i = 0; i < col_len[0] && !sep; i++)
    if (col[0][i] == '-' || col[0][i] == '.')
      sep = col[0] + i;
  if (sep) {
    KgStatus st = check_other_id(r, s, b, col[0], col_len[0], sep, err);
    return st != KG_OK ? st : add_line(s, b, text, len);
  }

  long id, head = -1;
  if (parse_number(col[0], col_len[0], &id) != 0 || id == 0)
    return kg_error(err, KG_ERR_PARSE, r->name, r->line, -1,
                    "malformed ID \"%.*s\"", (int)col_len[0], col[0]);
  if (id != (long)s->n_words + 1)
    return kg_error(err, KG_ERR_PARSE, r->name, r->line, -1,
                    "word %ld where word %zu comes next", id, s->n_words + 1);
  for (size_t i = 1; i < N_COLUMNS; i++)
    if (col_len[i] == 0)
      return kg_error(err, KG_ERR_PARSE, r->name, r->line, -1,
                      "empty %s column", column_names[i]);
  if (!(col_len[6] == 1 && col[6][0] == '_') &&
      parse_number(col[6], col_len[6], &head) != 0)
    return kg_error(err, KG_ERR_PARSE, r->name, r->line, -1,
                    "HEAD \"%.*s\" is not a word number", (int)col_len[6],
                    col[6]);
  return add_word(s, b, col, col_len, head);
}

/* Checks what needs the whole block once it has ended at line end_line. */
static KgStatus end_block(const KgConlluReader *r, const KgConlluSentence *s,
                          const Block *b, long end_line, KgError *err) {
  if (s->n_words == 0)
    return kg_error(err, KG_ERR_PARSE, r->name, end_line, -1,
                    "a sentence without words");
  if (b->range_line && b->range_end > (long)s->n_words)
    return kg_error(err, KG_ERR_PARSE, r->name, b->range_line, -1,
                    "multiword token ends at word %ld of %zu", b->range_end,
                    s->n_words);
  /* the word's line: the block's lines so far, the other lines before it
   * counted in */
  long line = s->first_line;
  size_t k = 0;
  for (size_t i = 0; i < s->n_words; i++, line++) {
    for (; k < s->n_lines && s->lines[k].before <= i; k++)
      line++;
    if (s->words[i].head > (long)s->n_words)
      return kg_error(err, KG_ERR_PARSE, r->name, line, -1,
                      "HEAD %d of a sentence of %zu words", s->words[i].head,
                      s->n_words);
  }
  return KG_OK;
}

static KgStatus read_block(KgConlluReader *r, KgConlluSentence *s,
                           KgError *err) {
  Block b = {.empty_word = -1};
  for (;;) {
    errno = 0;
    ssize_t got = getline(&r->buf, &r->buf_cap, r->in);
    if (got < 0) {
      if (ferror(r->in))
        return kg_error(err, KG_ERR_IO, r->name, r->line + 1, -1,
                        "cannot read: %s", strerror(errno));
      if (errno == ENOMEM)
        return kg_error(err, KG_ERR_NOMEM, r->name, r->line + 1, -1,
                        "out of memory");
      if (!s->first_line)
        return KG_OK; /* the end of the input */
      return end_block(r, s, &b, r->line, err);
    }
    r->line++;
    size_t len = (size_t)got;
    if (len > 0 && r->buf[len - 1] == '\n')
      len--;
    if (len > 0 && r->buf[len - 1] == '\r')
      len--;
    r->buf[len] = '\0';
    if (len == 0)
      return end_block(r, s, &b, r->line, err);
    if (memchr(r->buf, '\0', len))
      return kg_error(err, KG_ERR_PARSE, r->name, r->line, -1,
                      "a NUL byte in the line");
    if (!s->first_line)
      s->first_line = r->line;
    KgStatus st = read_line(r, s, &b, len, err);
    if (st == KG_ERR_NOMEM)
      return kg_error(err, st, r->name, r->line, -1, "out of memory");
    if (st != KG_OK)
      return st;
  }
}

KgStatus kg_conllu_read(KgConlluReader *r, KgConlluSentence *s, KgError *err) {
  kg_conllu_sentence_release(s);
  if (r->status == KG_OK) {
    KgStatus st = read_block(r, s, &r->error);
    if (st == KG_OK)
      return KG_OK;
    r->status = st;
    kg_conllu_sentence_release(s);
  }
  if (err)
    *err = r->error;
  return r->status;
}

/* Writes str (NULL: "_") and then the byte after; 0, or -1 on an error. */
static int put(FILE *out, const char *str, int after) {
  return fputs(str ? str : "_", out) < 0 || putc(after, out) == EOF ? -1 : 0;
}

int kg_conllu_write(FILE *out, const KgConlluSentence *s) {
  int bad = 0;
  size_t k = 0;
  for (size_t i = 0; i <= s->n_words; i++) {
    /* after the last word, every line left (before should be n_words) */
    for (; k < s->n_lines && (s->lines[k].before <= i || i == s->n_words); k++)
      bad |= put(out, s->lines[k].text, '\n');
    if (i == s->n_words)
      break;
    const KgConlluWord *w = &s->words[i];
    bad |= fprintf(out, "%zu\t", i + 1) < 0;
    bad |= put(out, w->form, '\t');
    bad |= put(out, w->lemma, '\t');
    bad |= put(out, w->upos, '\t');
    bad |= put(out, w->xpos, '\t');
    bad |= put(out, w->feats, '\t');
    bad |=
        w->head < 0 ? put(out, "_", '\t') : fprintf(out, "%d\t", w->head) < 0;
    bad |= put(out, w->deprel, '\t');
    bad |= put(out, w->deps, '\t');
    bad |= put(out, w->misc, '\n');
  }
  bad |= putc('\n', out) == EOF;
  return bad ? -1 : 0;
}
