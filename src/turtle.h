/* turtle.h - a graph as a Turtle document, written as raptor2's Turtle
 * serializer writes it (internal).
 *
 * raptor's serializer keeps every triple of a document until its end, and
 * then writes them grouped and sorted; so does a KgTurtle, and it writes the
 * same bytes (tests/test_writer.c and tests/corpus.sh hold it against
 * raptor) many times faster, because it sorts once and looks prefixes up
 * without raptor's general machinery:
 *
 *     @prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
 *     @prefix ...                       (every prefix, in the order given)
 *
 *     <subject>
 *         predicate object, object ;
 *         a ex:Class .
 *
 * The graph's own triples, then (kg_turtle_begin_evidence) its evidence;
 * in each part subjects, then each subject's predicates and objects, in
 * raptor's order:
 * IRIs before literals; IRIs and literal forms in byte order; among equal
 * forms a plain literal, then one with a datatype, then one with a language.
 * A triple given twice is written once.  An IRI inside a declared namespace
 * whose rest is an XML name (raptor_xml_name_check) and a Turtle local
 * name (kg_ttl_is_local_name) is written prefix:rest (raptor writes a rest
 * that ends in '.' so too, which no parser reads; here it is <...>);
 * rdf:type as `a`; xsd:integer, xsd:decimal and xsd:double literals whose
 * whole form strtol/strtod reads are written bare; strings as rdfterm.h says.
 */
#ifndef KG_TURTLE_H
#define KG_TURTLE_H

#include "rdfterm.h"

typedef struct KgTurtleImpl KgTurtle;

/** Returns a new, empty document with the count prefixes of the table
 *  ({name, namespace IRI}, which must outlive it), or NULL when out of
 *  memory. */
KgTurtle *kg_turtle_new(const char *const (*prefixes)[2], size_t count);

/** Adds the triple (the strings are copied). */
void kg_turtle_add(KgTurtle *t, const KgTerm *s, const KgTerm *p,
                   const KgTerm *o);

/** The triples added from now on, to the document's end, are evidence:
 *  written after the others. */
void kg_turtle_begin_evidence(KgTurtle *t);

/** Appends the document of the triples added to out, and empties t for the
 *  next one.  With graph NULL it is Turtle; else TriG, the same prefixes
 *  and then the triples, indented, in one block named by graph (an IRI):
 *
 *     <graph> {
 *         <subject>
 *             predicate object .
 *     }
 *
 *  Returns 0, or -1 when memory ran out (now or while adding). */
int kg_turtle_write(KgTurtle *t, KgBytes *out, const KgTerm *graph);

/** A triple of a document, its terms pointing into the KgTurtle. */
typedef struct {
  KgTerm s, p, o;
  int evidence; /**< non-zero for the evidence, sorted after the rest */
} KgTriple;

/** Sets *triples to the triples added, sorted (and *count to how many; a
 *  triple added twice is there twice), for a writer of another syntax
 *  (jsonld.c).  They stay valid until kg_turtle_clear.  Returns 0, or -1
 *  when memory ran out (now or while adding). */
int kg_turtle_sort(KgTurtle *t, const KgTriple **triples, size_t *count);

/** Empties t for the next document. */
void kg_turtle_clear(KgTurtle *t);

/** The document's prefixes, as given to kg_turtle_new; sets *count. */
const char *const (*kg_turtle_prefixes(const KgTurtle *t,
                                       size_t *count))[2];

/** raptor's order of terms (see above): negative, zero or positive. */
int kg_term_compare(const KgTerm *a, const KgTerm *b);

void kg_turtle_free(KgTurtle *t);

#endif /* KG_TURTLE_H */
