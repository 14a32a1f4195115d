/* test_writer.c - CUnit suite of what libnewskg does for corpora:
 * kg_graph_set_source (document IRIs from an id, a URL or the text, the
 * dcterms triples, kg_url_iri), KgWriter (the same bytes as kg_graph_write,
 * call after call; the count of triples; kg_writer_render's bytes are
 * kg_writer_write's), N-Quads (every triple in the
 * document's graph, parsed back with raptor), the bytes of every format
 * against raptor's own serializers (which newskg no longer uses to write),
 * and kg_graph_sentence_count.
 * Articles are extracted with the data of $NEWSKG_DATA (default "data").
 */
#ifndef _POSIX_C_SOURCE
#define _POSIX_C_SOURCE 200809L /* open_memstream */
#endif
#include <CUnit/Basic.h>
#include <CUnit/CUnit.h>
#include <raptor2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "graph.h"
#include "newskg-version.h"
#include "extractor.h"
#include "runner.h"
#include "serialize.h"

#define DOC KG_DOC_BASE
#define DCTERMS "<http://purl.org/dc/terms/"
#define RDF_TYPE "<" KG_RDF_NS "type>"

static const char *const TEXT =
    "Britain imposed sanctions on Belarus. Emmanuel Macron met Vladimir "
    "Putin in Paris.\n";


static KgGraph *extract(const char *text) {
  KgGraph *g = NULL;
  KgError err;
  CU_ASSERT_EQUAL(kg_extract(extractor, text, strlen(text), &g, &err), KG_OK);
  return g;
}

/* DOC + infix + the hex SHA-1 of s, in buf. */
static const char *doc_iri(const char *infix, const char *s, char buf[128]) {
  char hex[41];
  kg_sha1_hex(s, strlen(s), hex);
  snprintf(buf, 128, "%s%s%s", DOC, infix, hex);
  return buf;
}

/* ---- kg_url_iri -------------------------------------------------------- */

static void check_url(const char *url, const char *expected) {
  char *iri = kg_url_iri(url, strlen(url));
  if (!expected) {
    CU_ASSERT_PTR_NULL(iri);
  } else {
    CU_ASSERT_PTR_NOT_NULL_FATAL(iri);
    CU_ASSERT_STRING_EQUAL(iri, expected);
  }
  free(iri);
}

static void test_url_iris(void) {
  check_url("https://example.org/a?b=c#d", "https://example.org/a?b=c#d");
  check_url("https://example.org/a b", "https://example.org/a%20b");
  check_url("http://x.org/<\"{}|\\^`>", "http://x.org/%3C%22%7B%7D%7C%5C%5E%60%3E");
  check_url("http://x.org/\t\x7f", "http://x.org/%09%7F");
  check_url("http://x.org/caf\xc3\xa9", "http://x.org/caf\xc3\xa9");
  check_url("urn:isbn:0451450523", "urn:isbn:0451450523");
  check_url("example.org/news", NULL);  /* no scheme */
  check_url("://example.org", NULL);    /* empty scheme */
  check_url("1http://x.org", NULL);     /* a scheme starts with a letter */
  check_url("ht tp://x.org", NULL);     /* nor holds a space */
  check_url("http://x.org/\xe9", NULL); /* not UTF-8 */
  check_url("", NULL);
}

/* ---- kg_graph_set_source -------------------------------------------------- */

static void test_document_iri_from_id_url_or_text(void) {
  char want[128];
  KgGraph *g = extract(TEXT);
  CU_ASSERT_PTR_NOT_NULL_FATAL(g);
  CU_ASSERT_STRING_EQUAL(kg_graph_doc_iri(g), doc_iri("", TEXT, want));

  KgError err;
  CU_ASSERT_EQUAL(kg_graph_set_source(g, NULL, "https://example.org/1",
                                      NULL, &err),
                  KG_OK);
  CU_ASSERT_STRING_EQUAL(kg_graph_doc_iri(g),
                         doc_iri("url/", "https://example.org/1", want));
  CU_ASSERT_STRING_EQUAL(kg_graph_source_iri(g), "https://example.org/1");
  CU_ASSERT_PTR_NULL(kg_graph_source_id(g));

  CU_ASSERT_EQUAL(kg_graph_set_source(g, "wn-42", "https://example.org/1",
                                      "Headline", &err),
                  KG_OK);
  CU_ASSERT_STRING_EQUAL(kg_graph_doc_iri(g), doc_iri("id/", "wn-42", want));
  CU_ASSERT_STRING_EQUAL(kg_graph_source_id(g), "wn-42");
  CU_ASSERT_STRING_EQUAL(kg_graph_title(g), "Headline");

  /* empty strings are unknown: back to the text's IRI */
  CU_ASSERT_EQUAL(kg_graph_set_source(g, "", "", "", &err), KG_OK);
  CU_ASSERT_STRING_EQUAL(kg_graph_doc_iri(g), doc_iri("", TEXT, want));
  CU_ASSERT_PTR_NULL(kg_graph_source_id(g));
  CU_ASSERT_PTR_NULL(kg_graph_source_iri(g));
  CU_ASSERT_PTR_NULL(kg_graph_title(g));
  kg_graph_free(g);
}

static void test_bad_sources_are_refused(void) {
  KgGraph *g = extract(TEXT);
  CU_ASSERT_PTR_NOT_NULL_FATAL(g);
  KgError err;
  CU_ASSERT_EQUAL(kg_graph_set_source(g, "id-1", NULL, NULL, &err), KG_OK);
  char before[128];
  snprintf(before, sizeof before, "%s", kg_graph_doc_iri(g));

  CU_ASSERT_EQUAL(kg_graph_set_source(g, "x", "www.example.org", NULL, &err),
                  KG_ERR_INPUT);
  CU_ASSERT_PTR_NOT_NULL(strstr(err.message, "scheme"));
  CU_ASSERT_EQUAL(kg_graph_set_source(g, "x", KG_RDF_NS "_abc", NULL, &err),
                  KG_ERR_INPUT);
  CU_ASSERT_PTR_NOT_NULL(strstr(err.message, "RDF's own vocabulary"));
  CU_ASSERT_EQUAL(kg_graph_set_source(g, "caf\xe9", NULL, NULL, &err),
                  KG_ERR_INPUT);
  CU_ASSERT_EQUAL(kg_graph_set_source(g, NULL, NULL, "\xff", &err),
                  KG_ERR_INPUT);
  CU_ASSERT_PTR_NOT_NULL(strstr(err.message, "UTF-8"));
  /* nothing changed */
  CU_ASSERT_STRING_EQUAL(kg_graph_doc_iri(g), before);
  CU_ASSERT_STRING_EQUAL(kg_graph_source_id(g), "id-1");
  kg_graph_free(g);
}

/* ---- writing ----------------------------------------------------------- */

/* Writes g with w into a new buffer; *triples gets the count. */
static char *write_with(KgWriter *w, const KgGraph *g, size_t *len,
                        size_t *triples) {
  char *buf = NULL;
  FILE *fh = open_memstream(&buf, len);
  CU_ASSERT_PTR_NOT_NULL_FATAL(fh);
  KgError err;
  CU_ASSERT_EQUAL(kg_writer_write(w, g, fh, triples, &err), KG_OK);
  fclose(fh);
  return buf;
}

static char *write_once(const KgGraph *g, KgFormat format, size_t *len) {
  char *buf = NULL;
  FILE *fh = open_memstream(&buf, len);
  CU_ASSERT_PTR_NOT_NULL_FATAL(fh);
  KgError err;
  CU_ASSERT_EQUAL(kg_graph_write(g, format, fh, &err), KG_OK);
  fclose(fh);
  return buf;
}

static size_t count_lines(const char *s, size_t len) {
  size_t n = 0;
  for (size_t i = 0; i < len; i++)
    n += s[i] == '\n';
  return n;
}

static void test_writer_repeats_kg_graph_write(void) {
  KgGraph *a = extract(TEXT);
  KgGraph *b = extract("Kim Jong Un met Donald Trump in Singapore.");
  CU_ASSERT_PTR_NOT_NULL_FATAL(a);
  CU_ASSERT_PTR_NOT_NULL_FATAL(b);
  for (int f = KG_FORMAT_TURTLE; f <= KG_FORMAT_NQUADS; f++) {
    KgWriter *w;
    KgError err;
    CU_ASSERT_EQUAL_FATAL(kg_writer_new((KgFormat)f, &w, &err), KG_OK);
    const KgGraph *order[] = {a, b, a};
    for (int i = 0; i < 3; i++) {
      size_t len, once_len, triples = 0;
      char *got = write_with(w, order[i], &len, &triples);
      char *once = write_once(order[i], (KgFormat)f, &once_len);
      CU_ASSERT(len == once_len && memcmp(got, once, len) == 0);
      CU_ASSERT(triples > 0);
      if (f != KG_FORMAT_TURTLE)
        CU_ASSERT_EQUAL(triples, count_lines(got, len));
      free(got);
      free(once);
    }
    kg_writer_free(w);
  }
  KgWriter *w;
  KgError err;
  CU_ASSERT_EQUAL(kg_writer_new((KgFormat)9, &w, &err), KG_ERR_INPUT);
  CU_ASSERT_PTR_NULL(w);
  kg_writer_free(NULL);
  kg_graph_free(a);
  kg_graph_free(b);
}

/* The quads of an N-Quads document, as "S P O G" lines, and whether raptor
 * reported anything. */
typedef struct {
  char **items;
  size_t count;
  size_t without_graph; ///< triples in the default graph
} Quads;

static void collect(void *data, raptor_statement *st) {
  Quads *q = data;
  if (!st->graph) {
    q->without_graph++;
    return;
  }
  raptor_term *terms[4] = {st->subject, st->predicate, st->object,
                           st->graph};
  char *parts[4];
  size_t len = 4;
  for (int i = 0; i < 4; i++) {
    parts[i] = (char *)raptor_term_to_string(terms[i]);
    len += strlen(parts[i]);
  }
  char **grown = realloc(q->items, (q->count + 1) * sizeof *grown);
  CU_ASSERT_PTR_NOT_NULL_FATAL(grown);
  q->items = grown;
  q->items[q->count] = malloc(len);
  snprintf(q->items[q->count++], len, "%s %s %s %s", parts[0], parts[1],
           parts[2], parts[3]);
  for (int i = 0; i < 4; i++)
    raptor_free_memory(parts[i]);
}

/* Parses data in raptor's syntax (nquads, trig) into q; returns raptor's
 * errors and warnings. */
static int parse_quads(const char *syntax, const char *data, size_t len,
                       Quads *q) {
  KgRaptorLog log = {NULL, NULL, 0, 0};
  raptor_world *world = kg_raptor_world_new(&log);
  CU_ASSERT_PTR_NOT_NULL_FATAL(world);
  raptor_parser *p = raptor_new_parser(world, syntax);
  raptor_uri *base =
      raptor_new_uri(world, (const unsigned char *)"http://example.org/");
  raptor_parser_set_statement_handler(p, q, collect);
  int rc = raptor_parser_parse_start(p, base) != 0 ||
           raptor_parser_parse_chunk(p, (const unsigned char *)data, len, 1);
  raptor_free_uri(base);
  raptor_free_parser(p);
  raptor_free_world(world);
  return rc + log.errors + log.warnings;
}

static int parse_nquads(const char *data, size_t len, Quads *q) {
  return parse_quads("nquads", data, len, q);
}

static int has_quad(const Quads *q, const char *quad) {
  for (size_t i = 0; i < q->count; i++)
    if (strcmp(q->items[i], quad) == 0)
      return 1;
  return 0;
}

static void quads_free(Quads *q) {
  for (size_t i = 0; i < q->count; i++)
    free(q->items[i]);
  free(q->items);
}

static void test_nquads_name_the_document_graph(void) {
  KgGraph *g = extract("MINSK, Aug. 9, 2020 (Reuters) - Britain imposed "
                       "sanctions on Belarus.");
  CU_ASSERT_PTR_NOT_NULL_FATAL(g);
  KgError err;
  CU_ASSERT_EQUAL(kg_graph_set_source(g, "r-1", "https://example.org/r 1",
                                      "A \"quoted\" headline", &err),
                  KG_OK);
  KgWriter *w;
  CU_ASSERT_EQUAL_FATAL(kg_writer_new(KG_FORMAT_NQUADS, &w, &err), KG_OK);
  size_t len, triples;
  char *out = write_with(w, g, &len, &triples);
  kg_writer_free(w);

  Quads q = {NULL, 0, 0};
  CU_ASSERT_EQUAL(parse_nquads(out, len, &q), 0);
  CU_ASSERT_EQUAL(q.count, triples);
  CU_ASSERT_EQUAL(q.without_graph, 0);
  char iri[128], doc[160], want[512];
  snprintf(doc, sizeof doc, "<%s>", doc_iri("id/", "r-1", iri));
  size_t in_doc = 0;
  for (size_t i = 0; i < q.count; i++) {
    const char *graph = strrchr(q.items[i], ' ') + 1;
    in_doc += strcmp(graph, doc) == 0;
  }
  CU_ASSERT_EQUAL(in_doc, q.count);
  snprintf(want, sizeof want,
           "%s " DCTERMS "title> \"A \\\"quoted\\\" headline\" %s", doc, doc);
  CU_ASSERT(has_quad(&q, want));
  snprintf(want, sizeof want,
           "%s " DCTERMS "source> <https://example.org/r%%201> %s", doc, doc);
  CU_ASSERT(has_quad(&q, want));
  snprintf(want, sizeof want, "%s " DCTERMS "identifier> \"r-1\" %s", doc,
           doc);
  CU_ASSERT(has_quad(&q, want));
  /* the document is a prov:Entity the run generated; its context's
   * nif:sourceUrl is the article's own URL */
  snprintf(want, sizeof want, "%s " RDF_TYPE " <" KG_PROV_NS "Entity> %s",
           doc, doc);
  CU_ASSERT(has_quad(&q, want));
  snprintf(want, sizeof want,
           "%s <" KG_PROV_NS "wasGeneratedBy> "
           "<https://w3id.org/newskg/run/newskg-" NEWSKG_VERSION "> %s",
           doc, doc);
  CU_ASSERT(has_quad(&q, want));
  snprintf(want, sizeof want,
           "<https://w3id.org/newskg/run/newskg-" NEWSKG_VERSION "> " RDF_TYPE
           " <" KG_PROV_NS "Activity> %s",
           doc);
  CU_ASSERT(has_quad(&q, want));
  snprintf(want, sizeof want,
           "<%s#char=0,%zu> <" KG_NIF_NS "sourceUrl> "
           "<https://example.org/r%%201> %s",
           doc_iri("id/", "r-1", iri), kg_graph_char_length(g), doc);
  CU_ASSERT(has_quad(&q, want));
  snprintf(want, sizeof want,
           "%s " DCTERMS "date> "
           "\"2020-08-09\"^^<http://www.w3.org/2001/XMLSchema#date> %s",
           doc, doc);
  CU_ASSERT(has_quad(&q, want));
  quads_free(&q);
  free(out);
  kg_graph_free(g);
}

/* Bytes that need every kind of escape: quotes, backslashes, controls,
 * DEL, and characters of two, three and four bytes. */
static const char *const AWKWARD =
    "Macron met \"Putin\" in Paris.\tA\\B \x01\x08\x0b\x0c\x1f\x7f "
    "caf\xc3\xa9 \xe2\x80\x94 \xf0\x9f\x98\x80 {x|y^z`}<>\r\nEnd.";

/* raptor_statement_handler: hands a parsed statement to a serializer. */
static void pass_on(void *ser, raptor_statement *st) {
  raptor_serializer_serialize_statement(ser, st);
}

/* The prefixes serialize.c declares, after rdf: (which raptor declares
 * itself). */
static const char *const PREFIXES[][2] = {
    {"newskg", KG_NS},    {"rdfs", KG_RDFS_NS},       {"owl", KG_OWL_NS},
    {"xsd", KG_XSD_NS},   {"nif", KG_NIF_NS},         {"prov", KG_PROV_NS},
    {"dcterms", KG_DCTERMS_NS},
};

/* raptor copying an N-Triples (or N-Quads) document into syntax: the same
 * bytes back when ours are exactly what raptor's serializer writes. */
static char *raptor_copy(const char *data, size_t len, const char *syntax,
                         size_t *out_len) {
  KgRaptorLog log = {NULL, NULL, 0, 0};
  raptor_world *world = kg_raptor_world_new(&log);
  CU_ASSERT_PTR_NOT_NULL_FATAL(world);
  char *copy = NULL;
  FILE *fh = open_memstream(&copy, out_len);
  raptor_parser *p = raptor_new_parser(world, "nquads");
  raptor_serializer *ser = raptor_new_serializer(world, syntax);
  raptor_uri *base =
      raptor_new_uri(world, (const unsigned char *)"http://example.org/");
  for (size_t i = 0; i < sizeof PREFIXES / sizeof *PREFIXES; i++) {
    raptor_uri *ns = raptor_new_uri(world, (const unsigned char *)PREFIXES[i][1]);
    raptor_serializer_set_namespace(ser, ns, (const unsigned char *)PREFIXES[i][0]);
    raptor_free_uri(ns);
  }
  raptor_serializer_start_to_file_handle(ser, NULL, fh);
  raptor_parser_set_statement_handler(p, ser, pass_on);
  raptor_parser_parse_start(p, base);
  raptor_parser_parse_chunk(p, (const unsigned char *)data, len, 1);
  raptor_serializer_serialize_end(ser);
  CU_ASSERT_EQUAL(log.errors + log.warnings, 0);
  raptor_free_serializer(ser);
  raptor_free_parser(p);
  raptor_free_uri(base);
  raptor_free_world(world);
  fclose(fh);
  return copy;
}

static void test_lines_are_raptors_bytes(void) {
  KgGraph *g = extract(AWKWARD);
  CU_ASSERT_PTR_NOT_NULL_FATAL(g);
  KgError err;
  CU_ASSERT_EQUAL(kg_graph_set_source(g, "id \"\\\x7f\xc3\xa9",
                                      "http://x.org/caf\xc3\xa9?a=\xf0\x9f\x98\x80",
                                      AWKWARD, &err),
                  KG_OK);
  for (int f = KG_FORMAT_NTRIPLES; f <= KG_FORMAT_NQUADS; f++) {
    size_t len, copy_len;
    char *ours = write_once(g, (KgFormat)f, &len);
    char *copy = raptor_copy(ours, len, "nquads", &copy_len);
    CU_ASSERT_EQUAL(copy_len, len);
    CU_ASSERT(copy_len == len && memcmp(ours, copy, len) == 0);
    /* and the escapes are there */
    CU_ASSERT_PTR_NOT_NULL(strstr(ours, "\\\"Putin\\\" in Paris.\\tA\\\\B "
                                        "\\u0001\\u0008\\u000B\\u000C\\u001F\\u007F "
                                        "caf\\u00E9 \\u2014 \\U0001F600 {x|y^z`}<>\\r\\nEnd."));
    CU_ASSERT_PTR_NOT_NULL(strstr(ours, "<http://x.org/caf\\u00E9?a=\\U0001F600>"));
    free(ours);
    free(copy);
  }
  kg_graph_free(g);
}

/* kg_writer_render hands back the bytes and the count kg_writer_write
 * writes, graph after graph (the writer's buffers kept between them), in
 * every format. */
static void test_render_is_write(void) {
  KgGraph *a = extract(TEXT);
  KgGraph *b = extract(AWKWARD);
  CU_ASSERT_PTR_NOT_NULL_FATAL(a);
  CU_ASSERT_PTR_NOT_NULL_FATAL(b);
  KgError err;
  CU_ASSERT_EQUAL(kg_graph_set_source(b, "id \"\\", "http://x.org/caf\xc3\xa9",
                                      AWKWARD, &err),
                  KG_OK);
  for (int f = KG_FORMAT_TURTLE; f <= KG_FORMAT_JSONLD; f++) {
    KgWriter *rw, *ww;
    CU_ASSERT_EQUAL_FATAL(kg_writer_new((KgFormat)f, &rw, &err), KG_OK);
    CU_ASSERT_EQUAL_FATAL(kg_writer_new((KgFormat)f, &ww, &err), KG_OK);
    const KgGraph *order[] = {a, b, a};
    for (int i = 0; i < 3; i++) {
      const char *bytes;
      size_t len, triples, written_len, written_triples;
      CU_ASSERT_EQUAL(
          kg_writer_render(rw, order[i], &bytes, &len, &triples, &err), KG_OK);
      char *written = write_with(ww, order[i], &written_len, &written_triples);
      CU_ASSERT(len > 0 && len == written_len &&
                memcmp(bytes, written, len) == 0);
      CU_ASSERT_EQUAL(triples, written_triples);
      free(written);
    }
    kg_writer_free(rw);
    kg_writer_free(ww);
  }
  kg_graph_free(a);
  kg_graph_free(b);
}

/* raptor writes a carriage return as it is in a Turtle "..." string, which
 * Turtle forbids (raptor's parser refuses it); newskg writes \r there
 * (rdfterm.h).  Makes that one change to raptor's Turtle ttl[0, *len) in
 * place of a new string, and updates *len; CRs of """...""" strings, IRIs
 * and escapes stay. */
static char *escape_short_string_crs(char *ttl, size_t *len) {
  char *out = malloc(2 * *len + 1), *p = out;
  CU_ASSERT_PTR_NOT_NULL_FATAL(out);
  int quotes = 0; /* 0 outside a string, else 1 or 3 */
  for (size_t i = 0; i < *len; i++) {
    int triple = i + 2 < *len && memcmp(ttl + i, "\"\"\"", 3) == 0;
    if (quotes == 0 && ttl[i] == '<') {
      const char *end = memchr(ttl + i, '>', *len - i);
      size_t n = end ? (size_t)(end - ttl) - i : 0;
      memcpy(p, ttl + i, n);
      p += n;
      i += n;
    } else if (quotes && ttl[i] == '\\' && i + 1 < *len) {
      *p++ = ttl[i++];
    } else if (ttl[i] == '"' && (quotes == 0 || quotes == (triple ? 3 : 1))) {
      quotes = quotes ? 0 : triple ? 3 : 1;
      if (triple) {
        memcpy(p, "\"\"", 2);
        p += 2;
        i += 2;
      }
    } else if (quotes == 1 && ttl[i] == '\r') {
      *p++ = '\\';
      *p++ = 'r';
      continue;
    }
    *p++ = ttl[i];
  }
  *p = '\0';
  *len = (size_t)(p - out);
  free(ttl);
  return out;
}

/* raptor's Turtle of an N-Triples document, its short strings' CRs
 * escaped as ours are. */
static char *raptor_turtle(const char *nt, size_t nt_len, size_t *len) {
  return escape_short_string_crs(raptor_copy(nt, nt_len, "turtle", len), len);
}

/* Turtle is raptor's in two parts: the graph's own triples (what
 * KG_PROVENANCE_NONE writes, which N-Triples writes first), then the
 * evidence, as raptor writes each part alone, the second's prefixes left
 * out. */
static void test_turtle_is_raptors(void) {
  static const char *const texts[] = {
      AWKWARD, TEXT, "One sentence only.",
      "MINSK, Aug. 9, 2020 (Reuters) - Belarusian President Alexander "
      "Lukashenko met Russian President Vladimir Putin on Sunday. In 2019, "
      "he had visited Moscow."};
  for (size_t i = 0; i < sizeof texts / sizeof *texts; i++) {
    static const KgProvenance levels[] = {
        KG_PROVENANCE_NONE, KG_PROVENANCE_SENTENCES, KG_PROVENANCE_FULL};
    for (size_t l = 0; l < sizeof levels / sizeof *levels; l++) {
      KgExtractOptions opts = {.provenance = levels[l]};
      KgGraph *g = NULL;
      KgError err;
      CU_ASSERT_EQUAL_FATAL(kg_extract_with(extractor, texts[i],
                                            strlen(texts[i]), &opts, &g,
                                            &err),
                            KG_OK);
      if (i == 0)
        kg_graph_set_source(g, "a\"b", "http://purl.org/dc/terms/title",
                            "T\r\"i\"\\t\tle", &err);
      size_t len, nt_len, bare_len, copy_len, rest_len;
      char *ours = write_once(g, KG_FORMAT_TURTLE, &len);
      char *nt = write_once(g, KG_FORMAT_NTRIPLES, &nt_len);
      kg_graph_set_provenance(g, KG_PROVENANCE_NONE);
      char *bare = write_once(g, KG_FORMAT_NTRIPLES, &bare_len);
      CU_ASSERT_FATAL(bare_len <= nt_len && memcmp(nt, bare, bare_len) == 0);
      char *copy = raptor_turtle(bare, bare_len, &copy_len);
      if (bare_len < nt_len) {
        char *rest =
            raptor_turtle(nt + bare_len, nt_len - bare_len, &rest_len);
        const char *body = strstr(rest, "\n\n") + 2; /* after the prefixes */
        size_t body_len = rest_len - (size_t)(body - rest);
        copy = realloc(copy, copy_len + body_len + 1);
        CU_ASSERT_PTR_NOT_NULL_FATAL(copy);
        memcpy(copy + copy_len, body, body_len + 1);
        copy_len += body_len;
        free(rest);
      }
      if (copy_len != len || memcmp(ours, copy, len) != 0)
        fprintf(stderr, "\n--- ours\n%s\n--- raptor's\n%s\n", ours, copy);
      CU_ASSERT(copy_len == len && memcmp(ours, copy, len) == 0);
      free(ours);
      free(nt);
      free(bare);
      free(copy);
      kg_graph_free(g);
    }
  }
}

/* raptor writes a name inside a declared namespace whose rest ends in '.'
 * as a prefixed name, "newskg:x. .", which Turtle forbids; newskg writes it
 * <...>, and the rest of an ordinary name prefixed as raptor does. */
static void test_turtle_local_names(void) {
  static const struct {
    const char *url;
    const char *written;
  } cases[] = {
      {KG_NS "x.", "<" KG_NS "x.>"},
      {KG_NS "a.b.", "<" KG_NS "a.b.>"},
      {KG_DCTERMS_NS "x..", "<" KG_DCTERMS_NS "x..>"},
      {KG_NS "x\xc2\xb7.", "<" KG_NS "x\xc2\xb7.>"},
      {KG_NS "x.y", "newskg:x.y"},
      {KG_NS "x-", "newskg:x-"},
      {KG_DCTERMS_NS "title", "dcterms:title"},
      {KG_NS "x\xc2\xb7", "newskg:x\xc2\xb7"},
  };
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
    KgGraph *g = extract("One sentence only.");
    CU_ASSERT_PTR_NOT_NULL_FATAL(g);
    KgError err;
    CU_ASSERT_EQUAL(kg_graph_set_source(g, NULL, cases[i].url, NULL, &err),
                    KG_OK);
    size_t len;
    char *out = write_once(g, KG_FORMAT_TURTLE, &len);
    char want[256];
    /* the document's first predicate; its type and run follow */
    snprintf(want, sizeof want, "    dcterms:source %s ;\n", cases[i].written);
    if (!strstr(out, want))
      fprintf(stderr, "\n--- want\n%s--- got\n%s\n", want, out);
    CU_ASSERT_PTR_NOT_NULL(strstr(out, want));
    free(out);
    kg_graph_free(g);
  }
}

static void test_no_source_no_dcterms(void) {
  KgGraph *g = extract(TEXT);
  CU_ASSERT_PTR_NOT_NULL_FATAL(g);
  size_t len;
  char *out = write_once(g, KG_FORMAT_NTRIPLES, &len);
  CU_ASSERT_PTR_NULL(strstr(out, "dc/terms/"));
  free(out);
  kg_graph_free(g);
}

/* Number of times needle occurs in haystack. */
static size_t occurrences(const char *haystack, const char *needle) {
  size_t n = 0;
  for (const char *p = haystack; (p = strstr(p, needle)) != NULL; p++)
    n++;
  return n;
}

/* A one-sentence article without a line end: the sentence's span is the
 * whole text, so its node is the context's, and the offsets they share are
 * stated once. */
static void test_whole_text_sentence_offsets_once(void) {
  KgGraph *g = extract("Britain imposed sanctions on Belarus.");
  CU_ASSERT_PTR_NOT_NULL_FATAL(g);
  size_t len;
  char *out = write_once(g, KG_FORMAT_NTRIPLES, &len);
  CU_ASSERT_EQUAL(occurrences(out, "#char=0,37> <" KG_NIF_NS "beginIndex>"), 1);
  CU_ASSERT_EQUAL(occurrences(out, "#char=0,37> <" KG_NIF_NS "endIndex>"), 1);
  CU_ASSERT_EQUAL(occurrences(out, "#char=0,37> <" KG_NIF_NS "anchorOf>"), 1);
  CU_ASSERT_EQUAL(occurrences(out, "#char=0,37> <" KG_NIF_NS "isString>"), 1);
  free(out);
  kg_graph_free(g);
}

/* The picture of a hand-made graph: nodes with escaped labels and class
 * colours, edges with relation names (both ends for a symmetric one), a
 * legend of the classes drawn. */
static void test_dot_draws_entities_and_relations(void) {
  static const char text[] = "Jo met Ann. Jo fled to Ruritania.";
  KgGraph *g;
  CU_ASSERT_EQUAL_FATAL(kg_graph_new(text, strlen(text), &g), KG_OK);
  size_t jo, ann, land;
  CU_ASSERT_EQUAL(
      kg_graph_add_entity(g, KG_CLASS_PERSON, "Jo \"JJ\" \\ Smith", &jo),
      KG_OK);
  CU_ASSERT_EQUAL(kg_graph_add_entity(g, KG_CLASS_PERSON, "Ann", &ann), KG_OK);
  CU_ASSERT_EQUAL(kg_graph_add_entity(g, KG_CLASS_COUNTRY, "Ruritania", &land),
                  KG_OK);
  KgSource met = {{0, 11}, {0, 0}, {0, 0}, {0, 0}, {0, 0}, "met", 0.8, NULL, 0, NULL};
  KgSource fled = met;
  fled.sentence = (KgTextSpan){12, 33};
  fled.rule = "fled-to";
  CU_ASSERT_EQUAL(kg_graph_add_relation(g, jo, KG_REL_MET_WITH, ann, &met),
                  KG_OK);
  CU_ASSERT_EQUAL(kg_graph_add_relation(g, jo, KG_REL_FLED_TO, land, &fled),
                  KG_OK);
  KgWriter *w;
  KgError err;
  CU_ASSERT_EQUAL_FATAL(kg_writer_new(KG_FORMAT_DOT, &w, &err), KG_OK);
  size_t len, edges = 0;
  char *out = write_with(w, g, &len, &edges);
  CU_ASSERT_EQUAL(edges, 2);
  CU_ASSERT_STRING_EQUAL(
      out,
      "digraph newskg {\n"
      "  graph [rankdir=LR, fontname=\"Helvetica\"];\n"
      "  node [shape=box, style=\"rounded,filled\", fontname=\"Helvetica\"];\n"
      "  edge [fontname=\"Helvetica\", fontsize=10];\n"
      "  \"https://w3id.org/newskg/id/person/Jo_%22JJ%22_%5C_Smith\" "
      "[label=\"Jo \\\"JJ\\\" \\\\ Smith\", fillcolor=\"#ffd8a8\"];\n"
      "  \"https://w3id.org/newskg/id/person/Ann\" [label=\"Ann\", "
      "fillcolor=\"#ffd8a8\"];\n"
      "  \"https://w3id.org/newskg/id/country/Ruritania\" "
      "[label=\"Ruritania\", fillcolor=\"#a5d8ff\"];\n"
      "  \"https://w3id.org/newskg/id/person/Jo_%22JJ%22_%5C_Smith\" -> "
      "\"https://w3id.org/newskg/id/person/Ann\" [label=\"metWith\", "
      "dir=both];\n"
      "  \"https://w3id.org/newskg/id/person/Jo_%22JJ%22_%5C_Smith\" -> "
      "\"https://w3id.org/newskg/id/country/Ruritania\" "
      "[label=\"fledTo\"];\n"
      "  subgraph cluster_legend {\n"
      "    label=\"classes\"; fontsize=10; color=\"#bbbbbb\";\n"
      "    \"class:Person\" [label=\"Person\", fillcolor=\"#ffd8a8\"];\n"
      "    \"class:Country\" [label=\"Country\", fillcolor=\"#a5d8ff\"];\n"
      "  }\n"
      "}\n");
  free(out);
  kg_writer_free(w);
  kg_graph_free(g);
}

static int compare_strings(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The quads of g written in format, read back by raptor in syntax, sorted;
 * the number of triples the writer wrote in *triples. */
static Quads quads_of(const KgGraph *g, KgFormat format, const char *syntax,
                      size_t *triples) {
  KgWriter *w;
  KgError err;
  Quads q = {NULL, 0, 0};
  CU_ASSERT_EQUAL_FATAL(kg_writer_new(format, &w, &err), KG_OK);
  size_t len;
  char *out = write_with(w, g, &len, triples);
  CU_ASSERT_EQUAL(parse_quads(syntax, out, len, &q), 0);
  qsort(q.items, q.count, sizeof *q.items, compare_strings);
  free(out);
  kg_writer_free(w);
  return q;
}

/* TriG holds the quads of N-Quads, in one graph block after the prefixes,
 * for a plain and an awkward article with a source. */
static void test_trig_is_nquads(void) {
  KgGraph *graphs[] = {extract(TEXT), extract(AWKWARD)};
  CU_ASSERT_PTR_NOT_NULL_FATAL(graphs[0]);
  CU_ASSERT_PTR_NOT_NULL_FATAL(graphs[1]);
  KgError err;
  CU_ASSERT_EQUAL(kg_graph_set_source(graphs[1], "id \"\\",
                                      "http://x.org/caf\xc3\xa9", AWKWARD,
                                      &err),
                  KG_OK);
  for (int i = 0; i < 2; i++) {
    size_t trig_triples, nq_triples;
    Quads trig = quads_of(graphs[i], KG_FORMAT_TRIG, "trig", &trig_triples);
    Quads nq = quads_of(graphs[i], KG_FORMAT_NQUADS, "nquads", &nq_triples);
    CU_ASSERT(nq.count > 0);
    CU_ASSERT_EQUAL(trig_triples, nq_triples);
    CU_ASSERT_EQUAL(trig.without_graph, 0);
    CU_ASSERT_EQUAL_FATAL(trig.count, nq.count);
    for (size_t k = 0; k < nq.count; k++)
      CU_ASSERT_STRING_EQUAL(trig.items[k], nq.items[k]);
    quads_free(&trig);
    quads_free(&nq);
    kg_graph_free(graphs[i]);
  }
}

/* JSON-LD: one line, the context inline, the document IRI as @id, a node
 * object per subject with @type, compact keys and escaped strings. */
static void test_jsonld_document(void) {
  static const char text[] = "Jo met Ann.";
  KgGraph *g;
  CU_ASSERT_EQUAL_FATAL(kg_graph_new(text, strlen(text), &g), KG_OK);
  size_t jo, ann;
  CU_ASSERT_EQUAL(
      kg_graph_add_entity(g, KG_CLASS_PERSON, "Jo \"JJ\" \\ Smith\t", &jo),
      KG_OK);
  CU_ASSERT_EQUAL(kg_graph_add_entity(g, KG_CLASS_PERSON, "Ann", &ann), KG_OK);
  KgSource met = {{0, 11}, {0, 0}, {0, 0}, {0, 0}, {0, 0}, "met", 0.8, NULL, 0, NULL};
  CU_ASSERT_EQUAL(kg_graph_add_relation(g, jo, KG_REL_MET_WITH, ann, &met),
                  KG_OK);
  KgWriter *w;
  KgError err;
  CU_ASSERT_EQUAL_FATAL(kg_writer_new(KG_FORMAT_JSONLD, &w, &err), KG_OK);
  size_t len, triples = 0;
  char *out = write_with(w, g, &len, &triples);
  CU_ASSERT(triples > 0);
  CU_ASSERT_EQUAL(count_lines(out, len), 1);
  CU_ASSERT(len > 0 && out[len - 1] == '\n');
  char want[512];
  snprintf(want, sizeof want,
           "{\"@context\":{\"rdf\":\"%s\",\"newskg\":\"%s\",", KG_RDF_NS,
           KG_NS);
  CU_ASSERT(strncmp(out, want, strlen(want)) == 0);
  snprintf(want, sizeof want, "},\"@id\":\"%s\",\"@graph\":[{",
           kg_graph_doc_iri(g));
  CU_ASSERT_PTR_NOT_NULL(strstr(out, want));
  CU_ASSERT_PTR_NOT_NULL(strstr(
      out, "{\"@id\":\"https://w3id.org/newskg/id/person/Ann\","
           "\"@type\":\"newskg:Person\","
           "\"rdfs:label\":{\"@value\":\"Ann\",\"@language\":\"en\"},"
           "\"newskg:metWith\":{\"@id\":"
           "\"https://w3id.org/newskg/id/person/Jo_%22JJ%22_%5C_Smith%09\"}}"));
  CU_ASSERT_PTR_NOT_NULL(
      strstr(out, "\"rdfs:label\":{\"@value\":\"Jo \\\"JJ\\\" \\\\ "
                  "Smith\\t\",\"@language\":\"en\"},"
                  "\"newskg:metWith\":{\"@id\":"
                  "\"https://w3id.org/newskg/id/person/Ann\"}}"));
  CU_ASSERT_PTR_NOT_NULL(strstr(
      out, "\"newskg:confidence\":{\"@value\":\"0.80\",\"@type\":"
           "\"xsd:decimal\"}"));
  CU_ASSERT(len >= 3 && memcmp(out + len - 3, "]}\n", 3) == 0);
  free(out);
  kg_writer_free(w);
  kg_graph_free(g);
}

static void test_sentence_count(void) {
  KgGraph *g = extract(TEXT);
  CU_ASSERT_PTR_NOT_NULL_FATAL(g);
  CU_ASSERT_EQUAL(kg_graph_sentence_count(g), 2);
  kg_graph_free(g);
  g = extract("");
  CU_ASSERT_PTR_NOT_NULL_FATAL(g);
  CU_ASSERT_EQUAL(kg_graph_sentence_count(g), 0);
  kg_graph_free(g);
}

int main(void) {
  static const KgTest iris[] = {
      {"URLs become IRIs", test_url_iris},
      {"document IRI from id, URL or text",
       test_document_iri_from_id_url_or_text},
      {"bad sources are refused", test_bad_sources_are_refused},
  };
  static const KgTest writing[] = {
      {"a writer repeats kg_graph_write", test_writer_repeats_kg_graph_write},
      {"N-Quads name the document's graph",
       test_nquads_name_the_document_graph},
      {"N-Triples and N-Quads are raptor's bytes",
       test_lines_are_raptors_bytes},
      {"render gives write's bytes", test_render_is_write},
      {"Turtle is raptor's", test_turtle_is_raptors},
      {"Turtle writes no local name raptor's parser refuses",
       test_turtle_local_names},
      {"no source, no dcterms but the date", test_no_source_no_dcterms},
      {"sentences are counted", test_sentence_count},
      {"a whole-text sentence's offsets once",
       test_whole_text_sentence_offsets_once},
      {"TriG holds the quads of N-Quads", test_trig_is_nquads},
      {"a JSON-LD document", test_jsonld_document},
      {"DOT draws entities and relations",
       test_dot_draws_entities_and_relations},
  };
  static const KgSuite suites[] = {
      {"source", open_extractor, close_extractor, KG_TESTS(iris)},
      {"writer", open_extractor, close_extractor, KG_TESTS(writing)},
  };
  return kg_test_main(suites, sizeof suites / sizeof *suites);
}
