/* jsonld.c - a graph as a compact JSON-LD document; see jsonld.h.
 *
 * The triples come sorted from the KgTurtle (subject, predicate, object in
 * raptor's order), so a subject's triples are one run and a predicate's
 * objects one run inside it, a triple given twice next to its twin: each
 * run becomes a node object or a property, twins once.  JSON is written by
 * hand, as Turtle is: the escapes are those of RFC 8259, and the library
 * takes no JSON dependency for them.
 */
#include "jsonld.h"

#include <stdio.h>
#include <string.h>

#define RDF_TYPE "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"

typedef const char *const (*Prefixes)[2];

static void append_str(KgBytes *out, const char *s) {
  kg_bytes_append(out, s, strlen(s));
}

/* text[0, len) inside a JSON string, escaped. */
static void json_chars(KgBytes *out, const char *text, size_t len) {
  size_t run = 0; /* start of the bytes not yet appended */
  for (size_t i = 0; i < len; i++) {
    unsigned char c = (unsigned char)text[i];
    char escape[8];
    if (c == '"' || c == '\\')
      snprintf(escape, sizeof escape, "\\%c", c);
    else if (c == '\n')
      memcpy(escape, "\\n", 3);
    else if (c == '\r')
      memcpy(escape, "\\r", 3);
    else if (c == '\t')
      memcpy(escape, "\\t", 3);
    else if (c < 0x20)
      snprintf(escape, sizeof escape, "\\u%04X", c);
    else
      continue;
    kg_bytes_append(out, text + run, i - run);
    append_str(out, escape);
    run = i + 1;
  }
  kg_bytes_append(out, text + run, len - run);
}

void kg_json_string(KgBytes *out, const char *text, size_t len) {
  kg_bytes_append(out, "\"", 1);
  json_chars(out, text, len);
  kg_bytes_append(out, "\"", 1);
}

/* An IRI as a JSON string, prefix:rest when a prefix holds it (rest
 * neither empty nor starting "//", which a processor would read as an IRI
 * of scheme prefix), else whole. */
static void write_compact(KgBytes *out, Prefixes prefixes, size_t np,
                          const char *iri, size_t len) {
  for (size_t i = 0; i < np; i++) {
    const char *ns = prefixes[i][1];
    size_t n = strlen(ns);
    if (n < len && memcmp(iri, ns, n) == 0 &&
        !(len - n >= 2 && iri[n] == '/' && iri[n + 1] == '/')) {
      kg_bytes_append(out, "\"", 1);
      json_chars(out, prefixes[i][0], strlen(prefixes[i][0]));
      kg_bytes_append(out, ":", 1);
      json_chars(out, iri + n, len - n);
      kg_bytes_append(out, "\"", 1);
      return;
    }
  }
  kg_json_string(out, iri, len);
}

/* A property's value: {"@id": IRI}, a string, or a {"@value"} object. */
static void write_object(KgBytes *out, Prefixes prefixes, size_t np,
                         const KgTerm *o) {
  if (!o->literal) {
    append_str(out, "{\"@id\":");
    kg_json_string(out, o->text, o->len);
    append_str(out, "}");
  } else if (!o->lang && !o->datatype) {
    kg_json_string(out, o->text, o->len);
  } else {
    append_str(out, "{\"@value\":");
    kg_json_string(out, o->text, o->len);
    if (o->lang) {
      append_str(out, ",\"@language\":");
      kg_json_string(out, o->lang, strlen(o->lang));
    } else {
      append_str(out, ",\"@type\":");
      write_compact(out, prefixes, np, o->datatype, strlen(o->datatype));
    }
    append_str(out, "}");
  }
}

/* ,"KEY":VALUE or ,"KEY":[VALUE,...]: the distinct objects of tr[0, n),
 * triples of one subject and predicate; KEY is "@type" when types (the
 * objects are IRIs, written as classes), else the predicate. */
static void write_property(KgBytes *out, Prefixes prefixes, size_t np,
                           const KgTriple *tr, size_t n, int types) {
  size_t distinct = 0;
  for (size_t i = 0; i < n; i++)
    distinct += i == 0 || kg_term_compare(&tr[i].o, &tr[i - 1].o) != 0;
  append_str(out, ",");
  if (types)
    append_str(out, "\"@type\"");
  else
    write_compact(out, prefixes, np, tr->p.text, tr->p.len);
  append_str(out, distinct > 1 ? ":[" : ":");
  for (size_t i = 0; i < n; i++) {
    if (i > 0 && kg_term_compare(&tr[i].o, &tr[i - 1].o) == 0)
      continue;
    if (i > 0)
      append_str(out, ",");
    if (types)
      write_compact(out, prefixes, np, tr[i].o.text, tr[i].o.len);
    else
      write_object(out, prefixes, np, &tr[i].o);
  }
  if (distinct > 1)
    append_str(out, "]");
}

/* The length of the run of tr[0, n) with tr[0]'s subject (by_subject) or
 * its subject and predicate. */
static size_t run_length(const KgTriple *tr, size_t n, int by_subject) {
  size_t k = 1;
  while (k < n && kg_term_compare(&tr[k].s, &tr->s) == 0 &&
         (by_subject || kg_term_compare(&tr[k].p, &tr->p) == 0))
    k++;
  return k;
}

/* The node object of tr[0, n), the triples of one subject: @id, @type
 * (rdf:type's IRI objects, which sort before its literals), then each
 * predicate in order. */
static void write_node(KgBytes *out, Prefixes prefixes, size_t np,
                       const KgTriple *tr, size_t n) {
  append_str(out, "{\"@id\":");
  kg_json_string(out, tr->s.text, tr->s.len);
  for (size_t i = 0; i < n;) {
    size_t len = run_length(tr + i, n - i, 0);
    if (strcmp(tr[i].p.text, RDF_TYPE) == 0) {
      size_t iris = 0;
      while (iris < len && !tr[i + iris].o.literal)
        iris++;
      if (iris > 0)
        write_property(out, prefixes, np, tr + i, iris, 1);
      if (iris < len)
        write_property(out, prefixes, np, tr + i + iris, len - iris, 0);
    }
    i += len;
  }
  for (size_t i = 0; i < n;) {
    size_t len = run_length(tr + i, n - i, 0);
    if (strcmp(tr[i].p.text, RDF_TYPE) != 0)
      write_property(out, prefixes, np, tr + i, len, 0);
    i += len;
  }
  append_str(out, "}");
}

int kg_jsonld_write(KgTurtle *t, KgBytes *out, const KgTerm *graph) {
  size_t np;
  Prefixes prefixes = kg_turtle_prefixes(t, &np);
  const KgTriple *tr;
  size_t n;
  int failed = kg_turtle_sort(t, &tr, &n) != 0;
  if (!failed) {
    append_str(out, "{\"@context\":{");
    for (size_t i = 0; i < np; i++) {
      if (i > 0)
        append_str(out, ",");
      kg_json_string(out, prefixes[i][0], strlen(prefixes[i][0]));
      append_str(out, ":");
      kg_json_string(out, prefixes[i][1], strlen(prefixes[i][1]));
    }
    append_str(out, "},\"@id\":");
    kg_json_string(out, graph->text, graph->len);
    append_str(out, ",\"@graph\":[");
    for (size_t i = 0; i < n;) {
      size_t len = run_length(tr + i, n - i, 1);
      if (i > 0)
        append_str(out, ",");
      write_node(out, prefixes, np, tr + i, len);
      i += len;
    }
    append_str(out, "]}\n");
  }
  kg_turtle_clear(t);
  return failed || out->failed ? -1 : 0;
}
