/* test_eval.c - CUnit suite of eval.c, the port of ../shared/eval/score.py.
 *
 * Each test writes a small gold annotation and graph into a fresh temporary
 * directory and checks kg_eval's numbers and its report line for line.  The
 * expected reports are what score.py prints for the same files (checked
 * when the tests were written; tests/score_agrees.sh keeps checking it on
 * the samples).  The name key and the line pattern are tested alone too.
 */
#ifndef _POSIX_C_SOURCE
#define _POSIX_C_SOURCE 200809L /* open_memstream, mkdtemp, strdup */
#endif
#include <CUnit/Basic.h>
#include <CUnit/CUnit.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "eval.h"
#include "newskg.h"
#include "runner.h"

/* ---- a temporary directory per program ---------------------------------- */

static char tmpdir[256];

static int suite_init(void) {
  const char *base = getenv("TMPDIR");
  snprintf(tmpdir, sizeof tmpdir, "%s/test_eval.XXXXXX",
           base && *base ? base : "/tmp");
  return mkdtemp(tmpdir) ? 0 : -1;
}

static char *written[32];
static size_t n_written;

static int suite_clean(void) {
  for (size_t i = 0; i < n_written; i++) {
    unlink(written[i]);
    free(written[i]);
  }
  n_written = 0;
  return rmdir(tmpdir) == 0 ? 0 : -1;
}

/* Writes text to tmpdir/name and returns the path (owned by the suite). */
static const char *write_file(const char *name, const char *text) {
  char path[512];
  snprintf(path, sizeof path, "%s/%s", tmpdir, name);
  FILE *fh = fopen(path, "wb");
  if (!fh)
    return NULL;
  fputs(text, fh);
  if (fclose(fh) != 0)
    return NULL;
  for (size_t i = 0; i < n_written; i++)
    if (strcmp(written[i], path) == 0)
      return written[i];
  if (n_written == sizeof written / sizeof *written)
    return NULL;
  written[n_written] = strdup(path);
  return written[n_written++];
}

/* Runs kg_eval with a report; returns the report (malloc'd) or NULL. */
static char *run_eval(const char *gold, const char *graph, KgEvalResult *res,
                      KgStatus *status, KgError *err) {
  char *buf = NULL;
  size_t len = 0;
  FILE *fh = open_memstream(&buf, &len);
  if (!fh)
    return NULL;
  memset(err, 0, sizeof *err);
  *status = kg_eval(gold, graph, res, fh, err);
  fclose(fh);
  return buf;
}

static void check_score(const KgScore *s, size_t tp, size_t fp, size_t fn,
                        double p, double r, double f1) {
  CU_ASSERT_EQUAL(s->tp, tp);
  CU_ASSERT_EQUAL(s->fp, fp);
  CU_ASSERT_EQUAL(s->fn, fn);
  CU_ASSERT_DOUBLE_EQUAL(s->precision, p, 1e-12);
  CU_ASSERT_DOUBLE_EQUAL(s->recall, r, 1e-12);
  CU_ASSERT_DOUBLE_EQUAL(s->f1, f1, 1e-12);
}

/* ---- the main case --------------------------------------------------------- */

static const char *const GOLD =
    "# test gold\n"
    "\n"
    "entity\tPerson\tAlexander Lukashenko\tLukashenko\n"
    "entity\tCountry\tBelarus\n"
    "entity\tOrganization\tEuropean Union\tEU\n"
    "entity?\tPerson\tLudovic Marin\n"
    "entity\tPerson\tEmmanuel Macron\tMacron\n"
    "entity\t*\tKremlin\tMoscow Kremlin\n"
    "rel\tEuropean Union\tsanctions\tAlexander Lukashenko|Belarus\n"
    "rel\tAlexander Lukashenko\tmetWith\tEmmanuel Macron\n"
    "rel?\tEmmanuel Macron\tsupports\tEuropean Union\n"
    "rel!\tEuropean Union\tsanctions\tKremlin\n"
    "rel\tBelarus\tallyOf\tKremlin\n"
    "rel?\tBelarus\topponentOf\tEuropean Union\n";

#define X "<http://x/"
#define TYPE " <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> "
#define LABEL " <http://www.w3.org/2000/01/rdf-schema#label> "
#define O "<http://ex.org/onto#"
#define R " <https://w3id.org/newskg/ontology#"

/* The graph's triples, valid as N-Triples and as Turtle. */
// clang-format off
#define TRIPLES                                                                \
  X "luka>" TYPE O "Person> .\n"                                               \
  X "luka>" LABEL "\"Lukashenko\"@en .\n"                                      \
  X "bel>" TYPE O "Country> .\n"                                               \
  X "bel>" LABEL "\"B\\u00E9larus\" .\n"                                       \
  X "eu>" TYPE O "Organisation> .\n"                                           \
  X "eu>" LABEL "\"the EU\"^^<http://www.w3.org/2001/XMLSchema#string> .\n"    \
  X "eu2>" TYPE O "Organization> .\n"                                          \
  X "eu2> <http://schema.org/name> \"European  Union\" .\n"                    \
  X "marin>" TYPE O "Person> .\n"                                              \
  X "marin>" LABEL "\"Ludovic Marin\" .\n"                                     \
  X "macron>" TYPE O "City> .\n"                                               \
  X "macron>" LABEL "\"Macron\" .\n"                                           \
  X "kremlin>" TYPE O "Organization> .\n"                                      \
  X "kremlin> <http://www.w3.org/2004/02/skos/core#prefLabel> "                \
    "\"The Moscow  Kremlin\" .\n"                                              \
  X "nobody>" TYPE O "Person> .\n"                                             \
  X "nobody>" LABEL "\"Nobody\" .\n"                                           \
  X "anon>" TYPE O "Country> .\n"                                              \
  X "untyped>" LABEL "\"MACRON\" .\n"                                          \
  X "eu>" R "sanctions> " X "bel> .\n"                                         \
  X "eu2>" R "sanctions> " X "bel> .\n"                                        \
  X "macron>" R "metWith> " X "luka> .\n"                                      \
  X "eu2>" R "sanctions> " X "kremlin> .\n"                                    \
  X "untyped>" R "supports> " X "eu> .\n"                                      \
  X "nobody>" R "opponentOf> " X "bel> .\n"                                    \
  X "luka>" R "leaderOf> " X "bel> .\n"
// clang-format on

static const char *const REPORT =
    "missed_entities: Emmanuel Macron\n"
    "wrong_entities: European  Union: second node for European Union\n"
    "wrong_entities: Macron: typed City, gold says Person\n"
    "wrong_entities: Nobody (Person): not in gold\n"
    "wrong_entities: <http://x/anon> (Country): not in gold\n"
    "missed_relations: Belarus allyOf Kremlin\n"
    "wrong_relations: <http://x/nobody> opponentOf Belarus\n"
    "wrong_relations: Alexander Lukashenko leaderOf Belarus\n"
    "wrong_relations: European Union sanctions Kremlin\n"
    "forbidden_asserted: European Union sanctions Kremlin\n"
    "entities  P=0.500 R=0.800 F1=0.615\n"
    "relations P=0.400 R=0.667 F1=0.500 forbidden=1 unparsed=";

static void check_main_case(const char *graph, size_t unparsed) {
  const char *gold = write_file("main.gold.tsv", GOLD);
  CU_ASSERT_PTR_NOT_NULL_FATAL(gold);
  KgEvalResult res;
  KgStatus status;
  KgError err;
  char *report = run_eval(gold, graph, &res, &status, &err);
  CU_ASSERT_PTR_NOT_NULL_FATAL(report);
  CU_ASSERT_EQUAL(status, KG_OK);
  check_score(&res.entities, 4, 4, 1, 0.5, 0.8, 0.615);
  check_score(&res.relations, 2, 3, 1, 0.4, 0.667, 0.5);
  CU_ASSERT_EQUAL(res.forbidden, 1);
  CU_ASSERT_EQUAL(res.unparsed, unparsed);
  char expected[2048];
  snprintf(expected, sizeof expected, "%s%zu\n", REPORT, unparsed);
  CU_ASSERT_STRING_EQUAL(report, expected);
  free(report);
}

static void test_ntriples_graph(void) {
  /* comments and blank lines are skipped, a graph label is allowed, other
   * lines count as unparsed */
  const char *graph =
      write_file("main.nt", "# a comment\n\n   \n" TRIPLES X "luka>" R
                            "sanctions> " X "eu> <http://graph> .\n"
                            "this is not a triple\n"
                            "@prefix x: <http://x/> .\n");
  CU_ASSERT_PTR_NOT_NULL_FATAL(graph);
  /* the quad adds "Alexander Lukashenko sanctions European Union": wrong */
  const char *gold = write_file("main.gold.tsv", GOLD);
  KgEvalResult res;
  KgStatus status;
  KgError err;
  char *report = run_eval(gold, graph, &res, &status, &err);
  CU_ASSERT_PTR_NOT_NULL_FATAL(report);
  CU_ASSERT_EQUAL(status, KG_OK);
  CU_ASSERT_EQUAL(res.unparsed, 2);
  CU_ASSERT_EQUAL(res.relations.fp, 4);
  CU_ASSERT_PTR_NOT_NULL(
      strstr(report, "wrong_relations: Alexander Lukashenko sanctions European "
                     "Union\n"));
  free(report);
  graph = write_file("main2.nt", TRIPLES "junk\r\n<a> <b> <c> <d> <e> .\n");
  CU_ASSERT_PTR_NOT_NULL_FATAL(graph);
  check_main_case(graph, 2);
}

static void test_turtle_graph(void) {
  const char *graph =
      write_file("main.ttl", "@prefix x: <http://x/> .\n"
                             "# Turtle, read through raptor\n" TRIPLES);
  CU_ASSERT_PTR_NOT_NULL_FATAL(graph);
  check_main_case(graph, 0);
}

/* A file is read by what it holds, not by its name. */
static void test_mislabelled_graph(void) {
  const char *graph =
      write_file("turtle.nt", "@prefix x: <http://x/> .\n" TRIPLES);
  CU_ASSERT_PTR_NOT_NULL_FATAL(graph);
  check_main_case(graph, 0);
  graph = write_file("ntriples.ttl", TRIPLES);
  CU_ASSERT_PTR_NOT_NULL_FATAL(graph);
  check_main_case(graph, 0);
  /* Turtle the guesser takes for N-Triples: no line is a triple */
  const char *gold = write_file("abbrev.gold.tsv", "entity\tPerson\tA\n");
  graph =
      write_file("abbrev.nt", X "a>" TYPE O "Person> ;\n" LABEL "\"A\" .\n");
  CU_ASSERT_PTR_NOT_NULL_FATAL(gold);
  CU_ASSERT_PTR_NOT_NULL_FATAL(graph);
  KgEvalResult res;
  KgError err;
  memset(&err, 0, sizeof err);
  CU_ASSERT_EQUAL_FATAL(kg_eval(gold, graph, &res, NULL, &err), KG_OK);
  check_score(&res.entities, 1, 0, 0, 1.0, 1.0, 1.0);
  CU_ASSERT_EQUAL(res.unparsed, 0);
}

/* A file nothing reads a triple from is an error, not a score of 0. */
static void test_not_rdf(void) {
  const char *gold = write_file("text.gold.tsv", "entity\tPerson\tA\n");
  const char *names[] = {"article.nt", "article.txt", "article.ttl"};
  for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
    const char *graph =
        write_file(names[i], "Britain imposed sanctions on Belarus.\n");
    CU_ASSERT_PTR_NOT_NULL_FATAL(graph);
    KgEvalResult res;
    KgError err;
    memset(&err, 0, sizeof err);
    CU_ASSERT_EQUAL(kg_eval(gold, graph, &res, NULL, &err), KG_ERR_PARSE);
    CU_ASSERT_STRING_EQUAL(err.file, graph);
    CU_ASSERT_EQUAL(err.line, 1);
    CU_ASSERT_PTR_NOT_NULL(strstr(err.message, "no triples: not N-Triples"));
  }
}

/* Every relation of the twelve counts, whether or not the gold names its
 * predicate; other predicates between entities do not. */
static void test_relation_gold_never_names(void) {
  const char *gold = write_file("twelve.gold.tsv", "entity\tPerson\tA\n"
                                                   "entity\tPerson\tB\n"
                                                   "rel\tA\tmetWith\tB\n");
  const char *graph = write_file(
      "twelve.nt",
      X "a>" TYPE O "Person> .\n" X "a>" LABEL "\"A\" .\n" X "b>" TYPE O
        "Person> .\n" X "b>" LABEL "\"B\" .\n" X "a>" R "metWith> " X "b> .\n" X
        "a>" R "fledTo> " X "b> .\n" X "a>" R "knows> " X "b> .\n");
  CU_ASSERT_PTR_NOT_NULL_FATAL(gold);
  CU_ASSERT_PTR_NOT_NULL_FATAL(graph);
  KgEvalResult res;
  KgStatus status;
  KgError err;
  char *report = run_eval(gold, graph, &res, &status, &err);
  CU_ASSERT_PTR_NOT_NULL_FATAL(report);
  CU_ASSERT_EQUAL(status, KG_OK);
  check_score(&res.relations, 1, 1, 0, 0.5, 1.0, 0.667);
  CU_ASSERT_STRING_EQUAL(report,
                         "wrong_relations: A fledTo B\n"
                         "entities  P=1.000 R=1.000 F1=1.000\n"
                         "relations P=0.500 R=1.000 F1=0.667 forbidden=0 "
                         "unparsed=0\n");
  free(report);
}

static void test_symmetric_matching(void) {
  const char *gold = write_file("sym.gold.tsv", "entity\tPerson\tA\n"
                                                "entity\tPerson\tB\n"
                                                "rel\tA\tmetWith\tB\n"
                                                "rel\tA\tvisited\tB\n");
  const char *graph = write_file(
      "sym.nt", X "a>" TYPE O "Person> .\n" X "a>" LABEL "\"A\" .\n" X
                  "b>" TYPE O "Person> .\n" X "b>" LABEL "\"B\" .\n" X "b>" R
                  "metWith> " X "a> .\n" X "b>" R "visited> " X "a> .\n");
  CU_ASSERT_PTR_NOT_NULL_FATAL(gold);
  CU_ASSERT_PTR_NOT_NULL_FATAL(graph);
  KgEvalResult res;
  KgStatus status;
  KgError err;
  char *report = run_eval(gold, graph, &res, &status, &err);
  CU_ASSERT_PTR_NOT_NULL_FATAL(report);
  CU_ASSERT_EQUAL(status, KG_OK);
  check_score(&res.entities, 2, 0, 0, 1.0, 1.0, 1.0);
  /* metWith either way; visited is not symmetric */
  check_score(&res.relations, 1, 1, 1, 0.5, 0.5, 0.5);
  CU_ASSERT_STRING_EQUAL(report,
                         "missed_relations: A visited B\n"
                         "wrong_relations: B visited A\n"
                         "entities  P=1.000 R=1.000 F1=1.000\n"
                         "relations P=0.500 R=0.500 F1=0.500 forbidden=0 "
                         "unparsed=0\n");
  free(report);
}

static void test_rounding_like_python(void) {
  /* P = 1/16 = 0.0625 exactly: Python's round() gives 0.062 */
  char graph[4096] = X "hit>" TYPE O "Person> .\n" X "hit>" LABEL "\"A\" .\n";
  for (int i = 0; i < 15; i++) {
    size_t used = strlen(graph);
    snprintf(graph + used, sizeof graph - used, X "n%d>" TYPE O "Person> .\n",
             i);
  }
  const char *gold_path = write_file("round.gold.tsv", "entity\tPerson\tA\n");
  const char *graph_path = write_file("round.nt", graph);
  CU_ASSERT_PTR_NOT_NULL_FATAL(gold_path);
  CU_ASSERT_PTR_NOT_NULL_FATAL(graph_path);
  KgEvalResult res;
  KgError err;
  memset(&err, 0, sizeof err);
  CU_ASSERT_EQUAL_FATAL(kg_eval(gold_path, graph_path, &res, NULL, &err),
                        KG_OK);
  check_score(&res.entities, 1, 15, 0, 0.062, 1.0, 0.118);
  check_score(&res.relations, 0, 0, 0, 0.0, 0.0, 0.0);
}

static void test_empty_graph(void) {
  const char *gold = write_file("empty.gold.tsv", GOLD);
  const char *graph = write_file("empty.nt", "");
  KgEvalResult res;
  KgStatus status;
  KgError err;
  char *report = run_eval(gold, graph, &res, &status, &err);
  CU_ASSERT_PTR_NOT_NULL_FATAL(report);
  CU_ASSERT_EQUAL(status, KG_OK);
  check_score(&res.entities, 0, 0, 5, 0.0, 0.0, 0.0);
  check_score(&res.relations, 0, 0, 3, 0.0, 0.0, 0.0);
  CU_ASSERT_PTR_NOT_NULL(strstr(report, "missed_relations: European Union "
                                        "sanctions Alexander "
                                        "Lukashenko|Belarus\n"));
  CU_ASSERT_PTR_NOT_NULL(strstr(report, "entities  P=0.000 R=0.000 "
                                        "F1=0.000\n"));
  free(report);
}

static void test_gold_errors(void) {
  const char *gold = write_file("bad.gold.tsv", "entity\tPerson\tA\n"
                                                "# comment\n"
                                                "rel\tA\tmetWith\tA|B\n"
                                                "entity\tPerson\tB\n");
  const char *graph = write_file("bad.nt", "");
  KgEvalResult res;
  KgError err;
  memset(&err, 0, sizeof err);
  CU_ASSERT_EQUAL(kg_eval(gold, graph, &res, NULL, &err), KG_ERR_PARSE);
  CU_ASSERT_STRING_EQUAL(err.file, gold);
  CU_ASSERT_EQUAL(err.line, 3);
  CU_ASSERT_STRING_EQUAL(err.message, "relation names unknown entity 'B'");

  gold = write_file("short.gold.tsv", "entity\tPerson\tA\r\nrel\tA\tmetWith\n");
  CU_ASSERT_EQUAL(kg_eval(gold, graph, &res, NULL, &err), KG_ERR_PARSE);
  CU_ASSERT_EQUAL(err.line, 2);

  gold = write_file("ok.gold.tsv", "entity\tPerson\tA\n");
  char missing[600];
  snprintf(missing, sizeof missing, "%s/no-such.nt", tmpdir);
  CU_ASSERT_EQUAL(kg_eval(gold, missing, &res, NULL, &err), KG_ERR_IO);
  CU_ASSERT_STRING_EQUAL(err.file, missing);
  snprintf(missing, sizeof missing, "%s/no-such.ttl", tmpdir);
  CU_ASSERT_EQUAL(kg_eval(gold, missing, &res, NULL, &err), KG_ERR_IO);
  graph = write_file("broken.ttl", "<a> <b> .\n");
  CU_ASSERT_EQUAL(kg_eval(gold, graph, &res, NULL, &err), KG_ERR_PARSE);
  CU_ASSERT_STRING_EQUAL(err.file, graph);
}

/* ---- the name key and the line pattern alone ------------------------------- */

static void check_norm(const char *name, const char *expected) {
  size_t len;
  char *key = kg_eval_norm(name, strlen(name), &len);
  CU_ASSERT_PTR_NOT_NULL_FATAL(key);
  CU_ASSERT_STRING_EQUAL(key, expected);
  CU_ASSERT_EQUAL(len, strlen(expected));
  free(key);
}

static void test_norm(void) {
  check_norm("Alexander Lukashenko", "alexander lukashenko");
  check_norm("  The   Kremlin ", "kremlin");
  check_norm("the", "the");
  check_norm("Theodore", "theodore");
  check_norm("The-Kremlin", "the kremlin");
  check_norm("U.S.", "u s");
  check_norm("\xc3\x89lys\xc3\xa9"
             "e",
             "elysee"); /* precomposed */
  check_norm("E\xcc\x81lyse\xcc\x81"
             "e",
             "elysee"); /* combining */
  check_norm("Stra\xc3\x9f"
             "e",
             "strasse");                             /* full folding */
  check_norm("\xef\xac\x81nance", "finance");        /* ﬁ ligature */
  check_norm("Co_op", "co_op");                      /* _ is a word */
  check_norm("O'Brien\xe2\x80\x94Jr", "o brien jr"); /* em dash */
  check_norm("The\xc2\xa0"
             "EU",
             "eu");                  /* NBSP is \s */
  check_norm("\xe2\x85\xab", "xii"); /* Ⅻ: NFKD */
  check_norm("!!", "");
  check_norm("", "");
}

static void check_line(const char *line, const char *s, const char *p,
                       const char *o) {
  KgSpan t[3];
  int matched = kg_eval_match_line(line, strlen(line), t);
  CU_ASSERT_EQUAL(matched, s != NULL);
  if (!matched || !s)
    return;
  const char *want[3] = {s, p, o};
  for (int k = 0; k < 3; k++) {
    CU_ASSERT_EQUAL(t[k].end - t[k].start, strlen(want[k]));
    CU_ASSERT_NSTRING_EQUAL(line + t[k].start, want[k], strlen(want[k]));
  }
}

static void test_line_pattern(void) {
  check_line("<s> <p> <o> .", "<s>", "<p>", "<o>");
  check_line("  <s>\t<p>  \"a \\\" b\"@en-GB .  ", "<s>", "<p>",
             "\"a \\\" b\"@en-GB");
  check_line("_:b1 <p> \"1\"^^<http://x#int> <g> .", "_:b1", "<p>",
             "\"1\"^^<http://x#int>");
  check_line("<s> <p> _:o.", "<s>", "<p>", "_:o");
  check_line("<s> <p> _:o..", "<s>", "<p>", "_:o.");
  check_line("<s> <p> <o> <g>.", "<s>", "<p>", "<o>");
  check_line("<s p> <p> <o> .", "<s p>", "<p>", "<o>");
  check_line("<s> <p> <o>", NULL, NULL, NULL);
  check_line("<s> <p> .", NULL, NULL, NULL);
  check_line("<s> <p> <o> <g> <h> .", NULL, NULL, NULL);
  check_line("<s><p> <o> .", NULL, NULL, NULL);
  check_line("<s> <p> \"open .", NULL, NULL, NULL);
}

/* ---- runner ------------------------------------------------------------------ */

int main(void) {
  static const KgTest tests[] = {
      {"N-Triples graph", test_ntriples_graph},
      {"Turtle graph", test_turtle_graph},
      {"mislabelled graph", test_mislabelled_graph},
      {"not RDF", test_not_rdf},
      {"a relation the gold never names", test_relation_gold_never_names},
      {"symmetric matching", test_symmetric_matching},
      {"rounding like Python", test_rounding_like_python},
      {"empty graph", test_empty_graph},
      {"gold and graph errors", test_gold_errors},
      {"name key", test_norm},
      {"line pattern", test_line_pattern},
  };
  static const KgSuite suites[] = {
      {"eval", suite_init, suite_clean, KG_TESTS(tests)}};
  return kg_test_main(suites, sizeof suites / sizeof *suites);
}
