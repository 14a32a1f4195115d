/* treeread.c - the dependency rules read over an article's sentences; see
 * treeread.h.
 */
#include "treeread.h"

#include <stdlib.h>
#include <string.h>

#include "grammar.h"
#include "rules.h"
#include "syntax.h"

struct KgTreeReaderImpl {
  KgSyntax *syntax; ///< made for the first sentence parsed
  KgDepScratch scratch;
  long *group_of_token; ///< per token of the article: its mention or -1
  size_t group_cap;
  KgDepWord *words; ///< the parsed sentence as the rules read it
  const KgSyntaxWord *parsed;
  size_t count, words_cap;
  const KgArticle *a; ///< the article being read
  KgDepSink sink;     ///< the caller's
  void *ctx;
};

KgTreeReader *kg_tree_reader_new(void) {
  return calloc(1, sizeof(KgTreeReader));
}

void kg_tree_reader_free(KgTreeReader *tr) {
  if (!tr)
    return;
  kg_syntax_free(tr->syntax);
  kg_dep_scratch_release(&tr->scratch);
  free(tr->group_of_token);
  free(tr->words);
  free(tr);
}

KgTokenSpan kg_tree_word_tokens(const KgTreeReader *tr, size_t i) {
  const KgText *t = &tr->a->text;
  const KgSyntaxWord *w = &tr->parsed[i];
  size_t end = w->token + 1;
  while (end < t->token_count && t->tokens[end].start < w->end)
    end++;
  return (KgTokenSpan){w->token, end};
}

/* Counts the entities sentence si names by class into named, apart from
 * mentions inside others and descriptions (which no rule reads); a city
 * or a national body counts for a country too, as it may stand for one
 * ("Moscow said", "the Kremlin said").  Returns how many mentions count. */
static size_t count_named(const KgArticle *a, size_t si,
                          size_t named[KG_CLASS_COUNT]) {
  const KgSentence *s = &a->text.sentences[si];
  size_t end = s->first_token + s->token_count, mentions = 0;
  memset(named, 0, KG_CLASS_COUNT * sizeof *named);
  for (size_t k = kg_article_first_mention(a, s->first_token);
       k < a->mention_count && a->mentions[k].first < end; k++) {
    const KgMention *m = &a->mentions[k];
    if (m->entity < 0 || (m->flags & KG_M_ABSORBED) ||
        m->kind == KG_MENTION_DESCRIPTION)
      continue;
    KgClass cls = a->entities[m->entity].cls;
    named[cls]++;
    if (cls == KG_CLASS_CITY || cls == KG_CLASS_ORGANIZATION)
      named[KG_CLASS_COUNTRY]++;
    mentions++;
  }
  return mentions;
}

/* Marks each token of sentence si with the mention of an entity it lies
 * in (the outermost), others with -1. */
static int group_tokens(KgTreeReader *tr, const KgArticle *a, size_t si) {
  if (a->text.token_count > tr->group_cap) {
    long *g = realloc(tr->group_of_token,
                      a->text.token_count * sizeof *tr->group_of_token);
    if (!g)
      return -1;
    tr->group_of_token = g;
    tr->group_cap = a->text.token_count;
  }
  const KgSentence *s = &a->text.sentences[si];
  size_t end = s->first_token + s->token_count;
  for (size_t i = s->first_token; i < end; i++)
    tr->group_of_token[i] = -1;
  for (size_t k = kg_article_first_mention(a, s->first_token);
       k < a->mention_count && a->mentions[k].first < end; k++) {
    const KgMention *m = &a->mentions[k];
    if (m->entity < 0 || (m->flags & KG_M_ABSORBED))
      continue;
    for (size_t i = m->first; i < m->end && i < end; i++)
      tr->group_of_token[i] = (long)k;
  }
  return 0;
}

/* Non-zero when word w's token starts a phrase of lexicon category cat
 * (a word of it included). */
static int word_in(const KgTreeReader *tr, size_t w, const char *cat) {
  const KgArticle *a = tr->a;
  size_t token = tr->parsed[w].token;
  return kg_lexicon_match(a->kb->lexicon, cat, &a->text, token,
                          a->text.token_count, NULL) > 0;
}

static int deprel_is(const char *d, const char *main) {
  size_t len = strlen(main);
  return strncmp(d, main, len) == 0 && (d[len] == '\0' || d[len] == ':');
}

/* Non-zero when a dependent of word w marks its event as not stated: a
 * negation, a modal or a conditional ("not", "would", "if", "a planned
 * meeting"), a contact at a distance ("by telephone", "virtually"), or,
 * on the trigger itself, an infinitive ("to meet"). */
static int qualified(const KgTreeReader *tr, size_t w, size_t trigger) {
  for (size_t c = 0; c < tr->count; c++) {
    if (tr->words[c].head != w + 1)
      continue;
    const char *d = tr->words[c].deprel;
    if ((deprel_is(d, "aux") || deprel_is(d, "advmod") ||
         deprel_is(d, "mark") || deprel_is(d, "amod")) &&
        (word_in(tr, c, "negation") || word_in(tr, c, "modal")))
      return 1;
    /* "to meet": an aim, not an event */
    if (w == trigger && deprel_is(d, "mark") &&
        tr->parsed[c].end - tr->parsed[c].start == 2 &&
        memcmp(tr->a->text.text + tr->parsed[c].start, "to", 2) == 0)
      return 1;
    if ((deprel_is(d, "obl") || deprel_is(d, "advmod")) &&
        word_in(tr, c, "remote"))
      return 1;
  }
  return 0;
}

/* Non-zero when the text states the event of trigger word t: not quoted,
 * not qualified, nor (up through complements, adverbial clauses and
 * objects) under a word of modality or qualified there ("plans to meet",
 * "denied meeting", "arranged a meeting", "would travel there to meet"). */
static int stated(const KgTreeReader *tr, size_t t) {
  if (tr->a->text.tokens[tr->parsed[t].token].flags & KG_TOK_QUOTED)
    return 0;
  size_t w = t;
  for (size_t hops = 0; hops < 8; hops++) {
    if (qualified(tr, w, t))
      return 0;
    const char *d = tr->words[w].deprel;
    if (!(deprel_is(d, "xcomp") || deprel_is(d, "ccomp") ||
          deprel_is(d, "advcl") || strcmp(d, "obj") == 0) ||
        tr->words[w].head == 0)
      return 1;
    w = tr->words[w].head - 1;
    if (word_in(tr, w, "modal"))
      return 0;
  }
  return 1;
}

static int stated_sink(void *ctx, const KgDepMatch *m) {
  KgTreeReader *tr = ctx;
  return stated(tr, m->trigger) ? tr->sink(tr->ctx, m) : 0;
}

KgStatus kg_tree_read(KgTreeReader *tr, const KgArticle *a, size_t si,
                      KgDepSink sink, void *ctx) {
  const KgDepRules *rules = kg_rules_dep(a->kb->rules);
  size_t named[KG_CLASS_COUNT];
  if (!a->kb->grammar || kg_dep_rules_count(rules) == 0 ||
      count_named(a, si, named) < 2)
    return KG_OK;
  int wanted = kg_dep_rules_wanted(rules, &a->text, si, named, &tr->scratch);
  if (wanted <= 0)
    return wanted < 0 ? KG_ERR_NOMEM : KG_OK;
  if (group_tokens(tr, a, si) != 0 ||
      (!tr->syntax && !(tr->syntax = kg_syntax_new())))
    return KG_ERR_NOMEM;
  KgError err;
  size_t n;
  KgStatus st =
      kg_syntax_parse_grouped(tr->syntax, a->kb->grammar, &a->text, si,
                              tr->group_of_token, &tr->parsed, &n, &err);
  if (st != KG_OK)
    return st;
  if (n > tr->words_cap) {
    KgDepWord *w = realloc(tr->words, n * sizeof *w);
    if (!w)
      return KG_ERR_NOMEM;
    tr->words = w;
    tr->words_cap = n;
  }
  for (size_t i = 0; i < n; i++) {
    const KgSyntaxWord *p = &tr->parsed[i];
    long m = tr->group_of_token[p->token];
    tr->words[i] = (KgDepWord){
        a->text.text + p->start,
        p->end - p->start,
        p->lemma,
        p->lemma_len,
        p->upos,
        p->deprel,
        p->head,
        m,
        m >= 0 && a->mentions[m].kind == KG_MENTION_DESCRIPTION};
  }
  tr->count = n;
  tr->a = a;
  tr->sink = sink;
  tr->ctx = ctx;
  return kg_dep_rules_match(rules, tr->words, n, stated_sink, tr,
                            &tr->scratch) == 0
             ? KG_OK
             : KG_ERR_NOMEM;
}
