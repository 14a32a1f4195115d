/* test_conllu.c - CUnit suite of conllu.c.
 *
 * Reading then writing gives the input back byte for byte: comments,
 * multiword tokens and empty nodes stay where they stood, a HEAD of "_"
 * stays "_", and so does the whole English EWT development set when
 * ../shared is there (SHARED names it under `make check`).  One sentence
 * is reused sentence after sentence; a last sentence needs no blank line;
 * CRLF line ends are read as LF.  Each malformed input is a KG_ERR_PARSE
 * naming the file and the line at fault, and stays so on later reads.
 */
#include <CUnit/Basic.h>
#include <CUnit/CUnit.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "conllu.h"
#include "runner.h"

/* A word line: ID, FORM, HEAD and DEPREL given, the rest made up. */
#define W(id, form, head, rel)                                                 \
  id "\t" form "\t" form "\tX\tXX\t_\t" head "\t" rel "\t_\t_\n"

/* What reading text (as file "mem.conllu") and writing every sentence
 * gives, or NULL on an error (*st says which); *count the sentences. */
static char *round_trip(const char *text, KgStatus *st, size_t *count) {
  FILE *in = fmemopen((void *)text, strlen(text), "r");
  char *out_buf = NULL;
  size_t out_len = 0;
  FILE *out = open_memstream(&out_buf, &out_len);
  KgConlluReader *r = kg_conllu_reader_new(in, "mem.conllu");
  *count = 0;
  *st = KG_ERR_NOMEM;
  if (in && out && r) {
    KgConlluSentence s = {0};
    KgError err;
    while ((*st = kg_conllu_read(r, &s, &err)) == KG_OK && s.n_words > 0) {
      ++*count;
      if (kg_conllu_write(out, &s) != 0)
        *st = KG_ERR_IO;
    }
    kg_conllu_sentence_release(&s);
  }
  kg_conllu_reader_free(r);
  if (in)
    fclose(in);
  if (out)
    fclose(out);
  if (*st != KG_OK) {
    free(out_buf);
    return NULL;
  }
  return out_buf;
}

static void test_round_trip(void) {
  const char *text =
      "# sent_id = 1\n"
      "# text = Lukashenko fled.\n" W("1", "Lukashenko", "2", "nsubj")
          W("2", "fled", "0", "root")
              W("3", ".", "2",
                "punct") "\n"
                         "# sent_id = 2\n" W(
                             "1", "Minsk", "_",
                             "_") "1.1\tis\tbe\tAUX\t_\t_\t_\t_\t1:cop\t_\n"
                                  "2\tquiet\tquiet\tADJ\tJJ\tDegree="
                                  "Pos\t1\tamod:x\t1:amod\t"
                                  "SpaceAfter=No\n"
                                  "\n";
  KgStatus st;
  size_t count;
  char *out = round_trip(text, &st, &count);
  CU_ASSERT_EQUAL(st, KG_OK);
  CU_ASSERT_EQUAL(count, 2);
  CU_ASSERT_PTR_NOT_NULL_FATAL(out);
  CU_ASSERT_STRING_EQUAL(out, text);
  free(out);

  /* the fields of what was read */
  FILE *in = fmemopen((void *)text, strlen(text), "r");
  CU_ASSERT_PTR_NOT_NULL_FATAL(in);
  KgConlluReader *r = kg_conllu_reader_new(in, "mem.conllu");
  CU_ASSERT_PTR_NOT_NULL_FATAL(r);
  KgConlluSentence s = {0};
  KgError err;
  CU_ASSERT_EQUAL(kg_conllu_read(r, &s, &err), KG_OK);
  CU_ASSERT_EQUAL_FATAL(s.n_words, 3);
  CU_ASSERT_EQUAL(s.first_line, 1);
  CU_ASSERT_STRING_EQUAL(s.words[0].form, "Lukashenko");
  CU_ASSERT_STRING_EQUAL(s.words[0].upos, "X");
  CU_ASSERT_STRING_EQUAL(s.words[0].xpos, "XX");
  CU_ASSERT_STRING_EQUAL(s.words[0].feats, "_");
  CU_ASSERT_EQUAL(s.words[0].head, 2);
  CU_ASSERT_EQUAL(s.words[1].head, 0);
  CU_ASSERT_STRING_EQUAL(s.words[1].deprel, "root");
  CU_ASSERT_EQUAL_FATAL(s.n_lines, 2);
  CU_ASSERT_STRING_EQUAL(s.lines[1].text, "# text = Lukashenko fled.");
  CU_ASSERT_EQUAL(s.lines[1].before, 0);
  CU_ASSERT_EQUAL(kg_conllu_read(r, &s, &err), KG_OK);
  CU_ASSERT_EQUAL_FATAL(s.n_words, 2);
  CU_ASSERT_EQUAL(s.first_line, 7);
  CU_ASSERT_EQUAL(s.words[0].head, -1);
  CU_ASSERT_STRING_EQUAL(s.words[0].deprel, "_");
  CU_ASSERT_STRING_EQUAL(s.words[1].lemma, "quiet");
  CU_ASSERT_STRING_EQUAL(s.words[1].feats, "Degree=Pos");
  CU_ASSERT_STRING_EQUAL(s.words[1].deprel, "amod:x");
  CU_ASSERT_STRING_EQUAL(s.words[1].deps, "1:amod");
  CU_ASSERT_STRING_EQUAL(s.words[1].misc, "SpaceAfter=No");
  kg_conllu_sentence_release(&s);
  kg_conllu_reader_free(r);
  fclose(in);
}

static void test_multiword_tokens_and_empty_nodes(void) {
  const char *text = "# text = I don't go\n" W(
      "1", "I", "3",
      "nsubj") "2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n" W("2", "do", "4", "aux")
      W("3", "n't", "4",
        "advmod") "3.1\tgo\tgo\tVERB\t_\t_\t_\t_\t0:root\t_"
                  "\n"
                  "3.2\tx\tx\tX\t_\t_\t_\t_\t3.1:dep\t_"
                  "\n" W("4", "go", "0",
                         "root") "4.1\ty\ty\tX\t_\t_\t_\t_\t4:dep\t_"
                                 "\n"
                                 "\n";
  KgStatus st;
  size_t count;
  char *out = round_trip(text, &st, &count);
  CU_ASSERT_EQUAL(st, KG_OK);
  CU_ASSERT_EQUAL(count, 1);
  CU_ASSERT_PTR_NOT_NULL_FATAL(out);
  CU_ASSERT_STRING_EQUAL(out, text);
  free(out);

  FILE *in = fmemopen((void *)text, strlen(text), "r");
  CU_ASSERT_PTR_NOT_NULL_FATAL(in);
  KgConlluReader *r = kg_conllu_reader_new(in, "mem.conllu");
  KgConlluSentence s = {0};
  KgError err;
  CU_ASSERT_EQUAL(kg_conllu_read(r, &s, &err), KG_OK);
  CU_ASSERT_EQUAL(s.n_words, 4);
  CU_ASSERT_EQUAL_FATAL(s.n_lines, 5);
  static const size_t before[] = {0, 1, 3, 3, 4};
  static const char *const starts[] = {"# text", "2-3\t", "3.1\t", "3.2\t",
                                       "4.1\t"};
  for (size_t i = 0; i < 5; i++) {
    CU_ASSERT_EQUAL(s.lines[i].before, before[i]);
    CU_ASSERT_NSTRING_EQUAL(s.lines[i].text, starts[i], strlen(starts[i]));
  }
  CU_ASSERT_STRING_EQUAL(s.lines[1].text, "2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_");
  CU_ASSERT_STRING_EQUAL(s.words[2].form, "n't");
  kg_conllu_sentence_release(&s);
  kg_conllu_reader_free(r);
  fclose(in);
}

static void test_reuse_one_sentence(void) {
  const char *text = W("1", "a", "0", "root")
      W("2", "b", "1",
        "dep") "\n"
               "# c\n" W("1", "c", "0", "root") "\n" W("1", "d", "0", "root")
                   W("2", "e", "1", "dep") W("3", "f", "1", "dep") "\n";
  FILE *in = fmemopen((void *)text, strlen(text), "r");
  CU_ASSERT_PTR_NOT_NULL_FATAL(in);
  KgConlluReader *r = kg_conllu_reader_new(in, "mem.conllu");
  CU_ASSERT_PTR_NOT_NULL_FATAL(r);
  KgConlluSentence s = {0};
  KgError err;
  static const size_t words[] = {2, 1, 3};
  static const long first[] = {1, 4, 7};
  static const char *const last_form[] = {"b", "c", "f"};
  for (size_t i = 0; i < 3; i++) {
    CU_ASSERT_EQUAL(kg_conllu_read(r, &s, &err), KG_OK);
    CU_ASSERT_EQUAL_FATAL(s.n_words, words[i]);
    CU_ASSERT_EQUAL(s.n_lines, i == 1 ? 1 : 0);
    CU_ASSERT_EQUAL(s.first_line, first[i]);
    CU_ASSERT_STRING_EQUAL(s.words[s.n_words - 1].form, last_form[i]);
  }
  for (int i = 0; i < 2; i++) { /* the end, and it stays so */
    CU_ASSERT_EQUAL(kg_conllu_read(r, &s, &err), KG_OK);
    CU_ASSERT_EQUAL(s.n_words, 0);
    CU_ASSERT_EQUAL(s.n_lines, 0);
    CU_ASSERT_PTR_NULL(s.words);
  }
  kg_conllu_sentence_release(&s);
  kg_conllu_sentence_release(&s); /* released twice: a no-op */
  kg_conllu_sentence_release(NULL);
  kg_conllu_reader_free(r);
  kg_conllu_reader_free(NULL);
  fclose(in);
}

static void test_last_sentence_without_blank_line(void) {
  KgStatus st;
  size_t count;
  const char *no_blank = W("1", "a", "0", "root") "\n" W("1", "b", "0", "root");
  char *out = round_trip(no_blank, &st, &count);
  CU_ASSERT_EQUAL(st, KG_OK);
  CU_ASSERT_EQUAL(count, 2);
  CU_ASSERT_PTR_NOT_NULL_FATAL(out);
  CU_ASSERT_STRING_EQUAL(
      out, W("1", "a", "0", "root") "\n" W("1", "b", "0", "root") "\n");
  free(out);

  /* no newline at the end either */
  out = round_trip("1\ta\t_\t_\t_\t_\t0\troot\t_\tEnd=1", &st, &count);
  CU_ASSERT_EQUAL(st, KG_OK);
  CU_ASSERT_EQUAL(count, 1);
  CU_ASSERT_PTR_NOT_NULL_FATAL(out);
  CU_ASSERT_STRING_EQUAL(out, "1\ta\t_\t_\t_\t_\t0\troot\t_\tEnd=1\n\n");
  free(out);

  /* the empty input has no sentences */
  out = round_trip("", &st, &count);
  CU_ASSERT_EQUAL(st, KG_OK);
  CU_ASSERT_EQUAL(count, 0);
  CU_ASSERT_PTR_NOT_NULL_FATAL(out);
  CU_ASSERT_STRING_EQUAL(out, "");
  free(out);
}

static void test_crlf_read_as_lf(void) {
  KgStatus st;
  size_t count;
  char *out = round_trip("# c\r\n1\ta\t_\t_\t_\t_\t0\troot\t_\t_\r\n\r\n"
                         "1\tb\t_\t_\t_\t_\t0\troot\t_\t_\r\n",
                         &st, &count);
  CU_ASSERT_EQUAL(st, KG_OK);
  CU_ASSERT_EQUAL(count, 2);
  CU_ASSERT_PTR_NOT_NULL_FATAL(out);
  CU_ASSERT_STRING_EQUAL(out, "# c\n1\ta\t_\t_\t_\t_\t0\troot\t_\t_\n\n"
                              "1\tb\t_\t_\t_\t_\t0\troot\t_\t_\n\n");
  free(out);
}

typedef struct {
  const char *what;
  const char *text;
  long line; ///< the line the error must name
} Malformed;

static const Malformed malformed[] = {
    {"nine columns", W("1", "a", "0", "root") "2\tb\tb\tX\tX\t_\t1\tdep\t_\n",
     2},
    {"eleven columns",
     "# c\n" W("1", "a", "0", "root") "2\tb\tb\tX\tX\t_\t1\tdep\t_\t_\t_\n", 3},
    {"space instead of a tab", "1 a\ta\tX\tX\t_\t0\troot\t_\t_\n", 1},
    {"only spaces", W("1", "a", "0", "root") " \n", 2},
    {"first ID not 1", W("2", "a", "0", "root"), 1},
    {"ID skipped", W("1", "a", "0", "root") W("3", "b", "1", "dep"), 2},
    {"ID repeated", W("1", "a", "0", "root") W("1", "b", "1", "dep"), 2},
    {"ID with leading zero", W("01", "a", "0", "root"), 1},
    {"ID not a number", W("one", "a", "0", "root"), 1},
    {"ID 0", W("0", "a", "0", "root"), 1},
    {"ID negative", W("-1", "a", "0", "root"), 1},
    {"ID with a sign", W("+1", "a", "0", "root"), 1},
    {"ID in the second sentence",
     W("1", "a", "0", "root") "\n# c\n" W("1", "a", "0", "root")
         W("3", "b", "1", "dep"),
     5},
    {"range backwards",
     W("1", "a", "0", "root") "3-2\tx\t_\t_\t_\t_\t_\t_\t_\t_"
                              "\n" W("2", "b", "1", "dep"),
     2},
    {"range of one word",
     "1-1\tx\t_\t_\t_\t_\t_\t_\t_\t_\n" W("1", "a", "0", "root"), 1},
    {"range after its first word",
     W("1", "a", "0", "root") "1-2\tx\t_\t_\t_\t_\t_\t_\t_\t_\n" W("2", "b",
                                                                   "1", "dep"),
     2},
    {"range half written",
     "1-\tx\t_\t_\t_\t_\t_\t_\t_\t_\n" W("1", "a", "0", "root"), 1},
    {"range past the last word",
     "# c\n" W("1", "a", "0", "root") "2-3\tx\t_\t_\t_\t_\t_\t_\t_\t_\n" W(
         "2", "b", "1", "dep") "\n",
     3},
    {"ranges overlapping",
     "1-3\tx\t_\t_\t_\t_\t_\t_\t_\t_\n" W(
         "1", "a", "0", "root") "2-3\ty\t_\t_\t_\t_\t_\t_\t_\t_\n" W("2", "b",
                                                                     "1", "dep")
         W("3", "c", "1", "dep"),
     3},
    {"range with nine columns",
     "1-2\tx\t_\t_\t_\t_\t_\t_\t_\n" W("1", "a", "0", "root"), 1},
    {"empty node after the wrong word",
     W("1", "a", "0", "root") "2.1\tx\t_\t_\t_\t_\t_\t_\t_\t_\n", 2},
    {"empty node numbered from 2",
     W("1", "a", "0", "root") "1.2\tx\t_\t_\t_\t_\t_\t_\t_\t_\n", 2},
    {"empty node numbered 0",
     W("1", "a", "0", "root") "1.0\tx\t_\t_\t_\t_\t_\t_\t_\t_\n", 2},
    {"empty node repeated",
     W("1", "a", "0", "root") "1.1\tx\t_\t_\t_\t_\t_\t_"
                              "\t_\t_\n"
                              "1.1\ty\t_\t_\t_\t_\t_\t_"
                              "\t_\t_\n",
     3},
    {"empty node half written",
     W("1", "a", "0", "root") "1.\tx\t_\t_\t_\t_\t_\t_\t_\t_\n", 2},
    {"HEAD not a number", W("1", "a", "root", "root"), 1},
    {"HEAD negative", W("1", "a", "-1", "root"), 1},
    {"HEAD empty", W("1", "a", "", "root"), 1},
    {"HEAD with leading zero",
     W("1", "a", "0", "root") W("2", "b", "01", "dep"), 2},
    {"HEAD past the last word, after other lines",
     "# c\n" W("1", "a", "0", "root") "2-3\tx\t_\t_\t_\t_\t_\t_\t_\t_\n" W(
         "2", "b", "1", "dep")
         W("3", "c", "1", "dep") "3.1\tx\t_\t_\t_\t_\t_\t_\t_\t_\n" W(
             "4", "d", "5", "dep") "\n",
     7},
    {"HEAD past the last word, second sentence",
     W("1", "a", "0", "root") "\n# c\n# d\n" W("1", "a", "0", "root")
         W("2", "b", "3", "dep") "\n",
     6},
    {"HEAD past the last word, no blank line",
     W("1", "a", "2", "dep") W("2", "b", "0", "root") W("3", "c", "9", "dep"),
     3},
    {"empty FORM", W("1", "", "0", "root"), 1},
    {"empty MISC", "1\ta\ta\tX\tX\t_\t0\troot\t_\t\n", 1},
    {"block of comments only", "# a\n# b\n\n" W("1", "a", "0", "root"), 3},
    {"blank line first", "\n" W("1", "a", "0", "root"), 1},
    {"two blank lines",
     W("1", "a", "0", "root") "\n\n" W("1", "a", "0", "root"), 3},
    {"blank line at the end twice", W("1", "a", "0", "root") "\n\n", 3},
    {"comments at the end", W("1", "a", "0", "root") "\n# a\n# b\n", 4},
    {"multiword token without words", "1-2\tx\t_\t_\t_\t_\t_\t_\t_\t_\n\n", 2},
    {"NUL byte", W("1", "a", "0", "root") "2\tb\0c\tb\tX\tX\t_\t1\tdep\t_\t_\n",
     2},
};

/* Reads every sentence of the n bytes at text as "bad.conllu"; the status
 * it ends with, the error in *err. */
static KgStatus read_all(const char *text, size_t n, KgError *err) {
  FILE *in = fmemopen((void *)text, n, "r");
  CU_ASSERT_PTR_NOT_NULL_FATAL(in);
  KgConlluReader *r = kg_conllu_reader_new(in, "bad.conllu");
  CU_ASSERT_PTR_NOT_NULL_FATAL(r);
  KgConlluSentence s = {0};
  KgStatus st;
  while ((st = kg_conllu_read(r, &s, err)) == KG_OK && s.n_words > 0)
    ;
  /* released on the error */
  CU_ASSERT(s.n_words == 0 && s.words == NULL && s.n_lines == 0 &&
            s.lines == NULL);
  kg_conllu_sentence_release(&s);
  kg_conllu_reader_free(r);
  fclose(in);
  return st;
}

static void test_malformed(void) {
  size_t n = sizeof malformed / sizeof *malformed;
  for (size_t i = 0; i < n; i++) {
    const Malformed *m = &malformed[i];
    /* the NUL case counts its bytes past the NUL */
    size_t len = strlen(m->text);
    if (strcmp(m->what, "NUL byte") == 0)
      len += 1 + strlen(m->text + len + 1);
    KgError err = {.line = -1};
    KgStatus st = read_all(m->text, len, &err);
    int ok = st == KG_ERR_PARSE && err.line == m->line &&
             strcmp(err.file, "bad.conllu") == 0 && err.offset == -1 &&
             err.message[0] != '\0';
    if (!ok)
      printf("\n  %s: status %d, %s:%ld: %s (want line %ld)\n", m->what,
             (int)st, err.file, err.line, err.message, m->line);
    CU_ASSERT(ok);
  }
}

static void test_error_stays(void) {
  const char *text = W("1", "a", "0", "root") "\n" W(
      "2", "b", "0", "root") "\n" W("1", "c", "0", "root") "\n";
  FILE *in = fmemopen((void *)text, strlen(text), "r");
  CU_ASSERT_PTR_NOT_NULL_FATAL(in);
  KgConlluReader *r = kg_conllu_reader_new(in, "bad.conllu");
  CU_ASSERT_PTR_NOT_NULL_FATAL(r);
  KgConlluSentence s = {0};
  KgError err;
  CU_ASSERT_EQUAL(kg_conllu_read(r, &s, &err), KG_OK);
  CU_ASSERT_EQUAL(s.n_words, 1);
  for (int i = 0; i < 2; i++) {
    memset(&err, 0, sizeof err);
    CU_ASSERT_EQUAL(kg_conllu_read(r, &s, &err), KG_ERR_PARSE);
    CU_ASSERT_EQUAL(err.line, 3);
    CU_ASSERT_STRING_EQUAL(err.file, "bad.conllu");
    CU_ASSERT_EQUAL(s.n_words, 0);
  }
  CU_ASSERT_EQUAL(kg_conllu_read(r, &s, NULL), KG_ERR_PARSE);
  kg_conllu_reader_free(r);
  fclose(in);
}

static void test_write_built_sentence(void) {
  /* a sentence put together by hand: NULL strings and head -1 are "_" */
  KgConlluWord words[2] = {
      {.form = "Minsk", .upos = "PROPN", .head = 0, .deprel = "root"},
      {.form = "!", .head = -1}};
  KgConlluLine lines[2] = {{"# s", 0}, {"2.1\te\t_\t_\t_\t_\t_\t_\t_\t_", 2}};
  KgConlluSentence s = {words, 2, lines, 2, 0};
  char *buf = NULL;
  size_t len = 0;
  FILE *out = open_memstream(&buf, &len);
  CU_ASSERT_PTR_NOT_NULL_FATAL(out);
  CU_ASSERT_EQUAL(kg_conllu_write(out, &s), 0);
  fclose(out);
  CU_ASSERT_STRING_EQUAL(buf, "# s\n"
                              "1\tMinsk\t_\tPROPN\t_\t_\t0\troot\t_\t_\n"
                              "2\t!\t_\t_\t_\t_\t_\t_\t_\t_\n"
                              "2.1\te\t_\t_\t_\t_\t_\t_\t_\t_\n"
                              "\n");
  free(buf);

  /* a stream that cannot be written */
  char text[] = "x";
  FILE *ro = fmemopen(text, 1, "r");
  CU_ASSERT_PTR_NOT_NULL_FATAL(ro);
  CU_ASSERT_EQUAL(kg_conllu_write(ro, &s), -1);
  fclose(ro);
}

/* The whole of a file, NUL-terminated, its length in *len; NULL if it
 * cannot be read. */
static char *slurp(FILE *f, size_t *len) {
  size_t cap = 1 << 20, n = 0;
  char *buf = malloc(cap);
  size_t got;
  while (buf && (got = fread(buf + n, 1, cap - n - 1, f)) > 0) {
    n += got;
    if (cap - n - 1 == 0) {
      char *bigger = realloc(buf, cap * 2);
      if (!bigger)
        free(buf);
      buf = bigger;
      cap *= 2;
    }
  }
  if (buf)
    buf[n] = '\0';
  *len = n;
  return buf;
}

static void test_ewt_dev_round_trip(void) {
  const char *shared = getenv("SHARED");
  char path[1024];
  snprintf(path, sizeof path, "%s/training/ud-english-ewt/en_ewt-ud-dev.conllu",
           shared && *shared ? shared : "../shared");
  FILE *in = fopen(path, "rb");
  if (!in) {
    printf("\n  skipped: no %s (set SHARED to the shared material)\n", path);
    return;
  }
  size_t len;
  char *text = slurp(in, &len);
  CU_ASSERT_PTR_NOT_NULL_FATAL(text);
  rewind(in);

  size_t blank = 0; /* a sentence a blank line */
  for (size_t i = 0; i < len; i++)
    blank += text[i] == '\n' && (i == 0 || text[i - 1] == '\n');

  char *out_buf = NULL;
  size_t out_len = 0;
  FILE *out = open_memstream(&out_buf, &out_len);
  CU_ASSERT_PTR_NOT_NULL_FATAL(out);
  KgConlluReader *r = kg_conllu_reader_new(in, path);
  CU_ASSERT_PTR_NOT_NULL_FATAL(r);
  KgConlluSentence s = {0};
  KgError err = {.line = 0};
  KgStatus st;
  size_t sentences = 0, words = 0;
  while ((st = kg_conllu_read(r, &s, &err)) == KG_OK && s.n_words > 0) {
    sentences++;
    words += s.n_words;
    CU_ASSERT_EQUAL(kg_conllu_write(out, &s), 0);
  }
  if (st != KG_OK)
    printf("\n  %s:%ld: %s\n", err.file, err.line, err.message);
  CU_ASSERT_EQUAL(st, KG_OK);
  kg_conllu_sentence_release(&s);
  kg_conllu_reader_free(r);
  fclose(in);
  fclose(out);
  CU_ASSERT(sentences > 1000);
  CU_ASSERT(words > 20000);
  CU_ASSERT_EQUAL(sentences, blank);
  CU_ASSERT_EQUAL(out_len, len);
  CU_ASSERT(out_len == len && memcmp(out_buf, text, len) == 0);
  free(out_buf);
  free(text);
}

int main(void) {
  static const KgTest tests[] = {
      {"round trip", test_round_trip},
      {"multiword tokens and empty nodes kept in place",
       test_multiword_tokens_and_empty_nodes},
      {"one sentence reused", test_reuse_one_sentence},
      {"last sentence without blank line",
       test_last_sentence_without_blank_line},
      {"CRLF read as LF", test_crlf_read_as_lf},
      {"malformed input names file and line", test_malformed},
      {"an error stays", test_error_stays},
      {"write a sentence built by hand", test_write_built_sentence},
      {"EWT dev set round trip", test_ewt_dev_round_trip}};
  static const KgSuite suites[] = {{"conllu", NULL, NULL, KG_TESTS(tests)}};
  return kg_test_main(suites, sizeof suites / sizeof *suites);
}
