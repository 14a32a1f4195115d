/* conllu.h - reading and writing CoNLL-U (internal).
 *
 * CoNLL-U (https://universaldependencies.org/format.html) is the treebank
 * format the tagger and parser are trained from and `newskg parse` reads
 * and writes: a sentence is a block of lines ended by a blank line, each
 * line a comment ("# ..."), a multiword token ("3-4"), an empty node
 * ("5.1") or a word (an integer ID) with ten tab-separated columns
 *
 *     ID FORM LEMMA UPOS XPOS FEATS HEAD DEPREL DEPS MISC
 *
 * A KgConlluSentence keeps every line of its block: the words as fields
 * (strings owned by the sentence), the comments, multiword tokens and empty
 * nodes as whole lines with the place they stood, so that writing a
 * sentence read gives its lines back.  The reader is strict: a malformed
 * line is a KG_ERR_PARSE naming the file and line.
 */
#ifndef KG_CONLLU_H
#define KG_CONLLU_H

#include <stddef.h>
#include <stdio.h>

#include "newskg.h"

/** One word: an integer-ID row.  Every string is NUL-terminated and owned
 *  by the sentence, the eight of a word in one malloc'd block that form
 *  starts (kg_conllu_word_set; one allocation a word, not eight); a column
 *  holding "_" is the string "_". */
typedef struct {
  char *form, *lemma, *upos, *xpos, *feats, *deprel, *deps, *misc;
  int head; ///< 0 for the root, 1..n, or -1 where the column is "_"
} KgConlluWord;

/** A line that is not a word: a comment, a multiword token or an empty
 *  node, written back before the word of index `before` (0-based; the
 *  sentence's word count for a line after the last word). */
typedef struct {
  char *text;    ///< the line, without its newline
  size_t before; ///< the index of the word it stands before
} KgConlluLine;

typedef struct {
  KgConlluWord *words; ///< words[i] has ID i + 1
  size_t n_words;
  KgConlluLine *lines; ///< the other lines, in file order
  size_t n_lines;
  long first_line; ///< the 1-based line number of the block's first line
} KgConlluSentence;

typedef struct KgConlluReaderImpl KgConlluReader;

/** Starts reading CoNLL-U from in (which the caller closes, after
 *  kg_conllu_reader_free); name is the file name errors give ("-" for
 *  standard input).  Returns NULL when out of memory. */
KgConlluReader *kg_conllu_reader_new(FILE *in, const char *name);

void kg_conllu_reader_free(KgConlluReader *r);

/** Reads the next sentence into *s (released first, so one KgConlluSentence
 *  can be reused sentence after sentence; zero it before the first call).
 *  Returns KG_OK with s->n_words > 0 for a sentence, KG_OK with
 *  s->n_words == 0 at the end of the input, or an error: KG_ERR_PARSE with
 *  the file and line of a malformed line (wrong column count, an ID out of
 *  order, a HEAD that is not a word of the sentence, an empty column, a block
 *  without words, a blank line where a sentence should start), KG_ERR_IO,
 *  KG_ERR_NOMEM.  On an error *s is left released, and every later call
 *  returns the same error.  A last sentence without its blank line is read
 *  as if it had one; a '\r' before a newline is dropped. */
KgStatus kg_conllu_read(KgConlluReader *r, KgConlluSentence *s, KgError *err);

/** The columns of a word as kg_conllu_word_set takes them, in the order
 *  of KgConlluWord's strings. */
enum {
  KG_CONLLU_FORM, KG_CONLLU_LEMMA, KG_CONLLU_UPOS, KG_CONLLU_XPOS,
  KG_CONLLU_FEATS, KG_CONLLU_DEPREL, KG_CONLLU_DEPS, KG_CONLLU_MISC,
  KG_CONLLU_STRINGS
};

/** Sets w's strings to copies of the KG_CONLLU_STRINGS columns (col[i],
 *  len[i] bytes each, in the order above) and its head to head, all in one
 *  block that kg_conllu_sentence_release frees.  Returns 0, or -1 when out
 *  of memory (w's strings then NULL). */
int kg_conllu_word_set(KgConlluWord *w, const char *const col[],
                       const size_t len[], int head);

/** Frees what *s holds and zeroes it. */
void kg_conllu_sentence_release(KgConlluSentence *s);

/** Writes s as a CoNLL-U block (its lines, then a blank line) to out.
 *  A head of -1 and a NULL string are written "_".  Returns 0, or -1 on a
 *  write error. */
int kg_conllu_write(FILE *out, const KgConlluSentence *s);

#endif /* KG_CONLLU_H */
