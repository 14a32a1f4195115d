/* test_syntax.c - CUnit suite of syntax.c and of kg_ud_words (udwords.c):
 * a sentence's UD words as spans of the article, with their grammar.
 *
 * Texts are split without a lexicon.  Without models, kg_ud_words is
 * checked against kg_ud_sentence on awkward text (clitics, e-mail
 * addresses, times, units, quotes, decades): the same words, in the same
 * multiword tokens, each span the text of its FORM and its token the one
 * holding its first byte.  With the shipped models (the data directory's
 * models/: $NEWSKG_DATA, else the source tree's data/; skipped with a
 * message when absent) kg_syntax_parse gives linguistically right parses
 * that the models do get right, in UD English EWT's conventions:
 *
 *     Putin met Erdogan in Ankara on Tuesday.
 *       met root (VERB, VBD, lemma "meet"); Putin nsubj, Erdogan obj,
 *       Ankara and Tuesday obl of met; in case of Ankara, on of Tuesday
 *     They don't want sanctions.
 *       do aux and n't advmod (PART, lemma "not") of want, its own token
 *     The e-mail Russia's president sent wasn't answered.
 *       e-mail one word (of the token "e"), nsubj:pass of answered; sent
 *       acl:relcl of e-mail; Russia nmod:poss of president, 's its case
 *
 * and every sentence of an article is a tree with a single root, parsed
 * with one KgSyntax whose words are the same when a sentence is parsed
 * again after others.
 */
#define _POSIX_C_SOURCE 200809L /* open_memstream */
#include <CUnit/Basic.h>
#include <CUnit/CUnit.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "conllu.h"
#include "grammar.h"
#include "runner.h"
#include "sentences.h"
#include "syntax.h"
#include "udwords.h"

#ifndef NEWSKG_BUILD_DATADIR
#define NEWSKG_BUILD_DATADIR "data"
#endif

/* ---- the models, loaded once ---------------------------------------------- */

static KgGrammar *grammar; /* NULL when the models are absent */
static char models[1024];

static int suite_init(void) {
  static const char *const names[] = {"clusters.model", "tagger.model",
                                      "lemmas.model", "parser.model"};
  const char *data = getenv("NEWSKG_DATA");
  snprintf(models, sizeof models, "%s/models",
           data && *data ? data : NEWSKG_BUILD_DATADIR);
  /* skipped where no model is there; where some are, all must load */
  int any = 0;
  for (size_t m = 0; m < sizeof names / sizeof *names; m++) {
    char path[1100];
    snprintf(path, sizeof path, "%s/%s", models, names[m]);
    any |= access(path, F_OK) == 0;
  }
  if (!any)
    return 0;
  KgError err;
  memset(&err, 0, sizeof err);
  if (kg_grammar_load(models, &grammar, &err) != KG_OK) {
    fprintf(stderr, "test_syntax: %s: %s\n", err.file, err.message);
    return -1;
  }
  return 0;
}

static int suite_clean(void) {
  kg_grammar_free(grammar);
  grammar = NULL;
  return 0;
}

/* Non-zero, after saying why, when the models are absent. */
static int skipped(void) {
  if (grammar)
    return 0;
  printf("\n  skipped: no models in %s (`make models` trains them)\n", models);
  return 1;
}

/* ---- texts ------------------------------------------------------------------ */

/* A text split into sentences and tokens, in a buffer of exactly its
 * length (no NUL after it, for valgrind to catch a read past its end). */
typedef struct {
  char *buf;
  KgText t;
} Text;

static Text *split(const char *text) {
  Text *x = calloc(1, sizeof *x);
  size_t len = strlen(text);
  if (!x || !(x->buf = malloc(len))) {
    free(x);
    return NULL;
  }
  memcpy(x->buf, text, len);
  if (kg_text_split(x->buf, len, NULL, &x->t) != KG_OK) {
    free(x->buf);
    free(x);
    return NULL;
  }
  return x;
}

static void text_free(Text *x) {
  if (!x)
    return;
  kg_text_release(&x->t);
  free(x->buf);
  free(x);
}

/* Non-zero when the bytes [start, end) of t are s. */
static int reads(const KgText *t, size_t start, size_t end, const char *s) {
  return end - start == strlen(s) &&
         memcmp(t->text + start, s, end - start) == 0;
}

/* The index of the first token of t reading s, or t->token_count. */
static size_t token_of(const KgText *t, const char *s) {
  size_t i = 0;
  while (i < t->token_count &&
         !reads(t, t->tokens[i].start, t->tokens[i].end, s))
    i++;
  return i;
}

/* Checks the UD words w[0, n) of sentence si of t against what
 * kg_ud_sentence writes of it: the same forms, multiword tokens of the
 * same words, each word within the sentence and its token the one holding
 * its first byte. */
static void check_words(const KgText *t, size_t si, const KgUdWord *w,
                        size_t n) {
  KgConlluSentence c;
  memset(&c, 0, sizeof c);
  CU_ASSERT_EQUAL_FATAL(kg_ud_sentence(t, si, NULL, &c, NULL), KG_OK);
  CU_ASSERT_EQUAL(n, c.n_words);
  const KgSentence *s = &t->sentences[si];
  size_t k = 0, range_end = 0; /* the multiword token [.., range_end] */
  for (size_t i = 0; i < n && i < c.n_words; i++) {
    CU_ASSERT(reads(t, w[i].start, w[i].end, c.words[i].form));
    CU_ASSERT(w[i].start < w[i].end);
    CU_ASSERT(i == 0 || w[i - 1].end <= w[i].start);
    CU_ASSERT(w[i].token >= s->first_token &&
              w[i].token < s->first_token + s->token_count);
    CU_ASSERT(t->tokens[w[i].token].start <= w[i].start &&
              w[i].start < t->tokens[w[i].token].end);
    int starts_range = 0;
    for (; k < c.n_lines && c.lines[k].before <= i; k++)
      if (c.lines[k].text[0] != '#') {
        range_end = (size_t)strtoul(strchr(c.lines[k].text, '-') + 1, NULL, 10);
        starts_range = 1;
      }
    CU_ASSERT_EQUAL(w[i].joined, !starts_range && i + 1 <= range_end);
  }
  kg_conllu_sentence_release(&c);
}

/* ---- kg_ud_words, without models -------------------------------------------- */

static void test_ud_words_match_conllu(void) {
  Text *x = split(
      "They don't want sanctions. I'm sure we've seen it; he'd said they're "
      "gonna win, and we cannot stop them.\n"
      "E-mail john@example.com or visit www.example.org/news at 10:30pm on "
      "9/11. Call 713-853-3242 now...\n"
      "The leaders' meeting in the '90s with AT&T's co-founder was "
      "non-violent?! It costs 5bn and runs 10km at 7:30pm.\n"
      "Putin's \"quote\" and \xe2\x80\x98single\xe2\x80\x99 quotes, the "
      "1990s, the 2nd time, 70's music -- long-term 1990-2000 plans.");
  CU_ASSERT_PTR_NOT_NULL_FATAL(x);
  KgUdWord *w = NULL;
  size_t n = 0, cap = 0;
  CU_ASSERT(x->t.sentence_count >= 7);
  for (size_t si = 0; si < x->t.sentence_count; si++) {
    CU_ASSERT_EQUAL(kg_ud_words(&x->t, si, &w, &n, &cap, NULL), KG_OK);
    check_words(&x->t, si, w, n);
  }
  /* the first sentence again, into the grown array */
  CU_ASSERT_EQUAL(kg_ud_words(&x->t, 0, &w, &n, &cap, NULL), KG_OK);
  CU_ASSERT_EQUAL_FATAL(n, 6);
  CU_ASSERT(reads(&x->t, w[1].start, w[1].end, "do"));
  CU_ASSERT(reads(&x->t, w[2].start, w[2].end, "n't"));
  CU_ASSERT_EQUAL(w[1].joined, 0);
  CU_ASSERT_EQUAL(w[2].joined, 1);
  /* newskg cuts "don't" as EWT does: a token a word */
  CU_ASSERT_EQUAL(w[1].token, 1);
  CU_ASSERT_EQUAL(w[2].token, 2);
  KgError err;
  memset(&err, 0, sizeof err);
  CU_ASSERT_EQUAL(kg_ud_words(&x->t, x->t.sentence_count, &w, &n, &cap, &err),
                  KG_ERR_INPUT);
  CU_ASSERT_EQUAL(n, 0);
  CU_ASSERT_PTR_NOT_NULL(strstr(err.message, "no sentence"));
  free(w);
  text_free(x);
}

/* ---- kg_syntax_parse, with the shipped models --------------------------------- */

/* The index of the first of the n words reading form, or n. */
static size_t word(const KgText *t, const KgSyntaxWord *w, size_t n,
                   const char *form) {
  size_t i = 0;
  while (i < n && !reads(t, w[i].start, w[i].end, form))
    i++;
  return i;
}

/* "deprel head" of the word reading form ("root" for the root, "?" for no
 * such word), in buf. */
static const char *dep(const KgText *t, const KgSyntaxWord *w, size_t n,
                       const char *form, char *buf, size_t cap) {
  size_t i = word(t, w, n, form);
  if (i == n)
    snprintf(buf, cap, "?");
  else if (w[i].head == 0)
    snprintf(buf, cap, "%s", w[i].deprel);
  else if (w[i].head > n)
    snprintf(buf, cap, "%s (head %zu)", w[i].deprel, w[i].head);
  else
    snprintf(buf, cap, "%s %.*s", w[i].deprel,
             (int)(w[w[i].head - 1].end - w[w[i].head - 1].start),
             t->text + w[w[i].head - 1].start);
  return buf;
}

/* Records whether the word reading form is `want` ("nsubj met", "root"),
 * showing what it is when not. */
static void check_dep(const KgText *t, const KgSyntaxWord *w, size_t n,
                      const char *form, const char *want, unsigned line) {
  char got[128], msg[400];
  dep(t, w, n, form, got, sizeof got);
  snprintf(msg, sizeof msg, "%s: expected \"%s\", got \"%s\"", form, want, got);
  CU_assertImplementation(strcmp(got, want) == 0 ? CU_TRUE : CU_FALSE, line,
                          msg, __FILE__, "", CU_FALSE);
}

#define ASSERT_DEP(form, want) check_dep(&x->t, w, n, (form), (want), __LINE__)

/* Non-zero when the word reading form has these tags and lemma. */
static int tagged(const KgText *t, const KgSyntaxWord *w, size_t n,
                  const char *form, const char *upos, const char *xpos,
                  const char *lemma) {
  size_t i = word(t, w, n, form);
  return i < n && strcmp(w[i].upos, upos) == 0 &&
         strcmp(w[i].xpos, xpos) == 0 && w[i].lemma_len == strlen(lemma) &&
         memcmp(w[i].lemma, lemma, w[i].lemma_len) == 0;
}

/* Non-zero when the heads of w[0, n) form a tree: each in 0..n, exactly
 * one 0, labelled "root", and no cycle. */
static int is_tree(const KgSyntaxWord *w, size_t n) {
  size_t roots = 0;
  for (size_t i = 0; i < n; i++) {
    if (w[i].head > n || (w[i].head == 0) != (strcmp(w[i].deprel, "root") == 0))
      return 0;
    roots += w[i].head == 0;
  }
  for (size_t i = 0; i < n; i++) { /* climbing n steps must reach 0 */
    size_t h = i + 1, steps = 0;
    while (h != 0 && steps++ <= n)
      h = w[h - 1].head;
    if (h != 0)
      return 0;
  }
  return roots == 1;
}

/* Checks every word of a parse: span and token as kg_ud_words gives them
 * (see check_words), tags, lemma and deprel set, a tree. */
static void check_parse(const KgText *t, size_t si, const KgSyntaxWord *w,
                        size_t n) {
  KgUdWord *u = NULL;
  size_t m = 0, cap = 0;
  CU_ASSERT_EQUAL_FATAL(kg_ud_words(t, si, &u, &m, &cap, NULL), KG_OK);
  CU_ASSERT_EQUAL(m, n);
  for (size_t i = 0; i < n && i < m; i++) {
    CU_ASSERT(w[i].start == u[i].start && w[i].end == u[i].end &&
              w[i].token == u[i].token);
    CU_ASSERT(w[i].upos && w[i].xpos && w[i].deprel && w[i].lemma &&
              w[i].lemma_len > 0);
  }
  check_words(t, si, u, m);
  CU_ASSERT(is_tree(w, n));
  free(u);
}

static void test_putin_met_erdogan(void) {
  if (skipped())
    return;
  Text *x = split("Putin met Erdogan in Ankara on Tuesday.");
  CU_ASSERT_PTR_NOT_NULL_FATAL(x);
  KgSyntax *s = kg_syntax_new();
  CU_ASSERT_PTR_NOT_NULL_FATAL(s);
  const KgSyntaxWord *w;
  size_t n;
  CU_ASSERT_EQUAL_FATAL(kg_syntax_parse(s, grammar, &x->t, 0, &w, &n, NULL),
                        KG_OK);
  CU_ASSERT_EQUAL_FATAL(n, 8);
  check_parse(&x->t, 0, w, n);
  ASSERT_DEP("met", "root");
  CU_ASSERT(tagged(&x->t, w, n, "met", "VERB", "VBD", "meet"));
  CU_ASSERT(tagged(&x->t, w, n, "Putin", "PROPN", "NNP", "Putin"));
  ASSERT_DEP("Putin", "nsubj met");
  ASSERT_DEP("Erdogan", "obj met");
  ASSERT_DEP("in", "case Ankara");
  ASSERT_DEP("Ankara", "obl met");
  ASSERT_DEP("on", "case Tuesday");
  ASSERT_DEP("Tuesday", "obl met");
  ASSERT_DEP(".", "punct met");
  /* a word a token here */
  for (size_t i = 0; i < n; i++)
    CU_ASSERT_EQUAL(w[i].token, i);
  kg_syntax_free(s);
  text_free(x);
}

static void test_negation(void) {
  if (skipped())
    return;
  Text *x = split("They don't want sanctions.");
  CU_ASSERT_PTR_NOT_NULL_FATAL(x);
  KgSyntax *s = kg_syntax_new();
  CU_ASSERT_PTR_NOT_NULL_FATAL(s);
  const KgSyntaxWord *w;
  size_t n;
  CU_ASSERT_EQUAL_FATAL(kg_syntax_parse(s, grammar, &x->t, 0, &w, &n, NULL),
                        KG_OK);
  CU_ASSERT_EQUAL_FATAL(n, 6);
  check_parse(&x->t, 0, w, n);
  CU_ASSERT(reads(&x->t, w[1].start, w[1].end, "do"));
  CU_ASSERT(reads(&x->t, w[2].start, w[2].end, "n't"));
  CU_ASSERT_EQUAL(w[1].token, token_of(&x->t, "do"));
  CU_ASSERT_EQUAL(w[2].token, token_of(&x->t, "n't"));
  ASSERT_DEP("want", "root");
  ASSERT_DEP("They", "nsubj want");
  ASSERT_DEP("do", "aux want");
  ASSERT_DEP("n't", "advmod want");
  ASSERT_DEP("sanctions", "obj want");
  CU_ASSERT(tagged(&x->t, w, n, "do", "AUX", "VBP", "do"));
  CU_ASSERT(tagged(&x->t, w, n, "n't", "PART", "RB", "not"));
  CU_ASSERT(tagged(&x->t, w, n, "sanctions", "NOUN", "NNS", "sanction"));
  kg_syntax_free(s);
  text_free(x);
}

static void test_words_of_several_tokens(void) {
  if (skipped())
    return;
  Text *x = split("The e-mail Russia's president sent wasn't answered. "
                  "They're meeting at 7:30pm in Geneva.");
  CU_ASSERT_PTR_NOT_NULL_FATAL(x);
  CU_ASSERT_EQUAL_FATAL(x->t.sentence_count, 2);
  KgSyntax *s = kg_syntax_new();
  CU_ASSERT_PTR_NOT_NULL_FATAL(s);
  const KgSyntaxWord *w;
  size_t n;
  CU_ASSERT_EQUAL_FATAL(kg_syntax_parse(s, grammar, &x->t, 0, &w, &n, NULL),
                        KG_OK);
  CU_ASSERT_EQUAL_FATAL(n, 10);
  check_parse(&x->t, 0, w, n);
  /* "e-mail" is three tokens and one word, of the first token */
  size_t mail = word(&x->t, w, n, "e-mail");
  CU_ASSERT_FATAL(mail < n);
  CU_ASSERT_EQUAL(w[mail].token, token_of(&x->t, "e"));
  CU_ASSERT(reads(&x->t, x->t.tokens[w[mail].token + 2].start,
                  x->t.tokens[w[mail].token + 2].end, "mail"));
  CU_ASSERT(tagged(&x->t, w, n, "e-mail", "NOUN", "NN", "e-mail"));
  ASSERT_DEP("answered", "root");
  ASSERT_DEP("e-mail", "nsubj:pass answered");
  ASSERT_DEP("sent", "acl:relcl e-mail");
  ASSERT_DEP("president", "nsubj sent");
  ASSERT_DEP("Russia", "nmod:poss president");
  ASSERT_DEP("'s", "case Russia");
  ASSERT_DEP("was", "aux:pass answered");
  ASSERT_DEP("n't", "advmod answered");
  CU_ASSERT(tagged(&x->t, w, n, "sent", "VERB", "VBD", "send"));
  CU_ASSERT(tagged(&x->t, w, n, "was", "AUX", "VBD", "be"));

  /* the second sentence with the same KgSyntax */
  CU_ASSERT_EQUAL_FATAL(kg_syntax_parse(s, grammar, &x->t, 1, &w, &n, NULL),
                        KG_OK);
  CU_ASSERT_EQUAL_FATAL(n, 9);
  check_parse(&x->t, 1, w, n);
  /* "They're" is one token and two words; "7:30pm" three tokens and two
   * words, "pm" of the token "30pm" */
  CU_ASSERT(reads(&x->t, w[0].start, w[0].end, "They"));
  CU_ASSERT(reads(&x->t, w[1].start, w[1].end, "'re"));
  CU_ASSERT_EQUAL(w[0].token, token_of(&x->t, "They're"));
  CU_ASSERT_EQUAL(w[1].token, w[0].token);
  CU_ASSERT(reads(&x->t, w[4].start, w[4].end, "7:30"));
  CU_ASSERT(reads(&x->t, w[5].start, w[5].end, "pm"));
  CU_ASSERT_EQUAL(w[4].token, token_of(&x->t, "7"));
  CU_ASSERT_EQUAL(w[5].token, token_of(&x->t, "30pm"));
  ASSERT_DEP("meeting", "root");
  ASSERT_DEP("They", "nsubj meeting");
  ASSERT_DEP("'re", "aux meeting");
  ASSERT_DEP("Geneva", "obl meeting");
  CU_ASSERT(tagged(&x->t, w, n, "'re", "AUX", "VBP", "be"));
  kg_syntax_free(s);
  text_free(x);
}

/* The analysis of w[0, n) as one string: "form/UPOS/XPOS/lemma/head/deprel"
 * a word, ' '-joined. */
static char *render(const KgText *t, const KgSyntaxWord *w, size_t n) {
  char *buf = NULL;
  size_t len = 0;
  FILE *out = open_memstream(&buf, &len);
  if (!out)
    return NULL;
  for (size_t i = 0; i < n; i++)
    fprintf(out, "%s%.*s/%s/%s/%.*s/%zu/%s", i ? " " : "",
            (int)(w[i].end - w[i].start), t->text + w[i].start, w[i].upos,
            w[i].xpos, (int)w[i].lemma_len, w[i].lemma, w[i].head, w[i].deprel);
  fclose(out);
  return buf;
}

static void test_article_reuses_syntax(void) {
  if (skipped())
    return;
  Text *x = split(
      "Britain imposes sanctions on Belarus\n"
      "LONDON \xe2\x80\x94 Britain imposed sanctions on Belarus on Monday, "
      "after the country's leader, Alexander Lukashenko, refused to release "
      "the opposition politicians his security forces had arrested in "
      "August. \"We won't stand by,\" the foreign secretary said.\n"
      "Lukashenko's spokeswoman didn't comment.");
  CU_ASSERT_PTR_NOT_NULL_FATAL(x);
  CU_ASSERT_FATAL(x->t.sentence_count >= 4);
  KgSyntax *s = kg_syntax_new();
  CU_ASSERT_PTR_NOT_NULL_FATAL(s);
  const KgSyntaxWord *w;
  size_t n;
  char *first = NULL;
  for (size_t si = 0; si < x->t.sentence_count; si++) {
    CU_ASSERT_EQUAL_FATAL(kg_syntax_parse(s, grammar, &x->t, si, &w, &n, NULL),
                          KG_OK);
    CU_ASSERT(n > 0);
    check_parse(&x->t, si, w, n);
    if (si == 1)
      first = render(&x->t, w, n);
  }
  /* sentence 1 again, after the others (one longer, one shorter) */
  CU_ASSERT_EQUAL_FATAL(kg_syntax_parse(s, grammar, &x->t, 1, &w, &n, NULL),
                        KG_OK);
  char *again = render(&x->t, w, n);
  CU_ASSERT_PTR_NOT_NULL_FATAL(first);
  CU_ASSERT_PTR_NOT_NULL_FATAL(again);
  CU_ASSERT_STRING_EQUAL(again, first);
  free(again);
  free(first);

  /* no such sentence */
  KgError err;
  memset(&err, 0, sizeof err);
  CU_ASSERT_EQUAL(
      kg_syntax_parse(s, grammar, &x->t, x->t.sentence_count, &w, &n, &err),
      KG_ERR_INPUT);
  CU_ASSERT_PTR_NULL(w);
  CU_ASSERT_EQUAL(n, 0);
  CU_ASSERT_PTR_NOT_NULL(strstr(err.message, "no sentence"));
  kg_syntax_free(s);
  kg_syntax_free(NULL);
  text_free(x);
}

int main(void) {
  static const KgTest tests[] = {
      {"kg_ud_words gives kg_ud_sentence's words", test_ud_words_match_conllu},
      {"Putin met Erdogan in Ankara on Tuesday", test_putin_met_erdogan},
      {"They don't want sanctions", test_negation},
      {"words of several tokens, tokens of several words",
       test_words_of_several_tokens},
      {"an article parsed with one KgSyntax", test_article_reuses_syntax}};
  static const KgSuite suites[] = {
      {"syntax", suite_init, suite_clean, KG_TESTS(tests)}};
  return kg_test_main(suites, sizeof suites / sizeof *suites);
}
