/* jsonld.h - a graph as a compact JSON-LD document (internal).
 *
 * kg_writer_write (newskg.h) with KG_FORMAT_JSONLD gathers the triples in a
 * KgTurtle, as for Turtle, and this writes them: one JSON object on one
 * line, its context inline (the prefixes of the Turtle output, the object
 * data/newskg.context.jsonld holds), the document IRI as the named graph,
 * and each subject a node object of @graph, in Turtle's order:
 *
 *   {"@context":{"rdf":"http://www.w3.org/1999/02/22-rdf-syntax-ns#",...},
 *    "@id":"https://w3id.org/newskg/doc/...","@graph":[
 *    {"@id":"https://w3id.org/newskg/id/country/Canada",
 *     "@type":"newskg:Country",
 *     "rdfs:label":{"@value":"Canada","@language":"en"},
 *     "newskg:sanctions":{"@id":"https://w3id.org/newskg/id/..."}},...]}
 *
 * (here broken into lines).  Properties and classes are compact IRIs where
 * a prefix holds them; every node IRI is written whole, so that no value
 * depends on the context but its keys and types.  A property with several
 * values has an array.  rdf:type objects are @type; a literal is a string,
 * or {"@value", "@language"} or {"@value", "@type"}.  Expanded by a JSON-LD
 * processor it gives the triples of the N-Quads output, in the same named
 * graph (tests/jsonld.sh checks with the npm jsonld package).
 */
#ifndef KG_JSONLD_H
#define KG_JSONLD_H

#include "rdfterm.h"
#include "turtle.h"

/** Appends to out the JSON-LD document, one line and its line feed, of
 *  the triples t holds, in the graph named by the IRI graph, and empties t
 *  for the next one.  Returns 0, or -1 when memory ran out (now or while
 *  adding). */
int kg_jsonld_write(KgTurtle *t, KgBytes *out, const KgTerm *graph);

/** Appends text[0, len) (UTF-8) as a JSON string: '"', '\' and control
 *  characters escaped, all else as it is. */
void kg_json_string(KgBytes *out, const char *text, size_t len);

#endif /* KG_JSONLD_H */
