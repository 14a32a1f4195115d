/* kgtypes.c - names of the ontology's classes and relations, and of the
 * library's status codes.
 *
 * These local names are the contract with users and with the evaluation:
 * they must match ontology/newskg.ttl exactly. */
#include "kgtypes.h"

#include "newskg.h"

#include <string.h>

static const char *const class_names[KG_CLASS_COUNT] = {
    "Person", "Country", "Organization", "City", "Region"};

static const char *const relation_names[KG_REL_COUNT] = {
    "sanctions",      "allyOf",   "metWith",   "opponentOf",
    "fledTo",         "leaderOf", "memberOf",  "capitalOf",
    "spokespersonOf", "visited",  "addressed", "supports"};

const char *kg_class_name(KgClass cls) {
  return (unsigned)cls < KG_CLASS_COUNT ? class_names[cls] : "";
}

static int find_name(const char *const *names, int count, const char *name,
                     size_t len) {
  for (int i = 0; i < count; i++)
    if (strlen(names[i]) == len && memcmp(names[i], name, len) == 0)
      return i;
  return -1;
}

int kg_class_parse(const char *name, size_t len, KgClass *out) {
  int i = find_name(class_names, KG_CLASS_COUNT, name, len);
  if (i < 0)
    return -1;
  *out = (KgClass)i;
  return 0;
}

int kg_class_mask_parse(const char *text, unsigned *mask) {
  static const struct {
    const char *name;
    unsigned mask;
  } groups[] = {
      {"Agent", KG_CLASS_BIT(KG_CLASS_PERSON) | KG_CLASS_BIT(KG_CLASS_COUNTRY) |
                    KG_CLASS_BIT(KG_CLASS_ORGANIZATION)},
      {"Place", KG_CLASS_BIT(KG_CLASS_COUNTRY) | KG_CLASS_BIT(KG_CLASS_CITY)}};
  *mask = 0;
  for (const char *p = text; *p;) {
    const char *plus = strchr(p, '+');
    size_t len = plus ? (size_t)(plus - p) : strlen(p);
    KgClass cls;
    size_t g = 0;
    while (g < 2 && !(strlen(groups[g].name) == len &&
                      memcmp(groups[g].name, p, len) == 0))
      g++;
    if (g < 2)
      *mask |= groups[g].mask;
    else if (kg_class_parse(p, len, &cls) == 0)
      *mask |= KG_CLASS_BIT(cls);
    else
      return -1;
    p = plus ? plus + 1 : p + len;
  }
  return 0;
}

const char *kg_relation_name(KgRelation rel) {
  return (unsigned)rel < KG_REL_COUNT ? relation_names[rel] : "";
}

int kg_relation_parse(const char *name, size_t len, KgRelation *out) {
  int i = find_name(relation_names, KG_REL_COUNT, name, len);
  if (i < 0)
    return -1;
  *out = (KgRelation)i;
  return 0;
}

int kg_relation_is_symmetric(KgRelation rel) {
  return rel == KG_REL_ALLY_OF || rel == KG_REL_MET_WITH ||
         rel == KG_REL_OPPONENT_OF;
}

const char *kg_status_string(KgStatus status) {
  switch (status) {
  case KG_OK:
    return "success";
  case KG_ERR_NOMEM:
    return "out of memory";
  case KG_ERR_IO:
    return "input/output error";
  case KG_ERR_PARSE:
    return "malformed file";
  case KG_ERR_INPUT:
    return "unusable input";
  case KG_ERR_RDF:
    return "RDF library error";
  }
  return "unknown error";
}

/* Turtle prefixes, in the order they are declared (rdf: first, where
 * raptor's Turtle serializer put it).  There is no prefix for entity IRIs:
 * their local part holds a '/' (class/name), which is no XML name. */
const char *const kg_output_prefixes[][2] = {
    {"rdf", KG_RDF_NS},   {"newskg", KG_NS},          {"rdfs", KG_RDFS_NS},
    {"owl", KG_OWL_NS},   {"xsd", KG_XSD_NS},         {"nif", KG_NIF_NS},
    {"prov", KG_PROV_NS}, {"dcterms", KG_DCTERMS_NS},
};
const size_t kg_output_prefix_count =
    sizeof kg_output_prefixes / sizeof *kg_output_prefixes;

int kg_output_prefix(size_t i, const char **name, const char **iri) {
  if (i >= kg_output_prefix_count)
    return 0;
  *name = kg_output_prefixes[i][0];
  *iri = kg_output_prefixes[i][1];
  return 1;
}
