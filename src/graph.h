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

#include "newskg.h"
#include "kgtypes.h"

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

size_t kg_graph_entity_count(const KgGraph *g);
size_t kg_graph_relation_count(const KgGraph *g);

#endif /* KG_GRAPH_H */
