/* newskg.h - public interface of libnewskg.
 *
 * libnewskg reads English news text and builds an RDF knowledge graph of the
 * people, countries, organisations and cities it mentions and of what the
 * text states about them (see ontology/newskg.ttl).
 *
 * Example: a program that prints the relations of the article on its
 * standard input, with their confidence and the sentence each was first
 * read from.  Its argument is the data directory, which
 * `pkg-config --variable=extractor_datadir newskg` names; build it with
 * `cc example.c $(pkg-config --cflags --libs newskg)`.
 *
 *     #include <newskg.h>
 *     #include <stdio.h>
 *
 *     int main(int argc, char **argv) {
 *       static char text[1 << 20];
 *       size_t len = fread(text, 1, sizeof text, stdin);
 *       KgError err;
 *       KgExtractor *ex = NULL;
 *       KgGraph *g = NULL;
 *       KgStatus st = argc == 2 ? kg_extractor_new(argv[1], &ex, &err)
 *                               : KG_ERR_INPUT;
 *       if (st == KG_OK)
 *         st = kg_extract(ex, text, len, &g, &err); // or kg_extract_with
 *       for (size_t i = 0; st == KG_OK && i < kg_graph_relation_count(g);
 *            i++) {
 *         KgRelationInfo r;
 *         KgEntityInfo s, o;
 *         KgEvidenceInfo ev;
 *         kg_graph_get_relation(g, i, &r);
 *         kg_graph_get_entity(g, r.subject, &s);
 *         kg_graph_get_entity(g, r.object, &o);
 *         kg_graph_get_evidence(g, i, 0, &ev);
 *         printf("%s %s %s (%.2f): %.*s\n", s.label, r.predicate, o.label,
 *                r.confidence, (int)ev.sentence_len, ev.sentence);
 *       }
 *       if (argc != 2)
 *         fprintf(stderr, "usage: %s DATADIR < ARTICLE\n", argv[0]);
 *       else if (st != KG_OK)
 *         fprintf(stderr, "%s: %s\n", kg_status_string(st), err.message);
 *       kg_graph_free(g);
 *       kg_extractor_free(ex);
 *       return st == KG_OK ? 0 : 1;
 *     }
 *
 * kg_graph_write(g, KG_FORMAT_TURTLE, stdout, &err) would write the whole
 * graph, evidence and all, as RDF instead.
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

#include "newskg-version.h"

#ifdef __cplusplus
extern "C" {
#endif

/** The version of the library the program runs with, as NEWSKG_VERSION
 *  ("MAJOR.MINOR.PATCH") says the version of the headers it was compiled
 *  with. */
const char *kg_version(void);

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
  KG_FORMAT_DOT,    /**< GraphViz DOT: a digraph of the entities (labels,
                         one colour per class) and the relations between
                         them, without provenance; one article a picture */
  KG_FORMAT_TRIG,   /**< TriG: the Turtle document's prefixes, then its
                         triples in one block, the graph named by the
                         document IRI (as in N-Quads) */
  KG_FORMAT_JSONLD  /**< compact JSON-LD on one line (so a corpus is JSON
                         Lines), the context inline (the object of
                         data/newskg.context.jsonld), the triples of the
                         N-Quads output in @graph, @id the document IRI */
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
  KG_PROVENANCE_FULL,      /**< also the words each rule matched (a
                                nif:Phrase) and each rule as a resource */
  KG_PROVENANCE_NONE,      /**< the bare graph: entities, their types,
                                labels and sameAs links, and relations */
  KG_PROVENANCE_SENTENCES = KG_PROVENANCE_BASIC /**< the default's name
                                                     on the command line */
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

/* --- reading a graph -----------------------------------------------------
 *
 * What a graph holds, without serializing it: its entities and relations by
 * index (0 to kg_graph_entity_count - 1, 0 to kg_graph_relation_count - 1,
 * in the order kg_graph_write writes them), and for each relation the
 * sentences it was read from.  The structs are filled by the getters; their
 * strings belong to the graph and live until kg_graph_free. */

/** The namespace of the ontology's classes and properties (ends in '#'):
 *  a class or predicate IRI is this + its local name. */
#define KG_ONTOLOGY_NS "https://w3id.org/newskg/ontology#"

/** One entity of a graph. */
typedef struct {
  const char *iri;            /**< its IRI */
  const char *label;          /**< its canonical name (rdfs:label), UTF-8 */
  const char *class_name;     /**< local name of its class: "Person",
                                   "Country", "Organization", "City" or
                                   "Region" */
  const char *wikidata;       /**< its Wikidata IRI, or NULL when unknown */
  const char *dbpedia;        /**< its DBpedia IRI, or NULL when unknown */
  const char *const *same_as; /**< all its owl:sameAs IRIs (these two
                                   among them), in the order written */
  size_t same_as_count;       /**< entries in same_as */
} KgEntityInfo;

/** One relation of a graph: the triple subject predicate object. */
typedef struct {
  size_t subject;        /**< index of the subject entity */
  size_t object;         /**< index of the object entity */
  const char *predicate; /**< local name of the predicate in the ontology
                              ("sanctions", "metWith", ...) */
  int symmetric;         /**< non-zero when the predicate is symmetric
                              (allyOf, metWith, opponentOf): the triple
                              holds in both directions */
  double confidence;     /**< 0 to 1, in hundredths, as written */
  size_t evidence_count; /**< sentences it was read from, at least 1 */
} KgRelationInfo;

/** One sentence a relation was read from. */
typedef struct {
  const char *sentence;        /**< its text: sentence_len bytes of UTF-8
                                    in the graph's copy of the article,
                                    not followed by a NUL */
  size_t sentence_len;         /**< bytes of sentence */
  size_t start, end;           /**< its byte span [start, end) in the
                                    article */
  size_t char_start, char_end; /**< the same span in code points, the
                                    offsets of its NIF node */
  const char *rule;            /**< name of the strongest rule that read
                                    it there, or NULL */
  double strength;             /**< that rule's strength, 0 to 1 */
} KgEvidenceInfo;

/** The document IRI of the article (see kg_extract, kg_graph_set_source). */
const char *kg_graph_doc_iri(const KgGraph *g);

/** Fills *out with entity number i.  Returns KG_OK, or KG_ERR_INPUT (and
 *  leaves *out alone) when i >= kg_graph_entity_count(g). */
KgStatus kg_graph_get_entity(const KgGraph *g, size_t i, KgEntityInfo *out);

/** Fills *out with relation number i.  Returns KG_OK, or KG_ERR_INPUT (and
 *  leaves *out alone) when i >= kg_graph_relation_count(g). */
KgStatus kg_graph_get_relation(const KgGraph *g, size_t i, KgRelationInfo *out);

/** Fills *out with the k-th sentence that relation number i was read from,
 *  in the order the extractor read them.  Returns KG_OK, or KG_ERR_INPUT (and
 *  leaves *out alone) when i or k is out of range. */
KgStatus kg_graph_get_evidence(const KgGraph *g, size_t i, size_t k,
                               KgEvidenceInfo *out);

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
