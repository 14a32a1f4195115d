/* syntax.c - the grammar of one sentence of an article; see syntax.h.
 *
 * Two steps, over arrays that grow to the longest sentence seen and are
 * then reused: kg_ud_words cuts the sentence into spans of the article,
 * and kg_grammar_analyse analyses them, each KgParsedWord's form pointing
 * at its span (nothing is copied).  A KgSyntaxWord puts a word's span and
 * its analysis side by side.
 */
#include "syntax.h"

#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "udwords.h"

struct KgSyntaxImpl {
  KgUdWord *ud;         ///< the sentence's UD words (kg_ud_words)
  size_t ud_cap;        ///< words ud holds
  KgParsedWord *parsed; ///< their analysis
  KgSyntaxWord *words;  ///< what kg_syntax_parse gives
  size_t cap;           ///< words parsed and words hold
  KgAnalysis *analysis; ///< kg_grammar_analyse's scratch
};

KgSyntax *kg_syntax_new(void) {
  KgSyntax *s = calloc(1, sizeof *s);
  if (s && !(s->analysis = kg_analysis_new())) {
    free(s);
    return NULL;
  }
  return s;
}

void kg_syntax_free(KgSyntax *s) {
  if (!s)
    return;
  kg_analysis_free(s->analysis);
  free(s->ud);
  free(s->parsed);
  free(s->words);
  free(s);
}

/* Makes room for n words in parsed and words; 0, or -1 when out of
 * memory. */
static int reserve(KgSyntax *s, size_t n) {
  if (n <= s->cap)
    return 0;
  KgParsedWord *parsed = realloc(s->parsed, n * sizeof *parsed);
  if (!parsed)
    return -1;
  s->parsed = parsed;
  KgSyntaxWord *words = realloc(s->words, n * sizeof *words);
  if (!words)
    return -1;
  s->words = words;
  s->cap = n;
  return 0;
}

/* Merges runs of words whose tokens share a group (group_of_token[token]
 * >= 0) into the run's first word, spanning them all and parsed as the
 * run's last word; a possessive "'s" stays a word of its own.  Returns the
 * words left. */
static size_t merge_groups(KgSyntax *s, const KgText *t, size_t count,
                           const long *group_of_token) {
  size_t kept = 0;
  for (size_t i = 0; i < count; i++) {
    const KgUdWord *u = &s->ud[i];
    long group = group_of_token[u->token];
    int possessive = u->end - u->start == 2 &&
                     memcmp(t->text + u->start, "'s", 2) == 0;
    if (kept > 0 && group >= 0 && !possessive &&
        group_of_token[s->ud[kept - 1].token] == group &&
        s->ud[kept - 1].token <= u->token) {
      s->ud[kept - 1].end = u->end;
      s->parsed[kept - 1] = (KgParsedWord){.form = t->text + u->start,
                                           .len = u->end - u->start};
      continue;
    }
    s->ud[kept] = *u;
    s->parsed[kept++] = (KgParsedWord){.form = t->text + u->start,
                                       .len = u->end - u->start};
  }
  return kept;
}

KgStatus kg_syntax_parse_grouped(KgSyntax *s, const KgGrammar *g,
                                 const KgText *t, size_t sentence,
                                 const long *group_of_token,
                                 const KgSyntaxWord **words, size_t *n,
                                 KgError *err) {
  *words = NULL;
  *n = 0;
  size_t count;
  KgStatus st = kg_ud_words(t, sentence, &s->ud, &count, &s->ud_cap, err);
  if (st != KG_OK)
    return st;
  if (reserve(s, count) != 0)
    return kg_error(err, KG_ERR_NOMEM, "", 0, -1, "out of memory");
  if (group_of_token)
    count = merge_groups(s, t, count, group_of_token);
  else
    for (size_t i = 0; i < count; i++)
      s->parsed[i] = (KgParsedWord){.form = t->text + s->ud[i].start,
                                    .len = s->ud[i].end - s->ud[i].start};
  st = kg_grammar_analyse(g, s->analysis, s->parsed, count, err);
  if (st != KG_OK)
    return st;
  for (size_t i = 0; i < count; i++) {
    const KgUdWord *u = &s->ud[i];
    const KgParsedWord *p = &s->parsed[i];
    assert(p->head <= count && p->head != i + 1);
    s->words[i] = (KgSyntaxWord){.start = u->start,
                                 .end = u->end,
                                 .token = u->token,
                                 .upos = p->upos,
                                 .xpos = p->xpos,
                                 .lemma = p->lemma,
                                 .lemma_len = p->lemma_len,
                                 .head = p->head,
                                 .deprel = p->deprel};
  }
  *words = s->words;
  *n = count;
  return KG_OK;
}

KgStatus kg_syntax_parse(KgSyntax *s, const KgGrammar *g, const KgText *t,
                         size_t sentence, const KgSyntaxWord **words, size_t *n,
                         KgError *err) {
  return kg_syntax_parse_grouped(s, g, t, sentence, NULL, words, n, err);
}
