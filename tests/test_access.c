/* test_access.c - CUnit suite of access.c, the public getters of a graph.
 *
 * Two short articles extracted with the data of $NEWSKG_DATA (default
 * "data"): each entity's IRI, label, class and links, each relation's
 * entities, predicate, confidence and evidence (sentence text, byte and
 * code point spans, rule), the document IRI, indexes out of range; and
 * what the getters say agrees with the graph's N-Triples.
 */
#ifndef _POSIX_C_SOURCE
#define _POSIX_C_SOURCE 200809L /* open_memstream */
#endif
#include <CUnit/Basic.h>
#include <CUnit/CUnit.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "extractor.h"
#include "newskg.h"
#include "runner.h"

#define ID "https://w3id.org/newskg/id/"

static const char two_sentences[] =
    "Britain imposed sanctions on Belarus. Putin met Merkel in Berlin.";

static KgGraph *extract(const char *text) {
  KgGraph *g = NULL;
  KgError err;
  CU_ASSERT_EQUAL_FATAL(kg_extract(extractor, text, strlen(text), &g, &err),
                        KG_OK);
  return g;
}

static void check_entity(const KgGraph *g, size_t i, const char *iri,
                         const char *label, const char *cls,
                         const char *wikidata, const char *dbpedia) {
  KgEntityInfo e;
  CU_ASSERT_EQUAL_FATAL(kg_graph_get_entity(g, i, &e), KG_OK);
  CU_ASSERT_STRING_EQUAL(e.iri, iri);
  CU_ASSERT_STRING_EQUAL(e.label, label);
  CU_ASSERT_STRING_EQUAL(e.class_name, cls);
  if (wikidata) {
    CU_ASSERT_PTR_NOT_NULL_FATAL(e.wikidata);
    CU_ASSERT_STRING_EQUAL(e.wikidata, wikidata);
  } else {
    CU_ASSERT_PTR_NULL(e.wikidata);
  }
  if (dbpedia) {
    CU_ASSERT_PTR_NOT_NULL_FATAL(e.dbpedia);
    CU_ASSERT_STRING_EQUAL(e.dbpedia, dbpedia);
  } else {
    CU_ASSERT_PTR_NULL(e.dbpedia);
  }
  CU_ASSERT_EQUAL(e.same_as_count, (wikidata != NULL) + (dbpedia != NULL));
}

static void test_entities(void) {
  KgGraph *g = extract(two_sentences);
  CU_ASSERT_EQUAL_FATAL(kg_graph_entity_count(g), 5);
  check_entity(g, 0, ID "country/United_Kingdom", "United Kingdom", "Country",
               "http://www.wikidata.org/entity/Q145",
               "http://dbpedia.org/resource/United_Kingdom");
  check_entity(g, 1, ID "country/Belarus", "Belarus", "Country",
               "http://www.wikidata.org/entity/Q184",
               "http://dbpedia.org/resource/Belarus");
  check_entity(g, 2, ID "city/Berlin", "Berlin", "City", NULL, NULL);
  check_entity(g, 3, ID "person/Vladimir_Putin", "Vladimir Putin", "Person",
               "http://www.wikidata.org/entity/Q7747",
               "http://dbpedia.org/resource/Vladimir_Putin");
  check_entity(g, 4, ID "person/Angela_Merkel", "Angela Merkel", "Person",
               "http://www.wikidata.org/entity/Q567",
               "http://dbpedia.org/resource/Angela_Merkel");
  kg_graph_free(g);
}

static void check_relation(const KgGraph *g, size_t i, size_t subject,
                           const char *predicate, size_t object,
                           double confidence) {
  KgRelationInfo r;
  CU_ASSERT_EQUAL_FATAL(kg_graph_get_relation(g, i, &r), KG_OK);
  CU_ASSERT_EQUAL(r.subject, subject);
  CU_ASSERT_STRING_EQUAL(r.predicate, predicate);
  CU_ASSERT_EQUAL(r.object, object);
  CU_ASSERT_DOUBLE_EQUAL(r.confidence, confidence, 1e-9);
  CU_ASSERT_EQUAL(r.symmetric, strcmp(predicate, "metWith") == 0);
  CU_ASSERT_EQUAL(r.evidence_count, 1);
}

static void test_relations(void) {
  KgGraph *g = extract(two_sentences);
  CU_ASSERT_EQUAL_FATAL(kg_graph_relation_count(g), 3);
  check_relation(g, 0, 0, "sanctions", 1, 0.90);
  check_relation(g, 1, 3, "metWith", 4, 0.85);
  check_relation(g, 2, 3, "visited", 2, 0.70);
  kg_graph_free(g);
}

static void test_evidence(void) {
  KgGraph *g = extract(two_sentences);
  KgEvidenceInfo ev;
  CU_ASSERT_EQUAL_FATAL(kg_graph_get_evidence(g, 0, 0, &ev), KG_OK);
  CU_ASSERT_EQUAL(ev.sentence_len, 37);
  CU_ASSERT_NSTRING_EQUAL(ev.sentence, "Britain imposed sanctions on Belarus.",
                          37);
  CU_ASSERT_EQUAL(ev.start, 0);
  CU_ASSERT_EQUAL(ev.end, 37);
  CU_ASSERT_STRING_EQUAL(ev.rule, "impose-sanctions-on");
  CU_ASSERT_DOUBLE_EQUAL(ev.strength, 0.90, 1e-9);
  CU_ASSERT_EQUAL_FATAL(kg_graph_get_evidence(g, 2, 0, &ev), KG_OK);
  CU_ASSERT_EQUAL(ev.start, 38);
  CU_ASSERT_EQUAL(ev.end, 65);
  CU_ASSERT_NSTRING_EQUAL(ev.sentence, "Putin met Merkel in Berlin.", 27);
  CU_ASSERT_STRING_EQUAL(ev.rule, "met-in");
  kg_graph_free(g);
}

/* Byte spans count bytes, char spans code points: "é" is two and one. */
static void test_evidence_offsets_after_non_ascii(void) {
  KgGraph *g = extract("Caf\xc3\xa9 talk. Britain imposed sanctions on "
                       "Belarus.");
  KgEvidenceInfo ev;
  CU_ASSERT_EQUAL_FATAL(kg_graph_relation_count(g), 1);
  CU_ASSERT_EQUAL_FATAL(kg_graph_get_evidence(g, 0, 0, &ev), KG_OK);
  CU_ASSERT_EQUAL(ev.start, 12);
  CU_ASSERT_EQUAL(ev.end, 49);
  CU_ASSERT_EQUAL(ev.char_start, 11);
  CU_ASSERT_EQUAL(ev.char_end, 48);
  CU_ASSERT_NSTRING_EQUAL(ev.sentence, "Britain imposed sanctions on Belarus.",
                          37);
  kg_graph_free(g);
}

static void test_document_iri(void) {
  KgGraph *g = extract(two_sentences);
  char *iri = kg_document_iri(two_sentences, strlen(two_sentences), NULL, NULL);
  CU_ASSERT_PTR_NOT_NULL_FATAL(iri);
  CU_ASSERT_STRING_EQUAL(kg_graph_doc_iri(g), iri);
  free(iri);
  KgError err;
  CU_ASSERT_EQUAL(kg_graph_set_source(g, "a-1", NULL, NULL, &err), KG_OK);
  iri = kg_document_iri(two_sentences, strlen(two_sentences), "a-1", NULL);
  CU_ASSERT_PTR_NOT_NULL_FATAL(iri);
  CU_ASSERT_STRING_EQUAL(kg_graph_doc_iri(g), iri);
  free(iri);
  kg_graph_free(g);
}

static void test_out_of_range(void) {
  KgGraph *g = extract(two_sentences);
  KgEntityInfo e = {.label = "untouched"};
  KgRelationInfo r = {.predicate = "untouched"};
  KgEvidenceInfo ev = {.rule = "untouched"};
  CU_ASSERT_EQUAL(kg_graph_get_entity(g, 5, &e), KG_ERR_INPUT);
  CU_ASSERT_EQUAL(kg_graph_get_relation(g, 3, &r), KG_ERR_INPUT);
  CU_ASSERT_EQUAL(kg_graph_get_evidence(g, 3, 0, &ev), KG_ERR_INPUT);
  CU_ASSERT_EQUAL(kg_graph_get_evidence(g, 0, 1, &ev), KG_ERR_INPUT);
  CU_ASSERT_STRING_EQUAL(e.label, "untouched");
  CU_ASSERT_STRING_EQUAL(r.predicate, "untouched");
  CU_ASSERT_STRING_EQUAL(ev.rule, "untouched");
  kg_graph_free(g);
}

/* The lines of N-Triples nt that link an entity to an entity by a
 * predicate of the ontology: its relations. */
static size_t count_entity_links(char *nt) {
  size_t n = 0;
  for (char *line = strtok(nt, "\n"); line; line = strtok(NULL, "\n")) {
    char *p = strstr(line, "> <" KG_ONTOLOGY_NS);
    n += strncmp(line, "<" ID, strlen("<" ID)) == 0 && p &&
         strstr(p + 3, "> <" ID) != NULL;
  }
  return n;
}

/* Every relation the getters give is a line of the graph's N-Triples, and
 * the N-Triples hold no other relation. */
static void test_agrees_with_ntriples(void) {
  KgGraph *g = extract(two_sentences);
  char *nt = NULL;
  size_t size = 0;
  FILE *out = open_memstream(&nt, &size);
  KgError err;
  CU_ASSERT_PTR_NOT_NULL_FATAL(out);
  CU_ASSERT_EQUAL(kg_graph_write(g, KG_FORMAT_NTRIPLES, out, &err), KG_OK);
  fclose(out);
  size_t links = 0; /* a symmetric relation is written both ways */
  for (size_t i = 0; i < kg_graph_relation_count(g); i++) {
    KgRelationInfo r;
    KgEntityInfo s, o;
    char line[512];
    CU_ASSERT_EQUAL_FATAL(kg_graph_get_relation(g, i, &r), KG_OK);
    CU_ASSERT_EQUAL_FATAL(kg_graph_get_entity(g, r.subject, &s), KG_OK);
    CU_ASSERT_EQUAL_FATAL(kg_graph_get_entity(g, r.object, &o), KG_OK);
    snprintf(line, sizeof line, "<%s> <%s%s> <%s> .\n", s.iri, KG_ONTOLOGY_NS,
             r.predicate, o.iri);
    CU_ASSERT_PTR_NOT_NULL(strstr(nt, line));
    links++;
    if (r.symmetric) {
      snprintf(line, sizeof line, "<%s> <%s%s> <%s> .\n", o.iri,
               KG_ONTOLOGY_NS, r.predicate, s.iri);
      CU_ASSERT_PTR_NOT_NULL(strstr(nt, line));
      links++;
    }
  }
  CU_ASSERT_EQUAL(count_entity_links(nt), links);
  free(nt);
  kg_graph_free(g);
}

int main(void) {
  static const KgTest tests[] = {
      {"entities", test_entities},
      {"relations", test_relations},
      {"evidence", test_evidence},
      {"evidence offsets after non-ASCII",
       test_evidence_offsets_after_non_ascii},
      {"document IRI", test_document_iri},
      {"indexes out of range", test_out_of_range},
      {"getters agree with N-Triples", test_agrees_with_ntriples}};
  static const KgSuite suites[] = {
      {"access", open_extractor, close_extractor, KG_TESTS(tests)}};
  return kg_test_main(suites, sizeof suites / sizeof *suites);
}
