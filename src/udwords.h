/* udwords.h - a sentence's words as Universal Dependencies counts them
 * (internal).
 *
 * `newskg parse` writes CoNLL-U, and the tagger and parser behind it are
 * trained on UD English EWT; they read words cut the way EWT cuts them.
 * newskg's tokens (sentences.h) serve the gazetteer and the rules, and are
 * cut a little differently: "they're" is one token where EWT has the words
 * "they" and "'re", "e-mail" three where EWT has one.  kg_ud_sentence turns
 * one sentence's tokens into EWT's tokens and words, each still a span of
 * the article, and fills a KgConlluSentence (conllu.h) with them, ready for
 * the tagger.  udwords.c says which cuts it makes and why.
 */
#ifndef KG_UDWORDS_H
#define KG_UDWORDS_H

#include <stddef.h>

#include "conllu.h"
#include "newskg.h"
#include "sentences.h"

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
 *  Every column but FORM and MISC is "_" (HEAD -1); MISC is
 *  "SpaceAfter=No" on a token (the multiword line, or the word when it is
 *  a token alone) that no white space follows in the text, "_" otherwise.
 *  Every sentence of t gets a block, repeats (KG_SENT_DUPLICATE) too.  The
 *  strings are the sentence's, as conllu.h says; out does not point into
 *  t.  Returns KG_OK; KG_ERR_INPUT when t has no such sentence;
 *  KG_ERR_NOMEM.  On an error *out is left empty and err, when not NULL,
 *  says why. */
KgStatus kg_ud_sentence(const KgText *t, size_t sentence, const char *sent_id,
                        KgConlluSentence *out, KgError *err);

#endif /* KG_UDWORDS_H */
