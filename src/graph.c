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
 *   - an evidence record holds the strongest reading of its sentence: its
 *     rule, strength, matched words and marks come from one match;
 *   - all text held (article, names, rule names) is valid UTF-8, and evidence
 *     spans lie inside the article on code point boundaries, the matched
 *     words and marks inside their sentence.
 *
 * IRIs are derived, never invented: an entity's from its class and name
 * (kg_entity_iri), the document's from a SHA-1 digest (nettle's, which
 * keeps its state on the caller's stack, so that threads may digest at once)
 * of its source id, else its URL, else its text, a rule's from its name, and
 * sameAs links from the gazetteer's Wikipedia titles and Wikidata ids.
 */
#include "graph.h"

#include <assert.h>
#include <nettle/sha1.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "grow.h"
#include "strmap.h"
#include "utf8.h"

/* An entity as stored; KgGraphEntity is its read-only view. */
typedef struct {
  KgClass cls;          ///< its class
  char *name;           ///< owned canonical name
  char *iri;            ///< owned IRI
  char **same_as;       ///< owned array of owned distinct sameAs IRIs
  size_t same_as_count; ///< IRIs in use
  size_t same_as_cap;   ///< IRIs allocated
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
  size_t *char_index;       ///< code points before byte k * CHAR_INDEX_STEP
  char *doc_iri;            ///< owned document IRI
  char *content_iri;        ///< owned document IRI from the text's SHA-1
  Entity *entities;         ///< owned array, in order added
  size_t entity_count;      ///< entities in use
  size_t entity_cap;        ///< entities allocated
  KgStrMap *entity_index;   ///< class digit + name -> entity index
  Relation *relations;      ///< owned array, in order added
  size_t relation_count;    ///< relations in use
  size_t relation_cap;      ///< relations allocated
  KgStrMap *relation_index; ///< normalised triple key -> relation index
  KgDate date;              ///< the article's date; year 0: unknown
  KgProvenance provenance;  ///< what kg_graph_write states
  char *source_id;          ///< owned id in the article's source, or NULL
  char *source_iri;         ///< owned IRI of the article's URL, or NULL
  char *title;              ///< owned headline, or NULL
  size_t sentence_count;    ///< sentences the article was split into
  size_t capped_sentences;  ///< sentences whose mentions were capped
  size_t first_capped_byte; ///< where the first of them starts
  size_t mentions_left_out; ///< over the article's cap
  size_t first_left_out_byte; ///< the sentence of the first of them
};

/* Bytes of text between two entries of a graph's char_index. */
#define CHAR_INDEX_STEP 4096

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
  struct sha1_ctx ctx;
  uint8_t bytes[SHA1_DIGEST_SIZE];
  sha1_init(&ctx);
  sha1_update(&ctx, len, (const uint8_t *)data);
  sha1_digest(&ctx, sizeof bytes, bytes);
  for (size_t i = 0; i < sizeof bytes; i++) {
    hex[2 * i] = digits[bytes[i] >> 4];
    hex[2 * i + 1] = digits[bytes[i] & 0x0F];
  }
  hex[40] = '\0';
  return KG_OK;
}

/* How an IRI builder writes a string into an IRI (see encode).  What a
 * style does not keep is written %XX, one per UTF-8 byte, which is always
 * valid: the result holds only what RFC 3987 allows. */
typedef struct {
  int underscores;   ///< a space is written '_' (names and titles)
  const char *ascii; ///< ASCII kept besides RFC 3986's unreserved
  int percent;       ///< a '%' that starts a %XX escape is kept
  int ucschar;       ///< non-ASCII RFC 3987 ucschar is kept
  int ends_path;     ///< '?' and '#' end the path (the string is a URL)
} IriStyle;

/* Entity and rule names: only unreserved ASCII is kept. */
static const IriStyle name_style = {1, "", 0, 0, 0};
/* Wikipedia titles: as an IRI path allows, '?' and '#' written %XX. */
static const IriStyle title_style = {1, "!$&'()*+,;=:@/", 1, 1, 0};
/* URLs as given: all RFC 3986 reserved characters kept. */
static const IriStyle url_style = {0, "!#$&'()*+,/:;=?@[]", 1, 1, 1};

/* Non-zero for the bytes RFC 3986 calls unreserved: kept as they are. */
static int is_unreserved(unsigned char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
         (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' || c == '~';
}

/* Non-zero for the code points RFC 3987 calls ucschar: allowed in an IRI
 * as they are. */
static int is_ucschar(long cp) {
  if (cp < 0xA0)
    return 0;
  if (cp <= 0xFFFF)
    return cp <= 0xD7FF || (cp >= 0xF900 && cp <= 0xFDCF) ||
           (cp >= 0xFDF0 && cp <= 0xFFEF);
  if ((cp & 0xFFFF) > 0xFFFD || cp > 0xEFFFD)
    return 0; /* the last two code points of each plane, and planes 15-16 */
  return cp < 0xE0000 || cp >= 0xE1000;
}

static int is_hex(char c) {
  return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'F') ||
         (c >= 'a' && c <= 'f');
}

/* Non-zero when the code point cp at s[i] (-1: a malformed byte) stays as
 * it is. */
static int keeps(const IriStyle *st, const char *s, size_t len, size_t i,
                 long cp) {
  if (cp >= 0x80)
    return st->ucschar && is_ucschar(cp);
  if (cp == '%')
    return st->percent && i + 2 < len && is_hex(s[i + 1]) && is_hex(s[i + 2]);
  return cp > 0 &&
         (is_unreserved((unsigned char)cp) || strchr(st->ascii, (int)cp));
}

/* Non-zero when s[i] (or the end, i == len) ends a path segment. */
static int ends_segment(const IriStyle *st, const char *s, size_t len,
                        size_t i) {
  return i == len || (s[i] == '/' && strchr(st->ascii, '/')) ||
         (st->ends_path && (s[i] == '?' || s[i] == '#'));
}

/* The number of dots at s[i], a segment's start, when the segment is "."
 * or "..": a parser that resolves IRIs (Turtle's) would remove it, so its
 * dots are written %2E. */
static size_t dot_segment(const IriStyle *st, const char *s, size_t len,
                          size_t i) {
  size_t dots = 0;
  while (dots < 2 && i + dots < len && s[i + dots] == '.')
    dots++;
  return dots && ends_segment(st, s, len, i + dots) ? dots : 0;
}

/* Writes s[0, len) at p in style st and returns the end; p must have room
 * for 3 * len bytes.  s is taken to start a path segment unless it is a
 * URL, whose path segments start after each '/' up to a '?' or '#'. */
static char *encode(char *p, const char *s, size_t len, const IriStyle *st) {
  static const char hex[] = "0123456789ABCDEF";
  int in_path = 1;
  size_t dots = st->ends_path ? 0 : dot_segment(st, s, len, 0);
  for (size_t i = 0, size; i < len; i += size) {
    long cp = kg_utf8_decode(s + i, len - i, &size);
    int keep = dots == 0 && keeps(st, s, len, i, cp);
    if (dots > 0)
      dots--;
    if (cp == ' ' && st->underscores) {
      *p++ = '_';
      continue;
    }
    for (size_t k = 0; k < size; k++) {
      unsigned char c = (unsigned char)s[i + k];
      if (keep) {
        *p++ = (char)c;
      } else {
        *p++ = '%';
        *p++ = hex[c >> 4];
        *p++ = hex[c & 0x0F];
      }
    }
    if (keep && st->ends_path && (cp == '?' || cp == '#'))
      in_path = 0;
    if (keep && in_path && cp == '/')
      dots = dot_segment(st, s, len, i + 1);
  }
  return p;
}

/* A new string: prefix followed by s[0, len) encoded in style st; NULL
 * when out of memory or too long. */
static char *encoded_iri(const char *prefix, const char *s, size_t len,
                         const IriStyle *st) {
  size_t base = strlen(prefix);
  /* Each byte takes at most 3 IRI bytes; the sum cannot overflow for any
   * string that fits in memory three times over, which we check. */
  if (len > (SIZE_MAX - base - 1) / 3)
    return NULL;
  char *iri = malloc(base + 3 * len + 1);
  if (!iri)
    return NULL;
  memcpy(iri, prefix, base);
  *encode(iri + base, s, len, st) = '\0';
  return iri;
}

char *kg_entity_iri(KgClass cls, const char *name, size_t len) {
  const char *class_name = kg_class_name(cls);
  char prefix[64];
  size_t base = strlen(KG_ENTITY_BASE), n = strlen(class_name);
  assert(base + n + 1 < sizeof prefix);
  memcpy(prefix, KG_ENTITY_BASE, base);
  for (size_t i = 0; i < n; i++) /* lower-cased: .../person/ */
    prefix[base + i] = (char)(class_name[i] >= 'A' && class_name[i] <= 'Z'
                                  ? class_name[i] - 'A' + 'a'
                                  : class_name[i]);
  memcpy(prefix + base + n, "/", 2);
  return encoded_iri(prefix, name, len, &name_style);
}

char *kg_rule_iri(const char *name) {
  return encoded_iri(KG_RULE_BASE, name, strlen(name), &name_style);
}

char *kg_dbpedia_iri(const char *title, size_t len) {
  if (len == 0 || kg_utf8_check(title, len) != len)
    return NULL;
  return encoded_iri(KG_DBPEDIA_BASE, title, len, &title_style);
}

char *kg_wikidata_iri(const char *qid, size_t len) {
  static const char base[] = KG_WIKIDATA_BASE;
  if (len < 2 || len > 19 || qid[0] != 'Q' || qid[1] < '1' || qid[1] > '9')
    return NULL;
  for (size_t i = 2; i < len; i++)
    if (qid[i] < '0' || qid[i] > '9')
      return NULL;
  char *iri = malloc(sizeof base + len);
  if (iri) {
    memcpy(iri, base, sizeof base - 1);
    memcpy(iri + sizeof base - 1, qid, len);
    iri[sizeof base - 1 + len] = '\0';
  }
  return iri;
}

static int is_alpha(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* Non-zero when s[0, len) starts with a URI scheme and its ':' (RFC 3986:
 * ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ) ":"). */
static int has_scheme(const char *s, size_t len) {
  if (len == 0 || !is_alpha(s[0]))
    return 0;
  for (size_t i = 1; i < len; i++) {
    char c = s[i];
    if (c == ':')
      return 1;
    if (!is_alpha(c) && !(c >= '0' && c <= '9') && c != '+' && c != '-' &&
        c != '.')
      return 0;
  }
  return 0;
}

char *kg_url_iri(const char *url, size_t len) {
  if (!has_scheme(url, len) || kg_utf8_check(url, len) != len)
    return NULL;
  return encoded_iri("", url, len, &url_style);
}

/* A new document IRI: KG_DOC_BASE + infix + the hex SHA-1 of data; NULL
 * when out of memory. */
static char *new_doc_iri(const char *infix, const char *data, size_t len) {
  size_t base = strlen(KG_DOC_BASE), middle = strlen(infix);
  char *iri = malloc(base + middle + 41);
  if (iri) {
    memcpy(iri, KG_DOC_BASE, base);
    memcpy(iri + base, infix, middle);
    kg_sha1_hex(data, len, iri + base + middle);
  }
  return iri;
}

/* A new char_index of text (NULL when out of memory): evidence offsets then
 * cost as much in a long article as in a short one. */
static size_t *index_chars(const char *text, size_t len) {
  size_t n = len / CHAR_INDEX_STEP + 1;
  size_t *index = malloc(n * sizeof *index);
  if (!index)
    return NULL;
  index[0] = 0;
  for (size_t k = 1; k < n; k++)
    index[k] = index[k - 1] + kg_utf8_length(text + (k - 1) * CHAR_INDEX_STEP,
                                             CHAR_INDEX_STEP);
  return index;
}

/* Code points of the text before byte offset i. */
static size_t char_offset(const KgGraph *g, size_t i) {
  size_t k = i / CHAR_INDEX_STEP;
  return g->char_index[k] +
         kg_utf8_length(g->text + k * CHAR_INDEX_STEP, i - k * CHAR_INDEX_STEP);
}

KgStatus kg_graph_new(const char *text, size_t len, KgGraph **out) {
  *out = NULL;
  if (kg_text_check(text, len, NULL) != len)
    return KG_ERR_INPUT;
  KgGraph *g = calloc(1, sizeof *g);
  if (!g)
    return KG_ERR_NOMEM;
  g->len = len;
  g->char_len = kg_utf8_length(text, len);
  g->text = copy_string(text, len);
  g->char_index = index_chars(text, len);
  g->entity_index = kg_strmap_new();
  g->relation_index = kg_strmap_new();
  g->content_iri = new_doc_iri("", text, len);
  g->doc_iri = g->content_iri
                   ? copy_string(g->content_iri, strlen(g->content_iri))
                   : NULL;
  if (!g->text || !g->char_index || !g->entity_index || !g->relation_index ||
      !g->doc_iri) {
    kg_graph_free(g);
    return KG_ERR_NOMEM;
  }
  *out = g;
  return KG_OK;
}

/* Non-zero when s is NULL or text a literal may hold (kg_text_check). */
static int absent_or_text(const char *s) {
  return !s || kg_text_check(s, strlen(s), NULL) == strlen(s);
}

/* A new copy of s, or NULL for NULL and "".  Sets *failed when out of
 * memory. */
static char *copy_given(const char *s, int *failed) {
  if (!s || !*s)
    return NULL;
  char *copy = copy_string(s, strlen(s));
  if (!copy)
    *failed = 1;
  return copy;
}

char *kg_document_iri(const char *text, size_t len, const char *id,
                      const char *url) {
  if (id && *id)
    return new_doc_iri("id/", id, strlen(id));
  if (url && *url)
    return new_doc_iri("url/", url, strlen(url));
  return new_doc_iri("", text, len);
}

const char *kg_url_problem(const char *url) {
  if (!absent_or_text(url))
    return "is not UTF-8 text (or holds U+FFFE or U+FFFF)";
  if (!has_scheme(url, strlen(url)))
    return "has no scheme (such as \"https:\")";
  /* No article lives in RDF's own namespace, and raptor's N-Triples and
   * N-Quads parsers refuse its rdf:_ names that are not numbers wherever
   * they stand (fuzz_extract found it).  The namespace holds no character
   * kg_url_iri writes %XX, so the URL starts with it when its IRI does. */
  if (strncmp(url, KG_RDF_NS, strlen(KG_RDF_NS)) == 0)
    return "is a name of RDF's own vocabulary (" KG_RDF_NS "...), not an "
           "article's address";
  /* JSON-LD's context declares the output's prefixes, so a processor reads
   * "nif:x" as the nif: vocabulary's name x: no article lives at an address
   * of such a scheme, and the formats would disagree on it. */
  size_t scheme = (size_t)(strchr(url, ':') - url);
  for (size_t i = 0; i < kg_output_prefix_count; i++)
    if (strlen(kg_output_prefixes[i][0]) == scheme &&
        memcmp(url, kg_output_prefixes[i][0], scheme) == 0)
      return "has a scheme that is one of the output's prefix names (such "
             "as \"nif:\"), not an article's address";
  return NULL;
}

KgStatus kg_graph_set_source(KgGraph *g, const char *id, const char *url,
                             const char *title, KgError *err) {
  if (!absent_or_text(id) || !absent_or_text(title))
    return kg_error(err, KG_ERR_INPUT, NULL, 0, -1,
                    "the article's id or title is not UTF-8 text "
                    "(or holds U+FFFE or U+FFFF)");
  const char *problem = url && *url ? kg_url_problem(url) : NULL;
  if (problem)
    return kg_error(err, KG_ERR_INPUT, NULL, 0, -1, "the article's URL %s",
                    problem);
  char *iri = NULL;
  int failed = url && *url && !(iri = kg_url_iri(url, strlen(url)));
  char *id_copy = copy_given(id, &failed);
  char *title_copy = copy_given(title, &failed);
  /* the text's IRI is known already: its SHA-1 is not computed again */
  char *doc = id_copy || iri
                  ? kg_document_iri(g->text, g->len, id_copy, iri ? url : NULL)
                  : copy_string(g->content_iri, strlen(g->content_iri));
  if (failed || !doc) {
    free(iri);
    free(id_copy);
    free(title_copy);
    free(doc);
    return kg_error(err, KG_ERR_NOMEM, NULL, 0, -1, "out of memory");
  }
  free(g->source_id);
  free(g->source_iri);
  free(g->title);
  free(g->doc_iri);
  g->source_id = id_copy;
  g->source_iri = iri;
  g->title = title_copy;
  g->doc_iri = doc;
  return KG_OK;
}

void kg_graph_free(KgGraph *g) {
  if (!g)
    return;
  for (size_t i = 0; i < g->entity_count; i++) {
    Entity *e = &g->entities[i];
    free(e->name);
    free(e->iri);
    for (size_t k = 0; k < e->same_as_count; k++)
      free(e->same_as[k]);
    free(e->same_as);
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
  free(g->content_iri);
  free(g->source_id);
  free(g->source_iri);
  free(g->title);
  free(g->text);
  free(g->char_index);
  free(g);
}

KgStatus kg_graph_add_entity(KgGraph *g, KgClass cls, const char *name,
                             size_t *id) {
  assert((unsigned)cls < KG_CLASS_COUNT && name);
  if ((unsigned)cls >= KG_CLASS_COUNT || !name)
    return KG_ERR_INPUT;
  size_t len = strlen(name);
  if (kg_text_check(name, len, NULL) != len)
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
  Entity e = {
      cls, copy_string(name, len), kg_entity_iri(cls, name, len), NULL, 0, 0};
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

KgStatus kg_graph_add_same_as(KgGraph *g, size_t id, const char *iri) {
  if (id >= g->entity_count)
    return KG_ERR_INPUT;
  Entity *e = &g->entities[id];
  for (size_t k = 0; k < e->same_as_count; k++)
    if (strcmp(e->same_as[k], iri) == 0)
      return KG_OK;
  char *copy = copy_string(iri, strlen(iri));
  if (!copy || kg_grow((void **)&e->same_as, e->same_as_count, &e->same_as_cap,
                       sizeof *e->same_as) != 0) {
    free(copy);
    return KG_ERR_NOMEM;
  }
  e->same_as[e->same_as_count++] = copy;
  return KG_OK;
}

/* Makes src's match the reading of evidence record ev; rule is the stored
 * copy of src's rule name, its path (if any) stored after it. */
static void set_reading(const KgGraph *g, KgEvidence *ev, const KgSource *src,
                        const char *rule) {
  ev->rule = rule;
  ev->path = rule && src->path ? rule + strlen(rule) + 1 : NULL;
  ev->strength = src->strength;
  ev->match = src->match;
  ev->match_char_start = char_offset(g, src->match.start);
  ev->match_char_end = char_offset(g, src->match.end);
  ev->subject = src->subject;
  ev->object = src->object;
  ev->trigger = src->trigger;
}

/* Adds the evidence record (and its rule) to r unless r has the sentence
 * already; a known sentence contributes its rule name, and its reading
 * when that is stronger. */
static KgStatus add_evidence(const KgGraph *g, Relation *r,
                             const KgSource *src) {
  /* Find or add the rule name first: evidence points at the stored name. */
  const char *stored = NULL, *rule = src->rule;
  if (rule) {
    for (size_t k = 0; k < r->rule_count && !stored; k++)
      if (strcmp(r->rules[k], rule) == 0)
        stored = r->rules[k];
    if (!stored) {
      /* the name, and after its NUL the rule's path (or nothing) */
      size_t len = strlen(rule), path_len = src->path ? strlen(src->path) : 0;
      if (kg_text_check(rule, len, NULL) != len ||
          kg_text_check(src->path ? src->path : "", path_len, NULL) != path_len)
        return KG_ERR_INPUT;
      char *copy = malloc(len + path_len + 2);
      if (copy) {
        memcpy(copy, rule, len + 1);
        memcpy(copy + len + 1, src->path ? src->path : "", path_len + 1);
      }
      if (!copy || kg_grow((void **)&r->rules, r->rule_count, &r->rule_cap,
                           sizeof *r->rules) != 0) {
        free(copy);
        return KG_ERR_NOMEM;
      }
      r->rules[r->rule_count++] = copy;
      stored = copy;
    }
  }
  for (size_t k = 0; k < r->evidence_count; k++) {
    KgEvidence *ev = &r->evidence[k];
    if (ev->start == src->sentence.start && ev->end == src->sentence.end) {
      if (src->strength > ev->strength)
        set_reading(g, ev, src, stored);
      return KG_OK;
    }
  }
  if (kg_grow((void **)&r->evidence, r->evidence_count, &r->evidence_cap,
              sizeof *r->evidence) != 0)
    return KG_ERR_NOMEM;
  KgEvidence *ev = &r->evidence[r->evidence_count++];
  memset(ev, 0, sizeof *ev);
  ev->start = src->sentence.start;
  ev->end = src->sentence.end;
  ev->char_start = char_offset(g, ev->start);
  ev->char_end = char_offset(g, ev->end);
  set_reading(g, ev, src, stored);
  ev->date_count =
      src->date_count < KG_SENTENCE_DATES ? src->date_count : KG_SENTENCE_DATES;
  if (ev->date_count)
    memcpy(ev->dates, src->dates, ev->date_count * sizeof *ev->dates);
  return KG_OK;
}

/* Non-zero when byte offset i of the text starts a code point (or is its
 * end). */
static int on_boundary(const KgGraph *g, size_t i) {
  return i == g->len || ((unsigned char)g->text[i] & 0xC0) != 0x80;
}

/* Non-zero when span lies inside outer on code point boundaries; an empty
 * span always does. */
static int span_inside(const KgGraph *g, KgTextSpan span, KgTextSpan outer) {
  if (span.start == span.end)
    return 1;
  return span.start < span.end && span.start >= outer.start &&
         span.end <= outer.end && on_boundary(g, span.start) &&
         on_boundary(g, span.end);
}

static int source_valid(const KgGraph *g, const KgSource *src) {
  KgTextSpan s = src->sentence;
  return s.start <= s.end && s.end <= g->len && on_boundary(g, s.start) &&
         on_boundary(g, s.end) && span_inside(g, src->match, s) &&
         span_inside(g, src->subject, s) && span_inside(g, src->object, s) &&
         span_inside(g, src->trigger, s) && src->strength >= 0.0 &&
         src->strength <= 1.0 && (src->dates || !src->date_count);
}

/* The key of a triple in relation_index: the symmetric relations' with the
 * smaller entity index first.  Returns its length. */
static size_t relation_key(size_t subject, KgRelation rel, size_t object,
                           char key[64]) {
  size_t a = subject, b = object;
  if (kg_relation_is_symmetric(rel) && b < a) {
    a = object;
    b = subject;
  }
  int n = snprintf(key, 64, "%zu %d %zu", a, (int)rel, b);
  assert(n > 0 && n < 64);
  return (size_t)n;
}

KgStatus kg_graph_add_relation(KgGraph *g, size_t subject, KgRelation rel,
                               size_t object, const KgSource *source) {
  if (subject >= g->entity_count || object >= g->entity_count ||
      (unsigned)rel >= KG_REL_COUNT || !source_valid(g, source))
    return KG_ERR_INPUT;

  char key[64];
  size_t n = relation_key(subject, rel, object, key), found;
  if (kg_strmap_get(g->relation_index, key, n, &found))
    return add_evidence(g, &g->relations[found], source);

  if (kg_grow((void **)&g->relations, g->relation_count, &g->relation_cap,
              sizeof *g->relations) != 0)
    return KG_ERR_NOMEM;
  Relation *r = &g->relations[g->relation_count];
  memset(r, 0, sizeof *r);
  r->subject = subject;
  r->rel = rel;
  r->object = object;
  KgStatus status = add_evidence(g, r, source);
  if (status == KG_OK &&
      kg_strmap_put(g->relation_index, key, n, g->relation_count) != 0)
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

long kg_graph_find_relation(const KgGraph *g, size_t subject, KgRelation rel,
                            size_t object) {
  char key[64];
  size_t n = relation_key(subject, rel, object, key), found;
  return kg_strmap_get(g->relation_index, key, n, &found) ? (long)found : -1;
}

void kg_graph_set_date(KgGraph *g, const KgDate *date) {
  g->date = date ? *date : (KgDate){0, 0, 0};
}

const KgDate *kg_graph_date(const KgGraph *g) {
  return g->date.year ? &g->date : NULL;
}

void kg_graph_set_provenance(KgGraph *g, KgProvenance level) {
  g->provenance = level;
}

KgProvenance kg_graph_provenance(const KgGraph *g) { return g->provenance; }

size_t kg_graph_entity_count(const KgGraph *g) { return g->entity_count; }

size_t kg_graph_relation_count(const KgGraph *g) { return g->relation_count; }

const char *kg_graph_text(const KgGraph *g, size_t *len) {
  *len = g->len;
  return g->text;
}

size_t kg_graph_char_length(const KgGraph *g) { return g->char_len; }

const char *kg_graph_doc_iri(const KgGraph *g) { return g->doc_iri; }

const char *kg_graph_source_id(const KgGraph *g) { return g->source_id; }

const char *kg_graph_source_iri(const KgGraph *g) { return g->source_iri; }

const char *kg_graph_title(const KgGraph *g) { return g->title; }

void kg_graph_set_sentence_count(KgGraph *g, size_t count) {
  g->sentence_count = count;
}

size_t kg_graph_sentence_count(const KgGraph *g) { return g->sentence_count; }

void kg_graph_set_capped_sentences(KgGraph *g, size_t count,
                                   size_t first_byte) {
  g->capped_sentences = count;
  g->first_capped_byte = first_byte;
}

size_t kg_graph_capped_sentences(const KgGraph *g, size_t *first_byte) {
  if (first_byte && g->capped_sentences)
    *first_byte = g->first_capped_byte;
  return g->capped_sentences;
}

void kg_graph_set_capped_article(KgGraph *g, size_t count, size_t first_byte) {
  g->mentions_left_out = count;
  g->first_left_out_byte = first_byte;
}

size_t kg_graph_capped_article(const KgGraph *g, size_t *first_byte) {
  if (first_byte && g->mentions_left_out)
    *first_byte = g->first_left_out_byte;
  return g->mentions_left_out;
}

KgGraphEntity kg_graph_entity(const KgGraph *g, size_t id) {
  assert(id < g->entity_count);
  const Entity *e = &g->entities[id];
  KgGraphEntity view = {e->cls, e->name, e->iri,
                        (const char *const *)e->same_as, e->same_as_count};
  return view;
}

size_t kg_format_hundredths(double value, char buf[8]) {
  long h = (long)(value * 100.0 + 0.5);
  if (h < 0)
    h = 0;
  if (h > 100)
    h = 100;
  int n = snprintf(buf, 8, "%ld.%02ld", h / 100, h % 100);
  return n > 0 ? (size_t)n : 0;
}

/* 1 - (1 - s1)(1 - s2)... over the relation's sentences, in hundredths
 * so that what is written and what --min-confidence compares agree. */
static double confidence(const Relation *r) {
  double doubt = 1.0;
  for (size_t k = 0; k < r->evidence_count; k++)
    doubt *= 1.0 - r->evidence[k].strength;
  return (double)(long)((1.0 - doubt) * 100.0 + 0.5) / 100.0;
}

KgGraphRelation kg_graph_relation(const KgGraph *g, size_t i) {
  assert(i < g->relation_count);
  const Relation *r = &g->relations[i];
  KgGraphRelation view = {r->subject,        r->rel,
                          r->object,         r->evidence,
                          r->evidence_count, (const char *const *)r->rules,
                          r->rule_count,     confidence(r)};
  return view;
}

const char *kg_graph_evidence_text(const KgGraph *g, const KgEvidence *ev,
                                   size_t *len) {
  assert(ev->start <= ev->end && ev->end <= g->len);
  *len = ev->end - ev->start;
  return g->text + ev->start;
}
