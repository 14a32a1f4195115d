/* newskg.h - public interface of libnewskg.
 *
 * libnewskg reads English news text and builds an RDF knowledge graph of the
 * people, countries, organisations and cities it mentions and of what the
 * text states about them (see ontology/newskg.ttl).
 *
 * Life cycle:
 *
 *     KgError err;
 *     KgExtractor *ex = NULL;
 *     if (kg_extractor_new(NEWSKG_DATADIR, &ex, &err) != KG_OK) ...report err...
 *     KgGraph *g = NULL;
 *     if (kg_extract(ex, text, len, &g, &err) == KG_OK)
 *         kg_graph_write(g, KG_FORMAT_TURTLE, stdout, &err);
 *     kg_graph_free(g);
 *     kg_extractor_free(ex);
 *
 * Ownership: every *_new / kg_extract result belongs to the caller and is
 * released with the matching *_free; *_free(NULL) is a no-op.  The library
 * never prints and never exits: fallible calls return a KgStatus and fill the
 * caller's KgError.
 */
#ifndef NEWSKG_H
#define NEWSKG_H

#include <stddef.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef enum {
  KG_OK = 0,
  KG_ERR_NOMEM, /**< out of memory */
  KG_ERR_IO,    /**< a file could not be read or written */
  KG_ERR_PARSE, /**< a data, rule, gold or graph file is malformed */
  KG_ERR_INPUT, /**< the article text is unusable (e.g. invalid UTF-8) */
  KG_ERR_RDF    /**< raptor/librdf reported an error */
} KgStatus;

/** Where and why a call failed. file is "" when no file is involved. */
typedef struct {
  char file[512];    /**< file being read or written */
  long line;         /**< 1-based line, 0 if not applicable */
  long offset;       /**< byte offset, -1 if not applicable */
  char message[512]; /**< human-readable reason */
} KgError;

typedef enum { KG_FORMAT_TURTLE = 0, KG_FORMAT_NTRIPLES } KgFormat;

typedef struct KgExtractorImpl
    KgExtractor;                    /**< loaded gazetteer, lexicon, rules */
typedef struct KgGraphImpl KgGraph; /**< one article's graph */

/** Short human-readable name of a status ("out of memory", ...). */
const char *kg_status_string(KgStatus status);

/** Loads the data files of datadir: lexicon.tsv, first-names.tsv, the
 *  gazetteer (countries.tsv, cities.tsv, organizations.tsv, people.tsv) and
 *  the rule files of datadir/rules (formats: data/README.md). */
KgStatus kg_extractor_new(const char *datadir, KgExtractor **out, KgError *err);

/** Adds the entries of a user gazetteer file (the format of people.tsv). */
KgStatus kg_extractor_add_gazetteer(KgExtractor *ex, const char *path,
                                    KgError *err);

/** Adds the rules of a user rule file (the format of data/rules/README.md). */
KgStatus kg_extractor_add_rules(KgExtractor *ex, const char *path,
                                KgError *err);

void kg_extractor_free(KgExtractor *ex);

/** Extracts the graph of one article.  text is UTF-8 of len bytes (no NUL
 *  needed); it is copied.  The document IRI is derived from the content. */
KgStatus kg_extract(const KgExtractor *ex, const char *text, size_t len,
                    KgGraph **out, KgError *err);

/** Writes the graph in the given format to out. */
KgStatus kg_graph_write(const KgGraph *g, KgFormat format, FILE *out,
                        KgError *err);

void kg_graph_free(KgGraph *g);

/** Number of distinct entities in the graph. */
size_t kg_graph_entity_count(const KgGraph *g);

/** Number of distinct relations (direct triples) in the graph. */
size_t kg_graph_relation_count(const KgGraph *g);

/** Precision/recall/F1 of one category, as the project's scorer (score.py) computes them. */
typedef struct {
  size_t tp, fp, fn;
  double precision, recall, f1;
} KgScore;

typedef struct {
  KgScore entities;
  KgScore relations;
  size_t forbidden; /**< forbidden (rel!) relations asserted */
  size_t unparsed;  /**< graph lines that were not triples */
} KgEvalResult;

/** Scores the graph file (N-Triples/N-Quads, or Turtle if it ends in .ttl)
 *  against a gold annotation.  When report is not NULL, the missed, wrong and
 *  forbidden items are printed to it, one a line, as score.py does. */
KgStatus kg_eval(const char *gold_path, const char *graph_path,
                 KgEvalResult *result, FILE *report, KgError *err);

#ifdef __cplusplus
}
#endif

#endif /* NEWSKG_H */
