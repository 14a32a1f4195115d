/* udwords.h - a sentence's words as Universal Dependencies counts them
 * (internal).
 *
 * `newskg parse` writes CoNLL-U, and the tagger and parser behind it are
 * trained on UD English EWT; they read words cut the way EWT cuts them.
 * newskg's tokens (sentences.h) serve the gazetteer and the rules, and are
 * cut a little differently: "they're" is one token where EWT has the words
 * "they" and "'re", "e-mail" three where EWT has one.  kg_ud_words turns
 * one sentence's tokens into EWT's words, each still a span of the article
 * that knows the token it came from, for the stages that read the grammar
 * (syntax.h); kg_ud_sentence writes the same words as a KgConlluSentence
 * (conllu.h), ready for the tagger.  udwords.c says which cuts it makes and
 * why.
 */
#ifndef KG_UDWORDS_H
#define KG_UDWORDS_H

#include <stddef.h>

#include "conllu.h"
#include "newskg.h"
#include "sentences.h"

/** One word as EWT cuts it: a span of the article and the newskg token it
 *  comes from. */
typedef struct {
  size_t start, end; ///< its bytes [start, end) of t->text, never empty
  size_t token;      ///< the index in t->tokens of the token that holds its
                     ///< first byte: a word of several tokens ("e-mail",
                     ///< "10:30") gets the first, the two words of one
                     ///< token ("they" "'re" of "they're") the same
  unsigned joined;   ///< 1 when it is one UD token with the word before it,
                     ///< a multiword token ("n't" of "don't", "'s" of
                     ///< "Putin's"); 0 for a token's first word
} KgUdWord;

/** Cuts sentence `sentence` of t into EWT's words, in text order, into
 *  (*words)[0, *n).  *words is an array of *cap words that the caller
 *  owns, reuses from sentence to sentence and frees (start with NULL and
 *  0): it is grown with realloc when it is too small.  The words do not
 *  overlap, and lie within the sentence's tokens.  Every sentence of t can
 *  be cut, repeats (KG_SENT_DUPLICATE) too.  Returns KG_OK; KG_ERR_INPUT
 *  when t has no such sentence (or it has no token); KG_ERR_NOMEM, the
 *  array then as it was.  On an error *n is 0 and err, when not NULL, says
 *  why.
 *
 *      KgUdWord *w = NULL;
 *      size_t n, cap = 0;
 *      for (size_t i = 0; i < t->sentence_count; i++)
 *        if (kg_ud_words(t, i, &w, &n, &cap, &err) == KG_OK) ...w[0, n)...
 *      free(w);
 */
KgStatus kg_ud_words(const KgText *t, size_t sentence, KgUdWord **words,
                     size_t *n, size_t *cap, KgError *err);

/** Fills *out (released first with kg_conllu_sentence_release: zero it
 *  before the first call) with sentence `sentence` of t as a CoNLL-U
 *  block of words with only their FORM and MISC known:
 *
 *      # sent_id = <sent_id>            (left out when sent_id is NULL)
 *      # text = <the sentence, each run of white space one space>
 *      # credit = AFP / Ludovic MARIN   (after a caption's last sentence)
 *      1-2  don't  _ _ _ _ _ _ _ _      (a token of two or more words)
 *      1    do     _ _ _ _ _ _ _ _
 *      2    n't    _ _ _ _ _ _ _ SpaceAfter=No
 *
 *  The words are kg_ud_words's.  Every column but FORM and MISC is "_"
 *  (HEAD -1); MISC is "SpaceAfter=No" on a token (the multiword line, or
 *  the word when it is a token alone) that no white space follows in the
 *  text, "_" otherwise.
 *  Every sentence of t gets a block, repeats (KG_SENT_DUPLICATE) too.  The
 *  strings are the sentence's, as conllu.h says; out does not point into
 *  t.  Returns KG_OK; KG_ERR_INPUT when t has no such sentence;
 *  KG_ERR_NOMEM.  On an error *out is left empty and err, when not NULL,
 *  says why. */
KgStatus kg_ud_sentence(const KgText *t, size_t sentence, const char *sent_id,
                        KgConlluSentence *out, KgError *err);

#endif /* KG_UDWORDS_H */
