/* treebank.h - a CoNLL-U treebank in memory, for training (internal).
 *
 * The sentences of a file with every word's tag and relation turned into
 * numbers: a tag is a (UPOS, XPOS) pair, a label a DEPREL, each numbered in
 * the order the file first uses it, so that the same file always gives the
 * same numbers (and the same models).
 */
#ifndef KG_TREEBANK_H
#define KG_TREEBANK_H

#include <stddef.h>
#include <stdint.h>

#include "conllu.h"
#include "newskg.h"

typedef struct {
  const char *form; ///< owned by the treebank's sentences
  size_t len;
  const char *lemma;
  uint32_t tag;   ///< index into the treebank's tags
  uint32_t head;  ///< 0 for the root, else 1..n
  uint32_t label; ///< index into the treebank's labels
} KgTreeWord;

typedef struct {
  KgTreeWord *words;
  size_t n;
} KgTree;

typedef struct {
  KgConlluSentence *sentences; ///< as read
  KgTree *trees;               ///< trees[i] is sentences[i] numbered
  size_t n;
  char **upos, **xpos; ///< tag t is (upos[t], xpos[t])
  size_t n_tags;
  char **labels;
  size_t n_labels;
} KgTreebank;

/** Reads the CoNLL-U file at path.  Every word must have a HEAD.  Errors
 *  name the file and line.  Release *tb with kg_treebank_release. */
KgStatus kg_treebank_read(const char *path, KgTreebank *tb, KgError *err);

void kg_treebank_release(KgTreebank *tb);

#endif /* KG_TREEBANK_H */
