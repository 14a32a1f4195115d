/* treebank.c - a CoNLL-U treebank in memory, for training. */
#include "treebank.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "grow.h"
#include "strmap.h"

/* Numbers name in *names (a strmap from name to number beside it). */
static int number(KgStrMap *map, char ***names, size_t *n, size_t *cap,
                  const char *name, uint32_t *out) {
  size_t len = strlen(name), found;
  if (kg_strmap_get(map, name, len, &found)) {
    *out = (uint32_t)found;
    return 0;
  }
  if (kg_grow((void **)names, *n, cap, sizeof **names) != 0)
    return -1;
  char *copy = strdup(name);
  if (copy == NULL || kg_strmap_put(map, name, len, *n) != 0) {
    free(copy);
    return -1;
  }
  (*names)[*n] = copy;
  *out = (uint32_t)(*n)++;
  return 0;
}

KgStatus kg_treebank_read(const char *path, KgTreebank *tb, KgError *err) {
  memset(tb, 0, sizeof *tb);
  FILE *in = fopen(path, "r");
  if (in == NULL)
    return kg_error(err, KG_ERR_IO, path, 0, -1, "cannot open: %s",
                    strerror(errno));
  KgConlluReader *r = kg_conllu_reader_new(in, path);
  KgStrMap *tags = kg_strmap_new(), *labels = kg_strmap_new();
  size_t cap = 0, tree_cap = 0, tag_cap = 0, label_cap = 0;
  char **tag_pairs = NULL;
  KgStatus st = KG_OK;
  if (r == NULL || tags == NULL || labels == NULL)
    st = kg_error(err, KG_ERR_NOMEM, path, 0, -1, "out of memory");
  while (st == KG_OK) {
    KgConlluSentence s = {0};
    st = kg_conllu_read(r, &s, err);
    if (st != KG_OK || s.n_words == 0)
      break;
    KgTree tree = {calloc(s.n_words, sizeof(KgTreeWord)), s.n_words};
    if (tree.words == NULL ||
        kg_grow((void **)&tb->sentences, tb->n, &cap, sizeof *tb->sentences) ||
        kg_grow((void **)&tb->trees, tb->n, &tree_cap, sizeof *tb->trees)) {
      free(tree.words);
      kg_conllu_sentence_release(&s);
      st = kg_error(err, KG_ERR_NOMEM, path, 0, -1, "out of memory");
      break;
    }
    for (size_t i = 0; i < s.n_words && st == KG_OK; i++) {
      const KgConlluWord *w = &s.words[i];
      KgTreeWord *t = &tree.words[i];
      if (w->head < 0) {
        st = kg_error(err, KG_ERR_PARSE, path, s.first_line, -1,
                      "word %zu of the sentence has no HEAD", i + 1);
        break;
      }
      size_t tag_len = strlen(w->upos) + strlen(w->xpos) + 2;
      char *pair = malloc(tag_len);
      if (pair == NULL) {
        st = kg_error(err, KG_ERR_NOMEM, path, 0, -1, "out of memory");
        break;
      }
      snprintf(pair, tag_len, "%s\t%s", w->upos, w->xpos);
      int rc = number(tags, &tag_pairs, &tb->n_tags, &tag_cap, pair, &t->tag) |
               number(labels, &tb->labels, &tb->n_labels, &label_cap,
                      w->deprel, &t->label);
      free(pair);
      if (rc != 0)
        st = kg_error(err, KG_ERR_NOMEM, path, 0, -1, "out of memory");
      t->form = w->form;
      t->len = strlen(w->form);
      t->lemma = w->lemma;
      t->head = (uint32_t)w->head;
    }
    tb->sentences[tb->n] = s;
    tb->trees[tb->n] = tree;
    tb->n++;
  }
  /* The tag pairs become the two lists the models store. */
  if (st == KG_OK) {
    tb->upos = calloc(tb->n_tags + 1, sizeof *tb->upos);
    tb->xpos = calloc(tb->n_tags + 1, sizeof *tb->xpos);
    if (tb->upos == NULL || tb->xpos == NULL)
      st = kg_error(err, KG_ERR_NOMEM, path, 0, -1, "out of memory");
    for (size_t t = 0; st == KG_OK && t < tb->n_tags; t++) {
      char *tab = strchr(tag_pairs[t], '\t');
      tb->upos[t] = strndup(tag_pairs[t], (size_t)(tab - tag_pairs[t]));
      tb->xpos[t] = strdup(tab + 1);
      if (tb->upos[t] == NULL || tb->xpos[t] == NULL)
        st = kg_error(err, KG_ERR_NOMEM, path, 0, -1, "out of memory");
    }
  }
  for (size_t t = 0; t < tb->n_tags; t++)
    free(tag_pairs[t]);
  free(tag_pairs);
  kg_strmap_free(tags);
  kg_strmap_free(labels);
  kg_conllu_reader_free(r);
  fclose(in);
  if (st != KG_OK)
    kg_treebank_release(tb);
  return st;
}

static void free_names(char **names, size_t n) {
  if (names == NULL)
    return;
  for (size_t i = 0; i < n; i++)
    free(names[i]);
  free(names);
}

void kg_treebank_release(KgTreebank *tb) {
  for (size_t i = 0; i < tb->n; i++) {
    kg_conllu_sentence_release(&tb->sentences[i]);
    free(tb->trees[i].words);
  }
  free(tb->sentences);
  free(tb->trees);
  free_names(tb->upos, tb->n_tags);
  free_names(tb->xpos, tb->n_tags);
  free_names(tb->labels, tb->n_labels);
  memset(tb, 0, sizeof *tb);
}
