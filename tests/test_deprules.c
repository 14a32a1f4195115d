/* test_deprules.c - CUnit suite of deprules.c: rules over dependency trees.
 *
 * The trees are written by hand, one word a line as CoNLL-U gives them
 * (index, lemma, UPOS, head, deprel, and the mention the word stands for,
 * with a '~' for a description), so that each test pins down what the
 * matcher does with a tree, whatever a parser would make of the sentence:
 *
 *   the pattern language's errors, each with its message;
 *   a subject and an object ("Putin met Erdogan");
 *   a group: a meeting verb's subject with its conjuncts and the names in
 *   apposition ("A and his counterparts, B and C, gathered"), where a
 *   description in apposition adds nobody ("IGAD, the bloc");
 *   `!rel` (no object: "A and B met", not "A and B met C"), and tests of a
 *   dependent's lemma ("the prime minister", not "the former prime
 *   minister");
 *   a relation's case word (obl:with) and subtype (nsubj:pass, obl:agent
 *   read as obl:by);
 *   a relative pronoun for its noun ("Armenia, which is at war with
 *   Azerbaijan");
 *   a subject shared with a conjoined verb and an adverbial clause;
 *   the @ words deciding which rules a sentence wants.
 */
#include <CUnit/Basic.h>
#include <CUnit/CUnit.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "deprules.h"
#include "runner.h"
#include "sentences.h"

/* ---- trees by hand ------------------------------------------------------- */

enum { MAX_WORDS = 32 };

typedef struct {
  KgDepWord w[MAX_WORDS];
  char lemmas[MAX_WORDS][32];
  char upos[MAX_WORDS][8];
  char deprel[MAX_WORDS][16];
  size_t n;
} Tree;

/* Reads "lemma UPOS head deprel [mention|~mention]" lines. */
static void tree_read(Tree *t, const char *lines) {
  memset(t, 0, sizeof *t);
  const char *p = lines;
  while (*p && t->n < MAX_WORDS) {
    size_t i = t->n;
    char mention[16] = "";
    int used = 0;
    size_t head;
    int got = sscanf(p, "%31s %7s %zu %15s%n", t->lemmas[i], t->upos[i], &head,
                     t->deprel[i], &used);
    CU_ASSERT_FATAL(got == 4);
    p += used;
    while (*p == ' ')
      p++;
    if (*p && *p != '\n') {
      sscanf(p, "%15s%n", mention, &used);
      p += used;
    }
    while (*p && *p != '\n')
      p++;
    if (*p == '\n')
      p++;
    int description = mention[0] == '~';
    t->w[i] = (KgDepWord){t->lemmas[i],
                          strlen(t->lemmas[i]),
                          t->lemmas[i],
                          strlen(t->lemmas[i]),
                          t->upos[i],
                          t->deprel[i],
                          head,
                          mention[0] ? atol(mention + description) : -1,
                          description};
    t->n++;
  }
}

/* What the sink was given, one line a match: "rule: s1,s2 -> o1 (t)". */
typedef struct {
  char text[2048];
} Seen;

static void list(char *out, size_t cap, const long *m, size_t n) {
  for (size_t i = 0; i < n; i++)
    snprintf(out + strlen(out), cap - strlen(out), "%s%ld", i ? "," : "",
             m[i]);
}

static int record(void *ctx, const KgDepMatch *m) {
  Seen *s = ctx;
  size_t cap = sizeof s->text;
  snprintf(s->text + strlen(s->text), cap - strlen(s->text), "%s%s: ",
           s->text[0] ? "; " : "", m->rule);
  list(s->text, cap, m->subjects, m->subject_count);
  if (!m->reciprocal) {
    snprintf(s->text + strlen(s->text), cap - strlen(s->text), " -> ");
    list(s->text, cap, m->objects, m->object_count);
  }
  snprintf(s->text + strlen(s->text), cap - strlen(s->text), " (%zu)",
           m->trigger + 1);
  return 0;
}

/* A text of the @ words, so that kg_dep_rules_wanted can be asked. */
typedef struct {
  char *buf;
  KgText t;
} Words;

static Words *words_of(const char *text) {
  Words *w = calloc(1, sizeof *w);
  w->buf = strdup(text);
  CU_ASSERT_FATAL(kg_text_split(w->buf, strlen(w->buf), NULL, &w->t) == KG_OK);
  return w;
}

static void words_free(Words *w) {
  kg_text_release(&w->t);
  free(w->buf);
  free(w);
}

/* Runs rules (one a line: "relation name pattern") on tree, with the @
 * words of sentence, and returns what matched. */
static Seen run(const char *rules_text, const char *sentence, const char *tree) {
  KgDepRules *rules = kg_dep_rules_new();
  CU_ASSERT_FATAL(rules != NULL);
  char *copy = strdup(rules_text);
  for (char *save = NULL, *line = strtok_r(copy, "\n", &save); line;
       line = strtok_r(NULL, "\n", &save)) {
    char name[64];
    int used = 0;
    CU_ASSERT_FATAL(sscanf(line, "%63s %n", name, &used) == 1);
    const char *message = NULL;
    int rc = kg_dep_rules_add(rules, KG_REL_MET_WITH, name, line + used, 0.8,
                              &message);
    CU_ASSERT_EQUAL(rc, 0);
    if (rc != 0)
      fprintf(stderr, "rule %s: %s\n", name, message);
  }
  free(copy);
  Tree t;
  tree_read(&t, tree);
  Words *w = words_of(sentence);
  KgDepScratch scratch;
  memset(&scratch, 0, sizeof scratch);
  Seen seen = {""};
  /* every slot may be filled: the tree's mentions say which are */
  size_t named[KG_CLASS_COUNT];
  for (int c = 0; c < KG_CLASS_COUNT; c++)
    named[c] = 2;
  if (kg_dep_rules_wanted(rules, &w->t, 0, named, &scratch) == 1)
    CU_ASSERT_EQUAL(
        kg_dep_rules_match(rules, t.w, t.n, record, &seen, &scratch), 0);
  kg_dep_scratch_release(&scratch);
  words_free(w);
  kg_dep_rules_free(rules);
  return seen;
}

#define ASSERT_SEEN(got, want)                                                 \
  do {                                                                         \
    Seen got_ = (got);                                                         \
    if (strcmp(got_.text, (want)) != 0)                                        \
      fprintf(stderr, "\n  want: %s\n  got:  %s\n", (want), got_.text);        \
    CU_ASSERT_STRING_EQUAL(got_.text, (want));                                 \
  } while (0)

/* ---- the pattern language ------------------------------------------------ */

static void test_pattern_errors(void) {
  static const struct {
    const char *pattern, *message;
  } cases[] = {
      {"S <nsubj meet >obj O", "a dep: rule needs an @ element"},
      {"S <nsubj >obj O @met", "two edges in a row"},
      {"S meet @met", "two words of the path without an edge"},
      {"S <nsubj meet >obj @met", "a path ends with a word or a slot"},
      {"S <nsubj O @met", "a path needs a word between its slots"},
      {"S <nsubj meet >obj S @met", "a path goes from S to O"},
      {"G <nsubj meet >obj O @met", "G is the path's one slot"},
      {"S <nsubj O <obj meet @met", "a slot inside the path"},
      {"!obj S <nsubj meet >obj O @met", "a + or ! test follows a word"},
      {"S <nsubj meet !=x >obj O @met", "a + or ! test without a relation"},
      {"S <nsubj meet +obj= >obj O @met", "an empty lemma"},
      {"S:Planet <nsubj meet >obj O @met", "unknown class in slot"},
      {"S < meet >obj O @met", "an edge without a relation"},
      {"S <nsubj meet >obj O @", "an empty @ element"},
      {"S <nsubj meet|| >obj O @met", "an empty lemma"},
      {"S <a b <a b <a b <a b <a b <a b <a b <a b O @met",
       "a path of more than 8 words"}};
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
    KgDepRules *rules = kg_dep_rules_new();
    const char *message = NULL;
    CU_ASSERT_EQUAL(kg_dep_rules_add(rules, KG_REL_MET_WITH, "r",
                                     cases[i].pattern, 0.8, &message),
                    -1);
    CU_ASSERT_PTR_NOT_NULL(message);
    if (message && strncmp(message, cases[i].message,
                           strlen(cases[i].message)) != 0)
      fprintf(stderr, "\n  %s: want \"%s\", got \"%s\"\n", cases[i].pattern,
              cases[i].message, message);
    CU_ASSERT(message &&
              strncmp(message, cases[i].message, strlen(cases[i].message)) ==
                  0);
    CU_ASSERT_EQUAL(kg_dep_rules_count(rules), 0);
    kg_dep_rules_free(rules);
  }
}

/* ---- matching ------------------------------------------------------------ */

/* Putin met Erdogan in Ankara. */
static const char *const putin_met_erdogan = "Putin PROPN 2 nsubj 0\n"
                                             "meet VERB 0 root\n"
                                             "Erdogan PROPN 2 obj 1\n"
                                             "in ADP 5 case\n"
                                             "Ankara PROPN 2 obl 2\n";

static void test_subject_and_object(void) {
  ASSERT_SEEN(run("met S <nsubj meet >obj O @met", "Putin met Erdogan",
                  putin_met_erdogan),
              "met: 0 -> 1 (2)");
  /* the same path read from the object's end */
  ASSERT_SEEN(run("met-o O <obj meet >nsubj S @met", "Putin met Erdogan",
                  putin_met_erdogan),
              "met-o: 0 -> 1 (2)");
  /* no @ word in the sentence: the rule is not tried */
  ASSERT_SEEN(run("met S <nsubj meet >obj O @met", "Putin saw Erdogan",
                  putin_met_erdogan),
              "");
  /* obl:in is the obl whose case word is "in" */
  ASSERT_SEEN(run("in S <nsubj meet >obl:in O @met\n"
                  "at S <nsubj meet >obl:at O @met",
                  "Putin met Erdogan in Ankara", putin_met_erdogan),
              "in: 0 -> 2 (2)");
}

/* Shoukry and his counterparts, Dendias and Le Drian, gathered in Cairo.
 * IGAD, the regional bloc, met. */
static void test_group_with_appositions(void) {
  const char *tree = "Shoukry PROPN 8 nsubj 0\n"
                     "and CCONJ 4 cc\n"
                     "his PRON 4 nmod:poss 1\n"
                     "counterpart NOUN 1 conj\n"
                     "Dendias PROPN 4 appos 2\n"
                     "and CCONJ 7 cc\n"
                     "Drian PROPN 5 conj 3\n"
                     "gather VERB 0 root\n"
                     "in ADP 10 case\n"
                     "Cairo PROPN 8 obl 4\n";
  ASSERT_SEEN(run("group G <nsubj meet|gather !obj @gathered",
                  "they gathered", tree),
              "group: 0,2,3 (8)");
  /* a description in apposition renames: nobody new */
  const char *bloc = "IGAD PROPN 5 nsubj 0\n"
                     "the DET 4 det\n"
                     "regional ADJ 4 amod\n"
                     "bloc NOUN 1 appos ~1\n"
                     "meet VERB 0 root\n";
  ASSERT_SEEN(run("group G <nsubj meet !obj @met", "they met", bloc), "");
}

/* A and B met; A and B met C: a group's meeting has no object. */
static void test_absent_dependent(void) {
  const char *ab = "A PROPN 4 nsubj 0\n"
                   "and CCONJ 3 cc\n"
                   "B PROPN 1 conj 1\n"
                   "meet VERB 0 root\n";
  const char *abc = "A PROPN 4 nsubj 0\n"
                    "and CCONJ 3 cc\n"
                    "B PROPN 1 conj 1\n"
                    "meet VERB 0 root\n"
                    "C PROPN 4 obj 2\n";
  const char *rule = "group G <nsubj meet !obj !obl:with @met";
  ASSERT_SEEN(run(rule, "A and B met", ab), "group: 0,1 (4)");
  ASSERT_SEEN(run(rule, "A and B met C", abc), "");
}

/* The meeting was attended by A and B: obl:agent read as obl:by. */
static void test_passive_agent(void) {
  const char *tree = "the DET 2 det\n"
                     "meeting NOUN 4 nsubj:pass\n"
                     "be AUX 4 aux:pass\n"
                     "attend VERB 0 root\n"
                     "by ADP 6 case\n"
                     "A PROPN 4 obl:agent 0\n"
                     "and CCONJ 8 cc\n"
                     "B PROPN 6 conj 1\n";
  ASSERT_SEEN(run("attended G <obl:by attend >nsubj:pass meeting @attended",
                  "was attended", tree),
              "attended: 0,1 (4)");
  /* a bare relation is not its subtypes */
  ASSERT_SEEN(run("bare G <obl attend >nsubj meeting @attended",
                  "was attended", tree),
              "");
}

/* Armenia, which is at war with Azerbaijan, ... */
static void test_relative_pronoun(void) {
  const char *tree = "Armenia PROPN 0 root 0\n"
                     ", PUNCT 6 punct\n"
                     "which PRON 6 nsubj\n"
                     "be AUX 6 cop\n"
                     "at ADP 6 case\n"
                     "war NOUN 1 acl:relcl\n"
                     "with ADP 8 case\n"
                     "Azerbaijan PROPN 6 nmod 1\n";
  ASSERT_SEEN(run("war S <nsubj war >nmod:with O @war", "at war with", tree),
              "war: 0 -> 1 (6)");
}

/* After meeting B, A flew to C and visited D. */
static void test_shared_subject(void) {
  const char *tree = "after SCONJ 2 mark\n"
                     "meet VERB 6 advcl\n"
                     "B PROPN 2 obj 1\n"
                     ", PUNCT 2 punct\n"
                     "A PROPN 6 nsubj 0\n"
                     "fly VERB 0 root\n"
                     "to ADP 8 case\n"
                     "C PROPN 6 obl 2\n"
                     "and CCONJ 10 cc\n"
                     "visit VERB 6 conj\n"
                     "D PROPN 10 obj 3\n";
  ASSERT_SEEN(run("met S <nsubj meet >obj O @meeting\n"
                  "visited S <nsubj visit >obj O @visited",
                  "meeting and visited", tree),
              "met: 0 -> 1 (2); visited: 0 -> 3 (10)");
  /* read from the verb down: the subject of the clause it shares */
  ASSERT_SEEN(run("met-down O <obj meet >nsubj S @meeting", "meeting", tree),
              "met-down: 0 -> 1 (2)");
}

/* X, the (former) prime minister of Y */
static void test_dependent_tests(void) {
  const char *now = "X PROPN 0 root 0\n"
                    ", PUNCT 5 punct\n"
                    "the DET 5 det\n"
                    "prime ADJ 5 amod\n"
                    "minister NOUN 1 appos\n"
                    "of ADP 7 case\n"
                    "Y PROPN 5 nmod 1\n";
  const char *former = "X PROPN 0 root 0\n"
                       ", PUNCT 6 punct\n"
                       "the DET 6 det\n"
                       "former ADJ 6 amod\n"
                       "prime ADJ 6 amod\n"
                       "minister NOUN 1 appos\n"
                       "of ADP 8 case\n"
                       "Y PROPN 6 nmod 1\n";
  const char *rule = "pm S >appos minister +compound|amod=prime "
                     "!amod=former|late >nmod:of O @minister";
  ASSERT_SEEN(run(rule, "prime minister", now), "pm: 0 -> 1 (5)");
  ASSERT_SEEN(run(rule, "prime minister", former), "");
  /* without "prime", a minister of Y leads nothing */
  ASSERT_SEEN(run("pm S >appos minister +compound=prime >nmod:of O @minister",
                  "prime minister", now),
              "");
}

int main(void) {
  static const KgTest tests[] = {
      {"the pattern language's errors", test_pattern_errors},
      {"a subject and an object", test_subject_and_object},
      {"a group with its appositions", test_group_with_appositions},
      {"a dependent that must be absent", test_absent_dependent},
      {"a passive's agent", test_passive_agent},
      {"a relative pronoun stands for its noun", test_relative_pronoun},
      {"a subject shared by clauses", test_shared_subject},
      {"tests of a word's dependents", test_dependent_tests}};
  static const KgSuite suites[] = {{"deprules", NULL, NULL, KG_TESTS(tests)}};
  return kg_test_main(suites, sizeof suites / sizeof *suites);
}
