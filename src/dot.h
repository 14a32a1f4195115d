/* dot.h - the entity graph of an article for GraphViz (internal).
 *
 * kg_writer_write (newskg.h) with KG_FORMAT_DOT calls this instead of
 * writing triples.
 */
#ifndef KG_DOT_H
#define KG_DOT_H

#include "graph.h"
#include "rdfterm.h"

/** Appends to out the DOT digraph of g: one node per entity, labelled with
 *  its name and filled with its class's colour; one edge per relation,
 *  labelled with the relation's local name; a legend of the classes
 *  drawn.  Returns the number of edges (relation triples) written.  On
 *  allocation failure out->failed is set. */
size_t kg_dot_write(const KgGraph *g, KgBytes *out);

#endif /* KG_DOT_H */
