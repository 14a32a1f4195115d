/* kgtypes.h - small value types shared by the pipeline stages (internal). */
#ifndef KG_TYPES_H
#define KG_TYPES_H

#include <stddef.h>

#include "newskg.h"

/** Ontology classes an entity can have.  Order matches kg_class_name(). */
typedef enum {
  KG_CLASS_PERSON = 0,
  KG_CLASS_COUNTRY,
  KG_CLASS_ORGANIZATION,
  KG_CLASS_CITY,
  KG_CLASS_REGION, ///< a part of a state named as a place ("Crimea")
  KG_CLASS_COUNT
} KgClass;

/** Ontology object properties.  Order matches kg_relation_name(). */
typedef enum {
  KG_REL_SANCTIONS = 0,
  KG_REL_ALLY_OF,
  KG_REL_MET_WITH,
  KG_REL_OPPONENT_OF,
  KG_REL_FLED_TO,
  KG_REL_LEADER_OF,
  KG_REL_MEMBER_OF,
  KG_REL_CAPITAL_OF,
  KG_REL_SPOKESPERSON_OF,
  KG_REL_VISITED,
  KG_REL_ADDRESSED,
  KG_REL_SUPPORTS,
  KG_REL_COUNT
} KgRelation;

/** Local name of a class in the ontology ("Person", ...). */
const char *kg_class_name(KgClass cls);

/** Parses a class local name; returns 0 and sets *out, or -1. */
int kg_class_parse(const char *name, size_t len, KgClass *out);

/** Class mask bit of a class. */
#define KG_CLASS_BIT(c) (1u << (c))

/** Parses a rule slot's classes, "Person" or "Country+City" (Agent =
 *  Person + Country + Organization, Place = Country + City) into a mask of
 *  KG_CLASS_BITs; returns 0, or -1 for an unknown name. */
int kg_class_mask_parse(const char *text, unsigned *mask);

/** Local name of a relation in the ontology ("sanctions", ...). */
const char *kg_relation_name(KgRelation rel);

/** Parses a relation local name; returns 0 and sets *out, or -1. */
int kg_relation_parse(const char *name, size_t len, KgRelation *out);

/** Non-zero for allyOf, metWith and opponentOf. */
int kg_relation_is_symmetric(KgRelation rel);

/** The ontology namespace (ends in '#'); public as KG_ONTOLOGY_NS. */
#define KG_NS KG_ONTOLOGY_NS
/** Entity IRIs are KG_ENTITY_BASE + lower-case class + '/' + encoded name. */
#define KG_ENTITY_BASE "https://w3id.org/newskg/id/"
/** Document IRIs are KG_DOC_BASE + hex digest of the article text. */
#define KG_DOC_BASE "https://w3id.org/newskg/doc/"
/** RDF's own namespace. */
#define KG_RDF_NS "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
/** The other vocabularies the output uses. */
#define KG_RDFS_NS "http://www.w3.org/2000/01/rdf-schema#"
#define KG_OWL_NS "http://www.w3.org/2002/07/owl#"
#define KG_XSD_NS "http://www.w3.org/2001/XMLSchema#"
#define KG_NIF_NS                                                              \
  "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#"
#define KG_PROV_NS "http://www.w3.org/ns/prov#"
#define KG_DCTERMS_NS "http://purl.org/dc/terms/"

/** The i-th prefix that Turtle output declares ("rdf", "newskg",
 *  "rdfs"...; `newskg query` knows them too): sets *name and *iri (static
 *  strings) and returns 1, or returns 0 when i is past the last. */
int kg_output_prefix(size_t i, const char **name, const char **iri);

/** The table kg_output_prefix reads, {name, IRI} in declaration order, and
 *  its length: the writers declare these prefixes. */
extern const char *const kg_output_prefixes[][2];
extern const size_t kg_output_prefix_count;

#endif /* KG_TYPES_H */
