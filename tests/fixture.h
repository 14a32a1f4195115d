/* fixture.h - shared helpers of the text-pipeline test suites.
 *
 * Loads the knowledge (lexicon, first names, gazetteer, rules, and the
 * models when a rule reads dependency trees) once from the data directory
 * named by the environment variable NEWSKG_DATA (default "data", relative
 * to the working directory), in the order kg_extractor_new uses, and runs the stages kg_text_split -> kg_find_mentions ->
 * kg_resolve_coreference -> kg_find_relations on a test's text, up to the
 * stage the test names.
 *
 * The text is copied into a buffer of exactly its length, with no NUL after
 * it, so that valgrind and AddressSanitizer catch a stage that reads past
 * the end of the article.
 *
 * The assertion macros compare whole results as strings ("the tokens are
 * exactly The|U.S.|did|n't"): on a mismatch the CUnit failure record shows
 * the input, what was expected and what came out, so a failing run says
 * what the extractor did without a debugger.
 *
 * Typical use:
 *
 *     Doc *d = RUN("Britain imposed sanctions on Belarus.", STAGE_RELATIONS);
 *     ASSERT_FACTS(d, "United Kingdom sanctions Belarus");
 *     doc_free(d);
 *
 * Every helper is static inline so that a suite may use any subset of them
 * without unused-function warnings.
 */
#ifndef NEWSKG_TESTS_FIXTURE_H
#define NEWSKG_TESTS_FIXTURE_H

#include <CUnit/Basic.h>

#include "runner.h"
#include <CUnit/CUnit.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "article.h"
#include "coref.h"
#include "gazetteer.h"
#include "grammar.h"
#include "kgtypes.h"
#include "lexicon.h"
#include "mentions.h"
#include "relations.h"
#include "rules.h"
#include "sentences.h"
#include "utf8.h"

/* ---- the knowledge, loaded once per program ---------------------------- */

typedef struct {
  KgLexicon *lexicon;
  KgGazetteer *gazetteer;
  KgRuleSet *rules;
  KgGrammar *grammar; ///< the models/ of the data directory, when a rule
                      ///< reads dependency trees
  KgKnowledge kb;
  int users; ///< suites that have opened it and not closed it yet
} FixtureKnowledge;

static FixtureKnowledge fixture_kb;

/* The data directory: $NEWSKG_DATA, else "data". */
static inline const char *fixture_data_dir(void) {
  const char *dir = getenv("NEWSKG_DATA");
  return dir && *dir ? dir : "data";
}

/* A status in words (kg_status_string lives in extract.c, which the text
 * pipeline's tests do not link). */
static inline const char *fixture_status(KgStatus status) {
  switch (status) {
  case KG_OK:
    return "ok";
  case KG_ERR_NOMEM:
    return "out of memory";
  case KG_ERR_IO:
    return "cannot read";
  case KG_ERR_PARSE:
    return "malformed";
  case KG_ERR_INPUT:
    return "unusable input";
  case KG_ERR_RDF:
    return "RDF error";
  }
  return "unknown status";
}

static inline void fixture_release(void) {
  kg_lexicon_free(fixture_kb.lexicon);
  kg_gazetteer_free(fixture_kb.gazetteer);
  kg_rules_free(fixture_kb.rules);
  kg_grammar_free(fixture_kb.grammar);
  memset(&fixture_kb, 0, sizeof fixture_kb);
}

/* Loads one file of the data directory with load(); prints why and returns
 * -1 when it fails. */
static inline int fixture_load_file(const char *file, int kind) {
  char path[4096];
  KgError err;
  memset(&err, 0, sizeof err);
  int n = snprintf(path, sizeof path, "%s/%s", fixture_data_dir(), file);
  if (n < 0 || (size_t)n >= sizeof path) {
    fprintf(stderr, "fixture: data directory path too long\n");
    return -1;
  }
  KgStatus status = kind == 0 ? kg_lexicon_load(fixture_kb.lexicon, path, &err)
                    : kind == 1
                        ? kg_gazetteer_load(fixture_kb.gazetteer, path, &err)
                        : kg_rules_load_dir(fixture_kb.rules, path, &err);
  if (status != KG_OK) {
    fprintf(stderr,
            "fixture: cannot load %s (%s): %s:%ld: %s\n"
            "fixture: set NEWSKG_DATA to newskg's data directory "
            "(now \"%s\")\n",
            path, fixture_status(status), err.file[0] ? err.file : path,
            err.line, err.message, fixture_data_dir());
    return -1;
  }
  return 0;
}

/* CUnit suite initialiser: loads the knowledge on first use.  Returns 0, or
 * -1 (after printing the reason) so that CUnit reports the suite's
 * initialisation as failed. */
static inline int fixture_open(void) {
  static const char *const lexicon_files[] = {"lexicon.tsv", "first-names.tsv"};
  static const char *const gazetteer_files[] = {
      "countries.tsv", "cities.tsv", "regions.tsv", "organizations.tsv",
      "people.tsv"};
  if (fixture_kb.users > 0) {
    fixture_kb.users++;
    return 0;
  }
  fixture_kb.lexicon = kg_lexicon_new();
  fixture_kb.gazetteer = kg_gazetteer_new();
  fixture_kb.rules = kg_rules_new();
  if (!fixture_kb.lexicon || !fixture_kb.gazetteer || !fixture_kb.rules) {
    fprintf(stderr, "fixture: out of memory\n");
    fixture_release();
    return -1;
  }
  for (size_t i = 0; i < sizeof lexicon_files / sizeof *lexicon_files; i++)
    if (fixture_load_file(lexicon_files[i], 0) != 0)
      return fixture_release(), -1;
  for (size_t i = 0; i < sizeof gazetteer_files / sizeof *gazetteer_files; i++)
    if (fixture_load_file(gazetteer_files[i], 1) != 0)
      return fixture_release(), -1;
  if (fixture_load_file("rules", 2) != 0)
    return fixture_release(), -1;
  if (kg_dep_rules_count(kg_rules_dep(fixture_kb.rules)) > 0) {
    char models[4096];
    KgError err;
    memset(&err, 0, sizeof err);
    snprintf(models, sizeof models, "%s/models", fixture_data_dir());
    if (kg_grammar_load(models, &fixture_kb.grammar, &err) != KG_OK) {
      fprintf(stderr, "fixture: cannot load the models: %s: %s\n", err.file,
              err.message);
      return fixture_release(), -1;
    }
  }
  fixture_kb.kb = (KgKnowledge){fixture_kb.lexicon, fixture_kb.gazetteer,
                                fixture_kb.rules, fixture_kb.grammar};
  fixture_kb.users = 1;
  return 0;
}

/* CUnit suite cleaner: frees the knowledge when the last suite is done. */
static inline int fixture_close(void) {
  if (fixture_kb.users > 0 && --fixture_kb.users == 0)
    fixture_release();
  return 0;
}

/* ---- one analysed text --------------------------------------------------- */

typedef enum {
  STAGE_SPLIT = 1, ///< kg_text_split only
  STAGE_MENTIONS,  ///< ... and kg_find_mentions
  STAGE_COREF,     ///< ... and kg_resolve_coreference
  STAGE_RELATIONS  ///< ... and kg_find_relations
} FixtureStage;

typedef struct {
  char *buf;       ///< the text, exactly len bytes, not NUL-terminated
  const char *src; ///< the test's string, for failure messages
  size_t len;
  KgArticle a;      ///< the article the stages annotated
  KgFactList facts; ///< relations (STAGE_RELATIONS)
} Doc;

static inline void doc_free(Doc *d) {
  if (!d)
    return;
  kg_facts_release(&d->facts);
  kg_article_release(&d->a);
  free(d->buf);
  free(d);
}

/* Runs the stages up to `stage` on text.  Returns NULL (after a CUnit
 * failure saying which stage failed) when the knowledge is missing, the
 * text is not UTF-8 or a stage does not return KG_OK. */
static inline Doc *doc_run(const char *text, FixtureStage stage, int line) {
  if (fixture_kb.users == 0) {
    CU_assertImplementation(CU_FALSE, (unsigned)line,
                            "fixture: knowledge not loaded", __FILE__, "",
                            CU_FALSE);
    return NULL;
  }
  Doc *d = calloc(1, sizeof *d);
  if (!d)
    return NULL;
  d->src = text;
  d->len = strlen(text);
  d->buf = calloc(d->len ? d->len : 1, 1);
  if (!d->buf) {
    free(d);
    return NULL;
  }
  memcpy(d->buf, text, d->len);
  d->a.kb = &fixture_kb.kb;
  const char *failed = NULL;
  if (kg_utf8_check(d->buf, d->len) != d->len)
    failed = "input is not valid UTF-8";
  else if (kg_text_split(d->buf, d->len, fixture_kb.lexicon, &d->a.text) !=
           KG_OK)
    failed = "kg_text_split failed";
  else if (stage >= STAGE_MENTIONS && kg_find_mentions(&d->a) != KG_OK)
    failed = "kg_find_mentions failed";
  else if (stage >= STAGE_COREF && kg_resolve_coreference(&d->a) != KG_OK)
    failed = "kg_resolve_coreference failed";
  else if (stage >= STAGE_RELATIONS && kg_article_fix_mentions(&d->a) != 0)
    failed = "kg_article_fix_mentions failed";
  else if (stage >= STAGE_RELATIONS &&
           kg_find_relations(&d->a, &d->facts) != KG_OK)
    failed = "kg_find_relations failed";
  if (failed) {
    CU_assertImplementation(CU_FALSE, (unsigned)line, failed, __FILE__, "",
                            CU_FALSE);
    doc_free(d);
    return NULL;
  }
  return d;
}

/** Runs the pipeline; a test that gets NULL stops at once. */
#define RUN(text, stage) doc_run((text), (stage), __LINE__)

/* ---- rendering results as strings ---------------------------------------- */

/* A growing string; on out-of-memory it keeps what it has. */
typedef struct {
  char *s;
  size_t len, cap;
} FixtureStr;

static inline void fstr_add(FixtureStr *b, const char *s, size_t n) {
  if (b->len + n + 1 > b->cap) {
    size_t cap = b->cap ? b->cap : 256;
    while (cap < b->len + n + 1)
      cap *= 2;
    char *p = realloc(b->s, cap);
    if (!p)
      return;
    b->s = p;
    b->cap = cap;
  }
  memcpy(b->s + b->len, s, n);
  b->len += n;
  b->s[b->len] = '\0';
}

static inline void fstr_puts(FixtureStr *b, const char *s) {
  fstr_add(b, s, strlen(s));
}

/* The finished string (never NULL); the caller frees it. */
static inline char *fstr_done(FixtureStr *b) {
  if (!b->s)
    fstr_add(b, "", 0);
  return b->s ? b->s : calloc(1, 1);
}

/* Text of token i. */
static inline void fstr_token(FixtureStr *b, const Doc *d, size_t i) {
  const KgToken *t = &d->a.text.tokens[i];
  fstr_add(b, d->a.text.text + t->start, t->end - t->start);
}

/* Text of the token span [first, end) as written (with its spaces). */
static inline void fstr_span(FixtureStr *b, const Doc *d, size_t first,
                             size_t end) {
  if (first >= end)
    return;
  size_t start = d->a.text.tokens[first].start;
  fstr_add(b, d->a.text.text + start, d->a.text.tokens[end - 1].end - start);
}

/* Tokens [first, end) joined by '|'. */
static inline char *doc_tokens(const Doc *d, size_t first, size_t end) {
  FixtureStr b = {0};
  for (size_t i = first; i < end && i < d->a.text.token_count; i++) {
    if (i > first)
      fstr_puts(&b, "|");
    fstr_token(&b, d, i);
  }
  return fstr_done(&b);
}

/* All tokens joined by '|'. */
static inline char *doc_all_tokens(const Doc *d) {
  return doc_tokens(d, 0, d->a.text.token_count);
}

/* The text of every sentence, one a line (no final newline). */
static inline char *doc_sentences(const Doc *d) {
  FixtureStr b = {0};
  for (size_t i = 0; i < d->a.text.sentence_count; i++) {
    const KgSentence *s = &d->a.text.sentences[i];
    if (i > 0)
      fstr_puts(&b, "\n");
    fstr_add(&b, d->a.text.text + s->start, s->end - s->start);
  }
  return fstr_done(&b);
}

/* Tokens whose flags include all of `flags`, joined by '|'. */
static inline char *doc_tokens_flagged(const Doc *d, unsigned flags) {
  FixtureStr b = {0};
  int any = 0;
  for (size_t i = 0; i < d->a.text.token_count; i++) {
    if ((d->a.text.tokens[i].flags & flags) != flags)
      continue;
    if (any++)
      fstr_puts(&b, "|");
    fstr_token(&b, d, i);
  }
  return fstr_done(&b);
}

/* Index of the first token whose text is exactly word, or -1. */
static inline long doc_token_index(const Doc *d, const char *word) {
  size_t n = strlen(word);
  for (size_t i = 0; i < d->a.text.token_count; i++) {
    const KgToken *t = &d->a.text.tokens[i];
    if (t->end - t->start == n &&
        memcmp(d->a.text.text + t->start, word, n) == 0)
      return (long)i;
  }
  return -1;
}

/* Non-zero when the mention's token span reads exactly `surface`. */
static inline int mention_reads(const Doc *d, size_t mi, const char *surface) {
  const KgMention *m = &d->a.mentions[mi];
  size_t start = d->a.text.tokens[m->first].start;
  size_t n = d->a.text.tokens[m->end - 1].end - start;
  return n == strlen(surface) &&
         memcmp(d->a.text.text + start, surface, n) == 0;
}

/* The first mention (absorbed ones too when `absorbed`) whose span reads
 * exactly surface, or -1. */
static inline long doc_find_mention(const Doc *d, const char *surface,
                                    int absorbed) {
  for (size_t mi = 0; mi < d->a.mention_count; mi++)
    if ((absorbed || !(d->a.mentions[mi].flags & KG_M_ABSORBED)) &&
        mention_reads(d, mi, surface))
      return (long)mi;
  return -1;
}

/* The non-absorbed mention reading surface, or -1. */
static inline long doc_mention(const Doc *d, const char *surface) {
  return doc_find_mention(d, surface, 0);
}

/* Canonical name of the entity of mention mi, or NULL when unresolved. */
static inline const char *mention_entity(const Doc *d, long mi) {
  if (mi < 0 || (size_t)mi >= d->a.mention_count)
    return NULL;
  long e = d->a.mentions[mi].entity;
  return e >= 0 ? d->a.entities[e].name : NULL;
}

/* Canonical name of the entity of the mention reading surface, or NULL. */
static inline const char *entity_of(const Doc *d, const char *surface) {
  return mention_entity(d, doc_mention(d, surface));
}

/* Every mention that is not absorbed, in text order, as
 * "surface=Class:Canonical Name" ("?" when unresolved), joined by "; ". */
static inline char *doc_mentions(const Doc *d) {
  FixtureStr b = {0};
  int any = 0;
  for (size_t mi = 0; mi < d->a.mention_count; mi++) {
    const KgMention *m = &d->a.mentions[mi];
    if (m->flags & KG_M_ABSORBED)
      continue;
    if (any++)
      fstr_puts(&b, "; ");
    fstr_span(&b, d, m->first, m->end);
    fstr_puts(&b, "=");
    fstr_puts(&b, kg_class_name(m->cls));
    fstr_puts(&b, ":");
    fstr_puts(&b, m->entity >= 0 ? d->a.entities[m->entity].name : "?");
  }
  return fstr_done(&b);
}

static inline int fixture_cmp_str(const void *x, const void *y) {
  return strcmp(*(char *const *)x, *(char *const *)y);
}

/* Sorts the "; "-separated items of s and drops repeated ones. */
static inline char *fixture_sorted(const char *s) {
  size_t n = 1;
  for (const char *p = s; (p = strstr(p, "; ")) != NULL; p += 2)
    n++;
  char *copy = strdup(s);
  char **items = calloc(n, sizeof *items);
  FixtureStr b = {0};
  if (!copy || !items) {
    free(copy);
    free(items);
    return fstr_done(&b);
  }
  size_t k = 0;
  for (char *p = copy; p && *p; k++) {
    char *sep = strstr(p, "; ");
    if (sep)
      *sep = '\0';
    items[k] = p;
    p = sep ? sep + 2 : NULL;
  }
  qsort(items, k, sizeof *items, fixture_cmp_str);
  for (size_t i = 0; i < k; i++) {
    if (i > 0 && strcmp(items[i], items[i - 1]) == 0)
      continue;
    if (b.len)
      fstr_puts(&b, "; ");
    fstr_puts(&b, items[i]);
  }
  free(items);
  free(copy);
  return fstr_done(&b);
}

/* The relations found, as "Subject relation Object" with canonical names,
 * sorted, without repeats, joined by "; ". */
static inline char *doc_facts(const Doc *d) {
  FixtureStr b = {0};
  for (size_t i = 0; i < d->facts.count; i++) {
    const KgFact *f = &d->facts.facts[i];
    if (i > 0)
      fstr_puts(&b, "; ");
    fstr_puts(&b, d->a.entities[f->subject].name);
    fstr_puts(&b, " ");
    fstr_puts(&b, kg_relation_name(f->relation));
    fstr_puts(&b, " ");
    fstr_puts(&b, d->a.entities[f->object].name);
  }
  char *raw = fstr_done(&b);
  char *sorted = fixture_sorted(raw);
  free(raw);
  return sorted;
}

/* Non-zero when the facts hold subject relation object (canonical names;
 * a symmetric relation also matches the other way round). */
static inline int has_fact(const Doc *d, const char *subject,
                           const char *relation, const char *object) {
  for (size_t i = 0; i < d->facts.count; i++) {
    const KgFact *f = &d->facts.facts[i];
    const char *s = d->a.entities[f->subject].name;
    const char *o = d->a.entities[f->object].name;
    if (strcmp(kg_relation_name(f->relation), relation) != 0)
      continue;
    if ((strcmp(s, subject) == 0 && strcmp(o, object) == 0) ||
        (kg_relation_is_symmetric(f->relation) && strcmp(s, object) == 0 &&
         strcmp(o, subject) == 0))
      return 1;
  }
  return 0;
}

/* ---- assertions with informative failure records -------------------------- */

/* Records a CUnit assertion; on failure its message shows the input, the
 * expected and the actual value. */
static inline void fixture_check(int ok, const char *what, const Doc *d,
                                 const char *expected, const char *actual,
                                 unsigned line, const char *file) {
  if (ok) {
    CU_assertImplementation(CU_TRUE, line, what, file, "", CU_FALSE);
    return;
  }
  FixtureStr b = {0};
  fstr_puts(&b, what);
  if (d) {
    fstr_puts(&b, "\n      input:    ");
    fstr_puts(&b, d->src);
  }
  fstr_puts(&b, "\n      expected: ");
  fstr_puts(&b, expected ? expected : "(null)");
  fstr_puts(&b, "\n      got:      ");
  fstr_puts(&b, actual ? actual : "(null)");
  char *msg = fstr_done(&b);
  CU_assertImplementation(CU_FALSE, line, msg, file, "", CU_FALSE);
  free(msg);
}

/* Compares a malloc'd actual string with the expected one, then frees it. */
static inline void fixture_check_str(const char *what, const Doc *d,
                                     char *actual, const char *expected,
                                     unsigned line, const char *file) {
  int ok =
      actual && expected ? strcmp(actual, expected) == 0 : actual == expected;
  fixture_check(ok, what, d, expected, actual, line, file);
  free(actual);
}

/** The tokens of the whole text are exactly `expected` ('|'-joined). */
#define ASSERT_TOKENS(d, expected)                                             \
  fixture_check_str("tokens", (d), doc_all_tokens(d), (expected), __LINE__,    \
                    __FILE__)

/** The sentences are exactly `expected` (one a line). */
#define ASSERT_SENTENCES(d, expected)                                          \
  fixture_check_str("sentences", (d), doc_sentences(d), (expected), __LINE__,  \
                    __FILE__)

/** The tokens carrying all of `flags` are exactly `expected`. */
#define ASSERT_FLAGGED(d, flags, expected)                                     \
  fixture_check_str("tokens flagged " #flags, (d),                             \
                    doc_tokens_flagged((d), (flags)), (expected), __LINE__,    \
                    __FILE__)

/** The unabsorbed mentions are exactly `expected` (see doc_mentions). */
#define ASSERT_MENTIONS(d, expected)                                           \
  fixture_check_str("mentions", (d), doc_mentions(d), (expected), __LINE__,    \
                    __FILE__)

/** The mention reading `surface` names the entity `name` (NULL: it exists
 *  and is unresolved). */
#define ASSERT_ENTITY(d, surface, name)                                        \
  do {                                                                         \
    long mi_ = doc_mention((d), (surface));                                    \
    const char *got_ =                                                         \
        mi_ < 0 ? "(no such mention)" : mention_entity((d), mi_);              \
    const char *want_ = (name);                                                \
    int ok_ =                                                                  \
        mi_ >= 0 && (want_ ? got_ && strcmp(got_, want_) == 0 : got_ == NULL); \
    fixture_check(ok_, "entity of \"" surface "\"", (d),                       \
                  want_ ? want_ : "(unresolved)",                              \
                  got_ ? got_ : "(unresolved)", __LINE__, __FILE__);           \
  } while (0)

/** Runs the stages up to mentions on text and checks, as ASSERT_MENTIONS,
 *  its unabsorbed mentions. */
#define ASSERT_MENTIONS_OF(text, expected)                                     \
  do {                                                                         \
    Doc *found_ = RUN((text), STAGE_MENTIONS);                                 \
    CU_ASSERT_PTR_NOT_NULL_FATAL(found_);                                      \
    ASSERT_MENTIONS(found_, (expected));                                       \
    doc_free(found_);                                                          \
  } while (0)

/** Runs the stages up to coreference on text and checks, as ASSERT_ENTITY,
 *  what the mention reading `surface` names. */
#define ASSERT_RESOLVES(text, surface, name)                                   \
  do {                                                                         \
    Doc *resolved_ = RUN((text), STAGE_COREF);                                 \
    CU_ASSERT_PTR_NOT_NULL_FATAL(resolved_);                                   \
    ASSERT_ENTITY(resolved_, surface, name);                                   \
    doc_free(resolved_);                                                       \
  } while (0)

/** The relations are exactly `expected`: "S rel O" items joined by "; ",
 *  in any order ("" for none). */
#define ASSERT_FACTS(d, expected)                                              \
  do {                                                                         \
    char *want_ = fixture_sorted(expected);                                    \
    fixture_check_str("facts", (d), doc_facts(d), want_, __LINE__, __FILE__);  \
    free(want_);                                                               \
  } while (0)

/** The relations include subject relation object. */
#define ASSERT_FACT(d, s, r, o)                                                \
  do {                                                                         \
    char *got_ = doc_facts(d);                                                 \
    fixture_check(has_fact((d), (s), (r), (o)), "has_fact", (d),               \
                  s " " r " " o, got_, __LINE__, __FILE__);                    \
    free(got_);                                                                \
  } while (0)

/** The relations do not include subject relation object. */
#define ASSERT_NO_FACT(d, s, r, o)                                             \
  do {                                                                         \
    char *got_ = doc_facts(d);                                                 \
    fixture_check(!has_fact((d), (s), (r), (o)), "!has_fact", (d),             \
                  "no " s " " r " " o, got_, __LINE__, __FILE__);              \
    free(got_);                                                                \
  } while (0)

#endif /* NEWSKG_TESTS_FIXTURE_H */
