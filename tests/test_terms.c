/* test_terms.c - property test of the IRI and literal builders: whatever
 * string a name, a title, a URL or an article holds, newskg writes valid
 * RDF.
 *
 * Thousands of strings, adversarial ones written out and the rest drawn by
 * a seeded PRNG (the same strings every run), go through the project's
 * builders: the entity, rule, DBpedia and URL IRIs (graph.c), the
 * N-Triples and Turtle term writers (rdfterm.c), and whole graphs
 * (kg_extract, kg_graph_set_source, kg_graph_write).  Every IRI must hold
 * only what RFC 3987 allows; every line written, in N-Triples, N-Quads and
 * Turtle, must parse with raptor's own parsers and give back the same IRI
 * and the same literal; every language tag must be well formed.  Strings
 * that are not UTF-8 must be refused (NULL, KG_ERR_INPUT) or, in an entity
 * IRI, percent-encoded byte by byte: never written as they are.
 *
 * Articles are extracted with the data of $NEWSKG_DATA (default "data").
 * KG_TERMS_CASES sets the number of drawn strings (default 4000).
 */
#ifndef _POSIX_C_SOURCE
#define _POSIX_C_SOURCE 200809L /* open_memstream */
#endif
#define _GNU_SOURCE /* memmem */
#include <CUnit/Basic.h>
#include <CUnit/CUnit.h>
#include <raptor2.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "graph.h"
#include "rdfterm.h"
#include "extractor.h"
#include "runner.h"
#include "serialize.h"
#include "utf8.h"

#define MAX_STRING 256
#define PREDICATE "http://example.org/p"
#define GRAPH "http://example.org/g"
#define BASE "http://example.org/"

/* ---- strings ------------------------------------------------------------ */

/* A string to test, and whether it is UTF-8 as its maker meant it. */
typedef struct {
  char text[MAX_STRING]; ///< len bytes, then a NUL
  size_t len;
  int utf8; ///< well-formed UTF-8 (the generator's own account)
} Sample;

/* Written out: what has broken IRI and literal writers before. */
// clang-format off
static const struct {
  const char *text;
  size_t len;
  int utf8;
} adversarial[] = {
#define S(lit, utf8) {lit, sizeof lit - 1, utf8}
    S("", 1), S(" ", 1), S(".", 1), S("..", 1), S("a/../b", 1),
    S("%", 1), S("%2", 1), S("%zz", 1), S("%41", 1), S("100%", 1),
    S("a b", 1), S("\"", 1), S("\\", 1), S("<>", 1), S("{}|^`", 1),
    S("a\"\"\"b", 1), S("\"\"\"", 1), S("ends with a quote\"", 1),
    S("ends with a backslash\\", 1), S("\\u0041", 1), S("\\U00000041", 1),
    S("\r", 1), S("\n", 1), S("\r\n", 1), S("only\rCR", 1), S("\t", 1),
    S("a\0b", 1), S("\x7f", 1), S("\x01\x1f", 1), S("@en", 1),
    S("^^<x>", 1), S("#frag", 1), S("?q=1&r=2", 1), S("a:b", 1),
    S("[::1]", 1), S("'s", 1), S("_:b0", 1), S("S\xc3\xa3o Tom\xc3\xa9", 1),
    S("x.", 1), S("a.b.", 1), S("-x", 1), S(".x", 1), S("x\xc2\xb7.", 1),
    S("\xc2\x85", 1),                 /* NEL, a C1 control */
    S("\xc2\xa0", 1),                 /* no-break space */
    S("\xef\xbb\xbf", 1),             /* BOM */
    S("\xef\xbf\xbe\xef\xbf\xbf", 1), /* noncharacters U+FFFE U+FFFF */
    S("\xee\x80\x80", 1),             /* private use U+E000 */
    S("\xf0\x9f\x98\x80", 1),         /* U+1F600 */
    S("\xf4\x8f\xbf\xbf", 1),         /* U+10FFFF */
    S("\xe2\x80\xae", 1),             /* right-to-left override */
    S("\xc0\x80", 0),                 /* overlong NUL */
    S("\xc1\xbf", 0),                 /* overlong */
    S("\xe0\x80\xaf", 0),             /* overlong '/' */
    S("\xed\xa0\x80", 0),             /* a surrogate */
    S("\xf4\x90\x80\x80", 0),         /* beyond U+10FFFF */
    S("\xf8\x88\x80\x80\x80", 0),     /* five bytes */
    S("\x80", 0), S("\xbf", 0),       /* lone continuations */
    S("\xc3", 0), S("a\xe2\x82", 0),  /* cut short */
    S("\xfe\xff", 0), S("caf\xe9", 0) /* Latin-1 */
#undef S
};
// clang-format on

/* splitmix64: a small PRNG whose sequence is fixed by its seed. */
static uint64_t next_random(uint64_t *state) {
  uint64_t z = (*state += 0x9E3779B97F4A7C15u);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9u;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBu;
  return z ^ (z >> 31);
}

static size_t below(uint64_t *state, size_t n) {
  return (size_t)(next_random(state) % n);
}

/* Appends the UTF-8 of code point cp (no check: surrogates included). */
static size_t put_code_point(char *p, unsigned long cp) {
  if (cp < 0x80) {
    p[0] = (char)cp;
    return 1;
  }
  if (cp < 0x800) {
    p[0] = (char)(0xC0 | (cp >> 6));
    p[1] = (char)(0x80 | (cp & 0x3F));
    return 2;
  }
  if (cp < 0x10000) {
    p[0] = (char)(0xE0 | (cp >> 12));
    p[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
    p[2] = (char)(0x80 | (cp & 0x3F));
    return 3;
  }
  p[0] = (char)(0xF0 | (cp >> 18));
  p[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
  p[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
  p[3] = (char)(0x80 | (cp & 0x3F));
  return 4;
}

/* Draws a string of up to 24 pieces: letters, the ASCII that IRIs and
 * strings treat specially, controls, code points of every range (C1
 * controls, noncharacters, private use, astral), and now and then a
 * malformed sequence. */
static void draw(uint64_t *state, Sample *s) {
  static const char special[] = " \"<>{}|\\^`%#?/.:@'&=+;,[]!$()*~_-";
  static const unsigned long ranges[][2] = {
      {0x80, 0x9F},       {0xA0, 0x7FF},      {0x800, 0xD7FF},
      {0xE000, 0xF8FF},   {0xF900, 0xFFFF},   {0x10000, 0x1FFFF},
      {0xE0000, 0xE0FFF}, {0xF0000, 0x10FFFF}};
  static const char *const malformed[] = {
      "\x80", "\xc3",    "\xc0\xaf", "\xed\xb0\x80", "\xf4\x90\x80\x80",
      "\xff", "\xe2\x82"};
  size_t pieces = below(state, 25);
  s->len = 0;
  s->utf8 = 1;
  for (size_t i = 0; i < pieces && s->len + 8 < MAX_STRING; i++) {
    char *p = s->text + s->len;
    size_t kind = below(state, 10);
    if (kind < 3) {
      *p = (char)('A' + below(state, 26) + (below(state, 2) ? 32 : 0));
      s->len++;
    } else if (kind < 5) {
      *p = special[below(state, sizeof special - 1)];
      s->len++;
    } else if (kind == 5) {
      *p = (char)(below(state, 4) ? below(state, 0x20) : 0x7F);
      s->len++;
    } else if (kind < 9) {
      const unsigned long *r = ranges[below(state, 8)];
      unsigned long cp = r[0] + below(state, r[1] - r[0] + 1);
      if (cp >= 0xD800 && cp <= 0xDFFF)
        cp = 0xFFFD;
      s->len += put_code_point(p, cp);
    } else if (below(state, 3) == 0) {
      const char *m = malformed[below(state, 7)];
      memcpy(p, m, strlen(m));
      p[strlen(m)] = '!'; /* so that no two pieces make a valid sequence */
      s->len += strlen(m) + 1;
      s->utf8 = 0;
    } else {
      *p = ' ';
      s->len++;
    }
  }
  s->text[s->len] = '\0';
}

/* ---- what valid means ----------------------------------------------------- */

static int is_hex(char c) {
  return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'F') ||
         (c >= 'a' && c <= 'f');
}

/* Non-zero when iri holds only characters RFC 3987 allows in an IRI:
 * unreserved, reserved, %XX, and the ucschar and iprivate code points. */
static int iri_is_valid(const char *iri) {
  size_t n = strlen(iri);
  for (size_t i = 0, size; i < n; i += size) {
    long cp = kg_utf8_decode(iri + i, n - i, &size);
    if (cp < 0)
      return 0;
    if (cp == '%') {
      if (i + 2 >= n || !is_hex(iri[i + 1]) || !is_hex(iri[i + 2]))
        return 0;
    } else if (cp < 0x80) {
      if (!((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') ||
            (cp >= '0' && cp <= '9') ||
            strchr("-._~:/?#[]@!$&'()*+,;=", (int)cp)))
        return 0;
    } else {
      int ucschar = (cp >= 0xA0 && cp <= 0xD7FF) ||
                    (cp >= 0xF900 && cp <= 0xFDCF) ||
                    (cp >= 0xFDF0 && cp <= 0xFFEF) ||
                    (cp >= 0x10000 && cp <= 0xEFFFD && (cp & 0xFFFF) < 0xFFFE &&
                     !(cp >= 0xE0000 && cp < 0xE1000));
      int iprivate =
          (cp >= 0xE000 && cp <= 0xF8FF) ||
          (cp >= 0xF0000 && cp <= 0x10FFFD && (cp & 0xFFFF) < 0xFFFE);
      if (!ucschar && !iprivate)
        return 0;
    }
  }
  return 1;
}

/* Non-zero when tag is a BCP 47-shaped language tag, as Turtle's LANGTAG
 * has it: [a-zA-Z]+ ('-' [a-zA-Z0-9]+)*. */
static int lang_is_valid(const char *tag) {
  size_t run = 0;
  int first = 1;
  for (const char *p = tag;; p++) {
    int alpha = (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z');
    int digit = *p >= '0' && *p <= '9';
    if (alpha || (digit && !first)) {
      run++;
    } else if ((*p == '-' || !*p) && run > 0) {
      if (!*p)
        return 1;
      run = 0;
      first = 0;
    } else {
      return 0;
    }
  }
}

/* ---- parsing back with raptor -------------------------------------------- */

/* What one parse gave: its statements, flattened to strings. */
typedef struct {
  size_t count;       ///< statements
  char *subject;      ///< first statement's subject IRI
  char *literal;      ///< first statement's object literal
  size_t literal_len; ///< its bytes
  int bad_lang;       ///< some literal had a malformed language tag
  const char *want_p; ///< a predicate to look for, or NULL
  char *found;        ///< the object (IRI or literal) of want_p, or NULL
  size_t found_len;
} Parsed;

static char *copy_bytes(const unsigned char *s, size_t len) {
  char *c = malloc(len + 1);
  if (c) {
    memcpy(c, s, len);
    c[len] = '\0';
  }
  return c;
}

/* The IRI or literal form of a term (a new string), or NULL. */
static char *term_text(const raptor_term *t, size_t *len) {
  if (t->type == RAPTOR_TERM_TYPE_URI) {
    const unsigned char *s = raptor_uri_as_counted_string(t->value.uri, len);
    return copy_bytes(s, *len);
  }
  if (t->type == RAPTOR_TERM_TYPE_LITERAL) {
    *len = t->value.literal.string_len;
    return copy_bytes(t->value.literal.string, *len);
  }
  return NULL;
}

static void on_statement(void *data, raptor_statement *st) {
  Parsed *p = data;
  size_t len;
  if (p->count++ == 0) {
    p->subject = term_text(st->subject, &len);
    if (st->object->type == RAPTOR_TERM_TYPE_LITERAL)
      p->literal = term_text(st->object, &p->literal_len);
  }
  if (st->object->type == RAPTOR_TERM_TYPE_LITERAL &&
      st->object->value.literal.language &&
      !lang_is_valid((const char *)st->object->value.literal.language))
    p->bad_lang = 1;
  if (p->want_p && !p->found &&
      strcmp((const char *)raptor_uri_as_string(st->predicate->value.uri),
             p->want_p) == 0)
    p->found = term_text(st->object, &p->found_len);
}

static void release(Parsed *p) {
  free(p->subject);
  free(p->literal);
  free(p->found);
}

/* Parses doc[0, len) in syntax into *p; returns the number of raptor
 * errors and warnings (0 when it parsed cleanly). */
static int parse(const char *syntax, const char *doc, size_t len, Parsed *p) {
  KgRaptorLog log = {0};
  raptor_world *world = kg_raptor_world_new(&log);
  CU_ASSERT_PTR_NOT_NULL_FATAL(world);
  raptor_parser *parser = raptor_new_parser(world, syntax);
  raptor_uri *base = raptor_new_uri(world, (const unsigned char *)BASE);
  CU_ASSERT_FATAL(parser && base);
  raptor_parser_set_statement_handler(parser, p, on_statement);
  int status =
      raptor_parser_parse_start(parser, base) ||
      raptor_parser_parse_chunk(parser, (const unsigned char *)doc, len, 1);
  raptor_free_uri(base);
  raptor_free_parser(parser);
  raptor_free_world(world);
  return status + log.errors + log.warnings;
}

/* Non-zero when s is text a literal may hold: UTF-8 without a NUL, U+FFFE
 * or U+FFFF, which raptor's parsers refuse (the test's own account, not
 * kg_text_check's). */
static int is_text(const Sample *s) {
  return s->utf8 && !memchr(s->text, '\0', s->len) &&
         !memmem(s->text, s->len, "\xef\xbf\xbe", 3) &&
         !memmem(s->text, s->len, "\xef\xbf\xbf", 3);
}

/* ---- IRIs and literals, term by term ------------------------------------- */

static size_t failures_shown; /* details printed so far (a few suffice) */

static void show(const char *what, const char *doc, size_t len) {
  if (failures_shown++ < 5)
    fprintf(stderr, "\n%s: %.*s\n", what, (int)(len > 400 ? 400 : len), doc);
}

/* One statement <iri> <PREDICATE> "lit"@en in syntax (ntriples, nquads,
 * turtle), written with rdfterm.c's writers, must parse and give back iri
 * and lit. */
static void check_line(const char *syntax, const char *iri, const char *lit,
                       size_t lit_len) {
  KgBytes b = {0};
  int turtle = strcmp(syntax, "turtle") == 0;
  void (*write_iri)(KgBytes *, const char *, size_t) =
      turtle ? kg_ttl_iri : kg_nt_iri;
  write_iri(&b, iri, strlen(iri));
  kg_bytes_append(&b, " ", 1);
  write_iri(&b, PREDICATE, strlen(PREDICATE));
  kg_bytes_append(&b, " ", 1);
  if (turtle) {
    kg_ttl_string(&b, lit, lit_len);
    kg_bytes_append(&b, "@en", 3);
  } else {
    kg_nt_literal(&b, lit, lit_len, "en", NULL);
  }
  if (strcmp(syntax, "nquads") == 0) {
    kg_bytes_append(&b, " ", 1);
    kg_nt_iri(&b, GRAPH, strlen(GRAPH));
  }
  kg_bytes_append(&b, " .\n", 3);
  CU_ASSERT_FATAL(!b.failed);
  Parsed p = {0};
  int ok = parse(syntax, b.data, b.len, &p) == 0 && p.count == 1 && p.subject &&
           strcmp(p.subject, iri) == 0 && p.literal &&
           p.literal_len == lit_len && memcmp(p.literal, lit, lit_len) == 0 &&
           !p.bad_lang;
  CU_ASSERT(ok);
  if (!ok)
    show(syntax, b.data, b.len);
  release(&p);
  kg_bytes_release(&b);
}

/* iri (NULL: refused) must be valid and survive every syntax. */
static void check_iri(const char *iri, const Sample *s) {
  if (!iri)
    return;
  int valid = iri_is_valid(iri);
  CU_ASSERT(valid);
  if (!valid)
    show("invalid IRI", iri, strlen(iri));
  int text = is_text(s);
  const char *lit = text ? s->text : "x";
  size_t lit_len = text ? s->len : 1;
  check_line("ntriples", iri, lit, lit_len);
  check_line("nquads", iri, lit, lit_len);
  check_line("turtle", iri, lit, lit_len);
}

/* Every builder on one string. */
static void check_sample(const Sample *s) {
  int utf8 = kg_utf8_check(s->text, s->len) == s->len;
  CU_ASSERT_EQUAL(utf8, s->utf8);
  CU_ASSERT_EQUAL(kg_text_check(s->text, s->len, NULL) == s->len, is_text(s));

  char *iri = kg_entity_iri(KG_CLASS_PERSON, s->text, s->len);
  CU_ASSERT_PTR_NOT_NULL_FATAL(iri);
  check_iri(iri, s);
  free(iri);

  if (!memchr(s->text, '\0', s->len)) {
    iri = kg_rule_iri(s->text);
    CU_ASSERT_PTR_NOT_NULL_FATAL(iri);
    check_iri(iri, s);
    free(iri);
  }

  iri = kg_dbpedia_iri(s->text, s->len);
  CU_ASSERT((iri != NULL) == (utf8 && s->len > 0));
  check_iri(iri, s);
  free(iri);

  char url[MAX_STRING + 32];
  size_t url_len = (size_t)snprintf(url, sizeof url, "https://example.org/");
  memcpy(url + url_len, s->text, s->len);
  url_len += s->len;
  iri = kg_url_iri(url, url_len);
  CU_ASSERT((iri != NULL) == utf8);
  check_iri(iri, s);
  free(iri);
}

static void sample_from(Sample *s, const char *text, size_t len, int utf8) {
  memcpy(s->text, text, len);
  s->text[len] = '\0';
  s->len = len;
  s->utf8 = utf8;
}

static size_t drawn_cases(void) {
  const char *env = getenv("KG_TERMS_CASES");
  long n = env && *env ? strtol(env, NULL, 10) : 4000;
  return n > 0 ? (size_t)n : 4000;
}

/* Runs check on each of the adversarial strings. */
static void check_adversarial(void (*check)(const Sample *)) {
  for (size_t i = 0; i < sizeof adversarial / sizeof *adversarial; i++) {
    Sample s;
    sample_from(&s, adversarial[i].text, adversarial[i].len,
                adversarial[i].utf8);
    check(&s);
  }
}

static void test_adversarial_terms(void) { check_adversarial(check_sample); }

static void test_random_terms(void) {
  uint64_t state = 20250105;
  size_t n = drawn_cases(), invalid = 0;
  for (size_t i = 0; i < n; i++) {
    Sample s;
    draw(&state, &s);
    invalid += !s.utf8;
    check_sample(&s);
  }
  /* the generator must make both kinds, or the test proves little */
  CU_ASSERT(invalid > n / 20 && invalid < n / 2);
}

/* ---- Turtle local names --------------------------------------------------- */

/* kg_ttl_is_local_name is Turtle 1.1's PN_LOCAL, unescaped: what Turtle's
 * writer may put after "prefix:". */
static void test_local_names(void) {
  static const struct {
    const char *name;
    int ok;
  } cases[] = {
      {"x", 1}, {"Person", 1}, {"x.y", 1}, {"x-", 1}, {"_x", 1}, {"9x", 1},
      {"a:b", 1}, {"x:", 1}, {":", 1}, {"%41", 1}, {"a%2e", 1}, {"a.%41", 1},
      {"x\xc2\xb7", 1}, {"caf\xc3\xa9", 1}, {"x\xcc\x80", 1},
      {"x\xe2\x80\xbf", 1}, {"\xf0\x9f\x98\x80", 1},
      {"", 0}, {"x.", 0}, {"a.b.", 0}, {"x..", 0}, {".", 0}, {".x", 0},
      {"-x", 0}, {"\xc2\xb7x", 0}, {"\xcc\x80x", 0}, {"a/b", 0},
      {"a~b", 0}, {"a#b", 0}, {"a b", 0}, {"a'b", 0}, {"a(b)", 0},
      {"a,b", 0}, {"a;b", 0}, {"%", 0}, {"a%4", 0}, {"a%zz", 0},
      {"a%4g", 0}, {"x\xc3\x97", 0}, /* U+00D7, the multiplication sign */
      {"caf\xe9", 0},                  /* not UTF-8 */
  };
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
    int ok = kg_ttl_is_local_name(cases[i].name, strlen(cases[i].name)) != 0;
    if (ok != cases[i].ok)
      fprintf(stderr, "\nkg_ttl_is_local_name(\"%s\") is %d\n",
              cases[i].name, ok);
    CU_ASSERT_EQUAL(ok, cases[i].ok);
  }
}

/* ---- whole graphs ----------------------------------------------------------- */


/* g written in format must parse cleanly in syntax, with well-formed
 * language tags, and (when want_p is not NULL) give the object want of
 * predicate want_p back. */
static void check_graph(const KgGraph *g, KgFormat format, const char *syntax,
                        const char *want_p, const char *want, size_t want_len) {
  char *doc = NULL;
  size_t len = 0;
  FILE *out = open_memstream(&doc, &len);
  CU_ASSERT_PTR_NOT_NULL_FATAL(out);
  KgError err;
  CU_ASSERT_EQUAL(kg_graph_write(g, format, out, &err), KG_OK);
  CU_ASSERT_EQUAL_FATAL(fclose(out), 0);
  Parsed p = {.want_p = want_p};
  int ok = parse(syntax, doc, len, &p) == 0 && p.count > 0 && !p.bad_lang &&
           (!want_p || (p.found && p.found_len == want_len &&
                        memcmp(p.found, want, want_len) == 0));
  CU_ASSERT(ok);
  if (!ok)
    show(syntax, doc, len);
  release(&p);
  free(doc);
}

static void check_graph_formats(const KgGraph *g, const char *want_p,
                                const char *want, size_t want_len) {
  check_graph(g, KG_FORMAT_NTRIPLES, "ntriples", want_p, want, want_len);
  check_graph(g, KG_FORMAT_NQUADS, "nquads", want_p, want, want_len);
  check_graph(g, KG_FORMAT_TURTLE, "turtle", want_p, want, want_len);
}

/* An article made of s alone, then named by s (id, title, URL): a URL
 * under example.org, then under namespaces the Turtle declares (where s
 * is a local name, "prefix:s", if it may be one). */
static void check_article(const Sample *s) {
  static const char *const bases[] = {"https://example.org/", KG_NS,
                                      KG_DCTERMS_NS};
  KgGraph *g = NULL;
  KgError err;
  KgStatus status = kg_extract(extractor, s->text, s->len, &g, &err);
  CU_ASSERT_EQUAL(status, is_text(s) ? KG_OK : KG_ERR_INPUT);
  if (status != KG_OK)
    return;
  check_graph_formats(g, KG_NIF_NS "isString", s->text, s->len);

  char text[MAX_STRING], url[MAX_STRING + 64];
  snprintf(text, sizeof text, "%.*s", (int)s->len, s->text); /* no NUL */
  for (size_t i = 0; i < sizeof bases / sizeof *bases; i++) {
    snprintf(url, sizeof url, "%s%s", bases[i], text);
    status = kg_graph_set_source(g, text, url, text, &err);
    CU_ASSERT_EQUAL(status, KG_OK);
    if (status != KG_OK || !*text)
      continue;
    if (i == 0)
      check_graph_formats(g, KG_DCTERMS_NS "title", text, strlen(text));
    const char *source = kg_graph_source_iri(g);
    check_graph_formats(g, KG_DCTERMS_NS "source", source, strlen(source));
  }
  kg_graph_free(g);
}

static void test_adversarial_articles(void) {
  check_adversarial(check_article);
}

static void test_random_articles(void) {
  uint64_t state = 19700101;
  size_t n = drawn_cases() / 10;
  for (size_t i = 0; i < n; i++) {
    Sample s;
    draw(&state, &s);
    check_article(&s);
  }
}

/* A name of an article that is not text never reaches the graph. */
static void test_bad_names_refused(void) {
  KgGraph *g = NULL;
  KgError err;
  CU_ASSERT_EQUAL_FATAL(kg_extract(extractor, "Text.", 5, &g, &err), KG_OK);
  size_t refused = 0;
  for (size_t i = 0; i < sizeof adversarial / sizeof *adversarial; i++) {
    Sample s;
    sample_from(&s, adversarial[i].text, adversarial[i].len,
                adversarial[i].utf8);
    if (is_text(&s) || memchr(s.text, '\0', s.len))
      continue;
    refused++;
    char text[MAX_STRING];
    snprintf(text, sizeof text, "%s", adversarial[i].text);
    CU_ASSERT_EQUAL(kg_graph_set_source(g, text, NULL, NULL, &err),
                    KG_ERR_INPUT);
    CU_ASSERT_EQUAL(kg_graph_set_source(g, NULL, NULL, text, &err),
                    KG_ERR_INPUT);
    CU_ASSERT_PTR_NULL(kg_graph_title(g));
  }
  CU_ASSERT(refused >= 10);
  kg_graph_free(g);
}

int main(void) {
  static const KgTest terms[] = {
      {"adversarial strings as IRIs and literals", test_adversarial_terms},
      {"random strings as IRIs and literals", test_random_terms},
      {"Turtle local names are PN_LOCAL", test_local_names}};
  static const KgTest graphs[] = {
      {"adversarial strings as articles and their names",
       test_adversarial_articles},
      {"random strings as articles and their names", test_random_articles},
      {"names that are not UTF-8 are refused", test_bad_names_refused}};
  static const KgSuite suites[] = {
      {"terms", NULL, NULL, KG_TESTS(terms)},
      {"graphs", open_extractor, close_extractor, KG_TESTS(graphs)}};
  return kg_test_main(suites, sizeof suites / sizeof *suites);
}
