/* turtle.c - a graph as a Turtle document; see turtle.h.
 *
 * Triples are kept as offsets into one buffer of NUL-terminated strings
 * (the buffer moves as it grows); kg_turtle_write turns them into KgTerms
 * pointing into it, sorts those with raptor's order, and writes them out:
 * the graph's own triples first, then its evidence (kg_turtle_begin_evidence)
 * each part in raptor's order, because a reader of Turtle reads top-down and
 * wants the entities before the hundreds of lines of sentences that back them.
 * Both arrays and the buffer are kept from document to document, so that a
 * writer that serves a whole corpus allocates only for its largest article.
 */
#include "turtle.h"

#include <raptor2.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "grow.h"

#define RDF_TYPE "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
#define XSD "http://www.w3.org/2001/XMLSchema#"
/* Offset of a string that is not there. */
#define ABSENT SIZE_MAX

/* A term as kept: offsets into `strings`. */
typedef struct {
  size_t text;     ///< offset of the IRI or literal form
  size_t len;      ///< its bytes
  size_t lang;     ///< offset of the language tag, or ABSENT
  size_t datatype; ///< offset of the datatype IRI, or ABSENT
  int literal;     ///< non-zero for a literal
} Kept;

typedef struct {
  Kept s, p, o;
  int evidence; ///< added after kg_turtle_begin_evidence
} KeptTriple;

typedef KgTriple Triple;

struct KgTurtleImpl {
  const char *const (*prefixes)[2]; ///< {name, namespace IRI}
  size_t prefix_count;              ///< entries in prefixes
  KgBytes strings;                  ///< the kept strings, NUL-terminated
  KeptTriple *kept;                 ///< owned, in the order added
  size_t count;                     ///< triples kept
  size_t cap;                       ///< triples allocated in kept
  Triple *sorted;                   ///< owned, for kg_turtle_write
  size_t sorted_cap;                ///< triples allocated in sorted
  int failed;                       ///< memory ran out while adding
  int evidence;                     ///< the triples added now are evidence
};

KgTurtle *kg_turtle_new(const char *const (*prefixes)[2], size_t count) {
  KgTurtle *t = calloc(1, sizeof *t);
  if (t) {
    t->prefixes = prefixes;
    t->prefix_count = count;
  }
  return t;
}

void kg_turtle_free(KgTurtle *t) {
  if (!t)
    return;
  kg_bytes_release(&t->strings);
  free(t->kept);
  free(t->sorted);
  free(t);
}

/* Keeps s (len bytes) and a NUL; returns its offset, or ABSENT for NULL. */
static size_t keep_string(KgTurtle *t, const char *s, size_t len) {
  if (!s)
    return ABSENT;
  size_t at = t->strings.len;
  kg_bytes_append(&t->strings, s, len);
  kg_bytes_append(&t->strings, "", 1);
  return at;
}

static Kept keep(KgTurtle *t, const KgTerm *term) {
  Kept k;
  k.text = keep_string(t, term->text, term->len);
  k.len = term->len;
  k.literal = term->literal;
  k.lang = keep_string(t, term->lang, term->lang ? strlen(term->lang) : 0);
  k.datatype = keep_string(t, term->datatype,
                           term->datatype ? strlen(term->datatype) : 0);
  return k;
}

void kg_turtle_add(KgTurtle *t, const KgTerm *s, const KgTerm *p,
                   const KgTerm *o) {
  if (kg_grow((void **)&t->kept, t->count, &t->cap, sizeof *t->kept) != 0) {
    t->failed = 1;
    return;
  }
  KeptTriple *k = &t->kept[t->count++];
  k->s = keep(t, s);
  k->p = keep(t, p);
  k->o = keep(t, o);
  k->evidence = t->evidence;
}

void kg_turtle_begin_evidence(KgTurtle *t) { t->evidence = 1; }

/* --- raptor's order -------------------------------------------------------- */

/* NULL before any string, else byte order. */
static int compare_optional(const char *a, const char *b) {
  if (!a || !b)
    return (a != NULL) - (b != NULL);
  return strcmp(a, b);
}

/* raptor_term_compare's order: IRIs before literals, then the text, then
 * (literals) the language, then the datatype. */
int kg_term_compare(const KgTerm *a, const KgTerm *b) {
  if (a->literal != b->literal)
    return a->literal ? 1 : -1;
  int d = strcmp(a->text, b->text);
  if (d || !a->literal)
    return d;
  d = compare_optional(a->lang, b->lang);
  return d ? d : compare_optional(a->datatype, b->datatype);
}

static int compare_triples(const void *x, const void *y) {
  const Triple *a = x, *b = y;
  if (a->evidence != b->evidence)
    return a->evidence - b->evidence;
  int d = kg_term_compare(&a->s, &b->s);
  if (!d)
    d = kg_term_compare(&a->p, &b->p);
  return d ? d : kg_term_compare(&a->o, &b->o);
}

/* --- writing ----------------------------------------------------------- */

/* An IRI: prefix:name when a namespace holds it and the rest is both an
 * XML name (raptor's test, so that the bytes are raptor's) and a Turtle
 * local name (which raptor does not check: "x." is an XML name, but
 * "prefix:x." ends the triple at its dot), else <...>. */
static void write_iri(const KgTurtle *t, KgBytes *out, const char *iri,
                      size_t len) {
  for (size_t i = 0; i < t->prefix_count; i++) {
    const char *ns = t->prefixes[i][1];
    size_t n = strlen(ns);
    if (n < len && memcmp(iri, ns, n) == 0 &&
        raptor_xml_name_check((const unsigned char *)iri + n, len - n, 10) &&
        kg_ttl_is_local_name(iri + n, len - n)) {
      kg_bytes_append(out, t->prefixes[i][0], strlen(t->prefixes[i][0]));
      kg_bytes_append(out, ":", 1);
      kg_bytes_append(out, iri + n, len - n);
      return;
    }
  }
  kg_ttl_iri(out, iri, len);
}

/* Non-zero for a number raptor writes bare: xsd:integer that strtol reads
 * whole, xsd:decimal or xsd:double that strtod reads whole. */
static int is_bare_number(const KgTerm *term) {
  const char *dt = term->datatype;
  if (!dt || strncmp(dt, XSD, strlen(XSD)) != 0)
    return 0;
  const char *type = dt + strlen(XSD);
  char *end = NULL;
  if (strcmp(type, "integer") == 0)
    (void)strtol(term->text, &end, 10);
  else if (strcmp(type, "decimal") == 0 || strcmp(type, "double") == 0)
    (void)strtod(term->text, &end);
  return end && end != term->text && *end == '\0';
}

static void write_term(const KgTurtle *t, KgBytes *out, const KgTerm *term) {
  if (!term->literal) {
    write_iri(t, out, term->text, term->len);
  } else if (is_bare_number(term)) {
    kg_bytes_append(out, term->text, term->len);
  } else {
    kg_ttl_string(out, term->text, term->len);
    if (term->lang) {
      kg_bytes_append(out, "@", 1);
      kg_bytes_append(out, term->lang, strlen(term->lang));
    } else if (term->datatype) {
      kg_bytes_append(out, "^^", 2);
      write_iri(t, out, term->datatype, strlen(term->datatype));
    }
  }
}

static void write_predicate(const KgTurtle *t, KgBytes *out,
                            const KgTerm *p) {
  if (strcmp(p->text, RDF_TYPE) == 0)
    kg_bytes_append(out, "a", 1);
  else
    write_term(t, out, p);
}

static void write_prefixes(const KgTurtle *t, KgBytes *out) {
  for (size_t i = 0; i < t->prefix_count; i++) {
    kg_bytes_append(out, "@prefix ", 8);
    kg_bytes_append(out, t->prefixes[i][0], strlen(t->prefixes[i][0]));
    kg_bytes_append(out, ": ", 2);
    kg_ttl_iri(out, t->prefixes[i][1], strlen(t->prefixes[i][1]));
    kg_bytes_append(out, " .\n", 3);
  }
  kg_bytes_append(out, "\n", 1);
}

/* Writes the sorted triples, each distinct one once, a subject at a time,
 * each line after indent; the last ends " .\n". */
static void write_subjects(const KgTurtle *t, KgBytes *out,
                           const char *indent) {
  size_t n = strlen(indent);
  const Triple *last = NULL;
  for (size_t i = 0; i < t->count; i++) {
    const Triple *tr = &t->sorted[i];
    if (last && compare_triples(last, tr) == 0)
      continue;
    if (!last || kg_term_compare(&last->s, &tr->s) != 0) {
      if (last)
        kg_bytes_append(out, " .\n\n", 4);
      kg_bytes_append(out, indent, n);
      write_term(t, out, &tr->s);
      kg_bytes_append(out, "\n    ", 5);
      kg_bytes_append(out, indent, n);
      write_predicate(t, out, &tr->p);
    } else if (kg_term_compare(&last->p, &tr->p) != 0) {
      kg_bytes_append(out, " ;\n    ", 7);
      kg_bytes_append(out, indent, n);
      write_predicate(t, out, &tr->p);
    } else {
      kg_bytes_append(out, ",", 1);
    }
    kg_bytes_append(out, " ", 1);
    write_term(t, out, &tr->o);
    last = tr;
  }
  if (last)
    kg_bytes_append(out, " .\n", 3);
}

static KgTerm term_at(const KgTurtle *t, const Kept *k) {
  const char *base = t->strings.data;
  KgTerm term = {base + k->text, k->len, k->literal, NULL, NULL, NULL, 0};
  if (k->lang != ABSENT)
    term.lang = base + k->lang;
  if (k->datatype != ABSENT)
    term.datatype = base + k->datatype;
  return term;
}

int kg_turtle_sort(KgTurtle *t, const KgTriple **triples, size_t *count) {
  *triples = NULL;
  *count = 0;
  int failed = t->failed || t->strings.failed;
  if (!failed && t->count > t->sorted_cap) {
    free(t->sorted);
    t->sorted_cap = 0;
    if ((t->sorted = malloc(t->count * sizeof *t->sorted)) != NULL)
      t->sorted_cap = t->count;
    failed = !t->sorted;
  }
  if (failed)
    return -1;
  for (size_t i = 0; i < t->count; i++)
    t->sorted[i] = (Triple){term_at(t, &t->kept[i].s),
                            term_at(t, &t->kept[i].p),
                            term_at(t, &t->kept[i].o), t->kept[i].evidence};
  if (t->count > 0)
    qsort(t->sorted, t->count, sizeof *t->sorted, compare_triples);
  *triples = t->sorted;
  *count = t->count;
  return 0;
}

void kg_turtle_clear(KgTurtle *t) {
  t->count = 0;
  t->strings.len = 0;
  t->strings.failed = 0;
  t->failed = 0;
  t->evidence = 0;
}

const char *const (*kg_turtle_prefixes(const KgTurtle *t,
                                       size_t *count))[2] {
  *count = t->prefix_count;
  return t->prefixes;
}

int kg_turtle_write(KgTurtle *t, KgBytes *out, const KgTerm *graph) {
  const KgTriple *triples;
  size_t count;
  int failed = kg_turtle_sort(t, &triples, &count) != 0;
  if (!failed) {
    write_prefixes(t, out);
    if (graph) {
      write_iri(t, out, graph->text, graph->len);
      kg_bytes_append(out, " {\n", 3);
    }
    write_subjects(t, out, graph ? "    " : "");
    if (graph)
      kg_bytes_append(out, "}\n\n", 3);
    else if (count > 0)
      kg_bytes_append(out, "\n", 1);
  }
  kg_turtle_clear(t);
  return failed || out->failed ? -1 : 0;
}
