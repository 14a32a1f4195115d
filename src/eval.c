/* eval.c - kg_eval: scores a graph against a gold annotation.
 *
 * This is a port of ../shared/eval/score.py, line for line where it matters,
 * so that `newskg eval` and score.py print the same report for the same
 * files (named for what they hold).  score.py is the reference: when the two disagree, this file is
 * wrong.  The parts that need care:
 *
 *   - Names are compared by a key (kg_eval_norm): NFKD, combining marks
 *     (canonical combining class != 0) dropped, full case folding, Python's
 *     str.strip(), a leading "the" + whitespace dropped, each run of
 *     characters outside Python's \w (letters L*, numbers N*, '_') made one
 *     space.  libunistring does the Unicode; Python's whitespace set
 *     (str.isspace, which is also re's \s) is spelled out below.
 *   - Graph lines are matched by score.py's regular expression, which
 *     backtracks; kg_eval_match_line tries the same alternatives in the same
 *     order.  Lines are split where str.splitlines() splits them; gold lines
 *     where Python's text-mode file iteration splits them (\n, \r\n, \r).
 *   - A graph is read by what it holds, not by its name (score.py trusts
 *     ".ttl"; a Turtle file named .nt there scores 0): raptor's guesser
 *     looks at its first bytes and its name, and Turtle, TriG or RDF/XML
 *     is converted to N-Triples in-process, as `rapper -i turtle -o
 *     ntriples` would, then read as N-Triples (read_graph).  A file that
 *     gives no triple whichever way it is read is an error.
 *   - Scores are rounded as Python's round(x, 3) rounds: to the nearest
 *     3-decimal value of the exact binary double (printf's %.3f does that).
 *
 * Data flow: read_gold -> read_graph (triples) -> collect (labels, types,
 * edges per node) -> score_entities -> score_relations -> report.  Nothing is
 * printed except to the caller's report stream.
 *
 * Known differences, all on input score.py cannot handle either: a NUL
 * character in a name ends it here; a \uD800-style escape of a lone
 * surrogate reads as U+FFFD (Python keeps the surrogate, then fails to print
 * it); \U escapes above U+10FFFF are a parse error (Python raises).
 */
#include "eval.h"

#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unicase.h>
#include <unictype.h>
#include <uninorm.h>
#include <unistr.h>

#include "error.h"
#include "grow.h"
#include "newskg.h"
#include "serialize.h"
#include "strmap.h"
#include "utf8.h"

/* --- small helpers ------------------------------------------------------ */

static char *copy_span(const char *s, size_t len) {
  char *copy = malloc(len + 1);
  if (copy) {
    memcpy(copy, s, len);
    copy[len] = '\0';
  }
  return copy;
}

/* A growing list of owned strings. */
typedef struct {
  char **items; ///< owned strings
  size_t count; ///< in use
  size_t cap;   ///< allocated
} StrList;

/* Appends a formatted string.  Returns 0, or -1 when out of memory. */
static int list_add(StrList *list, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  int n = vsnprintf(NULL, 0, fmt, ap);
  va_end(ap);
  if (n < 0 || kg_grow((void **)&list->items, list->count, &list->cap,
                       sizeof *list->items) != 0)
    return -1;
  char *s = malloc((size_t)n + 1);
  if (!s)
    return -1;
  va_start(ap, fmt);
  vsnprintf(s, (size_t)n + 1, fmt, ap);
  va_end(ap);
  list->items[list->count++] = s;
  return 0;
}

static void list_release(StrList *list) {
  for (size_t i = 0; i < list->count; i++)
    free(list->items[i]);
  free(list->items);
}

/* Reads the whole file into a new NUL-terminated buffer. */
static KgStatus read_file(const char *path, char **data, size_t *len,
                          KgError *err) {
  *data = NULL;
  FILE *fh = fopen(path, "rb");
  if (!fh)
    return kg_error(err, KG_ERR_IO, path, 0, -1, "%s", strerror(errno));
  char *buf = NULL;
  size_t used = 0, cap = 0;
  KgStatus status = KG_OK;
  for (;;) {
    if (cap - used < 4096) {
      size_t n = cap ? cap * 2 : 65536;
      char *grown = realloc(buf, n + 1);
      if (!grown) {
        status = kg_error(err, KG_ERR_NOMEM, path, 0, -1, "out of memory");
        break;
      }
      buf = grown;
      cap = n;
    }
    size_t got = fread(buf + used, 1, cap - used, fh);
    used += got;
    if (got == 0) {
      if (ferror(fh))
        status = kg_error(err, KG_ERR_IO, path, 0, -1, "%s", strerror(errno));
      break;
    }
  }
  fclose(fh);
  if (status != KG_OK) {
    free(buf);
    return status;
  }
  if (!buf && !(buf = malloc(1)))
    return kg_error(err, KG_ERR_NOMEM, path, 0, -1, "out of memory");
  buf[used] = '\0';
  size_t bad = kg_utf8_check(buf, used);
  if (bad < used) {
    free(buf);
    KgStatus s = kg_error(err, KG_ERR_PARSE, path, 0, -1, "invalid UTF-8");
    if (err)
      err->offset = (long)bad;
    return s;
  }
  *data = buf;
  *len = used;
  return KG_OK;
}

/* --- Python's character classes ---------------------------------------- */

/* str.isspace(), which is also what re's \s and str.split() use. */
static int py_isspace(ucs4_t c) {
  return (c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x20) || c == 0x85 ||
         c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) ||
         c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F ||
         c == 0x3000;
}

/* re's \w on str: str.isalnum() or '_', i.e. categories L* and N*. */
static int py_isword(ucs4_t c) {
  return c == '_' || uc_is_general_category(c, UC_CATEGORY_L) ||
         uc_is_general_category(c, UC_CATEGORY_N);
}

/* The code point at byte i of valid UTF-8 s (n bytes) and its length. */
static ucs4_t char_at(const char *s, size_t n, size_t i, size_t *size) {
  long c = kg_utf8_decode(s + i, n - i, size);
  return c < 0 ? 0xFFFD : (ucs4_t)c;
}

static size_t skip_spaces(const char *s, size_t n, size_t i) {
  size_t size;
  while (i < n && py_isspace(char_at(s, n, i, &size)))
    i += size;
  return i;
}

static size_t skip_nonspaces(const char *s, size_t n, size_t i) {
  size_t size;
  while (i < n && !py_isspace(char_at(s, n, i, &size)))
    i += size;
  return i;
}

/* Start of the code point before byte i (i > 0). */
static size_t prev_char(const char *s, size_t i) {
  do
    i--;
  while (i > 0 && ((unsigned char)s[i] & 0xC0) == 0x80);
  return i;
}

/* Non-zero when s[0..n) is empty or all whitespace (not line.strip()). */
static int is_blank(const char *s, size_t n) {
  return skip_spaces(s, n, 0) == n;
}

/* --- names -------------------------------------------------------------- */

char *kg_eval_norm(const char *name, size_t len, size_t *out_len) {
  if (kg_utf8_check(name, len) != len)
    return NULL;
  /* NFKD, then drop combining marks, then case-fold. */
  uint8_t *folded = NULL;
  size_t flen = 0;
  if (len > 0) {
    size_t dlen;
    uint8_t *d =
        u8_normalize(UNINORM_NFKD, (const uint8_t *)name, len, NULL, &dlen);
    if (!d)
      return NULL;
    size_t kept = 0;
    for (size_t i = 0; i < dlen;) {
      ucs4_t c;
      int size = u8_mbtouc(&c, d + i, dlen - i);
      if (uc_combining_class(c) == 0) {
        memmove(d + kept, d + i, (size_t)size);
        kept += (size_t)size;
      }
      i += (size_t)size;
    }
    if (kept > 0) {
      folded = u8_casefold(d, kept, NULL, NULL, NULL, &flen);
      free(d);
      if (!folded)
        return NULL;
    } else {
      free(d);
    }
  }
  const char *f = (const char *)folded;

  char *out = malloc(flen + 1);
  if (!out) {
    free(folded);
    return NULL;
  }
  /* s.strip(), then ^the\s+ */
  size_t i = skip_spaces(f, flen, 0), end = flen;
  while (end > i) {
    size_t p = prev_char(f, end), size;
    if (!py_isspace(char_at(f, flen, p, &size)))
      break;
    end = p;
  }
  if (end - i > 3 && memcmp(f + i, "the", 3) == 0) {
    size_t j = skip_spaces(f, end, i + 3);
    if (j > i + 3)
      i = j;
  }
  /* [^\w]+ -> " ", then " ".join(s.split()) */
  size_t used = 0;
  int gap = 0;
  while (i < end) {
    size_t size;
    ucs4_t c = char_at(f, end, i, &size);
    if (py_isword(c)) {
      if (gap && used > 0)
        out[used++] = ' ';
      memcpy(out + used, f + i, size);
      used += size;
      gap = 0;
    } else {
      gap = 1;
    }
    i += size;
  }
  out[used] = '\0';
  free(folded);
  if (out_len)
    *out_len = used;
  return out;
}

/* --- the N-Triples line pattern ----------------------------------------- *
 *
 *   TERM = (<[^>]*>|_:\S+|"(?:[^"\\]|\\.)*"(?:@[A-Za-z0-9-]+|\^\^<[^>]*>)?)
 *   LINE = ^\s*TERM\s+TERM\s+TERM(?:\s+\S+)?\s*\.\s*$
 */

/* \s*\.\s*$ at i */
static int tail_ok(const char *s, size_t n, size_t i) {
  i = skip_spaces(s, n, i);
  return i < n && s[i] == '.' && skip_spaces(s, n, i + 1) == n;
}

/* (?:\s+\S+)?\s*\.\s*$ at i, with the optional group tried first. */
static int rest_ok(const char *s, size_t n, size_t i) {
  size_t j = skip_spaces(s, n, i);
  if (j > i) {
    size_t b = skip_nonspaces(s, n, j);
    for (size_t c = b; c > j; c = prev_char(s, c))
      if (tail_ok(s, n, c))
        return 1;
  }
  return tail_ok(s, n, i);
}

static int match_term(const char *s, size_t n, int k, size_t i,
                      KgSpan terms[3]);

/* Term k spans [i, e): does the rest of the line match? */
static int try_end(const char *s, size_t n, int k, size_t i, size_t e,
                   KgSpan terms[3]) {
  terms[k].start = i;
  terms[k].end = e;
  if (k == 2)
    return rest_ok(s, n, e);
  size_t j = skip_spaces(s, n, e);
  return j > e && match_term(s, n, k + 1, j, terms);
}

/* Term k at i, trying its possible ends in the regex's order. */
static int match_term(const char *s, size_t n, int k, size_t i,
                      KgSpan terms[3]) {
  if (i >= n)
    return 0;
  if (s[i] == '<') {
    const char *gt = memchr(s + i + 1, '>', n - i - 1);
    return gt && try_end(s, n, k, i, (size_t)(gt - s) + 1, terms);
  }
  if (s[i] == '_') {
    if (i + 1 >= n || s[i + 1] != ':')
      return 0;
    size_t b = skip_nonspaces(s, n, i + 2);
    for (size_t c = b; c > i + 2; c = prev_char(s, c))
      if (try_end(s, n, k, i, c, terms))
        return 1;
    return 0;
  }
  if (s[i] != '"')
    return 0;
  size_t j = i + 1, size;
  while (j < n && s[j] != '"') {
    if (s[j] == '\\') {
      if (j + 1 >= n)
        return 0;
      char_at(s, n, j + 1, &size);
      j += 1 + size;
    } else {
      j++;
    }
  }
  if (j >= n)
    return 0;
  size_t q = j + 1; /* just after the closing quote */
  if (q < n && s[q] == '@') {
    size_t t = q + 1;
    while (t < n &&
           ((s[t] >= 'A' && s[t] <= 'Z') || (s[t] >= 'a' && s[t] <= 'z') ||
            (s[t] >= '0' && s[t] <= '9') || s[t] == '-'))
      t++;
    if (t > q + 1 && try_end(s, n, k, i, t, terms))
      return 1;
  } else if (n - q >= 3 && memcmp(s + q, "^^<", 3) == 0) {
    const char *gt = memchr(s + q + 3, '>', n - q - 3);
    if (gt && try_end(s, n, k, i, (size_t)(gt - s) + 1, terms))
      return 1;
  }
  return try_end(s, n, k, i, q, terms);
}

int kg_eval_match_line(const char *line, size_t len, KgSpan terms[3]) {
  return match_term(line, len, 0, skip_spaces(line, len, 0), terms);
}

/* --- gold ----------------------------------------------------------------- */

typedef struct {
  char *canon;  ///< canonical name
  char *type;   ///< gold type ("Person", ..., or "*")
  int optional; ///< an entity? line
} GoldEntity;

typedef enum { REL_REQUIRED, REL_ALLOWED, REL_FORBIDDEN } RelKind;

typedef struct {
  RelKind kind; ///< rel, rel! or any other rel* kind (rel?)
  char *s;      ///< subject canonical name
  char *p;      ///< relation name
  char **o;     ///< n_o object canonical names
  size_t n_o;   ///< at least 1
} GoldRelation;

typedef struct {
  GoldEntity *ents; ///< in order of first definition
  size_t n_ents, ents_cap;
  KgStrMap *by_canon; ///< canonical name -> index in ents
  KgStrMap *alias;    ///< norm(name) -> index in ents (last one wins)
  GoldRelation *rels; ///< in file order
  size_t n_rels, rels_cap;
} Gold;

static void gold_release(Gold *g) {
  for (size_t i = 0; i < g->n_ents; i++) {
    free(g->ents[i].canon);
    free(g->ents[i].type);
  }
  for (size_t i = 0; i < g->n_rels; i++) {
    free(g->rels[i].s);
    free(g->rels[i].p);
    for (size_t k = 0; k < g->rels[i].n_o; k++)
      free(g->rels[i].o[k]);
    free(g->rels[i].o);
  }
  free(g->ents);
  free(g->rels);
  kg_strmap_free(g->by_canon);
  kg_strmap_free(g->alias);
}

/* Splits s[0..n) at tabs into at most max spans; returns the column count
 * (which may exceed max: the rest is not stored). */
static size_t split_tabs(const char *s, size_t n, KgSpan *cols, size_t max) {
  size_t count = 0, start = 0;
  for (size_t i = 0; i <= n; i++)
    if (i == n || s[i] == '\t') {
      if (count < max)
        cols[count] = (KgSpan){start, i};
      count++;
      start = i + 1;
    }
  return count;
}

/* Python repr() of a name in an error message, near enough. */
static const char *quote_for(const char *s) {
  return strchr(s, '\'') && !strchr(s, '"') ? "\"" : "'";
}

static KgStatus gold_entity_line(Gold *g, const char *line, size_t n,
                                 const KgSpan *cols, size_t ncols,
                                 int optional) {
  const KgSpan *c = &cols[2];
  char *canon = copy_span(line + c->start, c->end - c->start);
  char *type = copy_span(line + cols[1].start, cols[1].end - cols[1].start);
  if (!canon || !type) {
    free(canon);
    free(type);
    return KG_ERR_NOMEM;
  }
  size_t id;
  if (kg_strmap_get(g->by_canon, canon, strlen(canon), &id)) {
    /* ents[canon] = ...: a redefinition keeps its place */
    free(g->ents[id].type);
    free(canon);
    g->ents[id].type = type;
    g->ents[id].optional = optional;
  } else if (kg_grow((void **)&g->ents, g->n_ents, &g->ents_cap,
                     sizeof *g->ents) != 0 ||
             kg_strmap_put(g->by_canon, canon, strlen(canon), g->n_ents)) {
    free(canon);
    free(type);
    return KG_ERR_NOMEM;
  } else {
    id = g->n_ents++;
    g->ents[id] = (GoldEntity){canon, type, optional};
  }
  /* every name from column 2 on is an alias (the canonical name too) */
  size_t start = cols[2].start;
  for (size_t col = 2; col < ncols; col++) {
    const char *tab = memchr(line + start, '\t', n - start);
    size_t end = tab ? (size_t)(tab - line) : n;
    size_t klen;
    char *key = kg_eval_norm(line + start, end - start, &klen);
    if (!key)
      return KG_ERR_NOMEM;
    int failed = kg_strmap_put(g->alias, key, klen, id);
    free(key);
    if (failed)
      return KG_ERR_NOMEM;
    start = end + 1;
  }
  return KG_OK;
}

static KgStatus gold_rel_line(Gold *g, const char *path, long lineno,
                              const char *line, const KgSpan *cols,
                              RelKind kind, KgError *err) {
  GoldRelation r = {kind, NULL, NULL, NULL, 0};
  KgStatus status = KG_ERR_NOMEM;
  const KgSpan *oc = &cols[3];
  size_t n_o = 1;
  for (size_t i = oc->start; i < oc->end; i++)
    n_o += line[i] == '|';
  r.s = copy_span(line + cols[1].start, cols[1].end - cols[1].start);
  r.p = copy_span(line + cols[2].start, cols[2].end - cols[2].start);
  r.o = calloc(n_o, sizeof *r.o);
  if (!r.s || !r.p || !r.o)
    goto fail;
  for (size_t i = oc->start, k = 0; k < n_o; k++) {
    const char *bar = memchr(line + i, '|', oc->end - i);
    size_t end = bar ? (size_t)(bar - line) : oc->end;
    if (!(r.o[k] = copy_span(line + i, end - i)))
      goto fail;
    r.n_o++;
    i = end + 1;
  }
  /* every end must be an entity defined above */
  for (size_t k = 0; k <= r.n_o; k++) {
    const char *e = k == 0 ? r.s : r.o[k - 1];
    size_t unused;
    if (!kg_strmap_get(g->by_canon, e, strlen(e), &unused)) {
      const char *q = quote_for(e);
      status = kg_error(err, KG_ERR_PARSE, path, lineno, -1,
                        "relation names unknown entity %s%s%s", q, e, q);
      goto fail;
    }
  }
  if (kg_grow((void **)&g->rels, g->n_rels, &g->rels_cap, sizeof *g->rels))
    goto fail;
  g->rels[g->n_rels++] = r;
  return KG_OK;
fail:
  free(r.s);
  free(r.p);
  for (size_t k = 0; k < r.n_o; k++)
    free(r.o[k]);
  free(r.o);
  if (status == KG_ERR_NOMEM)
    kg_error(err, status, path, lineno, -1, "out of memory");
  return status;
}

static KgStatus read_gold(const char *path, Gold *g, KgError *err) {
  char *data;
  size_t len;
  KgStatus status = read_file(path, &data, &len, err);
  if (status != KG_OK)
    return status;
  g->by_canon = kg_strmap_new();
  g->alias = kg_strmap_new();
  if (!g->by_canon || !g->alias) {
    free(data);
    return kg_error(err, KG_ERR_NOMEM, path, 0, -1, "out of memory");
  }
  long lineno = 0;
  for (size_t pos = 0; pos < len && status == KG_OK;) {
    /* one line, ended by \n, \r\n or \r (Python's universal newlines) */
    size_t end = pos;
    while (end < len && data[end] != '\n' && data[end] != '\r')
      end++;
    size_t next = end;
    if (next < len)
      next += (data[next] == '\r' && next + 1 < len && data[next + 1] == '\n')
                  ? 2
                  : 1;
    const char *line = data + pos;
    size_t n = end - pos;
    pos = next;
    lineno++;
    if (is_blank(line, n) || line[0] == '#')
      continue;
    KgSpan cols[4];
    size_t ncols = split_tabs(line, n, cols, 4);
    size_t klen = cols[0].end - cols[0].start;
    if (klen >= 6 && memcmp(line, "entity", 6) == 0) {
      if (ncols < 3) {
        status = kg_error(err, KG_ERR_PARSE, path, lineno, -1,
                          "entity line needs a type and a name");
        break;
      }
      status = gold_entity_line(g, line, n, cols, ncols,
                                klen == 7 && line[6] == '?');
      if (status != KG_OK)
        kg_error(err, status, path, lineno, -1, "out of memory");
    } else if (klen >= 3 && memcmp(line, "rel", 3) == 0) {
      if (ncols < 4) {
        status = kg_error(err, KG_ERR_PARSE, path, lineno, -1,
                          "relation line needs a subject, a predicate "
                          "and an object");
        break;
      }
      RelKind kind = REL_ALLOWED;
      if (klen == 3)
        kind = REL_REQUIRED;
      else if (klen == 4 && line[3] == '!')
        kind = REL_FORBIDDEN;
      status = gold_rel_line(g, path, lineno, line, cols, kind, err);
    }
  }
  free(data);
  return status;
}

/* --- graph ------------------------------------------------------------------ */

/* Converts data (len bytes of the file at path) from syntax, a raptor
 * parser name, to N-Triples text, as `rapper -q -i SYNTAX -o ntriples PATH`
 * does (base URI: the file's URI).  A warning fails it as it fails rapper,
 * and score.py after it.  The first message goes into *err. */
static void forward_statement(void *user_data, raptor_statement *st) {
  raptor_serializer_serialize_statement(user_data, st);
}

static KgStatus to_ntriples(const char *path, const char *syntax,
                            const char *data, size_t len, char **out,
                            size_t *out_len, KgError *err) {
  *out = NULL;
  KgRaptorLog log = {err, path, 0, 0};
  raptor_world *world = kg_raptor_world_new(&log);
  raptor_parser *parser = NULL;
  raptor_serializer *ser = NULL;
  raptor_uri *base = NULL;
  void *text = NULL;
  size_t text_len = 0;
  KgStatus status = KG_ERR_NOMEM;
  if (!world)
    goto done;
  unsigned char *uri = raptor_uri_filename_to_uri_string(path);
  if (uri) {
    base = raptor_new_uri(world, uri);
    raptor_free_memory(uri);
  }
  parser = raptor_new_parser(world, syntax);
  ser = raptor_new_serializer(world, "ntriples");
  if (!base || !parser || !ser)
    goto done;
  status = KG_ERR_RDF;
  if (raptor_serializer_start_to_string(ser, NULL, &text, &text_len) != 0)
    goto done;
  raptor_parser_set_statement_handler(parser, ser, forward_statement);
  int failed = raptor_parser_parse_start(parser, base) != 0 ||
               raptor_parser_parse_chunk(parser, (const unsigned char *)data,
                                         len, 1) != 0;
  if (raptor_serializer_serialize_end(ser) != 0)
    failed = 1;
  raptor_free_serializer(ser); /* finishes the string */
  ser = NULL;
  if (failed || log.errors > 0 || log.warnings > 0) {
    status = KG_ERR_PARSE;
    goto done;
  }
  *out = copy_span(text ? text : "", text ? text_len : 0);
  *out_len = text ? text_len : 0;
  status = *out ? KG_OK : KG_ERR_NOMEM;
done:
  if (text)
    raptor_free_memory(text);
  if (ser)
    raptor_free_serializer(ser);
  if (parser)
    raptor_free_parser(parser);
  if (base)
    raptor_free_uri(base);
  if (world)
    raptor_free_world(world);
  if (status != KG_OK &&
      (status == KG_ERR_NOMEM || log.errors + log.warnings == 0))
    kg_error(err, status, path, 0, -1,
             status == KG_ERR_NOMEM ? "out of memory"
                                    : "cannot convert to N-Triples");
  return status;
}

/* The syntaxes that are converted to N-Triples before the lines are read,
 * by their raptor parser names and as messages name them; N-Triples and
 * N-Quads are read line by line, as score.py reads them. */
static const struct {
  const char *parser, *title;
} converted_syntaxes[] = {
    {"turtle", "Turtle"}, {"trig", "TriG"}, {"rdfxml", "RDF/XML"}};

#define GUESS_BYTES 4096 /* what the guesser reads of the file */

/* The syntax raptor's guesser reads in the graph file, from its first
 * bytes and its name as `rapper -g` guesses, when it is one of
 * converted_syntaxes (its index); else -1 (N-Triples, N-Quads, or nothing
 * known). */
static int converted_syntax(const char *path, const char *data, size_t len) {
  KgRaptorLog log = {NULL, path, 0, 0};
  raptor_world *world = kg_raptor_world_new(&log);
  if (!world)
    return -1;
  const char *guess = raptor_world_guess_parser_name(
      world, NULL, NULL, (const unsigned char *)data,
      len < GUESS_BYTES ? len : GUESS_BYTES, (const unsigned char *)path);
  int syntax = -1;
  for (int i = 0; guess && i < (int)(sizeof converted_syntaxes /
                                     sizeof *converted_syntaxes);
       i++)
    if (strcmp(guess, converted_syntaxes[i].parser) == 0)
      syntax = i;
  raptor_free_world(world);
  return syntax;
}

/* A graph node (subject or object term) as the scorer sees it. */
typedef struct {
  char *term;      ///< the term as written, e.g. "<https://...>"
  StrList labels;  ///< unescaped label literals, in file order
  unsigned types;  ///< bit per gold type, see type_names
  long label_gold; ///< gold entity of the first matching label, or -1
  long gold;       ///< node_gold: the gold entity matched as a typed node
} Node;

/* Gold types in sorted order: sorted(tset) is the order of the bits. */
static const char *const type_names[] = {"City", "Country", "Organization",
                                         "Person"};

typedef struct {
  size_t s; ///< subject node
  char *p;  ///< local name of the predicate
  char *o;  ///< object term (its node may not exist)
} Edge;

typedef struct {
  Node *nodes; ///< nodes with labels or types
  size_t n_nodes, nodes_cap;
  KgStrMap *by_term; ///< term -> node index
  size_t *typed;     ///< nodes in the order they were first typed
  size_t n_typed, typed_cap;
  Edge *edges; ///< in file order
  size_t n_edges, edges_cap;
  size_t unparsed; ///< lines that matched no pattern
  size_t matched;  ///< lines that matched it
} Graph;

static void graph_release(Graph *g) {
  for (size_t i = 0; i < g->n_nodes; i++) {
    free(g->nodes[i].term);
    list_release(&g->nodes[i].labels);
  }
  for (size_t i = 0; i < g->n_edges; i++) {
    free(g->edges[i].p);
    free(g->edges[i].o);
  }
  free(g->nodes);
  free(g->typed);
  free(g->edges);
  kg_strmap_free(g->by_term);
}

/* The node of a term, created when absent; SIZE_MAX when out of memory. */
static size_t node_of(Graph *g, const char *term, size_t len) {
  size_t id;
  if (kg_strmap_get(g->by_term, term, len, &id))
    return id;
  char *copy = copy_span(term, len);
  if (!copy ||
      kg_grow((void **)&g->nodes, g->n_nodes, &g->nodes_cap,
              sizeof *g->nodes) != 0 ||
      kg_strmap_put(g->by_term, term, len, g->n_nodes) != 0) {
    free(copy);
    return SIZE_MAX;
  }
  Node *n = &g->nodes[g->n_nodes];
  memset(n, 0, sizeof *n);
  n->term = copy;
  n->label_gold = -1;
  n->gold = -1;
  return g->n_nodes++;
}

/* iri.strip("<>"): the span without leading and trailing '<' and '>'. */
static void strip_brackets(const char **s, size_t *n) {
  while (*n > 0 && (**s == '<' || **s == '>'))
    (*s)++, (*n)--;
  while (*n > 0 && ((*s)[*n - 1] == '<' || (*s)[*n - 1] == '>'))
    (*n)--;
}

/* local(iri): the part after the last '#' or '/'. */
static void local_name(const char **s, size_t *n) {
  strip_brackets(s, n);
  for (size_t i = *n; i > 0; i--)
    if ((*s)[i - 1] == '#' || (*s)[i - 1] == '/') {
      *s += i;
      *n -= i;
      return;
    }
}

static int span_is(const char *s, size_t n, const char *word) {
  return strlen(word) == n && memcmp(s, word, n) == 0;
}

/* Appends code point c as UTF-8. */
static size_t put_char(char *out, ucs4_t c) {
  if (c >= 0xD800 && c <= 0xDFFF)
    c = 0xFFFD;
  int n = u8_uctomb((uint8_t *)out, c, 4);
  return n > 0 ? (size_t)n : 0;
}

static int hex_digits(const char *s, size_t n, size_t count, ucs4_t *value) {
  if (n < count)
    return 0;
  unsigned long v = 0;
  for (size_t i = 0; i < count; i++) {
    char c = s[i];
    int d = c >= '0' && c <= '9'   ? c - '0'
            : c >= 'a' && c <= 'f' ? c - 'a' + 10
            : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                   : -1;
    if (d < 0)
      return 0;
    v = v * 16 + (unsigned long)d;
  }
  *value = (ucs4_t)v;
  return 1;
}

/* score.py's unescape(lit): the text between the first character and the
 * last '"', with \t \b \n \r \f \" \' \\ \uXXXX \UXXXXXXXX decoded and any
 * other backslash-char made the char.  NULL with *bad set on a \U escape
 * beyond U+10FFFF, NULL alone when out of memory. */
static char *unescape(const char *lit, size_t n, int *bad) {
  size_t last = n;
  while (last > 0 && lit[last - 1] != '"')
    last--;
  const char *body = lit + 1;
  size_t blen = last > 1 ? last - 2 : 0;
  char *out = malloc(blen + 1); /* decoding never grows the text */
  if (!out)
    return NULL;
  size_t used = 0;
  for (size_t i = 0; i < blen;) {
    if (body[i] != '\\' || i + 1 >= blen) {
      out[used++] = body[i++];
      continue;
    }
    char c = body[i + 1];
    ucs4_t cp;
    if (c == 'u' && hex_digits(body + i + 2, blen - i - 2, 4, &cp)) {
      used += put_char(out + used, cp);
      i += 6;
    } else if (c == 'U' && hex_digits(body + i + 2, blen - i - 2, 8, &cp)) {
      if (cp > 0x10FFFF) {
        free(out);
        *bad = 1;
        return NULL;
      }
      used += put_char(out + used, cp);
      i += 10;
    } else {
      static const char from[] = "tbnrf\"'\\", to[] = "\t\b\n\r\f\"'\\";
      const char *esc = strchr(from, c);
      if (esc && c) {
        out[used++] = to[esc - from];
        i += 2;
      } else { /* the escaped character itself, all its bytes */
        size_t size;
        char_at(body, blen, i + 1, &size);
        memcpy(out + used, body + i + 1, size);
        used += size;
        i += 1 + size;
      }
    }
  }
  out[used] = '\0';
  return out;
}

#define RDF_TYPE_IRI "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"

static const char *const label_iris[] = {
    "http://www.w3.org/2000/01/rdf-schema#label",
    "http://www.w3.org/2004/02/skos/core#prefLabel",
    "http://xmlns.com/foaf/0.1/name",
    "http://schema.org/name",
    "https://schema.org/name",
};

/* Gold type bit of a class local name, or -1. */
static int type_bit(const char *s, size_t n) {
  if (span_is(s, n, "City"))
    return 0;
  if (span_is(s, n, "Country"))
    return 1;
  if (span_is(s, n, "Organization") || span_is(s, n, "Organisation"))
    return 2;
  if (span_is(s, n, "Person"))
    return 3;
  return -1;
}

/* Sorts one matched triple into labels, types or edges. */
static KgStatus add_triple(Graph *g, const char *line, const KgSpan t[3],
                           const char *path, long lineno, KgError *err) {
  const char *s = line + t[0].start, *p = line + t[1].start,
             *o = line + t[2].start;
  size_t sn = t[0].end - t[0].start, pn = t[1].end - t[1].start,
         on = t[2].end - t[2].start;
  strip_brackets(&p, &pn);
  int is_label = 0;
  for (size_t i = 0; i < sizeof label_iris / sizeof *label_iris; i++)
    is_label |= span_is(p, pn, label_iris[i]);
  const char *ol = o;
  size_t oln = on;
  local_name(&ol, &oln);
  int bit = span_is(p, pn, RDF_TYPE_IRI) ? type_bit(ol, oln) : -1;

  if (is_label && o[0] == '"') {
    size_t id = node_of(g, s, sn);
    int bad = 0;
    char *label = id == SIZE_MAX ? NULL : unescape(o, on, &bad);
    if (bad)
      return kg_error(err, KG_ERR_PARSE, path, lineno, -1,
                      "\\U escape beyond U+10FFFF");
    if (!label || list_add(&g->nodes[id].labels, "%s", label) != 0) {
      free(label);
      return KG_ERR_NOMEM;
    }
    free(label);
  } else if (bit >= 0) {
    size_t id = node_of(g, s, sn);
    if (id == SIZE_MAX)
      return KG_ERR_NOMEM;
    if (!g->nodes[id].types) {
      if (kg_grow((void **)&g->typed, g->n_typed, &g->typed_cap,
                  sizeof *g->typed) != 0)
        return KG_ERR_NOMEM;
      g->typed[g->n_typed++] = id;
    }
    g->nodes[id].types |= 1u << bit;
  } else if (o[0] == '<' || (on >= 2 && o[0] == '_' && o[1] == ':')) {
    local_name(&p, &pn);
    size_t id = node_of(g, s, sn);
    if (id == SIZE_MAX || kg_grow((void **)&g->edges, g->n_edges, &g->edges_cap,
                                  sizeof *g->edges) != 0)
      return KG_ERR_NOMEM;
    Edge e = {id, copy_span(p, pn), copy_span(o, on)};
    if (!e.p || !e.o) {
      free(e.p);
      free(e.o);
      return KG_ERR_NOMEM;
    }
    g->edges[g->n_edges++] = e;
  }
  return KG_OK;
}

/* Length of the line break at s[i] as str.splitlines() sees it, or 0. */
static size_t line_break(const char *s, size_t n, size_t i) {
  unsigned char c = (unsigned char)s[i];
  if (c == '\r')
    return i + 1 < n && s[i + 1] == '\n' ? 2 : 1;
  if (c == '\n' || c == 0x0B || c == 0x0C || c == 0x1C || c == 0x1D ||
      c == 0x1E)
    return 1;
  if (c == 0xC2 && i + 1 < n && (unsigned char)s[i + 1] == 0x85)
    return 2;
  if (c == 0xE2 && i + 2 < n && (unsigned char)s[i + 1] == 0x80 &&
      ((unsigned char)s[i + 2] == 0xA8 || (unsigned char)s[i + 2] == 0xA9))
    return 3;
  return 0;
}

/* Reads the triples of text (len bytes of the file at path) into g, line
 * by line as score.py does: a line that matches no pattern is counted as
 * unparsed. */
static KgStatus read_lines(const char *path, const char *text, size_t len,
                           Graph *g, KgError *err) {
  KgStatus status = KG_OK;
  long lineno = 0;
  for (size_t pos = 0; pos < len && status == KG_OK;) {
    size_t end = pos, brk = 0;
    while (end < len && !(brk = line_break(text, len, end)))
      end++;
    const char *line = text + pos;
    size_t n = end - pos;
    pos = end + brk;
    lineno++;
    size_t first = skip_spaces(line, n, 0);
    if (first == n || line[first] == '#')
      continue;
    KgSpan t[3];
    if (!kg_eval_match_line(line, n, t)) {
      g->unparsed++;
      continue;
    }
    g->matched++;
    status = add_triple(g, line, t, path, lineno, err);
    if (status == KG_ERR_NOMEM)
      kg_error(err, status, path, lineno, -1, "out of memory");
  }
  return status;
}

/* Says in *err, which holds why the file could not be read as syntax,
 * that no reading found a triple in it. */
static KgStatus no_triples(KgError *err, const char *syntax) {
  if (err) {
    char why[sizeof err->message];
    memcpy(why, err->message, sizeof why);
    snprintf(err->message, sizeof err->message,
             "no triples: not N-Triples, N-Quads, Turtle, TriG or RDF/XML "
             "(read as %s: %.200s)",
             syntax, why);
  }
  return KG_ERR_PARSE;
}

/* Reads the graph file whatever its name says: as the syntax raptor's
 * guesser finds in it, converted to N-Triples, when that reads; else line
 * by line (N-Triples, N-Quads); and when no line is a triple and the
 * guesser found nothing, as Turtle.  A file nothing reads a triple from is
 * a parse error (a Turtle file named .nt once scored 0 without a word). */
static KgStatus read_graph(const char *path, Graph *g, KgError *err) {
  char *data, *converted = NULL;
  size_t len, converted_len = 0;
  KgStatus status = read_file(path, &data, &len, err);
  if (status != KG_OK)
    return status;
  if (!(g->by_term = kg_strmap_new())) {
    free(data);
    return kg_error(err, KG_ERR_NOMEM, path, 0, -1, "out of memory");
  }
  KgError why; /* why the conversion failed */
  memset(&why, 0, sizeof why);
  int guessed = converted_syntax(path, data, len);
  int syntax = guessed;
  if (syntax >= 0)
    status = to_ntriples(path, converted_syntaxes[syntax].parser, data, len,
                         &converted, &converted_len, &why);
  if (status == KG_OK && converted) {
    status = read_lines(path, converted, converted_len, g, err);
  } else if (status == KG_OK || status == KG_ERR_PARSE) {
    status = read_lines(path, data, len, g, err);
    if (status == KG_OK && g->matched == 0 && guessed < 0 && g->unparsed > 0) {
      syntax = 0; /* Turtle */
      status = to_ntriples(path, converted_syntaxes[syntax].parser, data, len,
                           &converted, &converted_len, &why);
      g->unparsed = 0;
      if (status == KG_OK)
        status = read_lines(path, converted, converted_len, g, err);
    } else if (status == KG_OK && g->matched == 0 && guessed >= 0) {
      status = KG_ERR_PARSE;
    }
    if (status == KG_ERR_PARSE && g->matched == 0) {
      if (err)
        *err = why;
      status = no_triples(err, converted_syntaxes[syntax].title);
    }
  } else if (err) {
    *err = why; /* out of memory */
  }
  free(converted);
  free(data);
  return status;
}

/* --- scoring ------------------------------------------------------------- */

/* Python's round(x, 3): the double nearest the correctly rounded decimal. */
static double round3(double x) {
  char buf[64];
  snprintf(buf, sizeof buf, "%.3f", x);
  return strtod(buf, NULL);
}

static KgScore prf(size_t tp, size_t fp, size_t fn) {
  double p = (tp + fp) ? (double)tp / (double)(tp + fp) : 0.0;
  double r = (tp + fn) ? (double)tp / (double)(tp + fn) : 0.0;
  KgScore s = {tp,        fp,
               fn,        round3(p),
               round3(r), p + r != 0.0 ? round3(2 * p * r / (p + r)) : 0.0};
  return s;
}

/* One (subject, predicate, object) found in the graph, by gold names where
 * they match; the strings belong to the gold, the graph or the edge. */
typedef struct {
  const char *s, *p, *o;
} Found;

/* score.py's RELATIONS: every asserted relation of these counts, whether
 * or not the gold names its predicate. */
static const char *const relation_names[] = {
    "sanctions", "allyOf",    "metWith",    "fledTo",
    "leaderOf",  "memberOf",  "capitalOf",  "spokespersonOf",
    "visited",   "addressed", "opponentOf", "supports"};

/* Whether score.py's vocab (RELATIONS and the gold's predicates) holds p. */
static int in_vocab(const Gold *gold, const char *p) {
  for (size_t k = 0; k < sizeof relation_names / sizeof *relation_names; k++)
    if (strcmp(relation_names[k], p) == 0)
      return 1;
  for (size_t k = 0; k < gold->n_rels; k++)
    if (strcmp(gold->rels[k].p, p) == 0)
      return 1;
  return 0;
}

static int is_symmetric(const char *p) {
  return strcmp(p, "allyOf") == 0 || strcmp(p, "metWith") == 0 ||
         strcmp(p, "opponentOf") == 0;
}

static int in_objects(const GoldRelation *r, const char *x) {
  for (size_t k = 0; k < r->n_o; k++)
    if (strcmp(r->o[k], x) == 0)
      return 1;
  return 0;
}

/* score.py's hit(r, triple) */
static int hit(const GoldRelation *r, const Found *t) {
  if (strcmp(t->p, r->p) != 0)
    return 0;
  if (strcmp(t->s, r->s) == 0 && in_objects(r, t->o))
    return 1;
  return is_symmetric(t->p) && strcmp(t->o, r->s) == 0 && in_objects(r, t->s);
}

/* Appends "S P O1|O2..." (how score.py names a gold relation) to list.
 * Returns 0, or -1 when out of memory. */
static int list_add_relation(StrList *list, const GoldRelation *r) {
  size_t len = 0;
  for (size_t k = 0; k < r->n_o; k++)
    len += strlen(r->o[k]) + 1;
  char *objects = malloc(len + 1);
  if (!objects)
    return -1;
  objects[0] = '\0';
  for (size_t k = 0, used = 0; k < r->n_o; k++)
    used += (size_t)snprintf(objects + used, len + 1 - used, "%s%s",
                             k ? "|" : "", r->o[k]);
  int failed = list_add(list, "%s %s %s", r->s, r->p, objects);
  free(objects);
  return failed;
}

static int compare_strings(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Everything one kg_eval call builds; released in one place. */
typedef struct {
  Gold gold;
  Graph graph;
  StrList missed_entities, wrong_entities, missed_relations, wrong_relations,
      forbidden;
  Found *found; ///< distinct found triples
  size_t n_found, found_cap;
  unsigned char *used; ///< per found triple: matched some gold relation
} Eval;

static void eval_release(Eval *ev) {
  gold_release(&ev->gold);
  graph_release(&ev->graph);
  list_release(&ev->missed_entities);
  list_release(&ev->wrong_entities);
  list_release(&ev->missed_relations);
  list_release(&ev->wrong_relations);
  list_release(&ev->forbidden);
  free(ev->found);
  free(ev->used);
}

/* "A/B" of a node's types, in sorted order. */
static void type_list(unsigned types, char *buf, size_t size) {
  buf[0] = '\0';
  for (int b = 0; b < 4; b++)
    if (types & (1u << b)) {
      size_t used = strlen(buf);
      snprintf(buf + used, size - used, "%s%s", used ? "/" : "", type_names[b]);
    }
}

static KgStatus score_entities(Eval *ev, size_t *tp) {
  Gold *gold = &ev->gold;
  Graph *g = &ev->graph;
  /* every node's first label that names a gold entity */
  for (size_t i = 0; i < g->n_nodes; i++) {
    Node *n = &g->nodes[i];
    for (size_t k = 0; k < n->labels.count && n->label_gold < 0; k++) {
      size_t klen, id;
      char *key =
          kg_eval_norm(n->labels.items[k], strlen(n->labels.items[k]), &klen);
      if (!key)
        return KG_ERR_NOMEM;
      if (kg_strmap_get(gold->alias, key, klen, &id))
        n->label_gold = (long)id;
      free(key);
    }
  }
  unsigned char *seen = calloc(gold->n_ents + 1, 1);
  if (!seen)
    return KG_ERR_NOMEM;
  int failed = 0;
  *tp = 0;
  for (size_t t = 0; t < g->n_typed && !failed; t++) {
    Node *n = &g->nodes[g->typed[t]];
    const char *shown = n->labels.count ? n->labels.items[0] : n->term;
    char types[64];
    type_list(n->types, types, sizeof types);
    if (n->label_gold < 0) {
      failed =
          list_add(&ev->wrong_entities, "%s (%s): not in gold", shown, types);
      continue;
    }
    size_t m = (size_t)n->label_gold;
    const GoldEntity *ge = &gold->ents[m];
    n->gold = n->label_gold;
    int type_ok = strcmp(ge->type, "*") == 0;
    for (int b = 0; b < 4; b++)
      if ((n->types & (1u << b)) && strcmp(ge->type, type_names[b]) == 0)
        type_ok = 1;
    if (!type_ok) {
      failed = list_add(&ev->wrong_entities, "%s: typed %s, gold says %s",
                        shown, types, ge->type);
    } else if (seen[m]) {
      failed = list_add(&ev->wrong_entities, "%s: second node for %s", shown,
                        ge->canon);
    } else {
      seen[m] = 1;
      if (!ge->optional)
        ++*tp;
    }
  }
  for (size_t i = 0; i < gold->n_ents && !failed; i++)
    if (!gold->ents[i].optional && !seen[i])
      failed = list_add(&ev->missed_entities, "%s", gold->ents[i].canon);
  free(seen);
  return failed ? KG_ERR_NOMEM : KG_OK;
}

/* gold_of(node) of a term: its gold entity's name, else the term. */
static const char *gold_of(const Eval *ev, const char *term) {
  size_t id;
  if (!kg_strmap_get(ev->graph.by_term, term, strlen(term), &id))
    return term;
  const Node *n = &ev->graph.nodes[id];
  if (n->gold >= 0)
    return ev->gold.ents[n->gold].canon;
  if (n->label_gold >= 0)
    return ev->gold.ents[n->label_gold].canon;
  return n->term;
}

static KgStatus collect_found(Eval *ev) {
  KgStrMap *index = kg_strmap_new();
  if (!index)
    return KG_ERR_NOMEM;
  KgStatus status = KG_OK;
  for (size_t i = 0; i < ev->graph.n_edges && status == KG_OK; i++) {
    const Edge *e = &ev->graph.edges[i];
    if (!in_vocab(&ev->gold, e->p))
      continue;
    Found f = {gold_of(ev, ev->graph.nodes[e->s].term), e->p,
               gold_of(ev, e->o)};
    size_t ls = strlen(f.s), lp = strlen(f.p), lo = strlen(f.o);
    char *key = malloc(ls + lp + lo + 2);
    if (!key) {
      status = KG_ERR_NOMEM;
      break;
    }
    memcpy(key, f.s, ls + 1);
    memcpy(key + ls + 1, f.p, lp + 1);
    memcpy(key + ls + lp + 2, f.o, lo);
    size_t unused, klen = ls + lp + lo + 2;
    if (!kg_strmap_get(index, key, klen, &unused)) {
      if (kg_grow((void **)&ev->found, ev->n_found, &ev->found_cap,
                  sizeof *ev->found) != 0 ||
          kg_strmap_put(index, key, klen, ev->n_found) != 0)
        status = KG_ERR_NOMEM;
      else
        ev->found[ev->n_found++] = f;
    }
    free(key);
  }
  kg_strmap_free(index);
  return status;
}

static KgStatus score_relations(Eval *ev, size_t *tp) {
  KgStatus status = collect_found(ev);
  if (status != KG_OK)
    return status;
  if (!(ev->used = calloc(ev->n_found + 1, 1)))
    return KG_ERR_NOMEM;
  int failed = 0;
  *tp = 0;
  for (size_t i = 0; i < ev->gold.n_rels && !failed; i++) {
    const GoldRelation *r = &ev->gold.rels[i];
    if (r->kind == REL_FORBIDDEN)
      continue;
    int matched = 0;
    for (size_t k = 0; k < ev->n_found; k++)
      if (hit(r, &ev->found[k]))
        matched = ev->used[k] = 1;
    if (r->kind != REL_REQUIRED)
      continue;
    if (matched) {
      ++*tp;
      continue;
    }
    failed = list_add_relation(&ev->missed_relations, r);
  }
  for (size_t i = 0; i < ev->gold.n_rels && !failed; i++) {
    const GoldRelation *r = &ev->gold.rels[i];
    if (r->kind != REL_FORBIDDEN)
      continue;
    int any = 0;
    for (size_t k = 0; k < ev->n_found && !any; k++)
      any = hit(r, &ev->found[k]);
    if (!any)
      continue;
    failed = list_add_relation(&ev->forbidden, r);
  }
  for (size_t k = 0; k < ev->n_found && !failed; k++)
    if (!ev->used[k])
      failed = list_add(&ev->wrong_relations, "%s %s %s", ev->found[k].s,
                        ev->found[k].p, ev->found[k].o);
  if (failed)
    return KG_ERR_NOMEM;
  if (ev->wrong_relations.count > 1)
    qsort(ev->wrong_relations.items, ev->wrong_relations.count,
          sizeof *ev->wrong_relations.items, compare_strings);
  return KG_OK;
}

static int report_list(FILE *out, const char *what, const StrList *list) {
  for (size_t i = 0; i < list->count; i++)
    if (fprintf(out, "%s: %s\n", what, list->items[i]) < 0)
      return -1;
  return 0;
}

static int write_report(FILE *out, const Eval *ev, const KgEvalResult *res) {
  const KgScore *e = &res->entities, *r = &res->relations;
  if (report_list(out, "missed_entities", &ev->missed_entities) ||
      report_list(out, "wrong_entities", &ev->wrong_entities) ||
      report_list(out, "missed_relations", &ev->missed_relations) ||
      report_list(out, "wrong_relations", &ev->wrong_relations) ||
      report_list(out, "forbidden_asserted", &ev->forbidden))
    return -1;
  if (fprintf(out, "entities  P=%.3f R=%.3f F1=%.3f\n", e->precision, e->recall,
              e->f1) < 0 ||
      fprintf(
          out, "relations P=%.3f R=%.3f F1=%.3f forbidden=%zu unparsed=%zu\n",
          r->precision, r->recall, r->f1, res->forbidden, res->unparsed) < 0)
    return -1;
  return fflush(out) != 0 || ferror(out) ? -1 : 0;
}

KgStatus kg_eval(const char *gold_path, const char *graph_path,
                 KgEvalResult *result, FILE *report, KgError *err) {
  Eval ev;
  memset(&ev, 0, sizeof ev);
  memset(result, 0, sizeof *result);
  KgStatus status = read_gold(gold_path, &ev.gold, err);
  if (status == KG_OK)
    status = read_graph(graph_path, &ev.graph, err);
  size_t ent_tp = 0, rel_tp = 0;
  if (status == KG_OK && (status = score_entities(&ev, &ent_tp)) == KG_OK)
    status = score_relations(&ev, &rel_tp);
  if (status == KG_ERR_NOMEM)
    kg_error(err, status, "", 0, -1, "out of memory");
  if (status == KG_OK) {
    result->entities =
        prf(ent_tp, ev.wrong_entities.count, ev.missed_entities.count);
    result->relations =
        prf(rel_tp, ev.wrong_relations.count, ev.missed_relations.count);
    result->forbidden = ev.forbidden.count;
    result->unparsed = ev.graph.unparsed;
    if (report && write_report(report, &ev, result) != 0)
      status = kg_error(err, KG_ERR_IO, "", 0, -1,
                        "cannot write the report: %s", strerror(errno));
  }
  eval_release(&ev);
  return status;
}
