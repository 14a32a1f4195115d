/* test_graph.c - CUnit suite of graph.c and serialize.c.
 *
 * graph.c: entity IRIs (percent-encoding of every awkward byte), the
 * document IRI, deduplication of entities and relations (symmetric ones in
 * either direction), evidence records and their code-point offsets.
 * serialize.c: a small graph written as Turtle and as N-Triples, parsed
 * back with raptor: both give the same set of triples, that set holds the
 * expected triples and no blank node, and writing is deterministic; the
 * sameAs links, dates, confidence and full provenance triples; explain.c's
 * text.  kg_extract_with's options on small articles (with the data of
 * $NEWSKG_DATA, default "data"): the article date from the dateline or
 * given, bad options, the minimum confidence.
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
#include "extractor.h"
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

/* Adds subject --rel--> object read from bytes [start, end) by rule, of
 * KG_RULE_STRENGTH, with no matched words recorded. */
static KgStatus add_rel(KgGraph *g, size_t subject, KgRelation rel,
                        size_t object, size_t start, size_t end,
                        const char *rule) {
  KgSource src = {{start, end}, {0, 0}, {0, 0}, {0, 0}, {0, 0},
                  rule,         0.8,    NULL,   0, NULL};
  return kg_graph_add_relation(g, subject, rel, object, &src);
}

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
  CU_ASSERT_EQUAL(add_rel(g, a, KG_REL_MET_WITH, 7, 0, 4, "r"), KG_ERR_INPUT);
  CU_ASSERT_EQUAL(add_rel(g, a, KG_REL_MET_WITH, b, 1, 4, "r"), KG_ERR_INPUT);
  CU_ASSERT_EQUAL(add_rel(g, a, KG_REL_MET_WITH, b, 0, 5, "r"), KG_ERR_INPUT);
  CU_ASSERT_EQUAL(add_rel(g, a, KG_REL_MET_WITH, b, 3, 2, "r"), KG_ERR_INPUT);
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
  CU_ASSERT_EQUAL(add_rel(g, zoe, KG_REL_MET_WITH, remy, 0, 15, "met"), KG_OK);
  /* symmetric: the other direction is the same relation */
  CU_ASSERT_EQUAL(add_rel(g, remy, KG_REL_MET_WITH, zoe, 16, 35, "met"), KG_OK);
  CU_ASSERT_EQUAL(kg_graph_relation_count(g), 1);
  /* not symmetric: the other direction is another relation */
  CU_ASSERT_EQUAL(add_rel(g, zoe, KG_REL_VISITED, city, 0, 15, "visit"), KG_OK);
  CU_ASSERT_EQUAL(add_rel(g, city, KG_REL_VISITED, zoe, 0, 15, "visit"), KG_OK);
  CU_ASSERT_EQUAL(add_rel(g, zoe, KG_REL_VISITED, city, 0, 15, "visit"), KG_OK);
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
  CU_ASSERT_EQUAL(add_rel(g, city, KG_REL_SUPPORTS, zoe, 16, 35, "hosted"),
                  KG_OK);
  CU_ASSERT_EQUAL(add_rel(g, city, KG_REL_SUPPORTS, zoe, 16, 35, "hosted"),
                  KG_OK);
  CU_ASSERT_EQUAL(add_rel(g, city, KG_REL_SUPPORTS, zoe, 16, 35, "other"),
                  KG_OK);
  CU_ASSERT_EQUAL(add_rel(g, city, KG_REL_SUPPORTS, zoe, 0, 15, "hosted"),
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
  CU_ASSERT_EQUAL(add_rel(g, zoe, KG_REL_MET_WITH, remy, 0, 15, "met"), KG_OK);
  CU_ASSERT_EQUAL(add_rel(g, city, KG_REL_SUPPORTS, zoe, 16, 35, "hosted"),
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

static void test_dbpedia_iris(void) {
  static const struct {
    const char *title;
    const char *iri; ///< after the DBpedia base; NULL: refused
  } cases[] = {
      {"Alexander_Lukashenko", "Alexander_Lukashenko"},
      {"S\xc3\xa3o_Tom\xc3\xa9", "S\xc3\xa3o_Tom\xc3\xa9"}, /* kept as is */
      {"Kim Jong Un", "Kim_Jong_Un"},
      {"AC/DC (band)", "AC/DC_(band)"},
      {"Guinea-Bissau,_a_b;c=d:e@f!$&'*+~",
       "Guinea-Bissau,_a_b;c=d:e@f!$&'*+~"},
      {"<>\"{}|\\^`", "%3C%3E%22%7B%7D%7C%5C%5E%60"},
      {"a?b#c[d]", "a%3Fb%23c%5Bd%5D"},
      {"a\tb\x01\x7f", "a%09b%01%7F"},
      {"100%_sure", "100%25_sure"},
      {"S%C3%A3o", "S%C3%A3o"}, /* already encoded: kept */
      {"50%", "50%25"},
      {"a\xc2\x85"
       "b",
       "a%C2%85b"},                             /* U+0085, a C1 control */
      {"\xc2\xa0", "\xc2\xa0"},                 /* U+00A0, the first ucschar */
      {"\xee\x80\x80", "%EE%80%80"},            /* U+E000, private use */
      {"\xef\xbf\xbe", "%EF%BF%BE"},            /* U+FFFE, a noncharacter */
      {"\xf0\x9f\x98\x80", "\xf0\x9f\x98\x80"}, /* U+1F600 */
      {"\xf3\xa0\x80\x81", "%F3%A0%80%81"},     /* U+E0001, a tag */
      {"a\xff", NULL},
      {"", NULL},
  };
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
    char *iri = kg_dbpedia_iri(cases[i].title, strlen(cases[i].title));
    if (!cases[i].iri) {
      CU_ASSERT_PTR_NULL(iri);
      free(iri);
      continue;
    }
    char want[256];
    snprintf(want, sizeof want, "http://dbpedia.org/resource/%s", cases[i].iri);
    CU_ASSERT_PTR_NOT_NULL_FATAL(iri);
    CU_ASSERT_STRING_EQUAL(iri, want);
    free(iri);
  }
}

static void test_wikidata_and_rule_iris(void) {
  char *iri = kg_wikidata_iri("Q184", 4);
  CU_ASSERT_PTR_NOT_NULL_FATAL(iri);
  CU_ASSERT_STRING_EQUAL(iri, "http://www.wikidata.org/entity/Q184");
  free(iri);
  static const char *const bad[] = {"Q",    "Q0",  "q184",
                                    "Q18a", "P31", "",
                                    "Q-1",  "Q 1", "Q1234567890123456789"};
  for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
    CU_ASSERT_PTR_NULL(kg_wikidata_iri(bad[i], strlen(bad[i])));
  iri = kg_rule_iri("sanctions-on");
  CU_ASSERT_STRING_EQUAL(iri, KG_RULE_BASE "sanctions-on");
  free(iri);
  iri = kg_rule_iri("my rule/1");
  CU_ASSERT_STRING_EQUAL(iri, KG_RULE_BASE "my_rule%2F1");
  free(iri);
}

/* A source for a sentence [start, end) with a strength and no words. */
static KgSource source(size_t start, size_t end, const char *rule,
                       double strength) {
  KgSource src = {{start, end}, {0, 0},   {0, 0}, {0, 0}, {0, 0},
                  rule,         strength, NULL,   0, NULL};
  return src;
}

static void test_confidence_combines_sentences(void) {
  size_t zoe, remy, city;
  KgGraph *g = sample_graph(&zoe, &remy, &city);
  CU_ASSERT_PTR_NOT_NULL_FATAL(g);
  KgSource a = source(0, 15, "weak", 0.5);
  CU_ASSERT_EQUAL(kg_graph_add_relation(g, zoe, KG_REL_MET_WITH, remy, &a),
                  KG_OK);
  CU_ASSERT_DOUBLE_EQUAL(kg_graph_relation(g, 0).confidence, 0.50, 1e-12);
  /* a second sentence: 1 - 0.5 x 0.2 */
  KgSource b = source(16, 35, "strong", 0.8);
  CU_ASSERT_EQUAL(kg_graph_add_relation(g, remy, KG_REL_MET_WITH, zoe, &b),
                  KG_OK);
  CU_ASSERT_DOUBLE_EQUAL(kg_graph_relation(g, 0).confidence, 0.90, 1e-12);
  /* the first sentence read again, more strongly: 1 - 0.1 x 0.2 */
  KgSource c = source(0, 15, "stronger", 0.9);
  c.match = (KgTextSpan){0, 14};
  CU_ASSERT_EQUAL(kg_graph_add_relation(g, zoe, KG_REL_MET_WITH, remy, &c),
                  KG_OK);
  KgGraphRelation r = kg_graph_relation(g, 0);
  CU_ASSERT_DOUBLE_EQUAL(r.confidence, 0.98, 1e-12);
  CU_ASSERT_EQUAL_FATAL(r.evidence_count, 2);
  CU_ASSERT_STRING_EQUAL(r.evidence[0].rule, "stronger");
  CU_ASSERT_DOUBLE_EQUAL(r.evidence[0].strength, 0.9, 1e-12);
  CU_ASSERT_EQUAL(r.evidence[0].match.end, 14);
  CU_ASSERT_EQUAL(r.evidence[0].match_char_end, 12); /* two 2-byte letters */
  CU_ASSERT_EQUAL(r.rule_count, 3);
  /* a weaker reading of a known sentence changes nothing but the names */
  KgSource d = source(0, 15, "weaker", 0.1);
  CU_ASSERT_EQUAL(kg_graph_add_relation(g, zoe, KG_REL_MET_WITH, remy, &d),
                  KG_OK);
  r = kg_graph_relation(g, 0);
  CU_ASSERT_STRING_EQUAL(r.evidence[0].rule, "stronger");
  CU_ASSERT_DOUBLE_EQUAL(r.confidence, 0.98, 1e-12);
  CU_ASSERT_EQUAL(r.rule_count, 4);
  /* hundredths: 1/3 is written 0.33; a certain rule gives 1 */
  KgSource e = source(0, 15, "third", 1.0 / 3.0);
  CU_ASSERT_EQUAL(kg_graph_add_relation(g, zoe, KG_REL_VISITED, city, &e),
                  KG_OK);
  CU_ASSERT_DOUBLE_EQUAL(kg_graph_relation(g, 1).confidence, 0.33, 1e-12);
  KgSource f = source(0, 15, "sure", 1.0);
  CU_ASSERT_EQUAL(kg_graph_add_relation(g, city, KG_REL_SUPPORTS, zoe, &f),
                  KG_OK);
  CU_ASSERT_DOUBLE_EQUAL(kg_graph_relation(g, 2).confidence, 1.0, 1e-12);
  kg_graph_free(g);
  static const struct {
    double value;
    const char *text;
  } written[] = {{0.0, "0.00"},  {0.05, "0.05"},  {0.8, "0.80"},
                 {0.96, "0.96"}, {0.874, "0.87"}, {0.999, "1.00"},
                 {1.0, "1.00"}};
  for (size_t i = 0; i < sizeof written / sizeof *written; i++) {
    char buf[8];
    CU_ASSERT_EQUAL(kg_format_hundredths(written[i].value, buf), 4);
    CU_ASSERT_STRING_EQUAL(buf, written[i].text);
  }
}

static void test_bad_sources_are_refused(void) {
  size_t zoe, remy, city;
  KgGraph *g = sample_graph(&zoe, &remy, &city);
  CU_ASSERT_PTR_NOT_NULL_FATAL(g);
  KgSource s = source(0, 15, "r", 1.5);
  CU_ASSERT_EQUAL(kg_graph_add_relation(g, zoe, KG_REL_MET_WITH, remy, &s),
                  KG_ERR_INPUT);
  s.strength = -0.1;
  CU_ASSERT_EQUAL(kg_graph_add_relation(g, zoe, KG_REL_MET_WITH, remy, &s),
                  KG_ERR_INPUT);
  s.strength = 0.5;
  s.match = (KgTextSpan){10, 20}; /* past the sentence */
  CU_ASSERT_EQUAL(kg_graph_add_relation(g, zoe, KG_REL_MET_WITH, remy, &s),
                  KG_ERR_INPUT);
  s.match = (KgTextSpan){0, 3}; /* inside "ë" */
  CU_ASSERT_EQUAL(kg_graph_add_relation(g, zoe, KG_REL_MET_WITH, remy, &s),
                  KG_ERR_INPUT);
  s.match = (KgTextSpan){0, 4};
  s.object = (KgTextSpan){16, 18}; /* in another sentence */
  CU_ASSERT_EQUAL(kg_graph_add_relation(g, zoe, KG_REL_MET_WITH, remy, &s),
                  KG_ERR_INPUT);
  s.object = (KgTextSpan){9, 15};
  s.date_count = 1; /* dates counted but not given */
  CU_ASSERT_EQUAL(kg_graph_add_relation(g, zoe, KG_REL_MET_WITH, remy, &s),
                  KG_ERR_INPUT);
  CU_ASSERT_EQUAL(kg_graph_relation_count(g), 0);
  s.date_count = 0;
  CU_ASSERT_EQUAL(kg_graph_add_relation(g, zoe, KG_REL_MET_WITH, remy, &s),
                  KG_OK);
  CU_ASSERT_EQUAL(kg_graph_add_same_as(g, 7, "http://x/"), KG_ERR_INPUT);
  kg_graph_free(g);
}

static void test_find_relation(void) {
  size_t zoe, remy, city;
  KgGraph *g = sample_graph(&zoe, &remy, &city);
  CU_ASSERT_PTR_NOT_NULL_FATAL(g);
  CU_ASSERT_EQUAL(add_rel(g, zoe, KG_REL_MET_WITH, remy, 0, 15, "m"), KG_OK);
  CU_ASSERT_EQUAL(add_rel(g, zoe, KG_REL_VISITED, city, 0, 15, "v"), KG_OK);
  CU_ASSERT_EQUAL(kg_graph_find_relation(g, zoe, KG_REL_MET_WITH, remy), 0);
  CU_ASSERT_EQUAL(kg_graph_find_relation(g, remy, KG_REL_MET_WITH, zoe), 0);
  CU_ASSERT_EQUAL(kg_graph_find_relation(g, zoe, KG_REL_VISITED, city), 1);
  CU_ASSERT_EQUAL(kg_graph_find_relation(g, city, KG_REL_VISITED, zoe), -1);
  CU_ASSERT_EQUAL(kg_graph_find_relation(g, zoe, KG_REL_ALLY_OF, remy), -1);
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
      add_rel(g, zoe, KG_REL_MET_WITH, remy, 0, first_end, "met") ||
      add_rel(g, remy, KG_REL_MET_WITH, zoe, first_end + 1, len, "met-2") ||
      add_rel(g, remy, KG_REL_SANCTIONS, zoe, first_end + 1, len,
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
  /* 3 entities x 2 + 2 relations (metWith both ways: 3) + context 5 +
   * document 4 (prov:Entity, the run and its type and label) + 2 sentences
   * x 6 + statements: metWith 4 + 2 sources + 2 rules + confidence,
   * sanctions 4 + 1 + 1 + confidence */
  CU_ASSERT_EQUAL(a.count, 6 + 3 + 5 + 4 + 12 + 9 + 7);
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

/* One sentence with its matched words marked, a date, sameAs links.  (The
 * line end keeps the sentence's node apart from the context's.) */
static const char *const SANCTIONS =
    "Britain imposed sanctions on Belarus on Tuesday.\n";

static KgGraph *sanctions_graph(KgProvenance level) {
  static const KgDate article = {2020, 8, 12}, tuesday = {2020, 8, 11};
  KgGraph *g = NULL;
  size_t uk, by;
  if (kg_graph_new(SANCTIONS, strlen(SANCTIONS), &g) != KG_OK)
    return NULL;
  KgSource src = {{0, 48},          {0, 36}, {0, 7},   {29, 36}, {8, 15},
                  "sanctions-verb", 0.8,     &tuesday, 1, NULL};
  kg_graph_set_date(g, &article);
  kg_graph_set_provenance(g, level);
  if (kg_graph_add_entity(g, KG_CLASS_COUNTRY, "United Kingdom", &uk) ||
      kg_graph_add_entity(g, KG_CLASS_COUNTRY, "Belarus", &by) ||
      kg_graph_add_same_as(g, by, "http://dbpedia.org/resource/Belarus") ||
      kg_graph_add_same_as(g, by, "http://www.wikidata.org/entity/Q184") ||
      kg_graph_add_same_as(g, by, "http://dbpedia.org/resource/Belarus") ||
      kg_graph_add_relation(g, uk, KG_REL_SANCTIONS, by, &src)) {
    kg_graph_free(g);
    return NULL;
  }
  return g;
}

#define XSD "^^<http://www.w3.org/2001/XMLSchema#"
#define PROV_DERIVED "<http://www.w3.org/ns/prov#wasDerivedFrom>"

/* Parses g written as N-Triples into t; 0 on success. */
static int written_triples(const KgGraph *g, Triples *t) {
  size_t len;
  char *nt = write_graph(g, KG_FORMAT_NTRIPLES, &len);
  if (!nt)
    return -1;
  int rc = parse("ntriples", nt, len, t);
  free(nt);
  return rc;
}

static void test_links_dates_confidence(void) {
  KgGraph *g = sanctions_graph(KG_PROVENANCE_BASIC);
  CU_ASSERT_PTR_NOT_NULL_FATAL(g);
  CU_ASSERT_EQUAL(kg_graph_entity(g, 1).same_as_count, 2);
  Triples t = {0};
  CU_ASSERT_EQUAL_FATAL(written_triples(g, &t), 0);
  char *stmt, expect[1024];
  const char *doc = kg_graph_doc_iri(g);
  CU_ASSERT_EQUAL_FATAL(kg_statement_iri(g, 0, &stmt), KG_OK);
  const char *by = "<" ID "country/Belarus>";
  snprintf(expect, sizeof expect,
           "%s <http://www.w3.org/2002/07/owl#sameAs> "
           "<http://dbpedia.org/resource/Belarus>",
           by);
  CU_ASSERT_TRUE(contains(&t, expect));
  snprintf(expect, sizeof expect,
           "%s <http://www.w3.org/2002/07/owl#sameAs> "
           "<http://www.wikidata.org/entity/Q184>",
           by);
  CU_ASSERT_TRUE(contains(&t, expect));
  snprintf(expect, sizeof expect,
           "<%s> <http://purl.org/dc/terms/date> \"2020-08-12\"" XSD "date>",
           doc);
  CU_ASSERT_TRUE(contains(&t, expect));
  snprintf(expect, sizeof expect,
           "<%s#char=0,48> " KG "date> \"2020-08-11\"" XSD "date>", doc);
  CU_ASSERT_TRUE(contains(&t, expect));
  snprintf(expect, sizeof expect,
           "<%s> " KG "confidence> \"0.80\"" XSD "decimal>", stmt);
  CU_ASSERT_TRUE(contains(&t, expect));
  /* entities 2 x 2 + 2 links, relation, context 5 + date, document 4
   * (prov:Entity, the run and its type and label), sentence 6 + date,
   * statement 4 + source + rule + confidence: nothing more */
  CU_ASSERT_EQUAL(t.count, 6 + 1 + 6 + 4 + 7 + 7);
  free(stmt);
  triples_free(&t);
  kg_graph_free(g);
}

static void test_partial_dates_are_typed(void) {
  static const KgDate dates[3] = {{2020, 10, 0}, {2019, 0, 0}, {999, 1, 2}};
  KgGraph *g = NULL;
  size_t uk, by;
  CU_ASSERT_EQUAL_FATAL(kg_graph_new(SANCTIONS, strlen(SANCTIONS), &g), KG_OK);
  KgSource src = {{0, 48}, {0, 0}, {0, 0}, {0, 0}, {0, 0}, "r", 0.5, dates, 3, NULL};
  CU_ASSERT_EQUAL(kg_graph_add_entity(g, KG_CLASS_COUNTRY, "A", &uk), KG_OK);
  CU_ASSERT_EQUAL(kg_graph_add_entity(g, KG_CLASS_COUNTRY, "B", &by), KG_OK);
  CU_ASSERT_EQUAL(kg_graph_add_relation(g, uk, KG_REL_SANCTIONS, by, &src),
                  KG_OK);
  Triples t = {0};
  CU_ASSERT_EQUAL_FATAL(written_triples(g, &t), 0);
  const char *doc = kg_graph_doc_iri(g);
  char expect[512];
  static const char *const want[3] = {"\"2020-10\"" XSD "gYearMonth>",
                                      "\"2019\"" XSD "gYear>",
                                      "\"0999-01-02\"" XSD "date>"};
  for (int i = 0; i < 3; i++) {
    snprintf(expect, sizeof expect, "<%s#char=0,48> " KG "date> %s", doc,
             want[i]);
    CU_ASSERT_TRUE(contains(&t, expect));
  }
  /* no article date: no dcterms:date */
  for (size_t i = 0; i < t.count; i++)
    CU_ASSERT_PTR_NULL(strstr(t.items[i], "dc/terms/date"));
  triples_free(&t);
  kg_graph_free(g);
}

static void test_full_provenance(void) {
  KgGraph *g = sanctions_graph(KG_PROVENANCE_FULL);
  CU_ASSERT_PTR_NOT_NULL_FATAL(g);
  Triples t = {0};
  CU_ASSERT_EQUAL_FATAL(written_triples(g, &t), 0);
  CU_ASSERT_FALSE(t.blank);
  char *stmt, expect[1024];
  const char *doc = kg_graph_doc_iri(g);
  CU_ASSERT_EQUAL_FATAL(kg_statement_iri(g, 0, &stmt), KG_OK);
  const char *rule = "<" KG_RULE_BASE "sanctions-verb>";
  char phrase[256];
  snprintf(phrase, sizeof phrase, "<%s#char=0,36>", doc);
  const char *checks[][3] = {
      {phrase, RDF "type>", NIF "Phrase>"},
      {phrase, RDF "type>", NIF "String>"},
      {phrase, NIF "anchorOf>", "\"Britain imposed sanctions on Belarus\""},
      {phrase, NIF "beginIndex>", "\"0\"" XSD_NNI},
      {phrase, NIF "endIndex>", "\"36\"" XSD_NNI},
      {rule, RDF "type>", KG "Rule>"},
      {rule, "<http://www.w3.org/2000/01/rdf-schema#label>",
       "\"sanctions-verb\""},
  };
  for (size_t i = 0; i < sizeof checks / sizeof *checks; i++) {
    snprintf(expect, sizeof expect, "%s %s %s", checks[i][0], checks[i][1],
             checks[i][2]);
    CU_ASSERT_TRUE(contains(&t, expect));
  }
  snprintf(expect, sizeof expect, "%s " NIF "referenceContext> <%s#char=0,49>",
           phrase, doc);
  CU_ASSERT_TRUE(contains(&t, expect));
  snprintf(expect, sizeof expect, "%s " NIF "sentence> <%s#char=0,48>", phrase,
           doc);
  CU_ASSERT_TRUE(contains(&t, expect));
  snprintf(expect, sizeof expect, "<%s> " PROV_DERIVED " %s", stmt, phrase);
  CU_ASSERT_TRUE(contains(&t, expect));
  snprintf(expect, sizeof expect, "<%s> " PROV_DERIVED " <%s#char=0,48>", stmt,
           doc);
  CU_ASSERT_TRUE(contains(&t, expect));
  snprintf(expect, sizeof expect, "<%s> " KG "matchedRule> %s", stmt, rule);
  CU_ASSERT_TRUE(contains(&t, expect));
  /* basic, plus phrase 7, statement 2, rule 2 */
  CU_ASSERT_EQUAL(t.count, 6 + 1 + 6 + 4 + 7 + 7 + 7 + 2 + 2);
  /* the Turtle says the same */
  size_t len;
  char *ttl = write_graph(g, KG_FORMAT_TURTLE, &len);
  CU_ASSERT_PTR_NOT_NULL_FATAL(ttl);
  Triples u = {0};
  CU_ASSERT_EQUAL(parse("turtle", ttl, len, &u), 0);
  CU_ASSERT_EQUAL_FATAL(u.count, t.count);
  for (size_t i = 0; i < t.count; i++)
    CU_ASSERT_STRING_EQUAL(t.items[i], u.items[i]);
  free(ttl);
  triples_free(&u);
  free(stmt);
  triples_free(&t);
  kg_graph_free(g);
}

/* kg_graph_explain's text for g. */
static char *explained(const KgGraph *g) {
  char *buf = NULL;
  size_t len;
  FILE *fh = open_memstream(&buf, &len);
  if (!fh)
    return NULL;
  KgStatus status = kg_graph_explain(g, fh);
  fclose(fh);
  if (status != KG_OK) {
    free(buf);
    return NULL;
  }
  return buf;
}

static void test_explain(void) {
  KgGraph *g = sanctions_graph(KG_PROVENANCE_BASIC);
  CU_ASSERT_PTR_NOT_NULL_FATAL(g);
  char *text = explained(g);
  CU_ASSERT_PTR_NOT_NULL_FATAL(text);
  CU_ASSERT_STRING_EQUAL(
      text, "United Kingdom sanctions Belarus (confidence 0.80)\n"
            "  rule:     sanctions-verb (strength 0.80), sentence 1 of 1\n"
            "  sentence: Britain imposed sanctions on Belarus on Tuesday.\n"
            "  matched:  [S: Britain] [T: imposed] sanctions on [O: Belarus]\n"
            "  dates:    2020-08-11\n"
            "\n");
  free(text);
  kg_graph_free(g);
  /* one block per sentence; unknown words and overlapping marks */
  size_t zoe, remy, city;
  g = sample_graph(&zoe, &remy, &city);
  CU_ASSERT_PTR_NOT_NULL_FATAL(g);
  KgSource a = source(0, 15, "met", 0.5);
  KgSource b = source(16, 35, NULL, 0.5);
  b.match = (KgTextSpan){16, 34};
  b.subject = (KgTextSpan){16, 29};
  b.object = (KgTextSpan){23, 34}; /* overlaps the subject: left out */
  CU_ASSERT_EQUAL(kg_graph_add_relation(g, zoe, KG_REL_MET_WITH, remy, &a),
                  KG_OK);
  CU_ASSERT_EQUAL(kg_graph_add_relation(g, zoe, KG_REL_MET_WITH, remy, &b),
                  KG_OK);
  text = explained(g);
  CU_ASSERT_PTR_NOT_NULL_FATAL(text);
  CU_ASSERT_STRING_EQUAL(
      text, "Zo\xc3\xab metWith R\xc3\xa9my (confidence 0.75)\n"
            "  rule:     met (strength 0.50), sentence 1 of 2\n"
            "  sentence: Zo\xc3\xab met R\xc3\xa9my.\n"
            "  matched:  (not recorded)\n"
            "\n"
            "Zo\xc3\xab metWith R\xc3\xa9my (confidence 0.75)\n"
            "  rule:     (unnamed) (strength 0.50), sentence 2 of 2\n"
            "  sentence: \xe5\x8c\x97\xe4\xba\xac hosted Zo\xc3\xab.\n"
            "  matched:  [S: \xe5\x8c\x97\xe4\xba\xac hosted] Zo\xc3\xab\n"
            "\n");
  free(text);
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
  CU_ASSERT_EQUAL(t.count, 5 + 4); /* the context and the document alone */
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

/* ---- extraction options ----------------------------------------------------- */


/* The graph of text with options (NULL: kg_extract's defaults). */
static KgGraph *extract(const char *text, const KgExtractOptions *opts) {
  KgGraph *g = NULL;
  KgError err;
  KgStatus status =
      opts ? kg_extract_with(extractor, text, strlen(text), opts, &g, &err)
           : kg_extract(extractor, text, strlen(text), &g, &err);
  if (status != KG_OK)
    fprintf(stderr, "\n    extraction failed: %s", err.message);
  return g;
}

/* The entity named name in g, or -1. */
static long entity_named(const KgGraph *g, const char *name) {
  for (size_t i = 0; i < kg_graph_entity_count(g); i++)
    if (strcmp(kg_graph_entity(g, i).name, name) == 0)
      return (long)i;
  return -1;
}

static const char *const DATELINE =
    "MINSK, Aug. 9, 2020 (Reuters) - Belarusian President Alexander "
    "Lukashenko met Russian President Vladimir Putin.\n"
    "\n"
    "Lukashenko met Putin again on Sunday.\n";

static void test_dateline_date(void) {
  KgGraph *g = extract(DATELINE, NULL);
  CU_ASSERT_PTR_NOT_NULL_FATAL(g);
  const KgDate *d = kg_graph_date(g);
  CU_ASSERT_PTR_NOT_NULL_FATAL(d);
  CU_ASSERT_TRUE(d->year == 2020 && d->month == 8 && d->day == 9);
  CU_ASSERT_EQUAL(kg_graph_provenance(g), KG_PROVENANCE_BASIC);
  long lukashenko = entity_named(g, "Alexander Lukashenko");
  long putin = entity_named(g, "Vladimir Putin");
  CU_ASSERT_FATAL(lukashenko >= 0 && putin >= 0);
  long met = kg_graph_find_relation(g, (size_t)lukashenko, KG_REL_MET_WITH,
                                    (size_t)putin);
  CU_ASSERT_FATAL(met >= 0);
  KgGraphRelation r = kg_graph_relation(g, (size_t)met);
  CU_ASSERT_EQUAL_FATAL(r.evidence_count, 2);
  /* the dateline's date is the article's, not the first sentence's */
  CU_ASSERT_EQUAL(r.evidence[0].date_count, 0);
  CU_ASSERT_EQUAL_FATAL(r.evidence[1].date_count, 1);
  CU_ASSERT_EQUAL(r.evidence[1].dates[0].day, 9); /* Sunday, August 9 */
  /* rule met (0.85) in two sentences: 1 - 0.15 * 0.15, to two decimals */
  CU_ASSERT_DOUBLE_EQUAL(r.confidence, 0.98, 1e-12);
  /* the match and its marks */
  size_t len;
  const char *text = kg_graph_text(g, &len);
  const KgEvidence *ev = &r.evidence[1];
  CU_ASSERT_NSTRING_EQUAL(text + ev->match.start, "Lukashenko met Putin",
                          ev->match.end - ev->match.start);
  CU_ASSERT_NSTRING_EQUAL(text + ev->trigger.start, "met",
                          ev->trigger.end - ev->trigger.start);
  /* gazetteer links */
  long belarus = entity_named(g, "Belarus");
  CU_ASSERT_FATAL(belarus >= 0);
  KgGraphEntity e = kg_graph_entity(g, (size_t)belarus);
  CU_ASSERT_EQUAL_FATAL(e.same_as_count, 2);
  CU_ASSERT_STRING_EQUAL(e.same_as[0], "http://dbpedia.org/resource/Belarus");
  CU_ASSERT_STRING_EQUAL(e.same_as[1], "http://www.wikidata.org/entity/Q184");
  kg_graph_free(g);
}

static void test_given_date(void) {
  KgExtractOptions opts = {.date = "2020-08-12",
                          .provenance = KG_PROVENANCE_FULL};
  KgGraph *g = extract(DATELINE, &opts);
  CU_ASSERT_PTR_NOT_NULL_FATAL(g);
  const KgDate *d = kg_graph_date(g);
  CU_ASSERT_PTR_NOT_NULL_FATAL(d);
  CU_ASSERT_TRUE(d->year == 2020 && d->month == 8 && d->day == 12);
  CU_ASSERT_EQUAL(kg_graph_provenance(g), KG_PROVENANCE_FULL);
  kg_graph_free(g);
  /* no date anywhere: none */
  g = extract("Lukashenko met Putin on Sunday.\n", NULL);
  CU_ASSERT_PTR_NOT_NULL_FATAL(g);
  CU_ASSERT_PTR_NULL(kg_graph_date(g));
  CU_ASSERT_EQUAL_FATAL(kg_graph_relation_count(g), 1);
  CU_ASSERT_EQUAL(kg_graph_relation(g, 0).evidence[0].date_count, 0);
  kg_graph_free(g);
}

static void test_bad_options(void) {
  const KgExtractOptions bad[] = {{.date = "2020-02-30"},
                                  {.date = "12/08/2020"},
                                  {.min_confidence = 1.5},
                                  {.min_confidence = -0.1},
                                  {.provenance = (KgProvenance)7}};
  for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
    KgGraph *g = NULL;
    KgError err;
    CU_ASSERT_EQUAL(kg_extract_with(extractor, "Text.", 5, &bad[i], &g, &err),
                    KG_ERR_INPUT);
    CU_ASSERT_PTR_NULL(g);
  }
}

/* Mentions past the limit of a sentence are not read, and the graph says
 * which sentence was cut; the others are read whole. */
static void test_sentence_mention_cap(void) {
  static const char text[] = "Britain and Canada met.\n"
                             "France, Germany, Italy and Spain met Poland.\n";
  KgExtractOptions opts = {.provenance = KG_PROVENANCE_BASIC,
                          .max_sentence_mentions = 3};
  KgGraph *g = extract(text, &opts);
  CU_ASSERT_PTR_NOT_NULL_FATAL(g);
  size_t first = 0;
  CU_ASSERT_EQUAL(kg_graph_capped_sentences(g, &first), 1);
  CU_ASSERT_EQUAL(first, strlen("Britain and Canada met.\n"));
  CU_ASSERT(entity_named(g, "Canada") >= 0);
  CU_ASSERT(entity_named(g, "Italy") >= 0);  /* the third of its sentence */
  CU_ASSERT(entity_named(g, "Spain") < 0);   /* the fourth */
  CU_ASSERT(entity_named(g, "Poland") < 0);
  kg_graph_free(g);
  g = extract(text, NULL); /* the default reads them all */
  CU_ASSERT_PTR_NOT_NULL_FATAL(g);
  CU_ASSERT_EQUAL(kg_graph_capped_sentences(g, NULL), 0);
  CU_ASSERT(entity_named(g, "Poland") >= 0);
  kg_graph_free(g);
}

/* Mentions past the limit of the article are not read, and the graph says
 * how many were left out and from which sentence on. */
static void test_article_mention_cap(void) {
  static const char text[] = "Britain and Canada met.\n"
                             "France, Germany and Italy met.\n"
                             "Spain met Poland.\n";
  KgExtractOptions opts = {.max_article_mentions = 4};
  KgGraph *g = extract(text, &opts);
  CU_ASSERT_PTR_NOT_NULL_FATAL(g);
  size_t first = 0;
  CU_ASSERT_EQUAL(kg_graph_capped_article(g, &first), 3);
  CU_ASSERT_EQUAL(first, strlen("Britain and Canada met.\n"));
  CU_ASSERT_EQUAL(kg_graph_capped_sentences(g, NULL), 0);
  CU_ASSERT(entity_named(g, "Germany") >= 0); /* the fourth */
  CU_ASSERT(entity_named(g, "Italy") < 0);    /* the fifth */
  CU_ASSERT(entity_named(g, "Poland") < 0);
  kg_graph_free(g);
  g = extract(text, NULL); /* the default reads them all */
  CU_ASSERT_PTR_NOT_NULL_FATAL(g);
  CU_ASSERT_EQUAL(kg_graph_capped_article(g, NULL), 0);
  CU_ASSERT(entity_named(g, "Poland") >= 0);
  kg_graph_free(g);
}

/* kg_document_iri names the graph kg_graph_set_source gives, without
 * extracting: from the id, else the URL, else the text. */
static void test_document_iri(void) {
  static const char text[] = "Britain imposed sanctions on Belarus.\n";
  const char *sources[][2] = {{NULL, NULL},
                              {"wn-42", "https://example.org/a"},
                              {NULL, "https://example.org/a"},
                              {"", ""}};
  for (size_t i = 0; i < sizeof sources / sizeof *sources; i++) {
    KgGraph *g = extract(text, NULL);
    CU_ASSERT_PTR_NOT_NULL_FATAL(g);
    KgError err;
    CU_ASSERT_EQUAL_FATAL(
        kg_graph_set_source(g, sources[i][0], sources[i][1], NULL, &err),
        KG_OK);
    char *iri = kg_document_iri(text, strlen(text), sources[i][0],
                                sources[i][1]);
    CU_ASSERT_PTR_NOT_NULL_FATAL(iri);
    CU_ASSERT_STRING_EQUAL(iri, kg_graph_doc_iri(g));
    free(iri);
    kg_graph_free(g);
  }
}

static void test_min_confidence(void) {
  /* leaderOf Belarus only from the gazetteer (0.70), visited (0.90) */
  static const char text[] = "President Lukashenko later visited Moscow.\n";
  KgGraph *g = extract(text, NULL);
  CU_ASSERT_PTR_NOT_NULL_FATAL(g);
  CU_ASSERT_EQUAL(kg_graph_relation_count(g), 2);
  CU_ASSERT(entity_named(g, "Belarus") >= 0);
  kg_graph_free(g);
  KgExtractOptions opts = {.min_confidence = 0.75,
                          .provenance = KG_PROVENANCE_BASIC};
  g = extract(text, &opts);
  CU_ASSERT_PTR_NOT_NULL_FATAL(g);
  CU_ASSERT_EQUAL_FATAL(kg_graph_relation_count(g), 1);
  CU_ASSERT_EQUAL(kg_graph_relation(g, 0).rel, KG_REL_VISITED);
  CU_ASSERT_EQUAL(entity_named(g, "Belarus"), -1); /* only the fact had it */
  CU_ASSERT(entity_named(g, "Moscow") >= 0);
  kg_graph_free(g);
  opts.min_confidence = 0.9; /* the bound is kept */
  g = extract(text, &opts);
  CU_ASSERT_PTR_NOT_NULL_FATAL(g);
  CU_ASSERT_EQUAL(kg_graph_relation_count(g), 1);
  kg_graph_free(g);
  opts.min_confidence = 0.91;
  g = extract(text, &opts);
  CU_ASSERT_PTR_NOT_NULL_FATAL(g);
  CU_ASSERT_EQUAL(kg_graph_relation_count(g), 0);
  CU_ASSERT(entity_named(g, "Alexander Lukashenko") >= 0); /* still named */
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
      {"IRI: DBpedia titles", test_dbpedia_iris},
      {"IRI: Wikidata ids and rules", test_wikidata_and_rule_iris},
      {"confidence combines sentences", test_confidence_combines_sentences},
      {"bad sources are refused", test_bad_sources_are_refused},
      {"relations are found", test_find_relation},
  };
  static const KgTest serialize_tests[] = {
      {"Turtle and N-Triples agree", test_turtle_and_ntriples_agree},
      {"expected triples", test_expected_triples},
      {"sameAs, dates and confidence", test_links_dates_confidence},
      {"partial dates are typed", test_partial_dates_are_typed},
      {"full provenance", test_full_provenance},
      {"explain", test_explain},
      {"output is deterministic", test_output_is_deterministic},
      {"Turtle has prefixes", test_turtle_has_prefixes},
      {"empty graph", test_empty_graph},
      {"write error is reported", test_write_error_is_reported},
  };
  static const KgTest option_tests[] = {
      {"the dateline's date", test_dateline_date},
      {"a given date and provenance", test_given_date},
      {"bad options are refused", test_bad_options},
      {"minimum confidence", test_min_confidence},
      {"mentions per sentence are capped", test_sentence_mention_cap},
      {"mentions per article are capped", test_article_mention_cap},
      {"the document IRI without extracting", test_document_iri},
  };
  static const KgSuite suites[] = {
      {"graph", NULL, NULL, KG_TESTS(graph_tests)},
      {"serialize", NULL, NULL, KG_TESTS(serialize_tests)},
      {"extraction options", open_extractor, close_extractor,
       KG_TESTS(option_tests)}};
  return kg_test_main(suites, sizeof suites / sizeof *suites);
}
