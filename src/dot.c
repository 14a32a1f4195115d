/* dot.c - writes the entity graph of an article as a GraphViz digraph.
 *
 * What a person wants to see of a graph: its entities and the relations
 * between them, not the provenance.  So each entity is a node, named by its
 * IRI and labelled with its rdfs:label text, filled with the colour of its
 * class; each relation triple is an edge from subject to object labelled
 * with the relation's local name (symmetric relations have arrows at both
 * ends); a legend cluster shows the colour of each class drawn.  Nodes and
 * edges follow the graph's order, so the same graph always gives the same
 * bytes.  `dot -Tsvg` draws it:
 *
 *   digraph newskg {
 *     "https://w3id.org/newskg/id/country/Canada" [label="Canada", fillcolor="#a5d8ff"];
 *     "https://w3id.org/newskg/id/country/Canada" -> "https://w3id.org/newskg/id/person/Alexander_Lukashenko" [label="sanctions"];
 *   }
 *
 * In a DOT string only '"' and '\' need a backslash (labels read "\\" as
 * one backslash); a control character, which no name holds on purpose,
 * becomes a space, since a label would read a raw line end as text.
 */
#include "dot.h"

#include <stdio.h>
#include <string.h>

/* Fill colours by class, light enough for black text; presentation, not
 * knowledge, so they live here rather than in data/. */
static const char *const class_colours[KG_CLASS_COUNT] = {
    "#ffd8a8", /* Person: orange */
    "#a5d8ff", /* Country: blue */
    "#b2f2bb", /* Organization: green */
    "#eebefa", /* City: violet */
    "#fff3bf", /* Region: yellow */
};

static void append_str(KgBytes *out, const char *s) {
  kg_bytes_append(out, s, strlen(s));
}

/* s[0, len) as a DOT quoted string. */
static void append_quoted(KgBytes *out, const char *s, size_t len) {
  kg_bytes_append(out, "\"", 1);
  size_t run = 0; /* start of the bytes not yet appended */
  for (size_t i = 0; i < len; i++) {
    unsigned char c = (unsigned char)s[i];
    const char *escape = c == '"'                ? "\\\""
                         : c == '\\'             ? "\\\\"
                         : c < 0x20 || c == 0x7F ? " "
                                                 : NULL;
    if (!escape)
      continue;
    kg_bytes_append(out, s + run, i - run);
    append_str(out, escape);
    run = i + 1;
  }
  kg_bytes_append(out, s + run, len - run);
  kg_bytes_append(out, "\"", 1);
}

/* A node: ID [label="LABEL", fillcolor="COLOUR"]; */
static void append_node(KgBytes *out, const char *id, const char *label,
                        KgClass cls) {
  append_str(out, "  ");
  append_quoted(out, id, strlen(id));
  append_str(out, " [label=");
  append_quoted(out, label, strlen(label));
  append_str(out, ", fillcolor=\"");
  append_str(out, class_colours[cls]);
  append_str(out, "\"];\n");
}

/* The legend: one node per class that some entity has, in class order. */
static void append_legend(const KgGraph *g, KgBytes *out) {
  int drawn[KG_CLASS_COUNT] = {0};
  for (size_t i = 0; i < kg_graph_entity_count(g); i++)
    drawn[kg_graph_entity(g, i).cls] = 1;
  append_str(out, "  subgraph cluster_legend {\n"
                  "    label=\"classes\"; fontsize=10; color=\"#bbbbbb\";\n");
  for (int c = 0; c < KG_CLASS_COUNT; c++) {
    if (!drawn[c])
      continue;
    char id[48];
    snprintf(id, sizeof id, "class:%s", kg_class_name((KgClass)c));
    append_str(out, "  ");
    append_node(out, id, kg_class_name((KgClass)c), (KgClass)c);
  }
  append_str(out, "  }\n");
}

size_t kg_dot_write(const KgGraph *g, KgBytes *out) {
  append_str(out, "digraph newskg {\n"
                  "  graph [rankdir=LR, fontname=\"Helvetica\"];\n"
                  "  node [shape=box, style=\"rounded,filled\", "
                  "fontname=\"Helvetica\"];\n"
                  "  edge [fontname=\"Helvetica\", fontsize=10];\n");
  for (size_t i = 0; i < kg_graph_entity_count(g); i++) {
    KgGraphEntity e = kg_graph_entity(g, i);
    append_node(out, e.iri, e.name, e.cls);
  }
  size_t edges = kg_graph_relation_count(g);
  for (size_t i = 0; i < edges; i++) {
    KgGraphRelation r = kg_graph_relation(g, i);
    const char *s = kg_graph_entity(g, r.subject).iri;
    const char *o = kg_graph_entity(g, r.object).iri;
    const char *rel = kg_relation_name(r.rel);
    append_str(out, "  ");
    append_quoted(out, s, strlen(s));
    append_str(out, " -> ");
    append_quoted(out, o, strlen(o));
    append_str(out, " [label=");
    append_quoted(out, rel, strlen(rel));
    append_str(out,
               kg_relation_is_symmetric(r.rel) ? ", dir=both];\n" : "];\n");
  }
  if (kg_graph_entity_count(g) > 0)
    append_legend(g, out);
  append_str(out, "}\n");
  return edges;
}
