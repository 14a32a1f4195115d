/* explain.c - why each relation is in a graph, as text for people.
 *
 * kg_graph_explain (newskg.h) writes one block per evidence record: the
 * relation with its confidence, the rule that read it there with the rule's
 * strength, the sentence, and the words the rule matched, from its first to
 * its last unit, with the subject, object and trigger marked:
 *
 *     Alexander Lukashenko leaderOf Belarus (confidence 0.95)
 *       rule:     title-leader (strength 0.95), sentence 1 of 1
 *       sentence: Britain and Canada on Tuesday became ... crisis.
 *       matched:  [O: Belarusian] [S: President Alexander Lukashenko]
 *       dates:    2020-08-11
 *
 * A rule over the dependency tree adds, after its name, the path it
 * matched ("path:     G:Person <nsubj meet|gather ...").  The "dates" line
 * appears when the sentence states a date.  The text is
 * the article's own bytes; nothing is escaped.
 */
#include <stdio.h>
#include <string.h>

#include "graph.h"
#include "newskg.h"

/* A marked span of the matched words and its label. */
typedef struct {
  KgTextSpan span;
  const char *label;
} Mark;

/* The evidence record's marks inside its match, in text order, without
 * overlaps (the earlier one wins).  Returns how many. */
static size_t marks_of(const KgEvidence *ev, Mark marks[3]) {
  const Mark all[3] = {
      {ev->subject, "S"}, {ev->object, "O"}, {ev->trigger, "T"}};
  size_t n = 0;
  for (size_t i = 0; i < 3; i++)
    if (all[i].span.start < all[i].span.end &&
        all[i].span.start >= ev->match.start &&
        all[i].span.end <= ev->match.end)
      marks[n++] = all[i];
  for (size_t i = 1; i < n; i++) /* insertion sort of at most three */
    for (size_t k = i; k > 0 && marks[k].span.start < marks[k - 1].span.start;
         k--) {
      Mark t = marks[k];
      marks[k] = marks[k - 1];
      marks[k - 1] = t;
    }
  size_t kept = 0;
  for (size_t i = 0; i < n; i++)
    if (kept == 0 || marks[i].span.start >= marks[kept - 1].span.end)
      marks[kept++] = marks[i];
  return kept;
}

/* The matched words with their marks: "[S: Britain] imposed ...". */
static void write_match(const char *text, const KgEvidence *ev, FILE *out) {
  if (ev->match.start == ev->match.end) {
    fputs("(not recorded)", out);
    return;
  }
  Mark marks[3];
  size_t n = marks_of(ev, marks), at = ev->match.start;
  for (size_t i = 0; i < n; i++) {
    fwrite(text + at, 1, marks[i].span.start - at, out);
    fprintf(out, "[%s: ", marks[i].label);
    fwrite(text + marks[i].span.start, 1,
           marks[i].span.end - marks[i].span.start, out);
    fputc(']', out);
    at = marks[i].span.end;
  }
  fwrite(text + at, 1, ev->match.end - at, out);
}

static void write_block(const KgGraph *g, const KgGraphRelation *r, size_t k,
                        FILE *out) {
  size_t len;
  const char *text = kg_graph_text(g, &len);
  const KgEvidence *ev = &r->evidence[k];
  char confidence[8], strength[8];
  kg_format_hundredths(r->confidence, confidence);
  kg_format_hundredths(ev->strength, strength);
  fprintf(out, "%s %s %s (confidence %s)\n",
          kg_graph_entity(g, r->subject).name, kg_relation_name(r->rel),
          kg_graph_entity(g, r->object).name, confidence);
  fprintf(out, "  rule:     %s (strength %s), sentence %zu of %zu\n",
          ev->rule ? ev->rule : "(unnamed)", strength, k + 1,
          r->evidence_count);
  if (ev->path)
    fprintf(out, "  path:     %s\n", ev->path);
  fputs("  sentence: ", out);
  fwrite(text + ev->start, 1, ev->end - ev->start, out);
  fputs("\n  matched:  ", out);
  write_match(text, ev, out);
  fputc('\n', out);
  if (ev->date_count) {
    fputs("  dates:   ", out);
    for (size_t d = 0; d < ev->date_count; d++) {
      char date[KG_DATE_MAX + 1];
      kg_date_format(&ev->dates[d], date);
      fprintf(out, " %s", date);
    }
    fputc('\n', out);
  }
  fputc('\n', out);
}

KgStatus kg_graph_explain(const KgGraph *g, FILE *out) {
  for (size_t i = 0; i < kg_graph_relation_count(g); i++) {
    KgGraphRelation r = kg_graph_relation(g, i);
    for (size_t k = 0; k < r.evidence_count; k++)
      write_block(g, &r, k, out);
  }
  return fflush(out) == 0 && !ferror(out) ? KG_OK : KG_ERR_IO;
}
