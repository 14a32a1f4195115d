/* serialize.c - writes a graph as Turtle or N-Triples through raptor2.
 *
 * The serializer turns graph.c's entities and relations into triples, in a
 * fixed order, and hands them to raptor, which does the syntax (escaping,
 * prefixes, grouping by subject in Turtle).  The triples, for one article:
 *
 *   1. each entity:    <iri> rdf:type newskg:Class ; rdfs:label "Name"@en ;
 *                            owl:sameAs <dbpedia> , <wikidata> (if known)
 *   2. each relation:  <subject> newskg:relation <object>
 *   3. the document as a NIF 2.0 context:
 *        <doc#char=0,N> a nif:Context ; nif:isString "text" ;
 *                       nif:beginIndex 0 ; nif:endIndex N ; nif:sourceUrl <doc>
 *      and, when the article's date is known, <doc> dcterms:date "D"^^xsd:date
 *   4. each distinct evidence sentence:
 *        <doc#char=B,E> a nif:String, nif:Sentence ;
 *                       nif:referenceContext <doc#char=0,N> ;
 *                       nif:beginIndex B ; nif:endIndex E ; nif:anchorOf "..." ;
 *                       newskg:date "D"^^xsd:date|gYearMonth|gYear ...
 *   5. each relation reified, with its provenance:
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
 * same bytes; confidences have two decimals, whatever the locale.  Nothing is
 * printed: raptor's log messages and write errors come back as a KgStatus
 * and a KgError.
 */
#include "serialize.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "strmap.h"

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
    KG_NS "matchedRule",
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

/* Turtle prefixes, in the order they are declared.  raptor's Turtle
 * serializer declares rdf: itself (and refuses a second declaration).  There
 * is no prefix for entity IRIs: their local part holds a '/' (class/name),
 * which raptor never abbreviates. */
static const char *const prefixes[][2] = {
    {"newskg", KG_NS},          {"rdfs", KG_RDFS_NS}, {"owl", KG_OWL_NS},
    {"xsd", KG_XSD_NS},         {"nif", KG_NIF_NS},   {"prov", KG_PROV_NS},
    {"dcterms", KG_DCTERMS_NS},
};

/* One kg_graph_write call: raptor's objects and the terms reused across
 * statements (each use takes a reference with raptor_term_copy). */
typedef struct {
  const KgGraph *g;                     ///< the graph being written
  raptor_world *world;                  ///< owned
  raptor_serializer *ser;               ///< owned
  raptor_term *terms[T_COUNT];          ///< owned fixed vocabulary
  raptor_term *classes[KG_CLASS_COUNT]; ///< owned newskg:Class terms
  raptor_term *relations[KG_REL_COUNT]; ///< owned newskg:relation terms
  raptor_term **entities;               ///< owned, one per entity
  raptor_term *context;                 ///< owned <doc#char=0,N>
  raptor_uri *datatypes[D_COUNT];       ///< owned xsd datatypes
  KgStatus status;                      ///< first failure, or KG_OK
} Writer;

static KgStatus set_error(KgError *err, KgStatus status, const char *message) {
  if (err) {
    err->file[0] = '\0';
    err->line = 0;
    err->offset = -1;
    snprintf(err->message, sizeof err->message, "%s", message);
  }
  return status;
}

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

/* --- terms ------------------------------------------------------------ */

static raptor_term *iri_term(Writer *w, const char *iri) {
  return raptor_new_term_from_uri_string(w->world, (const unsigned char *)iri);
}

/* <doc#char=begin,end>, the NIF IRI of a span of the text. */
static raptor_term *span_term(Writer *w, size_t begin, size_t end) {
  char iri[256];
  int n = snprintf(iri, sizeof iri, "%s#char=%zu,%zu", kg_graph_doc_iri(w->g),
                   begin, end);
  if (n < 0 || (size_t)n >= sizeof iri)
    return NULL;
  return iri_term(w, iri);
}

static raptor_term *literal(Writer *w, const char *text, size_t len,
                            const char *lang) {
  return raptor_new_term_from_counted_literal(
      w->world, (const unsigned char *)text, len, NULL,
      (const unsigned char *)lang, (unsigned char)(lang ? strlen(lang) : 0));
}

static raptor_term *typed_literal(Writer *w, const char *text, size_t len,
                                  Datatype type) {
  return raptor_new_term_from_counted_literal(
      w->world, (const unsigned char *)text, len, w->datatypes[type], NULL, 0);
}

static raptor_term *index_literal(Writer *w, size_t value) {
  char digits[32];
  int n = snprintf(digits, sizeof digits, "%zu", value);
  return typed_literal(w, digits, (size_t)n, D_NON_NEGATIVE_INTEGER);
}

/* A date as xsd:date, xsd:gYearMonth or xsd:gYear, by its precision. */
static raptor_term *date_literal(Writer *w, const KgDate *date) {
  char text[KG_DATE_MAX + 1];
  size_t n = kg_date_format(date, text);
  return typed_literal(w, text, n,
                       date->month == 0 ? D_YEAR
                       : date->day == 0 ? D_YEAR_MONTH
                                        : D_DATE);
}

/* A new reference to a term the writer holds. */
static raptor_term *ref(raptor_term *t) { return raptor_term_copy(t); }

/* Serializes the triple and releases the three terms.  A NULL term (its
 * creation failed) or an earlier failure makes this a no-op that records
 * the failure; the caller checks w->status once at the end. */
static void emit(Writer *w, raptor_term *s, raptor_term *p, raptor_term *o) {
  raptor_statement st;
  raptor_statement_init(&st, w->world);
  st.subject = s;
  st.predicate = p;
  st.object = o;
  if (w->status == KG_OK && (!s || !p || !o))
    w->status = KG_ERR_NOMEM;
  if (w->status == KG_OK &&
      raptor_serializer_serialize_statement(w->ser, &st) != 0)
    w->status = KG_ERR_RDF;
  raptor_statement_clear(&st);
}

/* --- the groups of triples ---------------------------------------- */

static void write_entities(Writer *w) {
  for (size_t i = 0; i < kg_graph_entity_count(w->g); i++) {
    KgGraphEntity e = kg_graph_entity(w->g, i);
    emit(w, ref(w->entities[i]), ref(w->terms[T_RDF_TYPE]),
         ref(w->classes[e.cls]));
    emit(w, ref(w->entities[i]), ref(w->terms[T_RDFS_LABEL]),
         literal(w, e.name, strlen(e.name), "en"));
    for (size_t k = 0; k < e.same_as_count; k++)
      emit(w, ref(w->entities[i]), ref(w->terms[T_OWL_SAME_AS]),
           iri_term(w, e.same_as[k]));
  }
}

static void write_relations(Writer *w) {
  for (size_t i = 0; i < kg_graph_relation_count(w->g); i++) {
    KgGraphRelation r = kg_graph_relation(w->g, i);
    emit(w, ref(w->entities[r.subject]), ref(w->relations[r.rel]),
         ref(w->entities[r.object]));
  }
}

static void write_context(Writer *w) {
  size_t len;
  const char *text = kg_graph_text(w->g, &len);
  emit(w, ref(w->context), ref(w->terms[T_RDF_TYPE]),
       ref(w->terms[T_NIF_CONTEXT]));
  emit(w, ref(w->context), ref(w->terms[T_NIF_IS_STRING]),
       literal(w, text, len, NULL));
  emit(w, ref(w->context), ref(w->terms[T_NIF_BEGIN_INDEX]),
       index_literal(w, 0));
  emit(w, ref(w->context), ref(w->terms[T_NIF_END_INDEX]),
       index_literal(w, kg_graph_char_length(w->g)));
  emit(w, ref(w->context), ref(w->terms[T_NIF_SOURCE_URL]),
       iri_term(w, kg_graph_doc_iri(w->g)));
  const KgDate *date = kg_graph_date(w->g);
  if (date)
    emit(w, iri_term(w, kg_graph_doc_iri(w->g)), ref(w->terms[T_DCTERMS_DATE]),
         date_literal(w, date));
}

static void write_sentence(Writer *w, const KgEvidence *ev) {
  size_t len;
  const char *text = kg_graph_evidence_text(w->g, ev, &len);
  raptor_term *node = span_term(w, ev->char_start, ev->char_end);
  if (!node) {
    if (w->status == KG_OK)
      w->status = KG_ERR_NOMEM;
    return;
  }
  emit(w, ref(node), ref(w->terms[T_RDF_TYPE]), ref(w->terms[T_NIF_STRING]));
  emit(w, ref(node), ref(w->terms[T_RDF_TYPE]), ref(w->terms[T_NIF_SENTENCE]));
  emit(w, ref(node), ref(w->terms[T_NIF_REFERENCE_CONTEXT]), ref(w->context));
  emit(w, ref(node), ref(w->terms[T_NIF_BEGIN_INDEX]),
       index_literal(w, ev->char_start));
  emit(w, ref(node), ref(w->terms[T_NIF_END_INDEX]),
       index_literal(w, ev->char_end));
  emit(w, ref(node), ref(w->terms[T_NIF_ANCHOR_OF]),
       literal(w, text, len, NULL));
  for (size_t k = 0; k < ev->date_count; k++)
    emit(w, ref(node), ref(w->terms[T_KG_DATE]),
         date_literal(w, &ev->dates[k]));
  raptor_free_term(node);
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
  raptor_term *node = span_term(w, ev->match_char_start, ev->match_char_end);
  if (!node) {
    if (w->status == KG_OK)
      w->status = KG_ERR_NOMEM;
    return;
  }
  emit(w, ref(node), ref(w->terms[T_RDF_TYPE]), ref(w->terms[T_NIF_STRING]));
  emit(w, ref(node), ref(w->terms[T_RDF_TYPE]), ref(w->terms[T_NIF_PHRASE]));
  emit(w, ref(node), ref(w->terms[T_NIF_REFERENCE_CONTEXT]), ref(w->context));
  emit(w, ref(node), ref(w->terms[T_NIF_BEGIN_INDEX]),
       index_literal(w, ev->match_char_start));
  emit(w, ref(node), ref(w->terms[T_NIF_END_INDEX]),
       index_literal(w, ev->match_char_end));
  emit(w, ref(node), ref(w->terms[T_NIF_ANCHOR_OF]),
       literal(w, text + ev->match.start, ev->match.end - ev->match.start,
               NULL));
  emit(w, node, ref(w->terms[T_NIF_SENTENCE_OF]),
       span_term(w, ev->char_start, ev->char_end));
}

/* Non-zero the first time key is seen in seen (which remembers it). */
static int first_time(Writer *w, KgStrMap *seen, const char *key, size_t len) {
  size_t unused;
  if (kg_strmap_get(seen, key, len, &unused))
    return 0;
  if (kg_strmap_put(seen, key, len, 0) != 0) {
    w->status = KG_ERR_NOMEM;
    return 0;
  }
  return 1;
}

/* Each distinct sentence once, in the order relations first cite them;
 * with phrases, each distinct span of matched words once, the same way. */
static void write_spans(Writer *w, int phrases) {
  KgStrMap *seen = kg_strmap_new();
  if (!seen) {
    w->status = KG_ERR_NOMEM;
    return;
  }
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
  KgStrMap *seen = kg_strmap_new();
  if (!seen) {
    w->status = KG_ERR_NOMEM;
    return;
  }
  for (size_t i = 0; i < kg_graph_relation_count(w->g); i++) {
    KgGraphRelation r = kg_graph_relation(w->g, i);
    for (size_t k = 0; k < r.rule_count && w->status == KG_OK; k++) {
      const char *name = r.rules[k];
      if (!first_time(w, seen, name, strlen(name)))
        continue;
      char *iri = kg_rule_iri(name);
      raptor_term *node = iri ? iri_term(w, iri) : NULL;
      free(iri);
      emit(w, node ? ref(node) : NULL, ref(w->terms[T_RDF_TYPE]),
           ref(w->terms[T_KG_RULE_CLASS]));
      emit(w, node, ref(w->terms[T_RDFS_LABEL]),
           literal(w, name, strlen(name), NULL));
    }
  }
  kg_strmap_free(seen);
}

/* What the full provenance adds to a statement: the matched words and the
 * rules as resources. */
static void write_full_provenance(Writer *w, raptor_term *node,
                                  const KgGraphRelation *r) {
  for (size_t k = 0; k < r->evidence_count; k++) {
    const KgEvidence *ev = &r->evidence[k];
    if (has_phrase(ev))
      emit(w, ref(node), ref(w->terms[T_PROV_WAS_DERIVED_FROM]),
           span_term(w, ev->match_char_start, ev->match_char_end));
  }
  for (size_t k = 0; k < r->rule_count; k++) {
    char *iri = kg_rule_iri(r->rules[k]);
    emit(w, ref(node), ref(w->terms[T_KG_MATCHED_RULE]),
         iri ? iri_term(w, iri) : NULL);
    free(iri);
  }
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
    raptor_term *node = iri_term(w, iri);
    free(iri);
    if (!node) {
      w->status = KG_ERR_NOMEM;
      return;
    }
    emit(w, ref(node), ref(w->terms[T_RDF_TYPE]),
         ref(w->terms[T_RDF_STATEMENT]));
    emit(w, ref(node), ref(w->terms[T_RDF_SUBJECT]),
         ref(w->entities[r.subject]));
    emit(w, ref(node), ref(w->terms[T_RDF_PREDICATE]),
         ref(w->relations[r.rel]));
    emit(w, ref(node), ref(w->terms[T_RDF_OBJECT]), ref(w->entities[r.object]));
    for (size_t k = 0; k < r.evidence_count; k++)
      emit(w, ref(node), ref(w->terms[T_PROV_WAS_DERIVED_FROM]),
           span_term(w, r.evidence[k].char_start, r.evidence[k].char_end));
    for (size_t k = 0; k < r.rule_count; k++)
      emit(w, ref(node), ref(w->terms[T_KG_RULE]),
           literal(w, r.rules[k], strlen(r.rules[k]), NULL));
    char confidence[8];
    size_t n = kg_format_hundredths(r.confidence, confidence);
    emit(w, ref(node), ref(w->terms[T_KG_CONFIDENCE]),
         typed_literal(w, confidence, n, D_DECIMAL));
    if (full)
      write_full_provenance(w, node, &r);
    raptor_free_term(node);
  }
}

/* --- set-up and tear-down ---------------------------------------------- */

/* Creates the reusable terms.  Returns KG_OK or KG_ERR_NOMEM. */
static KgStatus make_terms(Writer *w) {
  char iri[256];
  for (int i = 0; i < T_COUNT; i++)
    if (!(w->terms[i] = iri_term(w, term_iris[i])))
      return KG_ERR_NOMEM;
  for (int i = 0; i < KG_CLASS_COUNT; i++) {
    snprintf(iri, sizeof iri, "%s%s", KG_NS, kg_class_name((KgClass)i));
    if (!(w->classes[i] = iri_term(w, iri)))
      return KG_ERR_NOMEM;
  }
  for (int i = 0; i < KG_REL_COUNT; i++) {
    snprintf(iri, sizeof iri, "%s%s", KG_NS, kg_relation_name((KgRelation)i));
    if (!(w->relations[i] = iri_term(w, iri)))
      return KG_ERR_NOMEM;
  }
  size_t n = kg_graph_entity_count(w->g);
  w->entities = calloc(n ? n : 1, sizeof *w->entities);
  if (!w->entities)
    return KG_ERR_NOMEM;
  for (size_t i = 0; i < n; i++)
    if (!(w->entities[i] = iri_term(w, kg_graph_entity(w->g, i).iri)))
      return KG_ERR_NOMEM;
  for (int i = 0; i < D_COUNT; i++)
    if (!(w->datatypes[i] = raptor_new_uri(
              w->world, (const unsigned char *)datatype_iris[i])))
      return KG_ERR_NOMEM;
  w->context = span_term(w, 0, kg_graph_char_length(w->g));
  return w->context ? KG_OK : KG_ERR_NOMEM;
}

static void free_terms(Writer *w) {
  for (int i = 0; i < T_COUNT; i++)
    if (w->terms[i])
      raptor_free_term(w->terms[i]);
  for (int i = 0; i < KG_CLASS_COUNT; i++)
    if (w->classes[i])
      raptor_free_term(w->classes[i]);
  for (int i = 0; i < KG_REL_COUNT; i++)
    if (w->relations[i])
      raptor_free_term(w->relations[i]);
  if (w->entities)
    for (size_t i = 0; i < kg_graph_entity_count(w->g); i++)
      if (w->entities[i])
        raptor_free_term(w->entities[i]);
  free(w->entities);
  if (w->context)
    raptor_free_term(w->context);
  for (int i = 0; i < D_COUNT; i++)
    if (w->datatypes[i])
      raptor_free_uri(w->datatypes[i]);
}

static KgStatus declare_prefixes(Writer *w) {
  for (size_t i = 0; i < sizeof prefixes / sizeof *prefixes; i++) {
    raptor_uri *uri =
        raptor_new_uri(w->world, (const unsigned char *)prefixes[i][1]);
    if (!uri)
      return KG_ERR_NOMEM;
    int failed = raptor_serializer_set_namespace(
        w->ser, uri, (const unsigned char *)prefixes[i][0]);
    raptor_free_uri(uri);
    if (failed)
      return KG_ERR_RDF;
  }
  return KG_OK;
}

KgStatus kg_graph_write(const KgGraph *g, KgFormat format, FILE *out,
                        KgError *err) {
  const char *syntax;
  switch (format) {
  case KG_FORMAT_TURTLE:
    syntax = "turtle";
    break;
  case KG_FORMAT_NTRIPLES:
    syntax = "ntriples";
    break;
  default:
    return set_error(err, KG_ERR_INPUT, "unknown output format");
  }

  KgRaptorLog log = {err, NULL, 0, 0};
  Writer w;
  memset(&w, 0, sizeof w);
  w.g = g;
  if (!(w.world = kg_raptor_world_new(&log)))
    return set_error(err, KG_ERR_NOMEM, "cannot start raptor");
  w.status = make_terms(&w);
  if (w.status == KG_OK && !(w.ser = raptor_new_serializer(w.world, syntax)))
    w.status = KG_ERR_RDF;
  if (w.status == KG_OK && format == KG_FORMAT_TURTLE)
    w.status = declare_prefixes(&w);
  if (w.status == KG_OK &&
      raptor_serializer_start_to_file_handle(w.ser, NULL, out) != 0)
    w.status = KG_ERR_RDF;
  if (w.status == KG_OK) {
    write_entities(&w);
    write_relations(&w);
    write_context(&w);
    write_spans(&w, 0);
    write_statements(&w);
    if (kg_graph_provenance(g) == KG_PROVENANCE_FULL) {
      write_spans(&w, 1);
      write_rules(&w);
    }
    if (raptor_serializer_serialize_end(w.ser) != 0 && w.status == KG_OK)
      w.status = KG_ERR_RDF;
  }
  if (w.ser)
    raptor_free_serializer(w.ser);
  free_terms(&w);
  raptor_free_world(w.world);

  /* A failed write is the cause of whatever raptor said about it. */
  errno = 0;
  if (fflush(out) != 0 || ferror(out)) {
    char message[256];
    snprintf(message, sizeof message, "write error: %s",
             errno ? strerror(errno) : "unknown cause");
    return set_error(err, KG_ERR_IO, message);
  }
  if (w.status == KG_OK && log.errors > 0)
    w.status = KG_ERR_RDF;
  if (w.status != KG_OK && log.errors == 0)
    set_error(err, w.status,
              w.status == KG_ERR_NOMEM ? "out of memory"
                                       : "raptor could not write the graph");
  return w.status;
}
