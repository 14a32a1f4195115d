/* test_graph.c - CUnit suite of graph.c and serialize.c.
 *
 * graph.c: entity IRIs (percent-encoding of every awkward byte), the
 * document IRI, deduplication of entities and relations (symmetric ones in
 * either direction), evidence records and their code-point offsets.
 * serialize.c: a small graph written as Turtle and as N-Triples, parsed
 * back with raptor: both give the same set of triples, that set holds the
 * expected triples and no blank node, and writing is deterministic.
 */
#ifndef _POSIX_C_SOURCE
#define _POSIX_C_SOURCE 200809L /* open_memstream, mkdtemp, strdup */
#endif
#include <CUnit/Basic.h>
#include <CUnit/CUnit.h>
#include <raptor2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "graph.h"
#include "runner.h"
#include "serialize.h"

#define ID KG_ENTITY_BASE

/* ---- entity IRIs ------------------------------------------------------- */

static void check_iri(KgClass cls, const char *name, const char *expected) {
  char *iri = kg_entity_iri(cls, name, strlen(name));
  CU_ASSERT_PTR_NOT_NULL_FATAL(iri);
  CU_ASSERT_STRING_EQUAL(iri, expected);
  free(iri);
}

static void test_iri_spaces_and_classes(void) {
  check_iri(KG_CLASS_PERSON, "Alexander Lukashenko",
            ID "person/Alexander_Lukashenko");
  check_iri(KG_CLASS_ORGANIZATION,
            "Organization for Security and Co-operation in Europe",
            ID "organization/"
               "Organization_for_Security_and_Co-operation_in_Europe");
  check_iri(KG_CLASS_COUNTRY, "United States", ID "country/United_States");
  check_iri(KG_CLASS_CITY, "  Minsk ", ID "city/__Minsk_");
}

static void test_iri_unreserved_bytes_stay(void) {
  check_iri(KG_CLASS_PERSON, "Az-09._~z", ID "person/Az-09._~z");
}

static void test_iri_quotes_and_delimiters(void) {
  check_iri(KG_CLASS_PERSON, "\"Bo\" O'Neil", ID "person/%22Bo%22_O%27Neil");
  check_iri(KG_CLASS_PERSON, "<>{}|\\^`", ID "person/%3C%3E%7B%7D%7C%5C%5E%60");
  check_iri(KG_CLASS_PERSON, "a/b?c#d%e&f+g",
            ID "person/a%2Fb%3Fc%23d%25e%26f%2Bg");
}

static void test_iri_control_characters(void) {
  check_iri(KG_CLASS_PERSON, "a\tb\nc\x01\x7f", ID "person/a%09b%0Ac%01%7F");
}

static void test_iri_utf8(void) {
  /* É = C3 89, Ž = C5 BD, ž = C5 BE, 北京 = E5 8C 97 E4 BA AC */
  check_iri(KG_CLASS_PERSON,
            "\xc3\x89mile \xc5\xbdi\xc5\xbe"
            "ek",
            ID "person/%C3%89mile_%C5%BDi%C5%BEek");
  check_iri(KG_CLASS_CITY, "\xe5\x8c\x97\xe4\xba\xac",
            ID "city/%E5%8C%97%E4%BA%AC");
}

/* ---- the graph ------------------------------------------------------------- */

static void test_sha1_and_document_iri(void) {
  char hex[41];
  CU_ASSERT_EQUAL(kg_sha1_hex("abc", 3, hex), KG_OK);
  CU_ASSERT_STRING_EQUAL(hex, "a9993e364706816aba3e25717850c26c9cd0d89d");
  CU_ASSERT_EQUAL(kg_sha1_hex("", 0, hex), KG_OK);
  CU_ASSERT_STRING_EQUAL(hex, "da39a3ee5e6b4b0d3255bfef95601890afd80709");
  KgGraph *g = NULL;
  CU_ASSERT_EQUAL_FATAL(kg_graph_new("abc", 3, &g), KG_OK);
  CU_ASSERT_STRING_EQUAL(kg_graph_doc_iri(g), KG_DOC_BASE
                         "a9993e364706816aba3e25717850c26c9cd0d89d");
  size_t len;
  CU_ASSERT_STRING_EQUAL(kg_graph_text(g, &len), "abc");
  CU_ASSERT_EQUAL(len, 3);
  kg_graph_free(g);
  kg_graph_free(NULL);
}

static void test_invalid_input_is_refused(void) {
  KgGraph *g = NULL;
  CU_ASSERT_EQUAL(kg_graph_new("a\xff", 2, &g), KG_ERR_INPUT);
  CU_ASSERT_PTR_NULL(g);
  /* "é" is two bytes: offset 1 is inside it */
  CU_ASSERT_EQUAL_FATAL(kg_graph_new("\xc3\xa9 x", 4, &g), KG_OK);
  size_t a, b;
  CU_ASSERT_EQUAL(kg_graph_add_entity(g, KG_CLASS_PERSON, "bad\xc3", &a),
                  KG_ERR_INPUT);
  CU_ASSERT_EQUAL(kg_graph_add_entity(g, KG_CLASS_PERSON, "A", &a), KG_OK);
  CU_ASSERT_EQUAL(kg_graph_add_entity(g, KG_CLASS_PERSON, "B", &b), KG_OK);
  CU_ASSERT_EQUAL(kg_graph_add_relation(g, a, KG_REL_MET_WITH, 7, 0, 4, "r"),
                  KG_ERR_INPUT);
  CU_ASSERT_EQUAL(kg_graph_add_relation(g, a, KG_REL_MET_WITH, b, 1, 4, "r"),
                  KG_ERR_INPUT);
  CU_ASSERT_EQUAL(kg_graph_add_relation(g, a, KG_REL_MET_WITH, b, 0, 5, "r"),
                  KG_ERR_INPUT);
  CU_ASSERT_EQUAL(kg_graph_add_relation(g, a, KG_REL_MET_WITH, b, 3, 2, "r"),
                  KG_ERR_INPUT);
  CU_ASSERT_EQUAL(kg_graph_relation_count(g), 0);
  kg_graph_free(g);
}

static void test_entities_are_deduplicated(void) {
  KgGraph *g = NULL;
  CU_ASSERT_EQUAL_FATAL(kg_graph_new("", 0, &g), KG_OK);
  size_t a, b, c, d;
  CU_ASSERT_EQUAL(kg_graph_add_entity(g, KG_CLASS_COUNTRY, "Georgia", &a),
                  KG_OK);
  CU_ASSERT_EQUAL(kg_graph_add_entity(g, KG_CLASS_PERSON, "Georgia", &b),
                  KG_OK);
  CU_ASSERT_EQUAL(kg_graph_add_entity(g, KG_CLASS_COUNTRY, "Georgia", &c),
                  KG_OK);
  CU_ASSERT_EQUAL(kg_graph_add_entity(g, KG_CLASS_COUNTRY, "georgia", &d),
                  KG_OK);
  CU_ASSERT_EQUAL(a, c);
  CU_ASSERT_NOT_EQUAL(a, b);
  CU_ASSERT_NOT_EQUAL(a, d);
  CU_ASSERT_EQUAL(kg_graph_entity_count(g), 3);
  KgGraphEntity e = kg_graph_entity(g, b);
  CU_ASSERT_EQUAL(e.cls, KG_CLASS_PERSON);
  CU_ASSERT_STRING_EQUAL(e.name, "Georgia");
  CU_ASSERT_STRING_EQUAL(e.iri, ID "person/Georgia");
  kg_graph_free(g);
}

/* Text for the relation tests: two sentences, the second after a non-ASCII
 * one, so that byte and code point offsets differ. */
static const char *const TEXT =
    "Zo\xc3\xab met R\xc3\xa9my. "                 /* bytes 0-15, cps 0-13 */
    "\xe5\x8c\x97\xe4\xba\xac hosted Zo\xc3\xab."; /* bytes 16-35, cps 14-28 */

static KgGraph *sample_graph(size_t *zoe, size_t *remy, size_t *city) {
  KgGraph *g = NULL;
  if (kg_graph_new(TEXT, strlen(TEXT), &g) != KG_OK)
    return NULL;
  if (kg_graph_add_entity(g, KG_CLASS_PERSON, "Zo\xc3\xab", zoe) != KG_OK ||
      kg_graph_add_entity(g, KG_CLASS_PERSON, "R\xc3\xa9my", remy) != KG_OK ||
      kg_graph_add_entity(g, KG_CLASS_CITY, "\xe5\x8c\x97\xe4\xba\xac", city) !=
          KG_OK) {
    kg_graph_free(g);
    return NULL;
  }
  return g;
}

static void test_relations_are_deduplicated(void) {
  size_t zoe, remy, city;
  KgGraph *g = sample_graph(&zoe, &remy, &city);
  CU_ASSERT_PTR_NOT_NULL_FATAL(g);
  CU_ASSERT_EQUAL(
      kg_graph_add_relation(g, zoe, KG_REL_MET_WITH, remy, 0, 15, "met"),
      KG_OK);
  /* symmetric: the other direction is the same relation */
  CU_ASSERT_EQUAL(
      kg_graph_add_relation(g, remy, KG_REL_MET_WITH, zoe, 16, 35, "met"),
      KG_OK);
  CU_ASSERT_EQUAL(kg_graph_relation_count(g), 1);
  /* not symmetric: the other direction is another relation */
  CU_ASSERT_EQUAL(
      kg_graph_add_relation(g, zoe, KG_REL_VISITED, city, 0, 15, "visit"),
      KG_OK);
  CU_ASSERT_EQUAL(
      kg_graph_add_relation(g, city, KG_REL_VISITED, zoe, 0, 15, "visit"),
      KG_OK);
  CU_ASSERT_EQUAL(
      kg_graph_add_relation(g, zoe, KG_REL_VISITED, city, 0, 15, "visit"),
      KG_OK);
  CU_ASSERT_EQUAL(kg_graph_relation_count(g), 3);
  KgGraphRelation r = kg_graph_relation(g, 0);
  CU_ASSERT_EQUAL(r.subject, zoe); /* the first direction is kept */
  CU_ASSERT_EQUAL(r.object, remy);
  CU_ASSERT_EQUAL(r.rel, KG_REL_MET_WITH);
  CU_ASSERT_EQUAL(r.evidence_count, 2);
  r = kg_graph_relation(g, 2);
  CU_ASSERT_EQUAL(r.subject, city);
  CU_ASSERT_EQUAL(r.object, zoe);
  kg_graph_free(g);
}

static void test_evidence_accumulates(void) {
  size_t zoe, remy, city;
  KgGraph *g = sample_graph(&zoe, &remy, &city);
  CU_ASSERT_PTR_NOT_NULL_FATAL(g);
  CU_ASSERT_EQUAL(
      kg_graph_add_relation(g, city, KG_REL_SUPPORTS, zoe, 16, 35, "hosted"),
      KG_OK);
  CU_ASSERT_EQUAL(
      kg_graph_add_relation(g, city, KG_REL_SUPPORTS, zoe, 16, 35, "hosted"),
      KG_OK);
  CU_ASSERT_EQUAL(
      kg_graph_add_relation(g, city, KG_REL_SUPPORTS, zoe, 16, 35, "other"),
      KG_OK);
  CU_ASSERT_EQUAL(
      kg_graph_add_relation(g, city, KG_REL_SUPPORTS, zoe, 0, 15, "hosted"),
      KG_OK);
  CU_ASSERT_EQUAL(kg_graph_relation_count(g), 1);
  KgGraphRelation r = kg_graph_relation(g, 0);
  CU_ASSERT_EQUAL_FATAL(r.evidence_count, 2); /* one per sentence */
  CU_ASSERT_EQUAL_FATAL(r.rule_count, 2);     /* one per rule name */
  CU_ASSERT_STRING_EQUAL(r.rules[0], "hosted");
  CU_ASSERT_STRING_EQUAL(r.rules[1], "other");
  CU_ASSERT_STRING_EQUAL(r.evidence[0].rule, "hosted");
  CU_ASSERT_EQUAL(r.evidence[0].start, 16);
  CU_ASSERT_EQUAL(r.evidence[1].start, 0);
  kg_graph_free(g);
}

static void test_code_point_offsets(void) {
  size_t zoe, remy, city;
  KgGraph *g = sample_graph(&zoe, &remy, &city);
  CU_ASSERT_PTR_NOT_NULL_FATAL(g);
  CU_ASSERT_EQUAL(kg_graph_char_length(g), 28);
  CU_ASSERT_EQUAL(
      kg_graph_add_relation(g, zoe, KG_REL_MET_WITH, remy, 0, 15, "met"),
      KG_OK);
  CU_ASSERT_EQUAL(
      kg_graph_add_relation(g, city, KG_REL_SUPPORTS, zoe, 16, 35, "hosted"),
      KG_OK);
  KgGraphRelation r = kg_graph_relation(g, 0);
  CU_ASSERT_EQUAL(r.evidence[0].char_start, 0);
  CU_ASSERT_EQUAL(r.evidence[0].char_end, 13);
  r = kg_graph_relation(g, 1);
  CU_ASSERT_EQUAL(r.evidence[0].char_start, 14);
  CU_ASSERT_EQUAL(r.evidence[0].char_end, 28);
  size_t len;
  const char *s = kg_graph_evidence_text(g, &r.evidence[0], &len);
  CU_ASSERT_EQUAL(len, 19);
  CU_ASSERT_NSTRING_EQUAL(s, "\xe5\x8c\x97\xe4\xba\xac hosted Zo\xc3\xab.",
                          len);
  kg_graph_free(g);
}

/* ---- serialization --------------------------------------------------------- */

/* A set of triples, each "S P O" in N-Triples term syntax. */
typedef struct {
  char **items;
  size_t count, cap;
  int blank; ///< a blank node was seen
} Triples;

static void triples_free(Triples *t) {
  for (size_t i = 0; i < t->count; i++)
    free(t->items[i]);
  free(t->items);
}

static void collect(void *data, raptor_statement *st) {
  Triples *t = data;
  raptor_term *terms[3] = {st->subject, st->predicate, st->object};
  char *parts[3];
  size_t len = 3;
  for (int i = 0; i < 3; i++) {
    t->blank |= terms[i]->type == RAPTOR_TERM_TYPE_BLANK;
    parts[i] = (char *)raptor_term_to_string(terms[i]);
    len += parts[i] ? strlen(parts[i]) : 0;
  }
  if (t->count == t->cap) {
    size_t cap = t->cap ? 2 * t->cap : 64;
    char **grown = realloc(t->items, cap * sizeof *grown);
    if (grown) {
      t->items = grown;
      t->cap = cap;
    }
  }
  char *s = malloc(len);
  if (s && t->count < t->cap && parts[0] && parts[1] && parts[2]) {
    snprintf(s, len, "%s %s %s", parts[0], parts[1], parts[2]);
    t->items[t->count++] = s;
  } else {
    free(s);
  }
  for (int i = 0; i < 3; i++)
    raptor_free_memory(parts[i]);
}

static int compare(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Parses data in syntax into t (sorted).  Returns the number of raptor
 * errors, or -1 when raptor cannot start. */
static int parse(const char *syntax, const char *data, size_t len, Triples *t) {
  KgRaptorLog log = {NULL, NULL, 0, 0};
  raptor_world *world = kg_raptor_world_new(&log);
  if (!world)
    return -1;
  raptor_parser *p = raptor_new_parser(world, syntax);
  raptor_uri *base =
      raptor_new_uri(world, (const unsigned char *)"http://example.org/");
  int rc = -1;
  if (p && base) {
    raptor_parser_set_statement_handler(p, t, collect);
    rc = raptor_parser_parse_start(p, base) != 0 ||
         raptor_parser_parse_chunk(p, (const unsigned char *)data, len, 1) != 0;
    rc += log.errors + log.warnings;
  }
  if (base)
    raptor_free_uri(base);
  if (p)
    raptor_free_parser(p);
  raptor_free_world(world);
  qsort(t->items, t->count, sizeof *t->items, compare);
  return rc;
}

static int contains(const Triples *t, const char *triple) {
  return bsearch(&triple, t->items, t->count, sizeof *t->items, compare) !=
         NULL;
}

/* Writes g in format into a new malloc'd buffer. */
static char *write_graph(const KgGraph *g, KgFormat format, size_t *len) {
  char *buf = NULL;
  FILE *fh = open_memstream(&buf, len);
  if (!fh)
    return NULL;
  KgError err;
  KgStatus status = kg_graph_write(g, format, fh, &err);
  fclose(fh);
  if (status != KG_OK) {
    fprintf(stderr, "kg_graph_write: %s\n", err.message);
    free(buf);
    return NULL;
  }
  return buf;
}

/* An article whose text needs every kind of escaping. */
static const char *const AWKWARD =
    "\"Zo\xc3\xab\" met R\xc3\xa9my\\x in \xe5\x8c\x97\xe4\xba\xac.\n"
    "Then\t\"\"\" R\xc3\xa9my\r\nsanctioned 'Zo\xc3\xab' \xf0\x9f\x98\x80.\"";

#define DOC "<" KG_DOC_BASE
#define NIF "<http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#"
#define RDF "<http://www.w3.org/1999/02/22-rdf-syntax-ns#"
#define XSD_NNI "^^<http://www.w3.org/2001/XMLSchema#nonNegativeInteger>"
#define KG "<" KG_NS

static KgGraph *awkward_graph(void) {
  KgGraph *g = NULL;
  size_t zoe, remy, city;
  const char *nl = strchr(AWKWARD, '\n');
  size_t first_end = (size_t)(nl - AWKWARD), len = strlen(AWKWARD);
  if (kg_graph_new(AWKWARD, len, &g) != KG_OK)
    return NULL;
  if (kg_graph_add_entity(g, KG_CLASS_PERSON, "Zo\xc3\xab \"Z\"", &zoe) ||
      kg_graph_add_entity(g, KG_CLASS_PERSON, "R\xc3\xa9my", &remy) ||
      kg_graph_add_entity(g, KG_CLASS_CITY, "\xe5\x8c\x97\xe4\xba\xac",
                          &city) ||
      kg_graph_add_relation(g, zoe, KG_REL_MET_WITH, remy, 0, first_end,
                            "met") ||
      kg_graph_add_relation(g, remy, KG_REL_MET_WITH, zoe, first_end + 1, len,
                            "met-2") ||
      kg_graph_add_relation(g, remy, KG_REL_SANCTIONS, zoe, first_end + 1, len,
                            "sanction-verb")) {
    kg_graph_free(g);
    return NULL;
  }
  return g;
}

static void test_turtle_and_ntriples_agree(void) {
  KgGraph *g = awkward_graph();
  CU_ASSERT_PTR_NOT_NULL_FATAL(g);
  size_t tlen, nlen;
  char *ttl = write_graph(g, KG_FORMAT_TURTLE, &tlen);
  char *nt = write_graph(g, KG_FORMAT_NTRIPLES, &nlen);
  CU_ASSERT_PTR_NOT_NULL_FATAL(ttl);
  CU_ASSERT_PTR_NOT_NULL_FATAL(nt);
  Triples a = {0}, b = {0};
  CU_ASSERT_EQUAL(parse("turtle", ttl, tlen, &a), 0);
  CU_ASSERT_EQUAL(parse("ntriples", nt, nlen, &b), 0);
  CU_ASSERT_FALSE(a.blank);
  CU_ASSERT_FALSE(b.blank);
  /* 3 entities x 2 + 2 relations + context 5 + 2 sentences x 6 +
   * statements: metWith 4 + 2 sources + 2 rules, sanctions 4 + 1 + 1 */
  CU_ASSERT_EQUAL(a.count, 6 + 2 + 5 + 12 + 8 + 6);
  CU_ASSERT_EQUAL_FATAL(a.count, b.count);
  for (size_t i = 0; i < a.count; i++)
    CU_ASSERT_STRING_EQUAL(a.items[i], b.items[i]);
  /* N-Triples is one triple a line */
  size_t lines = 0;
  for (size_t i = 0; i < nlen; i++)
    lines += nt[i] == '\n';
  CU_ASSERT_EQUAL(lines, b.count);
  triples_free(&a);
  triples_free(&b);
  free(ttl);
  free(nt);
  kg_graph_free(g);
}

static void test_expected_triples(void) {
  KgGraph *g = awkward_graph();
  CU_ASSERT_PTR_NOT_NULL_FATAL(g);
  size_t len;
  char *nt = write_graph(g, KG_FORMAT_NTRIPLES, &len);
  CU_ASSERT_PTR_NOT_NULL_FATAL(nt);
  Triples t = {0};
  CU_ASSERT_EQUAL(parse("ntriples", nt, len, &t), 0);
  char doc[128], expect[1024], *stmt;
  snprintf(doc, sizeof doc, "%s", kg_graph_doc_iri(g));
  const char *zoe = "<" ID "person/Zo%C3%AB_%22Z%22>";
  const char *remy = "<" ID "person/R%C3%A9my>";
  const char *city = "<" ID "city/%E5%8C%97%E4%BA%AC>";
  /* raptor_term_to_string writes non-ASCII as \u escapes */
  const char *checks[][3] = {
      {zoe, RDF "type>", KG "Person>"},
      {zoe, "<http://www.w3.org/2000/01/rdf-schema#label>",
       "\"Zo\\u00EB \\\"Z\\\"\"@en"},
      {city, RDF "type>", KG "City>"},
      {zoe, KG "metWith>", remy},
      {remy, KG "sanctions>", zoe},
  };
  for (size_t i = 0; i < sizeof checks / sizeof *checks; i++) {
    snprintf(expect, sizeof expect, "%s %s %s", checks[i][0], checks[i][1],
             checks[i][2]);
    CU_ASSERT_TRUE(contains(&t, expect));
  }
  /* the context: 0..N code points, the whole text (raptor_term_to_string
   * escapes quotes, backslashes and non-ASCII, not tabs and line ends) */
  size_t n = kg_graph_char_length(g);
  CU_ASSERT_EQUAL(n, 59);
  snprintf(expect, sizeof expect, "<%s#char=0,59> " RDF "type> " NIF "Context>",
           doc);
  CU_ASSERT_TRUE(contains(&t, expect));
  snprintf(expect, sizeof expect,
           "<%s#char=0,59> " NIF "endIndex> \"59\"" XSD_NNI, doc);
  CU_ASSERT_TRUE(contains(&t, expect));
  snprintf(expect, sizeof expect, "<%s#char=0,59> " NIF "sourceUrl> <%s>", doc,
           doc);
  CU_ASSERT_TRUE(contains(&t, expect));
  snprintf(expect, sizeof expect,
           "<%s#char=0,59> " NIF "isString> \"\\\"Zo\\u00EB\\\" met "
           "R\\u00E9my\\\\x in \\u5317\\u4EAC.\nThen\t\\\"\\\"\\\" "
           "R\\u00E9my\r\nsanctioned 'Zo\\u00EB' \\U0001F600.\\\"\"",
           doc);
  CU_ASSERT_TRUE(contains(&t, expect));
  /* the first sentence: 23 code points */
  snprintf(expect, sizeof expect,
           "<%s#char=0,23> " NIF "anchorOf> \"\\\"Zo\\u00EB\\\" met "
           "R\\u00E9my\\\\x in \\u5317\\u4EAC.\"",
           doc);
  CU_ASSERT_TRUE(contains(&t, expect));
  snprintf(expect, sizeof expect,
           "<%s#char=0,23> " RDF "type> " NIF "Sentence>", doc);
  CU_ASSERT_TRUE(contains(&t, expect));
  snprintf(expect, sizeof expect,
           "<%s#char=24,59> " NIF "beginIndex> \"24\"" XSD_NNI, doc);
  CU_ASSERT_TRUE(contains(&t, expect));
  snprintf(expect, sizeof expect,
           "<%s#char=24,59> " NIF "referenceContext> <%s#char=0,59>", doc, doc);
  CU_ASSERT_TRUE(contains(&t, expect));
  /* the metWith statement node and its provenance */
  CU_ASSERT_EQUAL_FATAL(kg_statement_iri(g, 0, &stmt), KG_OK);
  CU_ASSERT_EQUAL(strlen(stmt), strlen(doc) + strlen("#stmt-") + 16);
  CU_ASSERT_NSTRING_EQUAL(stmt + strlen(doc), "#stmt-", 6);
  const char *stmt_checks[][2] = {
      {RDF "type>", RDF "Statement>"},   {RDF "subject>", zoe},
      {RDF "predicate>", KG "metWith>"}, {RDF "object>", remy},
      {KG "rule>", "\"met\""},           {KG "rule>", "\"met-2\""},
  };
  for (size_t i = 0; i < sizeof stmt_checks / sizeof *stmt_checks; i++) {
    snprintf(expect, sizeof expect, "<%s> %s %s", stmt, stmt_checks[i][0],
             stmt_checks[i][1]);
    CU_ASSERT_TRUE(contains(&t, expect));
  }
  snprintf(expect, sizeof expect,
           "<%s> <http://www.w3.org/ns/prov#wasDerivedFrom> <%s#char=24,59>",
           stmt, doc);
  CU_ASSERT_TRUE(contains(&t, expect));
  /* HEX is the SHA-1 of "S P O" */
  char hex[41], spo[512];
  snprintf(spo, sizeof spo, "%s " KG_NS "metWith %s", kg_graph_entity(g, 0).iri,
           kg_graph_entity(g, 1).iri);
  CU_ASSERT_EQUAL(kg_sha1_hex(spo, strlen(spo), hex), KG_OK);
  CU_ASSERT_NSTRING_EQUAL(stmt + strlen(doc) + 6, hex, 16);
  free(stmt);
  triples_free(&t);
  free(nt);
  kg_graph_free(g);
}

static void test_output_is_deterministic(void) {
  for (int f = 0; f < 2; f++) {
    KgFormat format = f ? KG_FORMAT_NTRIPLES : KG_FORMAT_TURTLE;
    KgGraph *g1 = awkward_graph(), *g2 = awkward_graph();
    CU_ASSERT_PTR_NOT_NULL_FATAL(g1);
    CU_ASSERT_PTR_NOT_NULL_FATAL(g2);
    size_t l1, l2, l3;
    char *a = write_graph(g1, format, &l1);
    char *b = write_graph(g1, format, &l2);
    char *c = write_graph(g2, format, &l3);
    CU_ASSERT_PTR_NOT_NULL_FATAL(a);
    CU_ASSERT_PTR_NOT_NULL_FATAL(b);
    CU_ASSERT_PTR_NOT_NULL_FATAL(c);
    CU_ASSERT_TRUE(l1 == l2 && memcmp(a, b, l1) == 0);
    CU_ASSERT_TRUE(l1 == l3 && memcmp(a, c, l1) == 0);
    free(a);
    free(b);
    free(c);
    kg_graph_free(g1);
    kg_graph_free(g2);
  }
}

static void test_turtle_has_prefixes(void) {
  KgGraph *g = awkward_graph();
  CU_ASSERT_PTR_NOT_NULL_FATAL(g);
  size_t len;
  char *ttl = write_graph(g, KG_FORMAT_TURTLE, &len);
  CU_ASSERT_PTR_NOT_NULL_FATAL(ttl);
  const char *prefixes[] = {"newskg", "rdf", "rdfs", "owl",
                            "xsd",    "nif", "prov", "dcterms"};
  for (size_t i = 0; i < sizeof prefixes / sizeof *prefixes; i++) {
    char line[64];
    snprintf(line, sizeof line, "@prefix %s: <", prefixes[i]);
    CU_ASSERT_PTR_NOT_NULL(strstr(ttl, line));
  }
  CU_ASSERT_PTR_NOT_NULL(strstr(ttl, "newskg:metWith"));
  CU_ASSERT_PTR_NULL(strstr(ttl, "_:"));
  free(ttl);
  kg_graph_free(g);
}

static void test_empty_graph(void) {
  KgGraph *g = NULL;
  CU_ASSERT_EQUAL_FATAL(kg_graph_new("", 0, &g), KG_OK);
  size_t len;
  char *nt = write_graph(g, KG_FORMAT_NTRIPLES, &len);
  CU_ASSERT_PTR_NOT_NULL_FATAL(nt);
  Triples t = {0};
  CU_ASSERT_EQUAL(parse("ntriples", nt, len, &t), 0);
  CU_ASSERT_EQUAL(t.count, 5); /* the context alone */
  triples_free(&t);
  free(nt);
  kg_graph_free(g);
}

static void test_write_error_is_reported(void) {
  FILE *full = fopen("/dev/full", "w");
  if (!full)
    return; /* no /dev/full here: nothing to test */
  KgGraph *g = awkward_graph();
  CU_ASSERT_PTR_NOT_NULL_FATAL(g);
  KgError err;
  memset(&err, 0, sizeof err);
  CU_ASSERT_EQUAL(kg_graph_write(g, KG_FORMAT_NTRIPLES, full, &err), KG_ERR_IO);
  CU_ASSERT_PTR_NOT_NULL(strstr(err.message, "write error"));
  fclose(full);
  kg_graph_free(g);
}

/* ---- runner ---------------------------------------------------------------- */

int main(void) {
  static const KgTest graph_tests[] = {
      {"IRI: spaces and classes", test_iri_spaces_and_classes},
      {"IRI: unreserved bytes stay", test_iri_unreserved_bytes_stay},
      {"IRI: quotes and delimiters", test_iri_quotes_and_delimiters},
      {"IRI: control characters", test_iri_control_characters},
      {"IRI: UTF-8 names", test_iri_utf8},
      {"SHA-1 and document IRI", test_sha1_and_document_iri},
      {"invalid input is refused", test_invalid_input_is_refused},
      {"entities are deduplicated", test_entities_are_deduplicated},
      {"relations are deduplicated", test_relations_are_deduplicated},
      {"evidence accumulates", test_evidence_accumulates},
      {"code point offsets", test_code_point_offsets},
  };
  static const KgTest serialize_tests[] = {
      {"Turtle and N-Triples agree", test_turtle_and_ntriples_agree},
      {"expected triples", test_expected_triples},
      {"output is deterministic", test_output_is_deterministic},
      {"Turtle has prefixes", test_turtle_has_prefixes},
      {"empty graph", test_empty_graph},
      {"write error is reported", test_write_error_is_reported},
  };
  static const KgSuite suites[] = {
      {"graph", NULL, NULL, KG_TESTS(graph_tests)},
      {"serialize", NULL, NULL, KG_TESTS(serialize_tests)}};
  return kg_test_main(suites, sizeof suites / sizeof *suites);
}
