/* graph.h - the knowledge graph of one article (internal).
 *
 * The last stage before serialization.  Entities are identified by class and
 * canonical name; their IRIs are derived deterministically from those, so the
 * same entity gets the same IRI in every article and every run.  A relation is
 * a direct triple between two entity IRIs and carries its evidence: the
 * sentence it was read from (text and character offsets, as NIF 2.0 requires)
 * and the rule that produced it, the words the rule matched and its
 * strength.  A relation's confidence combines the strengths of its
 * sentences: 1 - (1 - s1)(1 - s2)..., one factor per sentence (the
 * strongest rule that matched there), rounded to hundredths.  Entities may
 * carry owl:sameAs links (DBpedia, Wikidata), the article a date and what its
 * source says of it (id, URL, headline).  Nothing here is a blank node.
 */
#ifndef KG_GRAPH_H
#define KG_GRAPH_H

#include "dates.h"
#include "kgtypes.h"
#include "newskg.h"

/** Rule IRIs (written with --provenance=full) are KG_RULE_BASE + name. */
#define KG_RULE_BASE "https://w3id.org/newskg/rule/"

/** sameAs links are KG_DBPEDIA_BASE + a Wikipedia title (kg_dbpedia_iri)
 *  or KG_WIKIDATA_BASE + an item id (kg_wikidata_iri). */
#define KG_DBPEDIA_BASE "http://dbpedia.org/resource/"
#define KG_WIKIDATA_BASE "http://www.wikidata.org/entity/"

/** Most dates kept for one sentence. */
#define KG_SENTENCE_DATES 4

/** A byte span [start, end) of the article; empty when start == end. */
typedef struct {
  size_t start, end;
} KgTextSpan;

/** Where and how a relation was read. */
typedef struct {
  KgTextSpan sentence; ///< the sentence
  KgTextSpan match;    ///< the words matched, first to last, inside the
                       ///< sentence; empty when unknown
  KgTextSpan subject, object, trigger; ///< marked words inside the sentence;
                                       ///< empty when absent
  const char *rule;                    ///< name of the rule, or NULL
  double strength;                     ///< the rule's strength, 0 to 1
  const KgDate *dates;                 ///< dates the sentence states
  size_t date_count; ///< entries in dates (extra ones dropped)
  const char *path;  ///< a rule over the dependency tree: its path, or NULL
} KgSource;

/** Creates an empty graph for an article.  text (len bytes of UTF-8) is
 *  copied; the document IRI is derived from a digest of it. */
KgStatus kg_graph_new(const char *text, size_t len, KgGraph **out);

/** Adds (or finds) the entity of this class and canonical name and returns
 *  its index in *id.  Adding the same class and name twice yields the same
 *  index. */
KgStatus kg_graph_add_entity(KgGraph *g, KgClass cls, const char *name,
                             size_t *id);

/** Adds the triple subject --rel--> object with its evidence.  The same
 *  triple read from several sentences is stated once, with one evidence
 *  record per sentence; a sentence read again only adds its rule name, and
 *  takes the new reading when it is stronger.  KG_ERR_INPUT when an index,
 *  span or strength is out of range. */
KgStatus kg_graph_add_relation(KgGraph *g, size_t subject, KgRelation rel,
                               size_t object, const KgSource *source);

/** Adds owl:sameAs iri to entity id (once, however often it is added). */
KgStatus kg_graph_add_same_as(KgGraph *g, size_t id, const char *iri);

/** Sets the article's date (a full date), or clears it with NULL. */
void kg_graph_set_date(KgGraph *g, const KgDate *date);

/** Sets the provenance level kg_graph_write uses. */
void kg_graph_set_provenance(KgGraph *g, KgProvenance level);

/* kg_graph_set_source is public: newskg.h. */

/** Records how many sentences the article was split into. */
void kg_graph_set_sentence_count(KgGraph *g, size_t count);

/** Records that count sentences, the first at byte first_byte, had their
 *  mentions capped. */
void kg_graph_set_capped_sentences(KgGraph *g, size_t count,
                                   size_t first_byte);

/** Records that count mentions were left out over the article's cap, the
 *  first in the sentence at byte first_byte. */
void kg_graph_set_capped_article(KgGraph *g, size_t count, size_t first_byte);

/* kg_graph_entity_count and kg_graph_relation_count are public: newskg.h. */

/* --- reading a graph back (for the serializer and the tests) -------------
 *
 * The views below point into the graph: they stay valid until the next
 * kg_graph_add_* call or kg_graph_free, and the caller frees nothing. */

/** One entity. */
typedef struct {
  KgClass cls;                ///< its class
  const char *name;           ///< canonical name, NUL-terminated UTF-8
  const char *iri;            ///< its IRI (kg_entity_iri of cls and name)
  const char *const *same_as; ///< owl:sameAs IRIs, in order added
  size_t same_as_count;       ///< entries in same_as
} KgGraphEntity;

/** One sentence a relation was read from.  A relation has one record per
 *  distinct sentence span. */
typedef struct {
  size_t start, end;           ///< byte span [start, end) in the text
  size_t char_start, char_end; ///< the same span in code points (NIF)
  const char *rule; ///< strongest rule that matched here (the first of
                    ///< equals), or NULL
  double strength;  ///< its strength
  KgTextSpan match; ///< the words it matched; empty when unknown
  size_t match_char_start, match_char_end; ///< match in code points
  KgTextSpan subject, object, trigger;     ///< marked words, or empty
  const char *path; ///< the path of the rule, when it reads the dependency
                    ///< tree (stored with its name), or NULL
  KgDate dates[KG_SENTENCE_DATES];         ///< dates the sentence states
  size_t date_count;                       ///< entries in dates
} KgEvidence;

/** One relation: a direct triple and its evidence. */
typedef struct {
  size_t subject;             ///< entity index
  KgRelation rel;             ///< the predicate
  size_t object;              ///< entity index
  const KgEvidence *evidence; ///< evidence_count records, in order added
  size_t evidence_count;      ///< at least 1
  const char *const *rules;   ///< distinct rule names, in order first seen
  size_t rule_count;          ///< entries in rules
  double confidence;          ///< 0 to 1, in hundredths (see above)
} KgGraphRelation;

/** The article text (a NUL-terminated copy of *len bytes). */
const char *kg_graph_text(const KgGraph *g, size_t *len);

/** Length of the article text in Unicode code points. */
size_t kg_graph_char_length(const KgGraph *g);

/* kg_graph_doc_iri (the document IRI: KG_DOC_BASE + lower-case hex SHA-1
 * of the text, or another, derived from the source's id or URL) is public:
 * newskg.h. */

/** The article's id in its source, its URL as an IRI, its headline: each
 *  NULL when unknown. */
const char *kg_graph_source_id(const KgGraph *g);
const char *kg_graph_source_iri(const KgGraph *g);
const char *kg_graph_title(const KgGraph *g);

/** Entity number id (id < kg_graph_entity_count(g)). */
KgGraphEntity kg_graph_entity(const KgGraph *g, size_t id);

/** Relation number i (i < kg_graph_relation_count(g)), in order added. */
KgGraphRelation kg_graph_relation(const KgGraph *g, size_t i);

/** The index of the relation subject --rel--> object (of a symmetric
 *  relation, in either direction), or -1. */
long kg_graph_find_relation(const KgGraph *g, size_t subject, KgRelation rel,
                            size_t object);

/** The article's date, or NULL when unknown. */
const KgDate *kg_graph_date(const KgGraph *g);

/** The provenance level to write. */
KgProvenance kg_graph_provenance(const KgGraph *g);

/** The sentence text of an evidence record: a pointer into the graph's copy
 *  of the article and its length in *len (exactly the bytes between the
 *  record's offsets, valid UTF-8). */
const char *kg_graph_evidence_text(const KgGraph *g, const KgEvidence *ev,
                                   size_t *len);

/* --- building blocks, exposed for testing -------------------------------- */

/** Returns a new NUL-terminated entity IRI: KG_ENTITY_BASE + lower-case class
 *  name + '/' + name with each space as '_' and every byte outside
 *  [A-Za-z0-9-._~] as %XX (upper-case hex), and the dots of a name that is
 *  "." or ".." as %2E (Turtle parsers would resolve such a path segment
 *  away), e.g.
 *
 *      kg_entity_iri(KG_CLASS_PERSON, "Alexander Lukashenko", 20)
 *      => "https://w3id.org/newskg/id/person/Alexander_Lukashenko"
 *
 *  The caller frees it with free().  Returns NULL when out of memory. */
char *kg_entity_iri(KgClass cls, const char *name, size_t len);

/** Returns a new NUL-terminated DBpedia resource IRI for a Wikipedia
 *  title: "http://dbpedia.org/resource/" + the title with spaces as '_',
 *  kept as it is (non-ASCII included: IRIs allow it) except for what RFC
 *  3987 does not allow in an IRI path, written %XX per UTF-8 byte: controls,
 *  <>"{}|\^` , code points outside its ucschar ranges, a '%' that starts no
 *  %XX, and '?' and '#', which would end the path; the dots of a "." or ".."
 *  segment are %2E.  NULL when title is empty or not UTF-8, or out of
 *  memory:
 *
 *      kg_dbpedia_iri("S\xc3\xa3o_Tom\xc3\xa9", 11)
 *      => "http://dbpedia.org/resource/S\xc3\xa3o_Tom\xc3\xa9"
 *
 *  The caller frees it with free(). */
char *kg_dbpedia_iri(const char *title, size_t len);

/** Returns a new IRI for the URL url[0, len): the URL with every byte an
 *  IRI may not hold written %XX (controls, space, <>"{}|\^`, a '%' that
 *  starts no %XX, code points outside RFC 3987's ucschar), and the dots of
 *  a "." or ".." path segment as %2E, so that parsers that resolve IRIs
 *  (Turtle's) read the IRI that N-Triples parsers read, e.g.
 *
 *      kg_url_iri("https://example.org/a b", 23)
 *      => "https://example.org/a%20b"
 *
 *  NULL when url does not start with a scheme and ':' ("https:"), is not
 *  UTF-8, or out of memory.  The caller frees it with free(). */
char *kg_url_iri(const char *url, size_t len);

/** Returns a new Wikidata entity IRI "http://www.wikidata.org/entity/Q42"
 *  for an item id "Q42" (Q and 1 to 18 digits), or NULL when qid is not
 *  one or out of memory.  The caller frees it with free(). */
char *kg_wikidata_iri(const char *qid, size_t len);

/** Returns a new IRI for a rule: KG_RULE_BASE + the name encoded as
 *  kg_entity_iri encodes names.  The caller frees it; NULL: out of memory. */
char *kg_rule_iri(const char *name);

/** Writes value (0 to 1: a confidence or strength) rounded to hundredths,
 *  "0.87", and a NUL into buf; the decimal point is '.' whatever the
 *  locale.  Returns the length (4). */
size_t kg_format_hundredths(double value, char buf[8]);

/** Writes the SHA-1 digest of len bytes at data to hex as 40 lower-case hex
 *  digits and a NUL.  Returns KG_OK (it cannot fail; the status is kept for
 *  the callers that check it).  Safe to call from several threads. */
KgStatus kg_sha1_hex(const char *data, size_t len, char hex[41]);

#endif /* KG_GRAPH_H */
