/* graph.h - the knowledge graph of one article (internal).
 *
 * The last stage before serialization.  Entities are identified by class and
 * canonical name; their IRIs are derived deterministically from those, so the
 * same entity gets the same IRI in every article and every run.  A relation is
 * a direct triple between two entity IRIs and carries its evidence: the
 * sentence it was read from (text and character offsets, as NIF 2.0 requires)
 * and the rule that produced it.  Nothing here is a blank node.
 */
#ifndef KG_GRAPH_H
#define KG_GRAPH_H

#include "kgtypes.h"
#include "newskg.h"

/** Creates an empty graph for an article.  text (len bytes of UTF-8) is
 *  copied; the document IRI is derived from a digest of it. */
KgStatus kg_graph_new(const char *text, size_t len, KgGraph **out);

/** Adds (or finds) the entity of this class and canonical name and returns
 *  its index in *id.  Adding the same class and name twice yields the same
 *  index. */
KgStatus kg_graph_add_entity(KgGraph *g, KgClass cls, const char *name,
                             size_t *id);

/** Adds the triple subject --rel--> object with its evidence: the sentence
 *  spanning bytes [sent_start, sent_end) of the article, and the name of the
 *  rule that matched.  The same triple read from several sentences is stated
 *  once, with one evidence record per sentence. */
KgStatus kg_graph_add_relation(KgGraph *g, size_t subject, KgRelation rel,
                               size_t object, size_t sent_start,
                               size_t sent_end, const char *rule);

/* kg_graph_entity_count and kg_graph_relation_count are public: newskg.h. */

/* --- reading a graph back (for the serializer and the tests) -------------
 *
 * The views below point into the graph: they stay valid until the next
 * kg_graph_add_* call or kg_graph_free, and the caller frees nothing. */

/** One entity. */
typedef struct {
  KgClass cls;      ///< its class
  const char *name; ///< canonical name, NUL-terminated UTF-8
  const char *iri;  ///< its IRI (kg_entity_iri of cls and name)
} KgGraphEntity;

/** One sentence a relation was read from.  A relation has one record per
 *  distinct sentence span. */
typedef struct {
  size_t start, end;           ///< byte span [start, end) in the text
  size_t char_start, char_end; ///< the same span in code points (NIF)
  const char *rule;            ///< rule that first matched here, or NULL
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
} KgGraphRelation;

/** The article text (a NUL-terminated copy of *len bytes). */
const char *kg_graph_text(const KgGraph *g, size_t *len);

/** Length of the article text in Unicode code points. */
size_t kg_graph_char_length(const KgGraph *g);

/** The document IRI: KG_DOC_BASE + lower-case hex SHA-1 of the text. */
const char *kg_graph_doc_iri(const KgGraph *g);

/** Entity number id (id < kg_graph_entity_count(g)). */
KgGraphEntity kg_graph_entity(const KgGraph *g, size_t id);

/** Relation number i (i < kg_graph_relation_count(g)), in order added. */
KgGraphRelation kg_graph_relation(const KgGraph *g, size_t i);

/** The sentence text of an evidence record: a pointer into the graph's copy
 *  of the article and its length in *len (exactly the bytes between the
 *  record's offsets, valid UTF-8). */
const char *kg_graph_evidence_text(const KgGraph *g, const KgEvidence *ev,
                                   size_t *len);

/* --- building blocks, exposed for testing -------------------------------- */

/** Returns a new NUL-terminated entity IRI: KG_ENTITY_BASE + lower-case class
 *  name + '/' + name with each space as '_' and every byte outside
 *  [A-Za-z0-9-._~] as %XX (upper-case hex), e.g.
 *
 *      kg_entity_iri(KG_CLASS_PERSON, "Alexander Lukashenko", 20)
 *      => "https://w3id.org/newskg/id/person/Alexander_Lukashenko"
 *
 *  The caller frees it with free().  Returns NULL when out of memory. */
char *kg_entity_iri(KgClass cls, const char *name, size_t len);

/** Writes the SHA-1 digest of len bytes at data to hex as 40 lower-case hex
 *  digits and a NUL.  Returns KG_OK, or KG_ERR_RDF when librdf has no SHA-1
 *  digest (or KG_ERR_NOMEM). */
KgStatus kg_sha1_hex(const char *data, size_t len, char hex[41]);

#endif /* KG_GRAPH_H */
