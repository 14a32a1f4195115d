/* graph.c - the knowledge graph of one article; see graph.h.
 *
 * A graph owns a copy of the article text, its document IRI, a list of
 * entities and a list of relations.  Both lists only grow, in the order the
 * pipeline adds to them, and that order is the order of the output: the same
 * additions always give the same graph and so the same bytes.
 *
 * Invariants:
 *   - entities are unique by (class, canonical name); `entity_index` maps
 *     the key  class digit + name  to the entity's position;
 *   - relations are unique by (subject, relation, object), and a symmetric
 *     relation is unique in either direction: `relation_index` maps the key
 *     of the normalised triple (smaller entity index first) to its position,
 *     and the relation keeps the direction it was first added in;
 *   - every relation has at least one evidence record, records are unique by
 *     sentence span, and each rule name appears once in the relation's rule
 *     list however many sentences it matched;
 *   - all text held (article, names, rule names) is valid UTF-8, and evidence
 *     spans lie inside the article on code point boundaries.
 *
 * IRIs are derived, never invented: an entity's from its class and name
 * (kg_entity_iri), the document's from a SHA-1 digest of its text, computed
 * with librdf's digest API.
 */
#include "graph.h"

#include <assert.h>
#include <redland.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "grow.h"
#include "strmap.h"
#include "utf8.h"

/* An entity as stored; KgGraphEntity is its read-only view. */
typedef struct {
  KgClass cls; ///< its class
  char *name;  ///< owned canonical name
  char *iri;   ///< owned IRI
} Entity;

/* A relation as stored; KgGraphRelation is its read-only view. */
typedef struct {
  size_t subject;        ///< entity index
  KgRelation rel;        ///< the predicate
  size_t object;         ///< entity index
  KgEvidence *evidence;  ///< owned array; rule fields point into rules
  size_t evidence_count; ///< records in use
  size_t evidence_cap;   ///< records allocated
  char **rules;          ///< owned array of owned distinct rule names
  size_t rule_count;     ///< names in use
  size_t rule_cap;       ///< names allocated
} Relation;

struct KgGraphImpl {
  char *text;               ///< owned NUL-terminated copy of the article
  size_t len;               ///< bytes of text
  size_t char_len;          ///< code points of text
  char *doc_iri;            ///< owned document IRI
  Entity *entities;         ///< owned array, in order added
  size_t entity_count;      ///< entities in use
  size_t entity_cap;        ///< entities allocated
  KgStrMap *entity_index;   ///< class digit + name -> entity index
  Relation *relations;      ///< owned array, in order added
  size_t relation_count;    ///< relations in use
  size_t relation_cap;      ///< relations allocated
  KgStrMap *relation_index; ///< normalised triple key -> relation index
};

static char *copy_string(const char *s, size_t len) {
  char *copy = malloc(len + 1);
  if (copy) {
    memcpy(copy, s, len);
    copy[len] = '\0';
  }
  return copy;
}

KgStatus kg_sha1_hex(const char *data, size_t len, char hex[41]) {
  static const char digits[] = "0123456789abcdef";
  librdf_world *world = librdf_new_world();
  if (!world)
    return KG_ERR_NOMEM;
  KgStatus status = KG_OK;
  librdf_digest *digest = librdf_new_digest(world, "SHA1");
  if (!digest) {
    status = KG_ERR_RDF;
  } else {
    librdf_digest_init(digest);
    /* librdf's SHA-1 scrambles the buffer it is given (it transforms
     * blocks in place), so feed it copies, never the caller's text */
    unsigned char block[4096];
    for (size_t done = 0; done < len;) {
      size_t n = len - done < sizeof block ? len - done : sizeof block;
      memcpy(block, data + done, n);
      librdf_digest_update(digest, block, n);
      done += n;
    }
    librdf_digest_final(digest);
    const unsigned char *bytes = librdf_digest_get_digest(digest);
    if (!bytes || librdf_digest_get_digest_length(digest) != 20) {
      status = KG_ERR_RDF;
    } else {
      for (size_t i = 0; i < 20; i++) {
        hex[2 * i] = digits[bytes[i] >> 4];
        hex[2 * i + 1] = digits[bytes[i] & 0x0F];
      }
      hex[40] = '\0';
    }
    librdf_free_digest(digest);
  }
  librdf_free_world(world);
  return status;
}

/* Non-zero for the bytes RFC 3986 calls unreserved: kept as they are. */
static int is_unreserved(unsigned char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
         (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' || c == '~';
}

char *kg_entity_iri(KgClass cls, const char *name, size_t len) {
  static const char hex[] = "0123456789ABCDEF";
  const char *class_name = kg_class_name(cls);
  size_t base = strlen(KG_ENTITY_BASE), clen = strlen(class_name);
  /* Each name byte takes at most 3 IRI bytes; the sum cannot overflow for
   * any name that fits in memory three times over, which we check. */
  if (len > (SIZE_MAX - base - clen - 2) / 3)
    return NULL;
  char *iri = malloc(base + clen + 1 + 3 * len + 1);
  if (!iri)
    return NULL;
  char *p = iri;
  memcpy(p, KG_ENTITY_BASE, base);
  p += base;
  for (size_t i = 0; i < clen; i++) {
    char c = class_name[i];
    *p++ = (c >= 'A' && c <= 'Z') ? (char)(c - 'A' + 'a') : c;
  }
  *p++ = '/';
  for (size_t i = 0; i < len; i++) {
    unsigned char c = (unsigned char)name[i];
    if (c == ' ') {
      *p++ = '_';
    } else if (is_unreserved(c)) {
      *p++ = (char)c;
    } else {
      *p++ = '%';
      *p++ = hex[c >> 4];
      *p++ = hex[c & 0x0F];
    }
  }
  *p = '\0';
  return iri;
}

KgStatus kg_graph_new(const char *text, size_t len, KgGraph **out) {
  *out = NULL;
  if (kg_utf8_check(text, len) != len)
    return KG_ERR_INPUT;
  KgGraph *g = calloc(1, sizeof *g);
  if (!g)
    return KG_ERR_NOMEM;
  g->len = len;
  g->char_len = kg_utf8_length(text, len);
  g->text = copy_string(text, len);
  g->entity_index = kg_strmap_new();
  g->relation_index = kg_strmap_new();
  size_t base = strlen(KG_DOC_BASE);
  g->doc_iri = malloc(base + 41);
  if (!g->text || !g->entity_index || !g->relation_index || !g->doc_iri) {
    kg_graph_free(g);
    return KG_ERR_NOMEM;
  }
  memcpy(g->doc_iri, KG_DOC_BASE, base);
  KgStatus status = kg_sha1_hex(text, len, g->doc_iri + base);
  if (status != KG_OK) {
    kg_graph_free(g);
    return status;
  }
  *out = g;
  return KG_OK;
}

void kg_graph_free(KgGraph *g) {
  if (!g)
    return;
  for (size_t i = 0; i < g->entity_count; i++) {
    free(g->entities[i].name);
    free(g->entities[i].iri);
  }
  for (size_t i = 0; i < g->relation_count; i++) {
    Relation *r = &g->relations[i];
    free(r->evidence);
    for (size_t k = 0; k < r->rule_count; k++)
      free(r->rules[k]);
    free(r->rules);
  }
  free(g->entities);
  free(g->relations);
  kg_strmap_free(g->entity_index);
  kg_strmap_free(g->relation_index);
  free(g->doc_iri);
  free(g->text);
  free(g);
}

KgStatus kg_graph_add_entity(KgGraph *g, KgClass cls, const char *name,
                             size_t *id) {
  assert((unsigned)cls < KG_CLASS_COUNT && name);
  if ((unsigned)cls >= KG_CLASS_COUNT || !name)
    return KG_ERR_INPUT;
  size_t len = strlen(name);
  if (kg_utf8_check(name, len) != len)
    return KG_ERR_INPUT;

  /* Key: one digit for the class, then the name. */
  char *key = malloc(len + 1);
  if (!key)
    return KG_ERR_NOMEM;
  key[0] = (char)('0' + (int)cls);
  memcpy(key + 1, name, len);
  size_t found;
  if (kg_strmap_get(g->entity_index, key, len + 1, &found)) {
    free(key);
    *id = found;
    return KG_OK;
  }

  KgStatus status = KG_ERR_NOMEM;
  Entity e = {cls, copy_string(name, len), kg_entity_iri(cls, name, len)};
  if (e.name && e.iri &&
      kg_grow((void **)&g->entities, g->entity_count, &g->entity_cap,
              sizeof *g->entities) == 0 &&
      kg_strmap_put(g->entity_index, key, len + 1, g->entity_count) == 0) {
    g->entities[g->entity_count] = e;
    *id = g->entity_count++;
    status = KG_OK;
  } else {
    free(e.name);
    free(e.iri);
  }
  free(key);
  return status;
}

/* Adds the evidence record (and its rule) to r unless r has the span
 * already; a known span only contributes a new rule name. */
static KgStatus add_evidence(const KgGraph *g, Relation *r, size_t start,
                             size_t end, const char *rule) {
  /* Find or add the rule name first: evidence points at the stored name. */
  const char *stored = NULL;
  if (rule) {
    for (size_t k = 0; k < r->rule_count && !stored; k++)
      if (strcmp(r->rules[k], rule) == 0)
        stored = r->rules[k];
    if (!stored) {
      size_t len = strlen(rule);
      if (kg_utf8_check(rule, len) != len)
        return KG_ERR_INPUT;
      char *copy = copy_string(rule, len);
      if (!copy || kg_grow((void **)&r->rules, r->rule_count, &r->rule_cap,
                           sizeof *r->rules) != 0) {
        free(copy);
        return KG_ERR_NOMEM;
      }
      r->rules[r->rule_count++] = copy;
      stored = copy;
    }
  }
  for (size_t k = 0; k < r->evidence_count; k++)
    if (r->evidence[k].start == start && r->evidence[k].end == end)
      return KG_OK;
  if (kg_grow((void **)&r->evidence, r->evidence_count, &r->evidence_cap,
              sizeof *r->evidence) != 0)
    return KG_ERR_NOMEM;
  KgEvidence *ev = &r->evidence[r->evidence_count++];
  ev->start = start;
  ev->end = end;
  ev->char_start = kg_utf8_length(g->text, start);
  ev->char_end = ev->char_start + kg_utf8_length(g->text + start, end - start);
  ev->rule = stored;
  return KG_OK;
}

/* Non-zero when byte offset i of the text starts a code point (or is its
 * end). */
static int on_boundary(const KgGraph *g, size_t i) {
  return i == g->len || ((unsigned char)g->text[i] & 0xC0) != 0x80;
}

KgStatus kg_graph_add_relation(KgGraph *g, size_t subject, KgRelation rel,
                               size_t object, size_t sent_start,
                               size_t sent_end, const char *rule) {
  if (subject >= g->entity_count || object >= g->entity_count ||
      (unsigned)rel >= KG_REL_COUNT || sent_start > sent_end ||
      sent_end > g->len || !on_boundary(g, sent_start) ||
      !on_boundary(g, sent_end))
    return KG_ERR_INPUT;

  size_t a = subject, b = object;
  if (kg_relation_is_symmetric(rel) && b < a) {
    a = object;
    b = subject;
  }
  char key[64];
  int n = snprintf(key, sizeof key, "%zu %d %zu", a, (int)rel, b);
  assert(n > 0 && (size_t)n < sizeof key);
  size_t found;
  if (kg_strmap_get(g->relation_index, key, (size_t)n, &found))
    return add_evidence(g, &g->relations[found], sent_start, sent_end, rule);

  if (kg_grow((void **)&g->relations, g->relation_count, &g->relation_cap,
              sizeof *g->relations) != 0)
    return KG_ERR_NOMEM;
  Relation *r = &g->relations[g->relation_count];
  memset(r, 0, sizeof *r);
  r->subject = subject;
  r->rel = rel;
  r->object = object;
  KgStatus status = add_evidence(g, r, sent_start, sent_end, rule);
  if (status == KG_OK &&
      kg_strmap_put(g->relation_index, key, (size_t)n, g->relation_count) != 0)
    status = KG_ERR_NOMEM;
  if (status != KG_OK) {
    free(r->evidence);
    for (size_t k = 0; k < r->rule_count; k++)
      free(r->rules[k]);
    free(r->rules);
    return status;
  }
  g->relation_count++;
  return KG_OK;
}

size_t kg_graph_entity_count(const KgGraph *g) { return g->entity_count; }

size_t kg_graph_relation_count(const KgGraph *g) { return g->relation_count; }

const char *kg_graph_text(const KgGraph *g, size_t *len) {
  *len = g->len;
  return g->text;
}

size_t kg_graph_char_length(const KgGraph *g) { return g->char_len; }

const char *kg_graph_doc_iri(const KgGraph *g) { return g->doc_iri; }

KgGraphEntity kg_graph_entity(const KgGraph *g, size_t id) {
  assert(id < g->entity_count);
  const Entity *e = &g->entities[id];
  KgGraphEntity view = {e->cls, e->name, e->iri};
  return view;
}

KgGraphRelation kg_graph_relation(const KgGraph *g, size_t i) {
  assert(i < g->relation_count);
  const Relation *r = &g->relations[i];
  KgGraphRelation view = {r->subject,        r->rel,
                          r->object,         r->evidence,
                          r->evidence_count, (const char *const *)r->rules,
                          r->rule_count};
  return view;
}

const char *kg_graph_evidence_text(const KgGraph *g, const KgEvidence *ev,
                                   size_t *len) {
  assert(ev->start <= ev->end && ev->end <= g->len);
  *len = ev->end - ev->start;
  return g->text + ev->start;
}
