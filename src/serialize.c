/* serialize.c - writes a graph as Turtle, TriG, N-Triples, N-Quads or
 * JSON-LD (or hands it to dot.c for a picture).
 *
 * The serializer turns graph.c's entities and relations into triples, in a
 * fixed order, and writes them as lines (rdfterm.c) or hands them to a
 * Turtle document (turtle.c), which groups them by subject: in every format
 * the bytes raptor2's serializers write, at several times their speed
 * (tests/test_writer.c compares).  The triples, for one article:
 *
 *   1. each entity:    <iri> rdf:type newskg:Class ; rdfs:label "Name"@en ;
 *                            owl:sameAs <dbpedia> , <wikidata> (if known)
 *   2. each relation:  <subject> newskg:relation <object>, and a symmetric
 *      one (owl:SymmetricProperty) both ways, so that a query need not
 *      know which way it was found: <object> newskg:relation <subject>
 *   With KG_PROVENANCE_NONE nothing more: the bare graph.  Otherwise the
 *   evidence, which Turtle, TriG and JSON-LD write after all of the above:
 *   3. the document as a NIF 2.0 context:
 *        <doc> a prov:Entity ; prov:wasGeneratedBy <run/newskg-VERSION> .
 *        <run/newskg-VERSION> a prov:Activity ; rdfs:label "newskg VERSION" .
 *        <doc#char=0,N> a nif:Context ; nif:isString "text" ;
 *                       nif:beginIndex 0 ; nif:endIndex N ;
 *                       nif:sourceUrl <the article's URL>, else <doc>
 *      and, when the article's date is known, <doc> dcterms:date "D"^^xsd:date;
 *      when its source is known, <doc> dcterms:title "headline",
 *      dcterms:source <url>, dcterms:identifier "id"
 *   4. each distinct evidence sentence:
 *        <doc#char=B,E> a nif:String, nif:Sentence ;
 *                       nif:referenceContext <doc#char=0,N> ;
 *                       nif:beginIndex B ; nif:endIndex E ; nif:anchorOf "..." ;
 *                       newskg:date "D"^^xsd:date|gYearMonth|gYear ...
 *      (a sentence that is the whole text is the context's node: its
 *      offsets are not written twice)
 *   5. each relation reified, with its provenance (a symmetric one once,
 *      the way it was found: the reverse triple is the same fact, which
 *      one statement backs):
 *        <doc#stmt-HEX> a rdf:Statement ; rdf:subject/predicate/object ... ;
 *                       prov:wasDerivedFrom <doc#char=B,E> ... ;
 *                       newskg:rule "rule-name" ... ;
 *                       newskg:confidence "0.87"^^xsd:decimal
 *   With KG_PROVENANCE_FULL, also:
 *   6. each distinct span of matched words (unless it is the whole
 *      sentence), a nif:Phrase:
 *        <doc#char=B,E> a nif:String, nif:Phrase ; nif:referenceContext ... ;
 *                       nif:beginIndex B ; nif:endIndex E ; nif:anchorOf "..." ;
 *                       nif:sentence <its sentence>
 *      which its statements cite: <doc#stmt-HEX> prov:wasDerivedFrom <phrase>
 *   7. each rule once, <rule/NAME> a newskg:Rule ; rdfs:label "NAME", which
 *      its statements cite: <doc#stmt-HEX> newskg:matchedRule <rule/NAME>
 *
 * Offsets are code points, as NIF requires; N is the text's length.  Every
 * node is an IRI (no blank nodes), every IRI is derived from the graph, and
 * the order above is the graph's order, so the same graph always gives the
 * same bytes; confidences have two decimals, whatever the locale.  In
 * N-Quads every triple is in the graph named by the document IRI; in Turtle
 * each graph is a whole document, prefixes and all; TriG is the Turtle
 * document with its triples in a block named by the document IRI, and
 * JSON-LD (jsonld.c) one line with the same prefixes as its context and
 * the document IRI as the graph's @id.  Nothing is printed:
 * write errors come back as a KgStatus and a KgError.
 *
 * A KgWriter holds what every graph uses, made once: the vocabulary's IRIs
 * and their N-Triples forms, the Turtle document being gathered, and the
 * buffer a graph's bytes go into before one fwrite; the buffers are kept
 * from graph to graph.  A line copies a term's N-Triples form where the
 * term has one (rdfterm.h), so that an IRI is not escaped again for each
 * triple that holds it: the vocabulary's forms are made once, those of the
 * entities, the document and the context once per graph, a statement's
 * once per statement, and a span's from the document's (see span_term).
 * A writer shares nothing with another, so threads with a writer each may
 * write at once.  raptor is left to read RDF: the log glue below serves
 * eval.c and the tests.
 */
#include "serialize.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dot.h"
#include "newskg-version.h"
#include "error.h"
#include "jsonld.h"
#include "rdfterm.h"
#include "strmap.h"
#include "turtle.h"

/* The run that writes a graph (see write_run). */
#define KG_RUN_IRI "https://w3id.org/newskg/run/newskg-" NEWSKG_VERSION

/* The fixed IRIs the serializer writes, indexed by Term. */
typedef enum {
  T_RDF_TYPE = 0,
  T_RDF_STATEMENT,
  T_RDF_SUBJECT,
  T_RDF_PREDICATE,
  T_RDF_OBJECT,
  T_RDFS_LABEL,
  T_NIF_CONTEXT,
  T_NIF_STRING,
  T_NIF_SENTENCE,
  T_NIF_IS_STRING,
  T_NIF_BEGIN_INDEX,
  T_NIF_END_INDEX,
  T_NIF_SOURCE_URL,
  T_NIF_REFERENCE_CONTEXT,
  T_NIF_ANCHOR_OF,
  T_PROV_WAS_DERIVED_FROM,
  T_KG_RULE,
  T_OWL_SAME_AS,
  T_DCTERMS_DATE,
  T_KG_DATE,
  T_KG_CONFIDENCE,
  T_NIF_PHRASE,
  T_NIF_SENTENCE_OF,
  T_KG_RULE_CLASS,
  T_KG_MATCHED_RULE,
  T_DCTERMS_TITLE,
  T_DCTERMS_SOURCE,
  T_DCTERMS_IDENTIFIER,
  T_PROV_ENTITY,
  T_PROV_ACTIVITY,
  T_PROV_WAS_GENERATED_BY,
  T_RUN,
  T_COUNT
} Term;

static const char *const term_iris[T_COUNT] = {
    KG_RDF_NS "type",       KG_RDF_NS "Statement",
    KG_RDF_NS "subject",    KG_RDF_NS "predicate",
    KG_RDF_NS "object",     KG_RDFS_NS "label",
    KG_NIF_NS "Context",    KG_NIF_NS "String",
    KG_NIF_NS "Sentence",   KG_NIF_NS "isString",
    KG_NIF_NS "beginIndex", KG_NIF_NS "endIndex",
    KG_NIF_NS "sourceUrl",  KG_NIF_NS "referenceContext",
    KG_NIF_NS "anchorOf",   KG_PROV_NS "wasDerivedFrom",
    KG_NS "rule",           KG_OWL_NS "sameAs",
    KG_DCTERMS_NS "date",   KG_NS "date",
    KG_NS "confidence",     KG_NIF_NS "Phrase",
    KG_NIF_NS "sentence",   KG_NS "Rule",
    KG_NS "matchedRule",    KG_DCTERMS_NS "title",
    KG_DCTERMS_NS "source", KG_DCTERMS_NS "identifier",
    KG_PROV_NS "Entity",    KG_PROV_NS "Activity",
    KG_PROV_NS "wasGeneratedBy", KG_RUN_IRI,
};

/* The datatypes of literals, indexed by Datatype. */
typedef enum {
  D_NON_NEGATIVE_INTEGER = 0,
  D_DECIMAL,
  D_DATE,
  D_YEAR_MONTH,
  D_YEAR,
  D_COUNT
} Datatype;

static const char *const datatype_iris[D_COUNT] = {
    KG_XSD_NS "nonNegativeInteger", KG_XSD_NS "decimal", KG_XSD_NS "date",
    KG_XSD_NS "gYearMonth", KG_XSD_NS "gYear"};

/* Class and relation IRIs are KG_NS + their names: room for the longest. */
#define VOCAB_IRI_MAX 96

/* Room for a typed literal's N-Triples form, "TEXT"^^<datatype>: TEXT is a
 * number or a date, at most 20 bytes, and the longest datatype is
 * xsd:nonNegativeInteger. */
#define TYPED_MAX (4 + 20 + sizeof "<" KG_XSD_NS "nonNegativeInteger>")

struct KgWriterImpl {
  KgFormat format;                                 ///< what it writes
  char class_iris[KG_CLASS_COUNT][VOCAB_IRI_MAX];  ///< newskg:Class IRIs
  char relation_iris[KG_REL_COUNT][VOCAB_IRI_MAX]; ///< newskg:relation IRIs
  KgTerm terms[T_COUNT];          ///< term_iris, with their N-Triples forms
  KgTerm classes[KG_CLASS_COUNT]; ///< class_iris, the same
  KgTerm relations[KG_REL_COUNT]; ///< relation_iris, the same
  KgTerm datatypes[D_COUNT];      ///< datatype_iris, the same
  KgBytes vocab;                  ///< the N-Triples forms of the above
  KgTerm *entities;               ///< owned: a graph's entities, by id
  size_t entity_cap;              ///< terms allocated in entities
  KgBytes forms;     ///< the N-Triples forms of a graph's entities and
                     ///< document, and its line end
  KgBytes statement; ///< a statement IRI's N-Triples form
  KgTurtle *turtle;  ///< owned: Turtle, TriG and JSON-LD gather triples
  KgBytes out;       ///< a graph's bytes before one fwrite; kept from graph to
                     ///< graph, so that it grows once
};

/* The IRI of a span of the text, <doc#char=B,E>, and its N-Triples form.
 * The document's IRI is ASCII (KG_DOC_BASE and hex digits), written in
 * N-Triples as it is between <>: a span IRI that fits iri fits nt (which
 * span_term checks all the same). */
typedef struct {
  char iri[256]; ///< the IRI, NUL-terminated
  char nt[258];  ///< its N-Triples form, when writing lines
} SpanIri;

/* One graph being written. */
typedef struct {
  const KgGraph *g;     ///< the graph being written
  KgWriter *kw;         ///< the writer: format, vocabulary, buffers
  int lines;            ///< N-Triples or N-Quads: terms carry their forms
  KgTerm doc;           ///< the document IRI
  KgTerm context;       ///< the IRI <doc#char=0,N>, in context_iri
  SpanIri context_iri;  ///< holds context's strings
  const char *line_end; ///< " .\n", or in N-Quads " <doc> .\n"
  size_t line_end_len;  ///< bytes of line_end
  size_t triples;       ///< statements written
  KgStatus status;      ///< first failure, or KG_OK
} Writer;

/* raptor_log_handler: keeps the first error (else the first warning) in
 * the KgRaptorLog's KgError. */
static void log_handler(void *data, raptor_log_message *msg) {
  KgRaptorLog *log = data;
  if (msg->level < RAPTOR_LOG_LEVEL_WARN)
    return;
  int error = msg->level >= RAPTOR_LOG_LEVEL_ERROR;
  /* record a message unless an error (or, for a warning, anything) is
   * recorded already */
  int record = error ? log->errors == 0 : log->errors + log->warnings == 0;
  if (error)
    log->errors++;
  else
    log->warnings++;
  if (!record || !log->err)
    return;
  KgError *err = log->err;
  const raptor_locator *loc = msg->locator;
  const char *file = log->file;
  if (loc && loc->file)
    file = loc->file;
  snprintf(err->file, sizeof err->file, "%s", file ? file : "");
  err->line = loc && loc->line > 0 ? loc->line : 0;
  err->offset = loc && loc->byte >= 0 ? loc->byte : -1;
  snprintf(err->message, sizeof err->message, "%s",
           msg->text ? msg->text : "raptor error");
}

raptor_world *kg_raptor_world_new(KgRaptorLog *log) {
  raptor_world *world = raptor_new_world();
  if (!world)
    return NULL;
  if (raptor_world_set_log_handler(world, log, log_handler) != 0 ||
      raptor_world_open(world) != 0) {
    raptor_free_world(world);
    return NULL;
  }
  return world;
}

KgStatus kg_statement_iri(const KgGraph *g, size_t i, char **out) {
  *out = NULL;
  KgGraphRelation r = kg_graph_relation(g, i);
  const char *s = kg_graph_entity(g, r.subject).iri;
  const char *o = kg_graph_entity(g, r.object).iri;
  const char *p = kg_relation_name(r.rel);
  size_t ls = strlen(s), lp = strlen(KG_NS) + strlen(p), lo = strlen(o);
  char *triple = malloc(ls + lp + lo + 3);
  if (!triple)
    return KG_ERR_NOMEM;
  snprintf(triple, ls + lp + lo + 3, "%s %s%s %s", s, KG_NS, p, o);
  char hex[41];
  KgStatus status = kg_sha1_hex(triple, ls + lp + lo + 2, hex);
  free(triple);
  if (status != KG_OK)
    return status;
  const char *doc = kg_graph_doc_iri(g);
  size_t size = strlen(doc) + strlen("#stmt-") + 16 + 1;
  char *iri = malloc(size);
  if (!iri)
    return KG_ERR_NOMEM;
  snprintf(iri, size, "%s#stmt-%.16s", doc, hex);
  *out = iri;
  return KG_OK;
}

/* --- terms --------------------------------------------------------------- */

/* The terms below borrow their strings: each lives until it is emitted.
 * Those without an N-Triples form are escaped as they are written. */

static KgTerm iri_term(const char *iri) {
  KgTerm t = {iri, iri ? strlen(iri) : 0, 0, NULL, NULL, NULL, 0};
  return t;
}

static KgTerm vocab_term(const Writer *w, Term t) { return w->kw->terms[t]; }

static KgTerm class_term(const Writer *w, KgClass cls) {
  return w->kw->classes[cls];
}

static KgTerm relation_term(const Writer *w, KgRelation rel) {
  return w->kw->relations[rel];
}

static KgTerm entity_term(const Writer *w, size_t i) {
  return w->kw->entities[i];
}

/* Writes value in decimal at p, as "%zu" would; returns the end. */
static char *put_decimal(char *p, size_t value) {
  char digits[24];
  size_t n = 0;
  do
    digits[n++] = (char)('0' + value % 10);
  while ((value /= 10) != 0);
  while (n > 0)
    *p++ = digits[--n];
  return p;
}

/* <doc#char=begin,end>, the NIF IRI of a span of the text, in buf.  Its
 * N-Triples form is the document's with "#char=B,E" before the '>': the
 * escapes leave '#', '=', ',', letters and digits as they are, and the
 * document IRI ends with a whole character. */
static KgTerm span_term(const Writer *w, size_t begin, size_t end,
                        SpanIri *buf) {
  char suffix[64] = "#char=";
  char *p = put_decimal(suffix + 6, begin);
  *p++ = ',';
  size_t n = (size_t)(put_decimal(p, end) - suffix);
  const KgTerm *doc = &w->doc;
  if (doc->len + n >= sizeof buf->iri ||
      (doc->nt && doc->nt_len + n > sizeof buf->nt))
    return iri_term(NULL);
  memcpy(buf->iri, doc->text, doc->len);
  memcpy(buf->iri + doc->len, suffix, n);
  buf->iri[doc->len + n] = '\0';
  KgTerm t = {buf->iri, doc->len + n, 0, NULL, NULL, NULL, 0};
  if (doc->nt) {
    memcpy(buf->nt, doc->nt, doc->nt_len - 1);
    memcpy(buf->nt + doc->nt_len - 1, suffix, n);
    buf->nt[doc->nt_len - 1 + n] = '>';
    t.nt = buf->nt;
    t.nt_len = doc->nt_len + n;
  }
  return t;
}

static KgTerm literal_term(const char *text, size_t len, const char *lang) {
  KgTerm t = {text, len, 1, lang, NULL, NULL, 0};
  return t;
}

/* A literal of the datatype whose text the caller wrote at buf + 1 (len
 * bytes of digits, '-' and '.', which N-Triples writes as they are); buf
 * becomes its N-Triples form around it, "text"^^<datatype>. */
static KgTerm typed_term(const Writer *w, char buf[TYPED_MAX], size_t len,
                         Datatype type) {
  const KgTerm *dt = &w->kw->datatypes[type];
  buf[0] = '"';
  memcpy(buf + 1 + len, "\"^^", 3);
  memcpy(buf + 4 + len, dt->nt, dt->nt_len);
  KgTerm t = {buf + 1, len, 1, NULL, dt->text, buf, 4 + len + dt->nt_len};
  return t;
}

/* value as an xsd:nonNegativeInteger, written in buf. */
static KgTerm index_term(const Writer *w, size_t value, char buf[TYPED_MAX]) {
  size_t n = (size_t)(put_decimal(buf + 1, value) - (buf + 1));
  return typed_term(w, buf, n, D_NON_NEGATIVE_INTEGER);
}

/* A date as xsd:date, xsd:gYearMonth or xsd:gYear, by its precision,
 * written in buf. */
static KgTerm date_term(const Writer *w, const KgDate *date,
                        char buf[TYPED_MAX]) {
  size_t n = kg_date_format(date, buf + 1);
  return typed_term(w, buf, n,
                    date->month == 0 ? D_YEAR
                    : date->day == 0 ? D_YEAR_MONTH
                                     : D_DATE);
}

/* --- emitting ------------------------------------------------------------ */

static void line_term(KgBytes *out, const KgTerm *t) {
  if (t->nt)
    kg_bytes_append(out, t->nt, t->nt_len);
  else if (t->literal)
    kg_nt_literal(out, t->text, t->len, t->lang, t->datatype);
  else
    kg_nt_iri(out, t->text, t->len);
}

/* One N-Triples line, or one N-Quads line in the document's graph. */
static void emit_line(Writer *w, const KgTerm *s, const KgTerm *p,
                      const KgTerm *o) {
  KgBytes *out = &w->kw->out;
  line_term(out, s);
  kg_bytes_append(out, " ", 1);
  line_term(out, p);
  kg_bytes_append(out, " ", 1);
  line_term(out, o);
  kg_bytes_append(out, w->line_end, w->line_end_len);
}

/* Writes the triple (Turtle: keeps it for the document's end).  A term
 * that could not be made (NULL text) or an earlier failure makes this a
 * no-op that records the failure; the caller checks w->status at the end,
 * and the buffers say whether memory ran out. */
static void emit(Writer *w, KgTerm s, KgTerm p, KgTerm o) {
  if (w->status != KG_OK)
    return;
  if (!s.text || !p.text || !o.text) {
    w->status = KG_ERR_NOMEM;
    return;
  }
  if (w->kw->turtle)
    kg_turtle_add(w->kw->turtle, &s, &p, &o);
  else
    emit_line(w, &s, &p, &o);
  w->triples++;
}

/* --- the groups of triples ---------------------------------------- */

static void write_entities(Writer *w) {
  for (size_t i = 0; i < kg_graph_entity_count(w->g); i++) {
    KgGraphEntity e = kg_graph_entity(w->g, i);
    KgTerm entity = entity_term(w, i);
    emit(w, entity, vocab_term(w, T_RDF_TYPE), class_term(w, e.cls));
    emit(w, entity, vocab_term(w, T_RDFS_LABEL),
         literal_term(e.name, strlen(e.name), "en"));
    for (size_t k = 0; k < e.same_as_count; k++)
      emit(w, entity, vocab_term(w, T_OWL_SAME_AS), iri_term(e.same_as[k]));
  }
}

static void write_relations(Writer *w) {
  for (size_t i = 0; i < kg_graph_relation_count(w->g); i++) {
    KgGraphRelation r = kg_graph_relation(w->g, i);
    emit(w, entity_term(w, r.subject), relation_term(w, r.rel),
         entity_term(w, r.object));
    if (kg_relation_is_symmetric(r.rel) && r.subject != r.object)
      emit(w, entity_term(w, r.object), relation_term(w, r.rel),
           entity_term(w, r.subject));
  }
}

/* What the article's source says of the document, where known. */
static void write_source(Writer *w) {
  KgTerm doc = w->doc;
  const char *title = kg_graph_title(w->g);
  const char *source = kg_graph_source_iri(w->g);
  const char *id = kg_graph_source_id(w->g);
  if (title)
    emit(w, doc, vocab_term(w, T_DCTERMS_TITLE),
         literal_term(title, strlen(title), NULL));
  if (source)
    emit(w, doc, vocab_term(w, T_DCTERMS_SOURCE), iri_term(source));
  if (id)
    emit(w, doc, vocab_term(w, T_DCTERMS_IDENTIFIER),
         literal_term(id, strlen(id), NULL));
}

/* The run that wrote the graph, as PROV.  Its IRI names newskg's version
 * and nothing of the moment: a time or a random id would make each run's
 * bytes differ, and the same program on the same article writes the same
 * graph. */
static void write_run(Writer *w) {
  KgTerm run = vocab_term(w, T_RUN);
  emit(w, w->doc, vocab_term(w, T_PROV_WAS_GENERATED_BY), run);
  emit(w, run, vocab_term(w, T_RDF_TYPE), vocab_term(w, T_PROV_ACTIVITY));
  emit(w, run, vocab_term(w, T_RDFS_LABEL),
       literal_term("newskg " NEWSKG_VERSION,
                    strlen("newskg " NEWSKG_VERSION), NULL));
}

static void write_context(Writer *w) {
  size_t len;
  const char *text = kg_graph_text(w->g, &len);
  KgTerm context = w->context;
  KgTerm doc = w->doc;
  const char *url = kg_graph_source_iri(w->g);
  char begin[TYPED_MAX], end[TYPED_MAX], date[TYPED_MAX];
  emit(w, doc, vocab_term(w, T_RDF_TYPE), vocab_term(w, T_PROV_ENTITY));
  write_run(w);
  emit(w, context, vocab_term(w, T_RDF_TYPE), vocab_term(w, T_NIF_CONTEXT));
  emit(w, context, vocab_term(w, T_NIF_IS_STRING),
       literal_term(text, len, NULL));
  emit(w, context, vocab_term(w, T_NIF_BEGIN_INDEX), index_term(w, 0, begin));
  emit(w, context, vocab_term(w, T_NIF_END_INDEX),
       index_term(w, kg_graph_char_length(w->g), end));
  /* the article's own URL where its source gave one, else the document */
  emit(w, context, vocab_term(w, T_NIF_SOURCE_URL), url ? iri_term(url) : doc);
  const KgDate *d = kg_graph_date(w->g);
  if (d)
    emit(w, doc, vocab_term(w, T_DCTERMS_DATE), date_term(w, d, date));
  write_source(w);
}

static void write_sentence(Writer *w, const KgEvidence *ev) {
  size_t len;
  const char *text = kg_graph_evidence_text(w->g, ev, &len);
  SpanIri iri;
  char begin[TYPED_MAX], end[TYPED_MAX], date[TYPED_MAX];
  KgTerm node = span_term(w, ev->char_start, ev->char_end, &iri);
  emit(w, node, vocab_term(w, T_RDF_TYPE), vocab_term(w, T_NIF_STRING));
  emit(w, node, vocab_term(w, T_RDF_TYPE), vocab_term(w, T_NIF_SENTENCE));
  emit(w, node, vocab_term(w, T_NIF_REFERENCE_CONTEXT), w->context);
  /* A sentence that is the whole text has the context's IRI (NIF names a
   * string by its offsets), whose offsets are written already: once is
   * enough, a triple is stated once. */
  if (ev->char_start != 0 || ev->char_end != kg_graph_char_length(w->g)) {
    emit(w, node, vocab_term(w, T_NIF_BEGIN_INDEX),
         index_term(w, ev->char_start, begin));
    emit(w, node, vocab_term(w, T_NIF_END_INDEX),
         index_term(w, ev->char_end, end));
  }
  emit(w, node, vocab_term(w, T_NIF_ANCHOR_OF), literal_term(text, len, NULL));
  for (size_t k = 0; k < ev->date_count; k++)
    emit(w, node, vocab_term(w, T_KG_DATE), date_term(w, &ev->dates[k], date));
}

/* Non-zero when an evidence record's matched words are known and are not
 * the whole sentence (whose node already stands for them). */
static int has_phrase(const KgEvidence *ev) {
  return ev->match.start != ev->match.end &&
         (ev->match.start != ev->start || ev->match.end != ev->end);
}

/* The words an evidence record's rule matched, as a nif:Phrase. */
static void write_phrase(Writer *w, const KgEvidence *ev) {
  size_t len;
  const char *text = kg_graph_text(w->g, &len);
  SpanIri iri, sentence;
  char begin[TYPED_MAX], end[TYPED_MAX];
  KgTerm node = span_term(w, ev->match_char_start, ev->match_char_end, &iri);
  emit(w, node, vocab_term(w, T_RDF_TYPE), vocab_term(w, T_NIF_STRING));
  emit(w, node, vocab_term(w, T_RDF_TYPE), vocab_term(w, T_NIF_PHRASE));
  emit(w, node, vocab_term(w, T_NIF_REFERENCE_CONTEXT), w->context);
  emit(w, node, vocab_term(w, T_NIF_BEGIN_INDEX),
       index_term(w, ev->match_char_start, begin));
  emit(w, node, vocab_term(w, T_NIF_END_INDEX),
       index_term(w, ev->match_char_end, end));
  emit(w, node, vocab_term(w, T_NIF_ANCHOR_OF),
       literal_term(text + ev->match.start, ev->match.end - ev->match.start,
                    NULL));
  emit(w, node, vocab_term(w, T_NIF_SENTENCE_OF),
       span_term(w, ev->char_start, ev->char_end, &sentence));
}

/* An empty set of keys already written; NULL (and the writer failed) when
 * out of memory. */
static KgStrMap *new_seen(Writer *w) {
  KgStrMap *seen = kg_strmap_new();
  if (!seen)
    w->status = KG_ERR_NOMEM;
  return seen;
}

/* Non-zero the first time key is seen in seen (which remembers it). */
static int first_time(Writer *w, KgStrMap *seen, const char *key, size_t len) {
  int added = kg_strmap_add(seen, key, len, 0, NULL);
  if (added < 0)
    w->status = KG_ERR_NOMEM;
  return added > 0;
}

/* Each distinct sentence once, in the order relations first cite them;
 * with phrases, each distinct span of matched words once, the same way. */
static void write_spans(Writer *w, int phrases) {
  KgStrMap *seen = new_seen(w);
  if (!seen)
    return;
  for (size_t i = 0; i < kg_graph_relation_count(w->g); i++) {
    KgGraphRelation r = kg_graph_relation(w->g, i);
    for (size_t k = 0; k < r.evidence_count && w->status == KG_OK; k++) {
      const KgEvidence *ev = &r.evidence[k];
      if (phrases && !has_phrase(ev))
        continue;
      char key[48];
      int n = phrases
                  ? snprintf(key, sizeof key, "%zu,%zu", ev->match.start,
                             ev->match.end)
                  : snprintf(key, sizeof key, "%zu,%zu", ev->start, ev->end);
      if (!first_time(w, seen, key, (size_t)n))
        continue;
      if (phrases)
        write_phrase(w, ev);
      else
        write_sentence(w, ev);
    }
  }
  kg_strmap_free(seen);
}

/* Each rule once, in the order relations first cite them. */
static void write_rules(Writer *w) {
  KgStrMap *seen = new_seen(w);
  if (!seen)
    return;
  for (size_t i = 0; i < kg_graph_relation_count(w->g); i++) {
    KgGraphRelation r = kg_graph_relation(w->g, i);
    for (size_t k = 0; k < r.rule_count && w->status == KG_OK; k++) {
      const char *name = r.rules[k];
      if (!first_time(w, seen, name, strlen(name)))
        continue;
      char *iri = kg_rule_iri(name);
      emit(w, iri_term(iri), vocab_term(w, T_RDF_TYPE),
           vocab_term(w, T_KG_RULE_CLASS));
      emit(w, iri_term(iri), vocab_term(w, T_RDFS_LABEL),
           literal_term(name, strlen(name), NULL));
      free(iri);
    }
  }
  kg_strmap_free(seen);
}

/* What the full provenance adds to a statement: the matched words and the
 * rules as resources. */
static void write_full_provenance(Writer *w, KgTerm statement,
                                  const KgGraphRelation *r) {
  for (size_t k = 0; k < r->evidence_count; k++) {
    const KgEvidence *ev = &r->evidence[k];
    SpanIri iri;
    if (has_phrase(ev))
      emit(w, statement, vocab_term(w, T_PROV_WAS_DERIVED_FROM),
           span_term(w, ev->match_char_start, ev->match_char_end, &iri));
  }
  for (size_t k = 0; k < r->rule_count; k++) {
    char *iri = kg_rule_iri(r->rules[k]);
    emit(w, statement, vocab_term(w, T_KG_MATCHED_RULE), iri_term(iri));
    free(iri);
  }
}

/* A statement's node: its IRI, escaped once for the triples it is the
 * subject of.  A failure makes it a term that emit() refuses. */
static KgTerm statement_term(Writer *w, const char *iri) {
  KgTerm t = iri_term(iri);
  KgBytes *form = &w->kw->statement;
  if (w->lines) {
    form->len = 0;
    kg_nt_iri(form, t.text, t.len);
    if (form->failed) {
      form->failed = 0;
      return iri_term(NULL);
    }
    t.nt = form->data;
    t.nt_len = form->len;
  }
  return t;
}

static void write_statements(Writer *w) {
  int full = kg_graph_provenance(w->g) == KG_PROVENANCE_FULL;
  for (size_t i = 0; i < kg_graph_relation_count(w->g) && w->status == KG_OK;
       i++) {
    KgGraphRelation r = kg_graph_relation(w->g, i);
    char *iri;
    KgStatus status = kg_statement_iri(w->g, i, &iri);
    if (status != KG_OK) {
      w->status = status;
      return;
    }
    KgTerm node = statement_term(w, iri);
    emit(w, node, vocab_term(w, T_RDF_TYPE), vocab_term(w, T_RDF_STATEMENT));
    emit(w, node, vocab_term(w, T_RDF_SUBJECT), entity_term(w, r.subject));
    emit(w, node, vocab_term(w, T_RDF_PREDICATE), relation_term(w, r.rel));
    emit(w, node, vocab_term(w, T_RDF_OBJECT), entity_term(w, r.object));
    for (size_t k = 0; k < r.evidence_count; k++) {
      SpanIri span;
      emit(w, node, vocab_term(w, T_PROV_WAS_DERIVED_FROM),
           span_term(w, r.evidence[k].char_start, r.evidence[k].char_end,
                     &span));
    }
    for (size_t k = 0; k < r.rule_count; k++)
      emit(w, node, vocab_term(w, T_KG_RULE),
           literal_term(r.rules[k], strlen(r.rules[k]), NULL));
    char confidence[TYPED_MAX];
    size_t n = kg_format_hundredths(r.confidence, confidence + 1);
    emit(w, node, vocab_term(w, T_KG_CONFIDENCE),
         typed_term(w, confidence, n, D_DECIMAL));
    if (full)
      write_full_provenance(w, node, &r);
    free(iri);
  }
}

/* Serializes the graph's triples in their order (see the top). */
static void write_triples(Writer *w) {
  write_entities(w);
  write_relations(w);
  KgProvenance level = kg_graph_provenance(w->g);
  if (level == KG_PROVENANCE_NONE)
    return;
  if (w->kw->turtle)
    kg_turtle_begin_evidence(w->kw->turtle);
  write_context(w);
  write_spans(w, 0);
  write_statements(w);
  if (level == KG_PROVENANCE_FULL) {
    write_spans(w, 1);
    write_rules(w);
  }
}

/* --- the writer ------------------------------------------------------------ */

/* The term of iri, whose N-Triples form it appends to forms.  Its nt is
 * set by place_forms, once forms grows (and moves) no more. */
static KgTerm add_form(KgBytes *forms, const char *iri, size_t len) {
  KgTerm t = {iri, len, 0, NULL, NULL, NULL, 0};
  size_t at = forms->len;
  kg_nt_iri(forms, iri, len);
  t.nt_len = forms->len - at;
  return t;
}

/* Points the nt of n terms at their forms, which lie end to end in forms
 * from offset *at; moves *at past them. */
static void place_forms(KgTerm *terms, size_t n, const KgBytes *forms,
                        size_t *at) {
  for (size_t i = 0; i < n; i++) {
    terms[i].nt = forms->data + *at;
    *at += terms[i].nt_len;
  }
}

/* Makes the vocabulary's terms, with their N-Triples forms.  Returns 0, or
 * -1 when out of memory. */
static int make_vocabulary(KgWriter *kw) {
  KgBytes *forms = &kw->vocab;
  for (int i = 0; i < T_COUNT; i++)
    kw->terms[i] = add_form(forms, term_iris[i], strlen(term_iris[i]));
  for (int i = 0; i < KG_CLASS_COUNT; i++) {
    char *iri = kw->class_iris[i];
    snprintf(iri, VOCAB_IRI_MAX, "%s%s", KG_NS, kg_class_name((KgClass)i));
    kw->classes[i] = add_form(forms, iri, strlen(iri));
  }
  for (int i = 0; i < KG_REL_COUNT; i++) {
    char *iri = kw->relation_iris[i];
    snprintf(iri, VOCAB_IRI_MAX, "%s%s", KG_NS,
             kg_relation_name((KgRelation)i));
    kw->relations[i] = add_form(forms, iri, strlen(iri));
  }
  for (int i = 0; i < D_COUNT; i++)
    kw->datatypes[i] =
        add_form(forms, datatype_iris[i], strlen(datatype_iris[i]));
  if (forms->failed)
    return -1;
  size_t at = 0;
  place_forms(kw->terms, T_COUNT, forms, &at);
  place_forms(kw->classes, KG_CLASS_COUNT, forms, &at);
  place_forms(kw->relations, KG_REL_COUNT, forms, &at);
  place_forms(kw->datatypes, D_COUNT, forms, &at);
  return 0;
}

/* Makes the terms of the graph's own IRIs, its entities', its document's
 * and its context's; writing lines, with their N-Triples forms, and the
 * line end.  Returns 0, or -1 when out of memory. */
static int prepare(Writer *w) {
  KgWriter *kw = w->kw;
  size_t count = kg_graph_entity_count(w->g);
  if (count > kw->entity_cap) {
    KgTerm *grown = realloc(kw->entities, count * sizeof *grown);
    if (!grown)
      return -1;
    kw->entities = grown;
    kw->entity_cap = count;
  }
  KgBytes *forms = &kw->forms;
  forms->len = 0;
  for (size_t i = 0; i < count; i++) {
    const char *iri = kg_graph_entity(w->g, i).iri;
    kw->entities[i] =
        w->lines ? add_form(forms, iri, strlen(iri)) : iri_term(iri);
  }
  w->doc = iri_term(kg_graph_doc_iri(w->g));
  if (w->lines) {
    /* " <doc> .\n": the N-Quads line end, whose end is the N-Triples one */
    size_t at = forms->len;
    kg_bytes_append(forms, " ", 1);
    w->doc = add_form(forms, w->doc.text, w->doc.len);
    kg_bytes_append(forms, " .\n", 3);
    if (forms->failed) {
      forms->failed = 0;
      return -1;
    }
    size_t first = 0;
    place_forms(kw->entities, count, forms, &first);
    w->doc.nt = forms->data + at + 1;
    w->line_end = kw->format == KG_FORMAT_NQUADS ? forms->data + at
                                                 : w->doc.nt + w->doc.nt_len;
    w->line_end_len = (size_t)(forms->data + forms->len - w->line_end);
  }
  w->context = span_term(w, 0, kg_graph_char_length(w->g), &w->context_iri);
  return w->context.text ? 0 : -1;
}

KgStatus kg_writer_new(KgFormat format, KgWriter **out, KgError *err) {
  *out = NULL;
  if ((unsigned)format > KG_FORMAT_JSONLD)
    return kg_error(err, KG_ERR_INPUT, NULL, 0, -1, "unknown output format");
  KgWriter *kw = calloc(1, sizeof *kw);
  if (!kw ||
      ((format == KG_FORMAT_TURTLE || format == KG_FORMAT_TRIG ||
        format == KG_FORMAT_JSONLD) &&
       !(kw->turtle =
             kg_turtle_new(kg_output_prefixes, kg_output_prefix_count))) ||
      make_vocabulary(kw) != 0) {
    kg_writer_free(kw);
    return kg_error(err, KG_ERR_NOMEM, NULL, 0, -1, "out of memory");
  }
  kw->format = format;
  *out = kw;
  return KG_OK;
}

void kg_writer_free(KgWriter *kw) {
  if (!kw)
    return;
  kg_turtle_free(kw->turtle);
  kg_bytes_release(&kw->vocab);
  free(kw->entities);
  kg_bytes_release(&kw->forms);
  kg_bytes_release(&kw->statement);
  kg_bytes_release(&kw->out);
  free(kw);
}

/* Writes the triples gathered (Turtle, TriG, JSON-LD) to the writer's
 * buffer, in the writer's syntax.  Returns 0, or -1 when out of memory. */
static int finish_document(Writer *w) {
  KgWriter *kw = w->kw;
  switch (kw->format) {
  case KG_FORMAT_TRIG:
    return kg_turtle_write(kw->turtle, &kw->out, &w->doc);
  case KG_FORMAT_JSONLD:
    return kg_jsonld_write(kw->turtle, &kw->out, &w->doc);
  default:
    return kg_turtle_write(kw->turtle, &kw->out, NULL);
  }
}

KgStatus kg_writer_render(KgWriter *kw, const KgGraph *g, const char **bytes,
                          size_t *len, size_t *triples, KgError *err) {
  Writer w;
  memset(&w, 0, sizeof w);
  w.g = g;
  w.kw = kw;
  w.lines = kw->format == KG_FORMAT_NTRIPLES || kw->format == KG_FORMAT_NQUADS;
  kw->out.len = 0;
  if (kw->format == KG_FORMAT_DOT)
    w.triples = kg_dot_write(g, &kw->out);
  else if (prepare(&w) != 0)
    w.status = KG_ERR_NOMEM;
  else
    write_triples(&w);
  if (kw->turtle && finish_document(&w) != 0 && w.status == KG_OK)
    w.status = KG_ERR_NOMEM;
  if (kw->out.failed) {
    w.status = KG_ERR_NOMEM;
    kw->out.failed = 0;
  }
  if (triples)
    *triples = w.status == KG_OK ? w.triples : 0;
  *bytes = NULL;
  *len = 0;
  if (w.status != KG_OK)
    return kg_error(err, w.status, NULL, 0, -1, "out of memory");
  *bytes = kw->out.len ? kw->out.data : "";
  *len = kw->out.len;
  return KG_OK;
}

KgStatus kg_writer_write(KgWriter *kw, const KgGraph *g, FILE *out,
                         size_t *triples, KgError *err) {
  const char *bytes;
  size_t len;
  KgStatus status = kg_writer_render(kw, g, &bytes, &len, triples, err);
  if (status != KG_OK)
    return status;
  errno = 0;
  if (fwrite(bytes, 1, len, out) != len || fflush(out) != 0 || ferror(out)) {
    char message[256];
    snprintf(message, sizeof message, "write error: %s",
             errno ? strerror(errno) : "unknown cause");
    return kg_error(err, KG_ERR_IO, NULL, 0, -1, "%s", message);
  }
  return KG_OK;
}

KgStatus kg_graph_write(const KgGraph *g, KgFormat format, FILE *out,
                        KgError *err) {
  KgWriter *kw;
  KgStatus status = kg_writer_new(format, &kw, err);
  if (status == KG_OK)
    status = kg_writer_write(kw, g, out, NULL, err);
  kg_writer_free(kw);
  return status;
}
