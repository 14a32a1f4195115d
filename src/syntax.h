/* syntax.h - the grammar of one sentence of an article (internal).
 *
 * What the relation stages read of a sentence's grammar: its words as
 * UD English EWT cuts them (udwords.h), each a byte span of the article
 * tied to the newskg token it comes from, with the tags, lemma and
 * dependency head and relation the models of a KgGrammar (grammar.h) give
 * it.  A KgSyntax is one thread's scratch memory, reused sentence after
 * sentence; the KgGrammar is read-only and shared.
 *
 *     KgSyntax *s = kg_syntax_new();
 *     const KgSyntaxWord *w;
 *     size_t n;
 *     if (kg_syntax_parse(s, g, t, i, &w, &n, &err) == KG_OK)
 *       ...w[0, n): "met" has head 0 and deprel "root"...
 *     kg_syntax_free(s);
 *
 * The extractor does not call it yet.  Parsing costs far more than the
 * rest of extraction (about 100,000 words a second against 25 MB of text
 * a second), so newskg 0.8 will call it only for the sentences that can
 * hold a relation.
 */
#ifndef KG_SYNTAX_H
#define KG_SYNTAX_H

#include <stddef.h>

#include "grammar.h"
#include "newskg.h"
#include "sentences.h"

/** One word of a parsed sentence.  The tags and deprel are NUL-terminated
 *  strings of the grammar; the lemma, lemma_len bytes not NUL-terminated,
 *  belongs to the grammar or to the KgSyntax. */
typedef struct {
  size_t start, end;  ///< its bytes [start, end) of the article
  size_t token;       ///< the newskg token holding its first byte
                      ///< (KgUdWord.token)
  const char *upos;   ///< universal part of speech ("VERB")
  const char *xpos;   ///< Penn Treebank tag ("VBD")
  const char *lemma;  ///< "meet" of "met"
  size_t lemma_len;   ///< its length in bytes
  size_t head;        ///< 0 for the root, else the 1-based index of the
                      ///< word it depends on
  const char *deprel; ///< its UD relation to the head ("nsubj", "root")
} KgSyntaxWord;

typedef struct KgSyntaxImpl KgSyntax;

/** Scratch memory for kg_syntax_parse, one a thread; NULL when out of
 *  memory.  The caller frees it with kg_syntax_free. */
KgSyntax *kg_syntax_new(void);

/** Frees s and the words it last gave; NULL is a no-op. */
void kg_syntax_free(KgSyntax *s);

/** Cuts sentence `sentence` of t into UD words (kg_ud_words) and analyses
 *  them with g: *words receives the n words, in text order, whose heads
 *  form one tree with a single root.  They belong to s and stay valid
 *  until its next kg_syntax_parse or kg_syntax_free (and while t's text
 *  does).  The same sentence always gets the same analysis.  Returns
 *  KG_OK; KG_ERR_INPUT when t has no such sentence (or it has no token);
 *  KG_ERR_NOMEM.  On an error *words is NULL, *n is 0 and err, when not
 *  NULL, says why. */
KgStatus kg_syntax_parse(KgSyntax *s, const KgGrammar *g, const KgText *t,
                         size_t sentence, const KgSyntaxWord **words, size_t *n,
                         KgError *err);

#endif /* KG_SYNTAX_H */
