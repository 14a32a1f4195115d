/* lemmatizer.h - the lemma of a tagged word (internal).
 *
 * A lemmatizer learned from a treebank's LEMMA column, in the conventions
 * of UD English EWT: a proper noun's lemma is its form ("Bush"), a number
 * keeps its digits without thousands separators ("2,000" -> "2000"), "n't"
 * is "not", "'s" is "be" (VBZ) or "'s" (POS), "I" stays "I", and a common
 * word capitalised at the start of a sentence is lower-cased ("The" ->
 * "the").  It looks a word up, most specific first:
 *
 *   1. its exact form with its tag, seen in training: the lemma seen most
 *      often with them ("saw"/VBD -> "see", "'s"/VBZ -> "be");
 *   2. its form in lower case with its tag ("Running"/VBG -> "run");
 *   3. for a word training never saw, the edit learned for the longest
 *      known ending of its form with its tag: strip k final bytes, append
 *      a string ("-ies"/NNS: strip 3, append "y"), after a change of case
 *      (keep, lower, title) or of digits (drop thousands separators)
 *      chosen by the tag and the shape of the word.
 *
 * A tag is a (UPOS, XPOS) pair, as the tagger gives.  The model file's kind
 * is "lemmas"; kg_lemmatizer_train writes one, kg_lemmatizer_load maps it
 * and checks every table and offset in it, so that a damaged model is an
 * error naming the file, never a wrong lemma or a crash.
 *
 *     char buf[KG_LEMMA_SLACK + 64];
 *     size_t n;
 *     const char *lemma = kg_lemmatize(l, "cities", 6, "NOUN", "NNS", buf,
 *                                      sizeof buf, &n);     // "city", 4
 */
#ifndef KG_LEMMATIZER_H
#define KG_LEMMATIZER_H

#include <stddef.h>

#include "newskg.h"
#include "treebank.h"

/** How many bytes a lemma may be longer than its form: a buffer of len +
 *  KG_LEMMA_SLACK bytes always holds the lemma of a word of len bytes. */
enum { KG_LEMMA_SLACK = 16 };

typedef struct KgLemmatizerImpl KgLemmatizer;

/** Maps the "lemmas" model at path into *out (release with
 *  kg_lemmatizer_free).  Returns KG_OK, KG_ERR_IO when the file cannot be
 *  read, KG_ERR_PARSE when it is not such a model or is damaged (err names
 *  the file), KG_ERR_NOMEM. */
KgStatus kg_lemmatizer_load(const char *path, KgLemmatizer **out, KgError *err);

/** Releases l; kg_lemmatizer_free(NULL) is a no-op. */
void kg_lemmatizer_free(KgLemmatizer *l);

/** The lemma of the len bytes of form (UTF-8) tagged upos and xpos (e.g.
 *  "VERB", "VBD"; NUL-terminated, not NULL).  Returns its first byte and
 *  sets *lemma_len; the lemma is not NUL-terminated, and lies either in
 *  the model (valid until kg_lemmatizer_free), or in form itself, or in
 *  buf, the caller's cap bytes, which the call may overwrite.  With cap >=
 *  len + KG_LEMMA_SLACK every lemma fits; with less, a lemma that would not
 *  fit in buf is given as the form.  Never fails: a word nothing is known
 *  about is its own lemma.  Reads l only, so threads may share it. */
const char *kg_lemmatize(const KgLemmatizer *l, const char *form, size_t len,
                         const char *upos, const char *xpos, char *buf,
                         size_t cap, size_t *lemma_len);

/** Learns a lemmatizer from every word of tb and saves it at path.  Words
 *  whose LEMMA is "_" (not annotated) are left out.  The same treebank
 *  gives the same bytes.  Returns KG_OK, KG_ERR_IO / KG_ERR_NOMEM naming
 *  path. */
KgStatus kg_lemmatizer_train(const KgTreebank *tb, const char *path,
                             KgError *err);

#endif /* KG_LEMMATIZER_H */
