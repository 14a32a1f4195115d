/* access.c - what a graph holds, for library users (newskg.h).
 *
 * The public getters read graph.c's internal views and hand them out as
 * the small structs of newskg.h, so that a program linked with libnewskg
 * can walk a graph's entities, relations and evidence without serializing
 * it and parsing it back.  Every string handed out points into the graph
 * (or is a static name), so it lives as long as the graph; nothing here
 * allocates.  An index out of range is KG_ERR_INPUT, never a crash.
 */
#include <string.h>

#include "graph.h"
#include "newskg.h"

/* The first of the IRIs that starts with base, or NULL. */
static const char *link_with_base(const KgGraphEntity *e, const char *base) {
  size_t len = strlen(base);
  for (size_t k = 0; k < e->same_as_count; k++)
    if (strncmp(e->same_as[k], base, len) == 0)
      return e->same_as[k];
  return NULL;
}

KgStatus kg_graph_get_entity(const KgGraph *g, size_t i, KgEntityInfo *out) {
  if (i >= kg_graph_entity_count(g))
    return KG_ERR_INPUT;
  KgGraphEntity e = kg_graph_entity(g, i);
  out->iri = e.iri;
  out->label = e.name;
  out->class_name = kg_class_name(e.cls);
  out->wikidata = link_with_base(&e, KG_WIKIDATA_BASE);
  out->dbpedia = link_with_base(&e, KG_DBPEDIA_BASE);
  out->same_as = e.same_as;
  out->same_as_count = e.same_as_count;
  return KG_OK;
}

KgStatus kg_graph_get_relation(const KgGraph *g, size_t i,
                               KgRelationInfo *out) {
  if (i >= kg_graph_relation_count(g))
    return KG_ERR_INPUT;
  KgGraphRelation r = kg_graph_relation(g, i);
  out->subject = r.subject;
  out->object = r.object;
  out->predicate = kg_relation_name(r.rel);
  out->symmetric = kg_relation_is_symmetric(r.rel);
  out->confidence = r.confidence;
  out->evidence_count = r.evidence_count;
  return KG_OK;
}

KgStatus kg_graph_get_evidence(const KgGraph *g, size_t i, size_t k,
                               KgEvidenceInfo *out) {
  if (i >= kg_graph_relation_count(g))
    return KG_ERR_INPUT;
  KgGraphRelation r = kg_graph_relation(g, i);
  if (k >= r.evidence_count)
    return KG_ERR_INPUT;
  const KgEvidence *ev = &r.evidence[k];
  out->sentence = kg_graph_evidence_text(g, ev, &out->sentence_len);
  out->start = ev->start;
  out->end = ev->end;
  out->char_start = ev->char_start;
  out->char_end = ev->char_end;
  out->rule = ev->rule;
  out->strength = ev->strength;
  return KG_OK;
}
