/* extract.c - the pipeline: article text in, graph out.
 *
 * kg_extract runs the stages in order - sentences.c, mentions.c, coref.c,
 * relations.c - on one article and hands the result to graph.c, with the
 * article's date (given, or read from the dateline by dates.c) and the
 * dates each evidence sentence states.  The
 * extractor it reads (lexicon, gazetteer, rules, and the grammar's models
 * when a rule reads dependency trees) is loaded once and only read
 * afterwards, so one extractor may serve many articles.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "article.h"
#include "coref.h"
#include "dates.h"
#include "error.h"
#include "grammar.h"
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
  KgGrammar *grammar; ///< the models of datadir/models, loaded once a rule
                      ///< reads dependency trees; else NULL
  char *models;       ///< that directory
  KgKnowledge kb;     ///< read-only view of the four for the stages
};

/* Loads the grammar when a rule needs it and it is not loaded yet. */
static KgStatus load_grammar_for_rules(KgExtractor *ex, KgError *err) {
  if (ex->grammar || kg_dep_rules_count(kg_rules_dep(ex->rules)) == 0)
    return KG_OK;
  KgStatus status = kg_grammar_load(ex->models, &ex->grammar, err);
  ex->kb.grammar = ex->grammar;
  return status;
}

static KgStatus load_from(const char *dir, const char *file,
                          KgStatus (*load)(void *, const char *, KgError *),
                          void *target, KgError *err) {
  char path[4096];
  int n = snprintf(path, sizeof path, "%s/%s", dir, file);
  if (n < 0 || (size_t)n >= sizeof path)
    return kg_error(err, KG_ERR_IO, dir, 0, -1, "data directory path too long");
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
  size_t dir_len = strlen(datadir);
  if (ex)
    ex->models = malloc(dir_len + sizeof "/models");
  if (!ex || !ex->models || !(ex->lexicon = kg_lexicon_new()) ||
      !(ex->gazetteer = kg_gazetteer_new()) || !(ex->rules = kg_rules_new())) {
    kg_extractor_free(ex);
    return kg_error(err, KG_ERR_NOMEM, datadir, 0, -1, "out of memory");
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
  memcpy(ex->models, datadir, dir_len);
  memcpy(ex->models + dir_len, "/models", sizeof "/models");
  ex->kb = (KgKnowledge){ex->lexicon, ex->gazetteer, ex->rules, NULL};
  if (status == KG_OK)
    status = load_grammar_for_rules(ex, err);
  if (status != KG_OK) {
    kg_extractor_free(ex);
    return status;
  }
  *out = ex;
  return KG_OK;
}

KgStatus kg_extractor_add_gazetteer(KgExtractor *ex, const char *path,
                                    KgError *err) {
  return kg_gazetteer_load(ex->gazetteer, path, err);
}

KgStatus kg_extractor_add_rules(KgExtractor *ex, const char *path,
                                KgError *err) {
  KgStatus status = kg_rules_load(ex->rules, path, err);
  return status == KG_OK ? load_grammar_for_rules(ex, err) : status;
}

void kg_extractor_free(KgExtractor *ex) {
  if (!ex)
    return;
  kg_lexicon_free(ex->lexicon);
  kg_gazetteer_free(ex->gazetteer);
  kg_rules_free(ex->rules);
  kg_grammar_free(ex->grammar);
  free(ex->models);
  free(ex);
}

/* What the graph of one article is built from. */
typedef struct {
  const KgArticle *a;      ///< the analysed article
  const KgDate *date;      ///< its date, or NULL when unknown
  KgTextSpan dateline;     ///< bytes of the dateline's date (empty if none):
                           ///< the article's date, not a sentence's
  KgProvenance provenance; ///< what the graph will write
} GraphInput;

/* Adds owl:sameAs links for the Wikipedia titles and Wikidata ids of
 * gazetteer entry gaz (none when gaz is -1) to entity id. */
static KgStatus add_links(const KgGazetteer *gz, long gaz, KgGraph *g,
                          size_t id) {
  if (gaz < 0)
    return KG_OK;
  const KgGazEntry *entry = kg_gazetteer_entry(gz, (size_t)gaz);
  const KgAttr kinds[2] = {KG_ATTR_WIKIPEDIA, KG_ATTR_WIKIDATA};
  KgStatus status = KG_OK;
  for (int k = 0; k < 2 && status == KG_OK; k++)
    for (const char *v = entry->attrs[kinds[k]]; v && *v && status == KG_OK;) {
      const char *bar = strchr(v, '|');
      size_t len = bar ? (size_t)(bar - v) : strlen(v);
      char *iri = NULL;
      if (len > 0) {
        iri = kinds[k] == KG_ATTR_WIKIPEDIA ? kg_dbpedia_iri(v, len)
                                            : kg_wikidata_iri(v, len);
        /* the loader checked the values: only memory can fail here */
        status = iri ? kg_graph_add_same_as(g, id, iri) : KG_ERR_NOMEM;
      }
      free(iri);
      v = bar ? bar + 1 : NULL;
    }
  return status;
}

/* Adds entity e of the article to the graph unless it is there (ids[e] is
 * SIZE_MAX until then). */
static KgStatus add_entity(const KgArticle *a, long e, KgGraph *g,
                           size_t *ids) {
  if (ids[e] != SIZE_MAX)
    return KG_OK;
  const KgEntity *ent = &a->entities[e];
  KgStatus status = kg_graph_add_entity(g, ent->cls, ent->name, &ids[e]);
  return status == KG_OK ? add_links(a->kb->gazetteer, ent->gaz, g, ids[e])
                         : status;
}

/* The bytes of tokens s, clipped to the sentence (empty when outside it). */
static KgTextSpan token_bytes(const KgText *t, KgTokenSpan s,
                              KgTextSpan sentence) {
  if (s.first >= s.end || s.end > t->token_count)
    return (KgTextSpan){0, 0};
  KgTextSpan span = {t->tokens[s.first].start, t->tokens[s.end - 1].end};
  if (span.start < sentence.start || span.end > sentence.end)
    return (KgTextSpan){0, 0};
  return span;
}

/* The dates of one sentence, those of the dateline left out.  Facts of a
 * sentence come one after another, and finding dates reads the whole
 * sentence: build_graph keeps the last sentence's. */
typedef struct {
  size_t sentence; ///< the sentence, SIZE_MAX before the first
  size_t count;    ///< dates found
  KgDateHit hits[KG_SENTENCE_DATES];
  KgDate dates[KG_SENTENCE_DATES];
} SentenceDates;

/* Makes sd the dates of sentence si. */
static void find_dates(const GraphInput *in, size_t si, SentenceDates *sd) {
  if (sd->sentence == si)
    return;
  const KgText *t = &in->a->text;
  const KgSentence *s = &t->sentences[si];
  size_t from = s->start;
  if (in->dateline.end > from && in->dateline.end <= s->end)
    from = in->dateline.end;
  sd->sentence = si;
  sd->count = kg_dates_find(t->text + from, s->end - from, in->date, sd->hits,
                            KG_SENTENCE_DATES);
  for (size_t k = 0; k < sd->count; k++)
    sd->dates[k] = sd->hits[k].date;
}

/* The source of fact f for the graph; sd receives the sentence's dates. */
static KgSource fact_source(const GraphInput *in, const KgFact *f,
                            SentenceDates *sd) {
  const KgText *t = &in->a->text;
  const KgSentence *s = &t->sentences[f->sentence];
  KgTextSpan sentence = {s->start, s->end};
  find_dates(in, f->sentence, sd);
  const KgFactSource *fs = &f->source;
  KgSource src = {sentence,
                  token_bytes(t, fs->match, sentence),
                  token_bytes(t, fs->subject, sentence),
                  token_bytes(t, fs->object, sentence),
                  token_bytes(t, fs->trigger, sentence),
                  fs->rule,
                  fs->strength,
                  sd->dates,
                  sd->count,
                  fs->path};
  return src;
}

/* Adds the article's entities and facts to the graph.  An entity goes in
 * when a mention names it or a fact uses it.  relation_of[i] receives the
 * graph's index of fact i's relation. */
static KgStatus build_graph(const GraphInput *in, const KgFactList *facts,
                            KgGraph *g, long *relation_of) {
  const KgArticle *a = in->a;
  kg_graph_set_date(g, in->date);
  kg_graph_set_provenance(g, in->provenance);
  size_t *ids = malloc((a->entity_count + 1) * sizeof *ids);
  if (!ids)
    return KG_ERR_NOMEM;
  KgStatus status = KG_OK;
  for (size_t e = 0; e < a->entity_count; e++)
    ids[e] = SIZE_MAX;
  for (size_t e = 0; e < a->entity_count && status == KG_OK; e++)
    if (a->entities[e].mentions)
      status = add_entity(a, (long)e, g, ids);
  SentenceDates dates;
  dates.sentence = SIZE_MAX;
  for (size_t i = 0; i < facts->count && status == KG_OK; i++) {
    const KgFact *f = &facts->facts[i];
    status = add_entity(a, f->subject, g, ids);
    if (status == KG_OK)
      status = add_entity(a, f->object, g, ids);
    KgSource src = fact_source(in, f, &dates);
    if (status == KG_OK)
      status = kg_graph_add_relation(g, ids[f->subject], f->relation,
                                     ids[f->object], &src);
    relation_of[i] =
        kg_graph_find_relation(g, ids[f->subject], f->relation, ids[f->object]);
  }
  free(ids);
  return status;
}

/* Keeps the facts whose relation has at least min confidence in g;
 * returns how many are kept (at the front of the list). */
static size_t keep_confident(KgFactList *facts, const KgGraph *g,
                             const long *relation_of, double min) {
  size_t kept = 0;
  for (size_t i = 0; i < facts->count; i++) {
    /* confidences are hundredths: compare as written */
    if (relation_of[i] >= 0 &&
        kg_graph_relation(g, (size_t)relation_of[i]).confidence >= min - 1e-9)
      facts->facts[kept++] = facts->facts[i];
  }
  return kept;
}

/* Builds the graph of the article's facts; with a minimum confidence,
 * builds it again without the facts of weaker relations (so that neither
 * they nor entities only they brought in remain). */
static KgStatus make_graph(const GraphInput *in, KgFactList *facts,
                           double min_confidence, KgGraph **out) {
  const KgText *t = &in->a->text;
  long *relation_of = malloc((facts->count + 1) * sizeof *relation_of);
  if (!relation_of)
    return KG_ERR_NOMEM;
  KgStatus status = kg_graph_new(t->text, t->len, out);
  if (status == KG_OK)
    status = build_graph(in, facts, *out, relation_of);
  if (status == KG_OK && min_confidence > 0.0) {
    size_t kept = keep_confident(facts, *out, relation_of, min_confidence);
    if (kept < facts->count) {
      facts->count = kept;
      kg_graph_free(*out);
      status = kg_graph_new(t->text, t->len, out);
      if (status == KG_OK)
        status = build_graph(in, facts, *out, relation_of);
    }
  }
  free(relation_of);
  if (status != KG_OK) {
    kg_graph_free(*out);
    *out = NULL;
  }
  return status;
}

/* Checks the options; returns NULL or what is wrong. */
static const char *invalid_option(const KgExtractOptions *opts) {
  if (opts->date && !kg_date_is_valid(opts->date))
    return "the article date is not a date written YYYY-MM-DD";
  if (!(opts->min_confidence >= 0.0 && opts->min_confidence <= 1.0))
    return "the minimum confidence is not a number from 0 to 1";
  if ((unsigned)opts->provenance > KG_PROVENANCE_NONE)
    return "unknown provenance level";
  return NULL;
}

KgStatus kg_extract(const KgExtractor *ex, const char *text, size_t len,
                    KgGraph **out, KgError *err) {
  return kg_extract_with(ex, text, len, NULL, out, err);
}

KgStatus kg_extract_with(const KgExtractor *ex, const char *text, size_t len,
                         const KgExtractOptions *opts, KgGraph **out,
                         KgError *err) {
  static const KgExtractOptions defaults = {NULL, 0.0, KG_PROVENANCE_BASIC,
                                            0, 0};
  *out = NULL;
  if (!opts)
    opts = &defaults;
  const char *wrong = invalid_option(opts);
  if (wrong)
    return kg_error(err, KG_ERR_INPUT, NULL, 0, -1, "%s", wrong);
  const char *why = NULL;
  size_t bad = kg_text_check(text, len, &why);
  if (bad < len)
    return kg_error(err, KG_ERR_INPUT, NULL, 0, (long)bad,
                    "%s at this byte offset", why);
  KgArticle a;
  memset(&a, 0, sizeof a);
  a.kb = &ex->kb;
  a.max_sentence_mentions = opts->max_sentence_mentions
                                ? opts->max_sentence_mentions
                                : KG_MAX_SENTENCE_MENTIONS;
  a.max_article_mentions = opts->max_article_mentions
                               ? opts->max_article_mentions
                               : KG_MAX_ARTICLE_MENTIONS;
  KgFactList facts = {NULL, 0, 0};
  KgStatus status = kg_text_split(text, len, ex->lexicon, &a.text);
  if (status == KG_OK)
    status = kg_find_mentions(&a);
  if (status == KG_OK)
    status = kg_resolve_coreference(&a);
  if (status == KG_OK && kg_article_fix_mentions(&a) != 0)
    status = KG_ERR_NOMEM;
  if (status == KG_OK)
    status = kg_find_relations(&a, &facts);
  if (status == KG_OK) {
    GraphInput in = {&a, NULL, {0, 0}, opts->provenance};
    KgDate date;
    KgDateHit dateline;
    if (opts->date) {
      kg_date_parse_iso(opts->date, strlen(opts->date), &date);
      in.date = &date;
    } else if (kg_dateline_date(text, len, &dateline) == 0) {
      in.date = &dateline.date;
      in.dateline = (KgTextSpan){dateline.start, dateline.end};
    }
    status = make_graph(&in, &facts, opts->min_confidence, out);
  }
  if (status == KG_OK) {
    kg_graph_set_sentence_count(*out, a.text.sentence_count);
    if (a.capped_sentences)
      kg_graph_set_capped_sentences(
          *out, a.capped_sentences,
          a.text.sentences[a.first_capped].start);
    if (a.mentions_left_out)
      kg_graph_set_capped_article(*out, a.mentions_left_out,
                                  a.text.sentences[a.first_left_out].start);
  }
  kg_facts_release(&facts);
  kg_article_release(&a);
  if (status != KG_OK)
    return kg_error(err, status, NULL, 0, -1, "%s", kg_status_string(status));
  return KG_OK;
}
