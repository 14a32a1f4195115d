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
 *     KgExtractOptions opts = {0};        // or kg_extract(ex, text, len, ...)
 *     opts.date = "2020-08-11";
 *     if (kg_extract_with(ex, text, len, &opts, &g, &err) == KG_OK)
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

typedef enum {
  KG_FORMAT_TURTLE = 0,
  KG_FORMAT_NTRIPLES,
  KG_FORMAT_NQUADS, /**< N-Triples with the document IRI as each triple's
                         graph: one named graph per article */
  KG_FORMAT_DOT     /**< GraphViz DOT: a digraph of the entities (labels,
                         one colour per class) and the relations between
                         them, without provenance; one article a picture */
} KgFormat;

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

/** How much kg_graph_write says about where each relation comes from. */
typedef enum {
  KG_PROVENANCE_BASIC = 0, /**< the sentences, rule names and confidence */
  KG_PROVENANCE_FULL       /**< also the words each rule matched (a
                                nif:Phrase) and each rule as a resource */
} KgProvenance;

/** Options of kg_extract_with.  All fields zero (or NULL) are the defaults,
 *  which kg_extract uses. */
typedef struct {
  const char *date; /**< the article's date, "YYYY-MM-DD"; NULL: the date of
                         its dateline, if it has one */
  double min_confidence;   /**< drop relations whose confidence (0 to 1) is
                                below this; 0 keeps them all */
  KgProvenance provenance; /**< what kg_graph_write states about evidence */
  size_t max_sentence_mentions; /**< mentions read per sentence, the rest
                                     ignored (kg_graph_capped_sentences);
                                     0: KG_MAX_SENTENCE_MENTIONS */
  size_t max_article_mentions; /**< mentions read per article, the rest
                                    ignored (kg_graph_capped_article);
                                    0: KG_MAX_ARTICLE_MENTIONS */
} KgExtractOptions;

/** The default of KgExtractOptions.max_sentence_mentions.  Ordinary news
 *  names at most a few dozen things in a sentence; a sentence that lists
 *  thousands is a table or junk, and reading its mentions against each
 *  other would take time quadratic in them. */
#define KG_MAX_SENTENCE_MENTIONS 1000

/** The default of KgExtractOptions.max_article_mentions.  A long news
 *  article names a few hundred things; the graph grows with the mentions
 *  (some 1,800 bytes of N-Quads and 5,000 of memory each), so this bounds
 *  an article's graph and the memory it takes whatever its text holds. */
#define KG_MAX_ARTICLE_MENTIONS 10000

/** Non-zero when s is a calendar date written YYYY-MM-DD (Gregorian, years
 *  0001 to 9999), as KgExtractOptions.date wants. */
int kg_date_is_valid(const char *s);

/** Why url (not NULL) is no URL kg_graph_set_source accepts, as words to
 *  follow "the URL" (e.g. "has no scheme (such as \"https:\")"), or NULL
 *  when it is one: UTF-8 text without U+FFFE or U+FFFF, with a scheme,
 *  outside RDF's own vocabulary.  The words are a static string. */
const char *kg_url_problem(const char *url);

/** Extracts the graph of one article.  text is UTF-8 of len bytes (no NUL
 *  needed); it is copied.  Text that RDF literals cannot carry - invalid
 *  UTF-8, a NUL byte, the noncharacters U+FFFE and U+FFFF - is refused with
 *  KG_ERR_INPUT and the byte offset.  The document IRI is derived from the
 *  content: https://w3id.org/newskg/doc/ + the hex SHA-1 of the text.  The same as
 *  kg_extract_with and default options. */
KgStatus kg_extract(const KgExtractor *ex, const char *text, size_t len,
                    KgGraph **out, KgError *err);

/** Extracts the graph of one article with options (NULL: the defaults).
 *  An invalid option (a malformed date, min_confidence outside [0, 1], an
 *  unknown provenance level) is KG_ERR_INPUT. */
KgStatus kg_extract_with(const KgExtractor *ex, const char *text, size_t len,
                         const KgExtractOptions *opts, KgGraph **out,
                         KgError *err);

/** Names the article of g by what its source says of it, each NULL or ""
 *  when unknown: its id there (written as dcterms:identifier), the URL it
 *  was published at (dcterms:source; an absolute URL, "https:...", where
 *  space, controls, <>"{}|\^`, a '%' that starts no %XX and what else
 *  RFC 3987 does not allow in an IRI are written %XX) and its headline
 *  (dcterms:title).  The document IRI, and with it every IRI of the
 *  article's text, then derives from the id, else from the URL:
 *
 *      https://w3id.org/newskg/doc/id/  + hex SHA-1 of the id
 *      https://w3id.org/newskg/doc/url/ + hex SHA-1 of the URL as given
 *      https://w3id.org/newskg/doc/     + hex SHA-1 of the text (neither)
 *
 *  Returns KG_OK, KG_ERR_INPUT (a value that is not UTF-8 text or holds
 *  U+FFFE or U+FFFF, a URL without a scheme; g is then unchanged) or
 *  KG_ERR_NOMEM. */
KgStatus kg_graph_set_source(KgGraph *g, const char *id, const char *url,
                             const char *title, KgError *err);

/** The document IRI kg_extract and kg_graph_set_source give the article
 *  of len bytes of text with this id and URL (each NULL or "" when
 *  unknown; the URL one kg_graph_set_source accepts), as a new string the
 *  caller frees; NULL when out of memory.  It names the article's graph in
 *  N-Quads without extracting it. */
char *kg_document_iri(const char *text, size_t len, const char *id,
                      const char *url);

/** Writes the graph in the given format to out.  Each call is a whole
 *  document (in Turtle, with its @prefix lines). */
KgStatus kg_graph_write(const KgGraph *g, KgFormat format, FILE *out,
                        KgError *err);

/** A graph writer for many graphs: kg_graph_write without setting up raptor
 *  for each one.  One writer serves one thread at a time; threads that
 *  write at once each need their own. */
typedef struct KgWriterImpl KgWriter;

/** Returns in *out a new writer of the format, or a KgStatus
 *  (KG_ERR_NOMEM, KG_ERR_INPUT for an unknown format, KG_ERR_RDF). */
KgStatus kg_writer_new(KgFormat format, KgWriter **out, KgError *err);

/** Writes g to out as kg_graph_write does; sets *triples (when triples is
 *  not NULL) to the number of triples written (KG_FORMAT_DOT: the relation
 *  triples drawn as edges). */
KgStatus kg_writer_write(KgWriter *w, const KgGraph *g, FILE *out,
                         size_t *triples, KgError *err);

void kg_writer_free(KgWriter *w);

/** Writes to out, for each relation and each sentence it was read from, a
 *  block of text: the relation and its confidence, the rule that fired and
 *  its strength, the sentence, and the words the rule matched with the
 *  subject, object and trigger marked ("[S: Britain] imposed [T:
 *  sanctions] on [O: Belarus]").  Returns KG_OK or KG_ERR_IO. */
KgStatus kg_graph_explain(const KgGraph *g, FILE *out);

void kg_graph_free(KgGraph *g);

/** Number of distinct entities in the graph. */
size_t kg_graph_entity_count(const KgGraph *g);

/** Number of distinct relations (direct triples) in the graph. */
size_t kg_graph_relation_count(const KgGraph *g);

/** Number of sentences the article was split into. */
size_t kg_graph_sentence_count(const KgGraph *g);

/** Number of sentences of the article that named more entities than
 *  KgExtractOptions.max_sentence_mentions (only the first ones were read);
 *  when there are any, *first_byte (if not NULL) is set to the byte offset
 *  of the first such sentence. */
size_t kg_graph_capped_sentences(const KgGraph *g, size_t *first_byte);

/** Number of mentions left out because the article named more entities
 *  than KgExtractOptions.max_article_mentions (the first ones were read);
 *  when there are any, *first_byte (if not NULL) is set to the byte offset
 *  of the sentence of the first one left out. */
size_t kg_graph_capped_article(const KgGraph *g, size_t *first_byte);

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

/** Scores the graph file (N-Triples, N-Quads, Turtle, TriG or RDF/XML, told
 *  apart by what it holds, whatever its name) against a gold annotation;
 *  one that gives no triple is KG_ERR_PARSE.  When report is not NULL, the missed, wrong and
 *  forbidden items are printed to it, one a line, as score.py does. */
KgStatus kg_eval(const char *gold_path, const char *graph_path,
                 KgEvalResult *result, FILE *report, KgError *err);

#ifdef __cplusplus
}
#endif

#endif /* NEWSKG_H */
