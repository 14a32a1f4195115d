/* extract.c - the pipeline: article text in, graph out.
 *
 * kg_extract runs the stages in order - sentences.c, mentions.c, coref.c,
 * relations.c - on one article and hands the result to graph.c.  The
 * extractor it reads (lexicon, gazetteer, rules) is loaded once and only
 * read afterwards, so one extractor may serve many articles.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "article.h"
#include "coref.h"
#include "graph.h"
#include "mentions.h"
#include "newskg.h"
#include "relations.h"
#include "rules.h"
#include "utf8.h"

/* The files of a data directory, in load order. */
static const char *const gazetteer_files[] = {
    "countries.tsv", "cities.tsv", "regions.tsv", "organizations.tsv",
    "people.tsv"};

struct KgExtractorImpl {
  KgLexicon *lexicon;
  KgGazetteer *gazetteer;
  KgRuleSet *rules;
  KgKnowledge kb; ///< read-only view of the three for the stages
};

static KgStatus set_error(KgError *err, KgStatus status, const char *file,
                          long offset, const char *message) {
  if (err) {
    snprintf(err->file, sizeof err->file, "%s", file ? file : "");
    err->line = 0;
    err->offset = offset;
    snprintf(err->message, sizeof err->message, "%s", message);
  }
  return status;
}

static KgStatus load_from(const char *dir, const char *file,
                          KgStatus (*load)(void *, const char *, KgError *),
                          void *target, KgError *err) {
  char path[4096];
  int n = snprintf(path, sizeof path, "%s/%s", dir, file);
  if (n < 0 || (size_t)n >= sizeof path)
    return set_error(err, KG_ERR_IO, dir, -1, "data directory path too long");
  return load(target, path, err);
}

static KgStatus load_lexicon(void *t, const char *path, KgError *err) {
  return kg_lexicon_load(t, path, err);
}
static KgStatus load_gazetteer(void *t, const char *path, KgError *err) {
  return kg_gazetteer_load(t, path, err);
}
static KgStatus load_rules(void *t, const char *path, KgError *err) {
  return kg_rules_load_dir(t, path, err);
}

KgStatus kg_extractor_new(const char *datadir, KgExtractor **out,
                          KgError *err) {
  *out = NULL;
  KgExtractor *ex = calloc(1, sizeof *ex);
  if (!ex || !(ex->lexicon = kg_lexicon_new()) ||
      !(ex->gazetteer = kg_gazetteer_new()) || !(ex->rules = kg_rules_new())) {
    kg_extractor_free(ex);
    return set_error(err, KG_ERR_NOMEM, datadir, -1, "out of memory");
  }
  KgStatus status =
      load_from(datadir, "lexicon.tsv", load_lexicon, ex->lexicon, err);
  if (status == KG_OK)
    status =
        load_from(datadir, "first-names.tsv", load_lexicon, ex->lexicon, err);
  for (size_t i = 0;
       status == KG_OK && i < sizeof gazetteer_files / sizeof *gazetteer_files;
       i++)
    status = load_from(datadir, gazetteer_files[i], load_gazetteer,
                       ex->gazetteer, err);
  if (status == KG_OK)
    status = load_from(datadir, "rules", load_rules, ex->rules, err);
  if (status != KG_OK) {
    kg_extractor_free(ex);
    return status;
  }
  ex->kb = (KgKnowledge){ex->lexicon, ex->gazetteer, ex->rules};
  *out = ex;
  return KG_OK;
}

KgStatus kg_extractor_add_gazetteer(KgExtractor *ex, const char *path,
                                    KgError *err) {
  return kg_gazetteer_load(ex->gazetteer, path, err);
}

KgStatus kg_extractor_add_rules(KgExtractor *ex, const char *path,
                                KgError *err) {
  return kg_rules_load(ex->rules, path, err);
}

void kg_extractor_free(KgExtractor *ex) {
  if (!ex)
    return;
  kg_lexicon_free(ex->lexicon);
  kg_gazetteer_free(ex->gazetteer);
  kg_rules_free(ex->rules);
  free(ex);
}

/* Adds the article's entities and facts to the graph.  An entity goes in
 * when a mention names it or a fact uses it; graph indices are kept in
 * ids[] (SIZE_MAX: not added yet). */
static KgStatus build_graph(const KgArticle *a, const KgFactList *facts,
                            KgGraph *g) {
  size_t *ids = malloc((a->entity_count + 1) * sizeof *ids);
  if (!ids)
    return KG_ERR_NOMEM;
  KgStatus status = KG_OK;
  for (size_t e = 0; e < a->entity_count; e++) {
    ids[e] = SIZE_MAX;
    if (a->entities[e].mentions && status == KG_OK)
      status = kg_graph_add_entity(g, a->entities[e].cls, a->entities[e].name,
                                   &ids[e]);
  }
  for (size_t i = 0; i < facts->count && status == KG_OK; i++) {
    const KgFact *f = &facts->facts[i];
    long ends[2] = {f->subject, f->object};
    for (int k = 0; k < 2 && status == KG_OK; k++)
      if (ids[ends[k]] == SIZE_MAX)
        status = kg_graph_add_entity(g, a->entities[ends[k]].cls,
                                     a->entities[ends[k]].name, &ids[ends[k]]);
    const KgSentence *s = &a->text.sentences[f->sentence];
    if (status == KG_OK)
      status = kg_graph_add_relation(g, ids[f->subject], f->relation,
                                     ids[f->object], s->start, s->end, f->rule);
  }
  free(ids);
  return status;
}

KgStatus kg_extract(const KgExtractor *ex, const char *text, size_t len,
                    KgGraph **out, KgError *err) {
  *out = NULL;
  size_t bad = kg_utf8_check(text, len);
  if (bad < len)
    return set_error(err, KG_ERR_INPUT, NULL, (long)bad,
                     "invalid UTF-8 at this byte offset");
  KgGraph *g = NULL;
  KgStatus status = kg_graph_new(text, len, &g);
  if (status != KG_OK)
    return set_error(err, status, NULL, -1, kg_status_string(status));
  KgArticle a;
  memset(&a, 0, sizeof a);
  a.kb = &ex->kb;
  KgFactList facts = {NULL, 0, 0};
  status = kg_text_split(text, len, ex->lexicon, &a.text);
  if (status == KG_OK)
    status = kg_find_mentions(&a);
  if (status == KG_OK)
    status = kg_resolve_coreference(&a);
  if (status == KG_OK)
    status = kg_find_relations(&a, &facts);
  if (status == KG_OK)
    status = build_graph(&a, &facts, g);
  kg_facts_release(&facts);
  kg_article_release(&a);
  if (status != KG_OK) {
    kg_graph_free(g);
    return set_error(err, status, NULL, -1, kg_status_string(status));
  }
  *out = g;
  return KG_OK;
}
