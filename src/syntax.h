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
 * Parsing costs far more than the rest of extraction (about 150,000 words
 * a second against 25 MB of text a second), so the extractor parses only
 * the sentences a dependency rule may read (treeread.h).
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

/** kg_syntax_parse with the words of a group as one: consecutive words
 *  whose tokens have the same group_of_token >= 0 (the mentions of a name,
 *  "Sameh Shoukry") are parsed as one word, the group's last, spanning
 *  them all and tied to the first's token; a possessive "'s" is never
 *  merged.  Parsers trained on web text read a news sentence's long names
 *  and titles better as single proper nouns.  group_of_token has an entry
 *  per token of t; NULL merges nothing. */
KgStatus kg_syntax_parse_grouped(KgSyntax *s, const KgGrammar *g,
                                 const KgText *t, size_t sentence,
                                 const long *group_of_token,
                                 const KgSyntaxWord **words, size_t *n,
                                 KgError *err);

#endif /* KG_SYNTAX_H */
